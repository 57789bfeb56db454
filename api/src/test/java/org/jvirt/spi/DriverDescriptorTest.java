package org.jvirt.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DriverDescriptorTest {
    private static DriverDescriptor d(DriverDescriptor.Locality locality, String... schemes) {
        return new DriverDescriptor("d", Set.of(schemes), "1", locality, 0);
    }

    @Test
    void localDriverAdmitsOnlyLocalUrisOfItsScheme() {
        DriverDescriptor qemu = d(DriverDescriptor.Locality.LOCAL, "qemu");
        assertTrue(qemu.admits(ConnectUri.parse("qemu:///system")));
        assertTrue(qemu.admits(ConnectUri.parse("QEMU:///system")));
        assertFalse(qemu.admits(ConnectUri.parse("qemu+ssh://h/system")));
        assertFalse(qemu.admits(ConnectUri.parse("qemu://h/system")));
        assertFalse(qemu.admits(ConnectUri.parse("xen:///system")));
    }

    @Test
    void remoteWildcardDriverAdmitsOnlyRemoteUris() {
        DriverDescriptor remote = d(DriverDescriptor.Locality.REMOTE, "*");
        assertTrue(remote.admits(ConnectUri.parse("qemu+ssh://h/system")));
        assertTrue(remote.admits(ConnectUri.parse("xen+unix:///system")));
        assertFalse(remote.admits(ConnectUri.parse("qemu:///system")));
    }

    @Test
    void anyLocalityAdmitsBoth() {
        DriverDescriptor esx = d(DriverDescriptor.Locality.ANY, "esx", "gsx");
        assertTrue(esx.admits(ConnectUri.parse("esx://h")));
        assertTrue(esx.admits(ConnectUri.parse("gsx:///")));
        assertFalse(esx.admits(ConnectUri.parse("vpx://h")));
    }

    @Test
    void schemesAreCopiedAndImmutable() {
        Set<String> schemes = new HashSet<>(Set.of("demo"));
        DriverDescriptor dd = new DriverDescriptor("demo", schemes, "1", DriverDescriptor.Locality.LOCAL, 0);
        schemes.add("other");
        assertFalse(dd.schemes().contains("other"));
        assertThrows(UnsupportedOperationException.class, () -> dd.schemes().add("x"));
        assertThrows(NullPointerException.class,
                () -> new DriverDescriptor(null, Set.of(), "1", DriverDescriptor.Locality.LOCAL, 0));
    }
}
