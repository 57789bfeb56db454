/**
 * jvirt's core: {@code Virt.open} (the driver manager), URI aliases, driver discovery through
 * ServiceLoader and the pf4j plugin folder, and the XML model ({@code org.jvirt.conf}).
 */
module org.jvirt.core {
    requires transitive org.jvirt.api;
    requires org.slf4j;
    requires jakarta.xml.bind;
    // SafeXml's Anchor: a jaxb-runtime Coordinator kept current during a parse (see there).
    requires org.glassfish.jaxb.runtime;
    requires transitive java.xml;
    requires org.pf4j;

    exports org.jvirt.core;
    exports org.jvirt.conf;

    // JAXB binds the model reflectively.
    opens org.jvirt.conf to jakarta.xml.bind, org.glassfish.jaxb.runtime;

    uses org.jvirt.spi.Driver;
}
