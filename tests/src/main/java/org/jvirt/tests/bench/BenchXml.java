package org.jvirt.tests.bench;

/** The domain XML both sides of every benchmark use, so that they parse the same input. */
final class BenchXml {
    /** Domains defined for the listing benchmark, as libvirt's own scale tests do. */
    static final int LIST_SIZE = 10_000;

    /** The domain every {@code test:///default} host has. */
    static final String DEFAULT_DOMAIN = "test";

    private BenchXml() {
    }

    /**
     * A minimal domain of type {@code test}, as small as libvirt accepts.
     *
     * @param name the domain's name
     * @return its XML
     */
    static String domain(String name) {
        return "<domain type='test'><name>" + name + "</name><memory unit='KiB'>131072</memory>"
                + "<vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>";
    }

    /**
     * The name of the i-th domain defined for the listing benchmark.
     *
     * @param i its index
     * @return its name
     */
    static String listName(int i) {
        return String.format("bench-%05d", i);
    }
}
