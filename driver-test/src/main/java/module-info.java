/** The test driver: {@code test:///default} and {@code test:///PATH/node.xml}. */
module org.jvirt.driver.test {
    requires org.jvirt.core;
    requires org.slf4j;

    provides org.jvirt.spi.Driver with org.jvirt.driver.test.TestDriver;
}
