/**
 * JMH benchmarks: the same operations on {@code test:///default} through jvirt's API
 * ({@link org.jvirt.tests.bench.JvirtBench}) and through libvirt's own C test driver via
 * libvirt-java and JNA ({@link org.jvirt.tests.bench.LibvirtBench}). Run them with
 * {@code bench/run-jmh.sh}; results and how to read them are in {@code docs/performance.md}.
 */
package org.jvirt.tests.bench;
