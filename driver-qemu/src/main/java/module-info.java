/**
 * The QEMU/KVM driver: {@code qemu:///system}, {@code qemu:///session} and
 * {@code qemu:///embed?root=DIR}. Guests run as QEMU processes managed over QMP.
 */
module org.jvirt.driver.qemu {
    requires org.jvirt.core;
    requires org.slf4j;

    exports org.jvirt.driver.qemu;

    provides org.jvirt.spi.Driver with org.jvirt.driver.qemu.QemuDriver;
}
