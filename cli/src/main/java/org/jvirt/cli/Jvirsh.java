package org.jvirt.cli;

/** PLACEHOLDER for jvirsh's entry point. */
public final class Jvirsh {
    private Jvirsh() {
    }

    /**
     * Runs jvirsh.
     *
     * @param args virsh-style arguments
     */
    public static void main(String[] args) {
        System.exit(0);
    }
}
