/** The example driver plugin ({@code demo:///}); loaded by pf4j in its own class loader. */
module org.jvirt.plugin.example {
    requires org.jvirt.core;
    requires org.pf4j;
}
