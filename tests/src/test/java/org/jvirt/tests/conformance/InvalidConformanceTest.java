package org.jvirt.tests.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.XmlText;

/**
 * Documents that must be refused: {@code invalid/libvirt-generic}, {@code invalid/libvirt-schema}
 * (parsed as {@code define --validate}, as libvirt's schema test requires them to fail validation),
 * {@code invalid/libvirt-qemu-parse}, {@code invalid/crafted} and {@code network/invalid}.
 *
 * <p>A case passes when parsing throws a {@link VirtException} whose code is libvirt's: the code of
 * the {@code .err} message where the corpus has one ({@code XML_ERROR} and {@code XML_DETAIL} count as
 * one kind, both print "XML error"), else one of the codes libvirt uses for bad documents. Where
 * {@code .err} exists the message's first line must also be libvirt's, except for well-formedness
 * errors ({@code (domain_definition):LINE: ...}) whose wording is libxml2's own: there the
 * {@code (document):LINE:} prefix must match. Hostile documents (manifest {@code hostile}) must be
 * refused within a time limit and the message must not carry anything of a file they reference.
 */
class InvalidConformanceTest {
    static final String[] SETS = {"invalid/libvirt-generic", "invalid/libvirt-schema", "invalid/libvirt-qemu-parse",
        "invalid/crafted", "network/invalid"};

    /** The codes libvirt gives documents it refuses, when the corpus records no message. */
    static final Set<ErrorCode> SENSIBLE = EnumSet.of(ErrorCode.XML_ERROR, ErrorCode.XML_DETAIL,
            ErrorCode.CONFIG_UNSUPPORTED, ErrorCode.INVALID_ARG, ErrorCode.OVERFLOW, ErrorCode.NO_NAME,
            ErrorCode.XML_INVALID_SCHEMA, ErrorCode.INTERNAL_ERROR);

    private static final Pattern DETAIL = Pattern.compile("^(\\([a-z_]+\\):\\d+:).*");

    @TestFactory
    Stream<DynamicTest> domains() {
        return Stream.of("libvirt-generic", "libvirt-schema", "libvirt-qemu-parse", "crafted").flatMap(sub -> {
            String set = "invalid/" + sub;
            return Corpus.cases("invalid", sub + "/", set).stream().map(c -> Conformance.test(set, c.id(), () -> {
                Path xml = c.fileEnding(".xml") != null ? c.fileEnding(".xml") : c.fileEnding(".xml.gz");
                Path err = c.fileEnding(".err");
                Path expect = c.fileEnding(".expect");
                boolean hostile = Boolean.TRUE.equals(c.entry().get("hostile"));
                boolean inactive = "inactive".equals(c.str("parse_mode"));
                boolean validate = sub.equals("libvirt-schema");
                refused(xml, err, expect, hostile, "domain_definition",
                        text -> Model.parseDomain(text, inactive, validate));
            }));
        });
    }

    @TestFactory
    Stream<DynamicTest> networks() {
        return Corpus.cases("network", "invalid/", "network/invalid").stream()
                .map(c -> Conformance.test("network/invalid", c.id(), () -> refused(
                        c.file("invalid/" + c.id() + ".xml"), null, null, false, "network_definition",
                        Model::parseNetwork)));
    }

    interface Parse {
        void parse(String xml);
    }

    static void refused(Path xml, Path err, Path expect, boolean hostile, String docName, Parse parse) {
        String expectation = expect == null ? "must be refused" : Corpus.read(expect).strip();
        String libvirt = err == null ? null : Corpus.read(err).strip();
        VirtException e = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(hostile ? 30 : 10), () -> {
            try {
                String text = XmlText.decode(load(xml), docName);
                parse.parse(text);
            } catch (VirtException ve) {
                return ve;
            } catch (StackOverflowError | OutOfMemoryError fatal) {
                throw new AssertionError("blew up instead of refusing: " + fatal, fatal);
            }
            return null;
        });
        Assertions.assertNotNull(e, "accepted a document that must be refused (" + expectation + ")");
        String msg = e.getMessage() == null ? "" : e.getMessage();
        String first = msg.lines().findFirst().orElse("");
        if (hostile) {
            for (String leak : referencedFileContent(xml)) {
                Assertions.assertFalse(msg.contains(leak), "the message carries content of a referenced file: " + msg);
            }
        }
        if (libvirt == null) {
            Assertions.assertTrue(SENSIBLE.contains(e.code()), "refused with " + e.code() + " (" + first
                    + "), not a code libvirt gives bad documents; expected: " + expectation);
            return;
        }
        String want = libvirt.lines().findFirst().orElse("");
        ErrorCode wantCode = codeOf(want);
        Assertions.assertTrue(sameKind(wantCode, e.code()), "refused with " + e.code() + " (" + first
                + ") where libvirt gives " + wantCode + " (" + want + ")");
        Matcher m = DETAIL.matcher(want);
        if (m.matches()) {
            Assertions.assertTrue(first.startsWith(m.group(1)), "message [" + first + "] where libvirt says [" + want
                    + "]");
        } else {
            Assertions.assertEquals(want, first, "message differs from libvirt's");
        }
    }

    static boolean sameKind(ErrorCode want, ErrorCode got) {
        if (want == got) {
            return true;
        }
        Set<ErrorCode> xml = EnumSet.of(ErrorCode.XML_ERROR, ErrorCode.XML_DETAIL);
        return xml.contains(want) && xml.contains(got);
    }

    /**
     * libvirt's code from the start of its message. A message with no code prefix is libvirt's
     * {@code VIR_ERR_XML_DETAIL}, whose template is the bare message ("%s").
     */
    static ErrorCode codeOf(String message) {
        if (DETAIL.matcher(message).matches()) {
            return ErrorCode.XML_DETAIL;
        }
        for (ErrorCode c : ErrorCode.values()) {
            String t = c.format("\u0000");
            int cut = t.indexOf('\u0000');
            String prefix = cut > 0 ? t.substring(0, cut) : null;
            if (prefix != null && prefix.length() > 4 && message.startsWith(prefix) && c != ErrorCode.XML_DETAIL) {
                return c;
            }
        }
        return ErrorCode.XML_DETAIL;
    }

    /** The document's bytes, gunzipped for {@code .xml.gz} (as a user would hand over the file). */
    static byte[] load(Path p) {
        if (!p.toString().endsWith(".gz")) {
            return Corpus.bytes(p);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of local files the document references with {@code SYSTEM "file:..."}, to detect a leak. */
    static Set<String> referencedFileContent(Path xml) {
        Set<String> out = new java.util.HashSet<>();
        if (xml.toString().endsWith(".gz")) {
            return out;
        }
        Matcher m = Pattern.compile("SYSTEM\\s+[\"'](file://)?(/[^\"']+)[\"']").matcher(Corpus.read(xml));
        while (m.find()) {
            Path f = Path.of(m.group(2));
            try {
                if (Files.isRegularFile(f) && Files.isReadable(f) && Files.size(f) < 1 << 20) {
                    Files.readAllLines(f).stream().map(String::strip).filter(l -> l.length() > 8).limit(5)
                            .forEach(out::add);
                }
            } catch (IOException | UncheckedIOException ignored) {
                // unreadable: nothing can leak
            }
        }
        return out;
    }

    @AfterAll
    static void report() {
        Conformance.report(SETS);
    }
}
