/** JMH benchmarks of XML parse+format, jvirt beside libvirt 9 in the same run (bench/xml-bench.sh). */
package org.jvirt.tests.bench.xml;
