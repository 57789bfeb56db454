/**
 * jvirt's stable API ({@code org.jvirt.api}) and driver SPI ({@code org.jvirt.spi}).
 * Depends on nothing outside the JDK.
 */
module org.jvirt.api {
    exports org.jvirt.api;
    exports org.jvirt.spi;
}
