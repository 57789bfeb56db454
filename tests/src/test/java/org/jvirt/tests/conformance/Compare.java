package org.jvirt.tests.conformance;

import org.opentest4j.AssertionFailedError;

/**
 * The README's comparison rule for XML outputs, used in its strict form: exact text equality
 * (libvirt's formatter is deterministic and jvirt's writer reproduces it, so the tree-comparison
 * fallback is not needed and would hide attribute-order and self-closing differences).
 */
final class Compare {
    private Compare() {
    }

    static void sameText(String expected, String actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) {
            i++;
        }
        String el = i < e.length ? e[i] : "(end of document)";
        String al = i < a.length ? a[i] : "(end of document)";
        throw new AssertionFailedError(what + " differs at line " + (i + 1) + ": expected [" + el.strip()
                + "] but was [" + al.strip() + "]", expected, actual);
    }
}
