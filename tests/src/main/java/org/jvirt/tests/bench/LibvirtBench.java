package org.jvirt.tests.bench;

import java.util.concurrent.TimeUnit;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * libvirt's side: its own C test driver ({@code test:///default}, built into libvirt.so.0)
 * through libvirt-java 0.5.2 over JNA, the binding jvirt is meant to replace. Every libvirt
 * object a benchmark obtains is freed in the benchmark, as a careful caller of the binding
 * must. Method names match {@link JvirtBench} one for one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LibvirtBench {

    /**
     * {@code virConnectListAllDomains} and {@code virDomainFree}, which libvirt-java 0.5.2 does
     * not bind: it only has {@code listDomains} (ids) and {@code listDefinedDomains} (names).
     * Called directly so that the listing benchmark compares the same operation: one call
     * returning every domain as an object.
     */
    interface ListAll extends Library {
        ListAll LIB = Native.load("virt", ListAll.class);

        int virConnectListAllDomains(Pointer conn, PointerByReference domains, int flags);

        int virDomainFree(Pointer domain);
    }

    /** libvirt-java's connection with its native handle made reachable for {@link ListAll}. */
    static final class Conn0 extends Connect {
        Conn0(String uri) throws LibvirtException {
            super(uri);
        }

        Pointer handle() {
            return vcp.getPointer();
        }
    }

    /** One connection, open for the whole trial. */
    @State(Scope.Benchmark)
    public static class Conn {
        Conn0 conn;
        Domain test;
        String defineXml;
        String createXml;

        /**
         * Opens the connection and looks up the default domain.
         *
         * @throws LibvirtException if libvirt fails
         */
        @Setup(Level.Trial)
        public void open() throws LibvirtException {
            conn = new Conn0("test:///default");
            test = conn.domainLookupByName(BenchXml.DEFAULT_DOMAIN);
            defineXml = BenchXml.domain("bench-define");
            createXml = BenchXml.domain("bench-create");
        }

        /**
         * Closes it.
         *
         * @throws LibvirtException if libvirt fails
         */
        @TearDown(Level.Trial)
        public void close() throws LibvirtException {
            test.free();
            conn.close();
        }
    }

    /** A connection whose host has {@value BenchXml#LIST_SIZE} more domains defined. */
    @State(Scope.Benchmark)
    public static class Many {
        Conn0 conn;

        /**
         * Defines the domains.
         *
         * @throws LibvirtException if libvirt fails
         */
        @Setup(Level.Trial)
        public void define() throws LibvirtException {
            conn = new Conn0("test:///default");
            for (int i = 0; i < BenchXml.LIST_SIZE; i++) {
                conn.domainDefineXML(BenchXml.domain(BenchXml.listName(i))).free();
            }
        }

        /**
         * Undefines them and closes the connection.
         *
         * @throws LibvirtException if libvirt fails
         */
        @TearDown(Level.Trial)
        public void undefine() throws LibvirtException {
            for (int i = 0; i < BenchXml.LIST_SIZE; i++) {
                Domain d = conn.domainLookupByName(BenchXml.listName(i));
                d.undefine();
                d.free();
            }
            conn.close();
        }
    }

    /**
     * Defines a persistent domain from XML and undefines it.
     *
     * @param s the connection
     * @return the domain, undefined and freed by now
     * @throws LibvirtException if libvirt fails
     */
    @Benchmark
    public Domain defineUndefine(Conn s) throws LibvirtException {
        Domain d = s.conn.domainDefineXML(s.defineXml);
        d.undefine();
        d.free();
        return d;
    }

    /**
     * Looks a domain up by name.
     *
     * @param s the connection
     * @return the domain, freed by now
     * @throws LibvirtException if libvirt fails
     */
    @Benchmark
    public Domain lookupByName(Conn s) throws LibvirtException {
        Domain d = s.conn.domainLookupByName(BenchXml.DEFAULT_DOMAIN);
        d.free();
        return d;
    }

    /**
     * Formats a running domain's XML.
     *
     * @param s the connection
     * @return the XML
     * @throws LibvirtException if libvirt fails
     */
    @Benchmark
    public String getXMLDesc(Conn s) throws LibvirtException {
        return s.test.getXMLDesc(0);
    }

    /**
     * Lists every domain of a host with {@value BenchXml#LIST_SIZE} + 1 of them, as objects,
     * and frees them.
     *
     * @param s the connection
     * @return the number of domains
     */
    @Benchmark
    public int listAllDomains10k(Many s) {
        PointerByReference out = new PointerByReference();
        int n = ListAll.LIB.virConnectListAllDomains(s.conn.handle(), out, 0);
        if (n <= BenchXml.LIST_SIZE) {
            throw new IllegalStateException("expected more than " + BenchXml.LIST_SIZE + " domains, got " + n);
        }
        Pointer array = out.getValue();
        for (Pointer d : array.getPointerArray(0, n)) {
            ListAll.LIB.virDomainFree(d);
        }
        Native.free(Pointer.nativeValue(array));
        return n;
    }

    /**
     * Starts a transient domain from XML and destroys it (which also removes it).
     *
     * @param s the connection
     * @return the domain, destroyed and freed by now
     * @throws LibvirtException if libvirt fails
     */
    @Benchmark
    public Domain createDestroy(Conn s) throws LibvirtException {
        Domain d = s.conn.domainCreateXML(s.createXml, 0);
        d.destroy();
        d.free();
        return d;
    }
}
