package org.jvirt.conf;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/** The one JAXB context of the model, built once on first use (initialisation-on-demand holder). */
final class Jaxb {
    private Jaxb() {
    }

    private static final class Holder {
        static final JAXBContext CONTEXT = build();

        private static JAXBContext build() {
            JAXBContext c;
            try {
                c = JAXBContext.newInstance(DomainDef.class, StoragePoolDef.class, StorageVolDef.class,
                        NetworkDef.class, SnapshotDef.class, CapabilitiesDef.class, NodeXml.Raw.class);
            } catch (JAXBException e) {
                throw new ExceptionInInitializerError(e);
            }
            // JAXB asks for a transformer factory for every untyped element it reads (see DomTransformerFactory).
            DomTransformerFactory.install();
            return c;
        }
    }

    static JAXBContext context() {
        return Holder.CONTEXT;
    }
}
