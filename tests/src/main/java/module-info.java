/** Cross-module tests and benchmarks; nothing here is shipped. */
module org.jvirt.tests {
    requires org.jvirt.core;
}
