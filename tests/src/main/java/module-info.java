/**
 * Cross-module tests and benchmarks; nothing here is shipped.
 *
 * <p>The benchmarks ({@code org.jvirt.tests.bench}) compile against JMH and libvirt-java, which
 * have no module names of their own (automatic modules {@code jmh.core} and {@code libvirt}).
 * bench/run-jmh.sh runs them with jvirt's modules on the module path and JMH, libvirt-java, JNA
 * and this jar on the class path: JMH's forked VMs are started from the class path.
 */
module org.jvirt.tests {
    requires org.jvirt.core;
    requires jmh.core;
    requires libvirt;
    requires com.sun.jna;
    requires jdk.management;
}
