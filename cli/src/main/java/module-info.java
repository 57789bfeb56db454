/** jvirsh: the virsh-compatible command line shell. Finds drivers only through {@code Virt.open}. */
module org.jvirt.cli {
    requires org.jvirt.core;
    requires org.slf4j;
}
