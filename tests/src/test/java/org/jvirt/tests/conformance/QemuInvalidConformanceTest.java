package org.jvirt.tests.conformance;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

/**
 * {@code corpus/qemu-argv/invalid}: the QEMU driver must refuse each document (at define or when
 * building the command line, as {@code domxml-to-native} does both) with libvirt's error. The error
 * kind (the code behind libvirt's prefix: "XML error", "unsupported configuration", "internal error",
 * ...) must always match; the first line of the message must equal the {@code .err} text unless the
 * outcome depends on capabilities (the case was run with another capability set, named by the id's
 * suffix, or the message is about "this QEMU binary" or a test mock), where only the kind is compared.
 */
class QemuInvalidConformanceTest {
    static final String SET = "qemu-argv/invalid";

    /** The code libvirt's message prefix stands for; {@code null} when the message has no known prefix. */
    static ErrorCode kind(String message) {
        String[][] map = {{"XML error:", "XML_ERROR"}, {"unsupported configuration:", "CONFIG_UNSUPPORTED"},
            {"internal error:", "INTERNAL_ERROR"}, {"Requested operation is not valid:", "OPERATION_INVALID"},
            {"invalid argument:", "INVALID_ARG"}, {"operation failed:", "OPERATION_FAILED"},
            {"the CPU is incompatible with host CPU", "CPU_INCOMPATIBLE"}, {"Operation not supported:",
                "OPERATION_UNSUPPORTED"}, {"value too large:", "OVERFLOW"}};
        for (String[] m : map) {
            if (message.startsWith(m[0])) {
                return ErrorCode.valueOf(m[1]);
            }
        }
        return null;
    }

    static boolean sameKind(ErrorCode want, ErrorCode got) {
        if (want == got) {
            return true;
        }
        return (want == ErrorCode.XML_ERROR || want == ErrorCode.XML_DETAIL)
                && (got == ErrorCode.XML_ERROR || got == ErrorCode.XML_DETAIL);
    }

    static boolean capabilityDependent(String id, String message) {
        return id.contains(".") || message.contains("QEMU binary") || message.contains("this QEMU")
                || message.startsWith("Mock:") || message.contains("Mock:");
    }

    @TestFactory
    Stream<DynamicTest> invalid() {
        return Corpus.cases("qemu-argv", "manifest-invalid.json", "", SET).stream()
                .map(c -> Conformance.test(SET, c.id(), () -> {
                    QemuArgvConformanceTest.requireQemu();
                    String err = Corpus.read(c.file("invalid/" + c.id() + ".err")).strip().split("\n")[0];
                    VirtException e = Assertions.assertThrows(VirtException.class,
                            () -> QemuArgvConformanceTest.build(c.file("invalid/" + c.id() + ".xml")),
                            "accepted; libvirt refuses it: " + err);
                    String got = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
                    ErrorCode want = kind(err);
                    if (want != null && !sameKind(want, e.code())) {
                        Assertions.fail("refused with " + e.code() + " (" + got + "); libvirt: " + err);
                    }
                    if (!capabilityDependent(c.id(), err)) {
                        Assertions.assertEquals(err, got, "message");
                    }
                }));
    }

    @AfterAll
    static void report() {
        Conformance.report(SET);
    }
}
