package org.jvirt.tests.bench;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.core.Virt;
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
 * jvirt's side: {@code test:///default} through {@code org.jvirt.api}, found by {@code Virt.open}
 * as any application finds it. Method names match {@link LibvirtBench} one for one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JvirtBench {

    /** One connection, open for the whole trial. */
    @State(Scope.Benchmark)
    public static class Conn {
        Connect conn;
        Domain test;
        String defineXml;
        String createXml;

        /** Opens the connection and looks up the default domain. */
        @Setup(Level.Trial)
        public void open() {
            conn = Virt.open("test:///default");
            test = conn.lookupDomainByName(BenchXml.DEFAULT_DOMAIN);
            defineXml = BenchXml.domain("bench-define");
            createXml = BenchXml.domain("bench-create");
        }

        /** Closes it. */
        @TearDown(Level.Trial)
        public void close() {
            conn.close();
        }
    }

    /** A connection whose host has {@value BenchXml#LIST_SIZE} more domains defined. */
    @State(Scope.Benchmark)
    public static class Many {
        Connect conn;

        /** Defines the domains. */
        @Setup(Level.Trial)
        public void define() {
            conn = Virt.open("test:///default");
            for (int i = 0; i < BenchXml.LIST_SIZE; i++) {
                conn.defineDomain(BenchXml.domain(BenchXml.listName(i)));
            }
        }

        /** Undefines them and closes the connection. */
        @TearDown(Level.Trial)
        public void undefine() {
            for (int i = 0; i < BenchXml.LIST_SIZE; i++) {
                conn.lookupDomainByName(BenchXml.listName(i)).undefine();
            }
            conn.close();
        }
    }

    /**
     * Defines a persistent domain from XML and undefines it.
     *
     * @param s the connection
     * @return the domain, undefined by now
     */
    @Benchmark
    public Domain defineUndefine(Conn s) {
        Domain d = s.conn.defineDomain(s.defineXml);
        d.undefine();
        return d;
    }

    /**
     * Looks a domain up by name.
     *
     * @param s the connection
     * @return the domain
     */
    @Benchmark
    public Domain lookupByName(Conn s) {
        return s.conn.lookupDomainByName(BenchXml.DEFAULT_DOMAIN);
    }

    /**
     * Formats a running domain's XML.
     *
     * @param s the connection
     * @return the XML
     */
    @Benchmark
    public String getXMLDesc(Conn s) {
        return s.test.getXMLDesc();
    }

    /**
     * Lists every domain of a host with {@value BenchXml#LIST_SIZE} + 1 of them.
     *
     * @param s the connection
     * @return the domains
     */
    @Benchmark
    public List<Domain> listAllDomains10k(Many s) {
        List<Domain> all = s.conn.listAllDomains();
        if (all.size() <= BenchXml.LIST_SIZE) {
            throw new IllegalStateException("expected more than " + BenchXml.LIST_SIZE + " domains, got " + all.size());
        }
        return all;
    }

    /**
     * Starts a transient domain from XML and destroys it (which also removes it).
     *
     * @param s the connection
     * @return the domain, gone by now
     */
    @Benchmark
    public Domain createDestroy(Conn s) {
        Domain d = s.conn.createDomain(s.createXml, EnumSet.noneOf(DomainCreateFlag.class));
        d.destroy();
        return d;
    }
}
