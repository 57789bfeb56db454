package org.jvirt.tests.conformance;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;

/**
 * RELAX NG validation against libvirt's own schemas ({@code corpus/schemas/*.rng}) with Jing, the
 * reference RELAX NG validator (test scope only). Each schema is compiled once and reused; a
 * {@link ValidationDriver} is not thread-safe, so each is used under its own lock.
 */
final class Rng {
    private static final Map<String, Rng> SCHEMAS = new ConcurrentHashMap<>();

    private final ValidationDriver driver;
    private final List<String> errors = new ArrayList<>();

    private Rng(Path schema) {
        ErrorHandler eh = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder b = new PropertyMapBuilder();
        b.put(ValidateProperty.ERROR_HANDLER, eh);
        driver = new ValidationDriver(b.toPropertyMap());
        try {
            if (!driver.loadSchema(ValidationDriver.fileInputSource(schema.toFile()))) {
                throw new IllegalStateException("cannot load " + schema + ": " + errors);
            }
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot load " + schema, e);
        }
        errors.clear();
    }

    /**
     * Validates a document.
     *
     * @param schema the schema file name in {@code corpus/schemas}, e.g. {@code domain.rng}
     * @param xml the document
     * @return the errors, empty when valid
     */
    static List<String> errors(String schema, String xml) {
        Rng r = SCHEMAS.computeIfAbsent(schema, s -> new Rng(Corpus.root().resolve("schemas").resolve(s)));
        synchronized (r) {
            r.errors.clear();
            try {
                r.driver.validate(new InputSource(new StringReader(xml)));
            } catch (SAXException | IOException e) {
                r.errors.add(e.toString());
            }
            return List.copyOf(r.errors);
        }
    }

    /** Fails with Jing's messages when {@code xml} does not validate. */
    static void check(String schema, String xml) {
        List<String> e = errors(schema, xml);
        if (!e.isEmpty()) {
            throw new AssertionError("not valid against " + schema + ": " + String.join("; ", e));
        }
    }
}
