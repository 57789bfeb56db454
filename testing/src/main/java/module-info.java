/**
 * Test support shared by the modules' tests, used only in test scope: throwaway real libvirtd
 * daemons ({@link org.jvirt.testing.libvirt.Libvirtd} with the test driver,
 * {@link org.jvirt.testing.libvirt.LibvirtdQemu} with the QEMU driver). Depends on JUnit's API only,
 * not on any jvirt module, so that every module's tests may use it.
 */
module org.jvirt.testing {
    requires org.junit.jupiter.api;

    exports org.jvirt.testing.libvirt;
}
