package org.jvirt.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * A parsed configuration file in libvirt's format ({@code libvirt.conf}, {@code qemu.conf}, ...):
 *
 * <pre>
 * # a comment
 * uri_default = "qemu:///system"
 * uri_aliases = [
 *   "hail=qemu+ssh://root@hail.cloud.example.com/system",   # trailing comments are fine
 *   "sleet=qemu+ssh://root@sleet.cloud.example.com/system",
 * ]
 * max_clients = 5000 ; log_level = -1
 * </pre>
 *
 * <p>One {@code name = value} setting per line (or several separated by {@code ;}); names are
 * {@code [A-Za-z_][A-Za-z0-9_.]*}; values are strings in single, double or triple double quotes
 * (verbatim, no escapes), integers (optionally negative) or lists of values. As in libvirt, lookups
 * are case-insensitive and, if a name repeats, the first setting wins.
 *
 * <p>Syntax errors are {@link VirtException}s with {@link ErrorCode#CONF_SYNTAX} whose message
 * names the source, line and column, e.g. {@code jvirt.conf:3:14: expecting a value}.
 * Immutable and thread-safe.
 */
public final class ConfFile {
    private final String source;
    private final List<Map.Entry<String, ConfValue>> entries;

    private ConfFile(String source, List<Map.Entry<String, ConfValue>> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableList(entries);
    }

    /**
     * Parses configuration text.
     *
     * @param text the file's content
     * @param source a name for messages, usually the file's path
     * @return the parsed file
     * @throws VirtException with {@link ErrorCode#CONF_SYNTAX} naming line and column on bad syntax
     */
    public static ConfFile parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        return new ConfFile(source, new Parser(text, source).parseFile());
    }

    /** The source name given to {@link #parse}. */
    public String source() {
        return source;
    }

    /** Every setting in file order, duplicates included. */
    public List<Map.Entry<String, ConfValue>> entries() {
        return entries;
    }

    /** The first setting with this name (case-insensitive), if any. */
    public Optional<ConfValue> get(String name) {
        for (Map.Entry<String, ConfValue> e : entries) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * A string setting.
     *
     * @param name the setting
     * @return its value, or empty if absent
     * @throws VirtException with {@link ErrorCode#CONF_SYNTAX} if it is present but not a string
     */
    public Optional<String> getString(String name) {
        return get(name).map(v -> {
            if (v instanceof ConfValue.Text t) {
                return t.value();
            }
            throw typeError(name, "a string", v);
        });
    }

    /**
     * A list-of-strings setting; a single string counts as a list of one, as libvirt allows.
     *
     * @param name the setting
     * @return its values, or empty if absent
     * @throws VirtException with {@link ErrorCode#CONF_SYNTAX} if it is not a list of strings
     */
    public Optional<List<String>> getStringList(String name) {
        return get(name).map(v -> {
            if (v instanceof ConfValue.Text t) {
                return List.of(t.value());
            }
            if (v instanceof ConfValue.ListValue l) {
                List<String> out = new ArrayList<>();
                for (ConfValue e : l.values()) {
                    if (!(e instanceof ConfValue.Text t)) {
                        throw typeError(name, "a list of strings", e);
                    }
                    out.add(t.value());
                }
                return List.copyOf(out);
            }
            throw typeError(name, "a list of strings", v);
        });
    }

    /**
     * An integer setting.
     *
     * @param name the setting
     * @return its value, or empty if absent
     * @throws VirtException with {@link ErrorCode#CONF_SYNTAX} if it is present but not an integer
     */
    public Optional<Long> getLong(String name) {
        return get(name).map(v -> {
            if (v instanceof ConfValue.Number n) {
                return n.value();
            }
            throw typeError(name, "an integer", v);
        });
    }

    private VirtException typeError(String name, String expected, ConfValue got) {
        return VirtException.of(ErrorCode.CONF_SYNTAX, ErrorDomain.CONF,
                source + ": expected " + expected + " for '" + name + "' parameter, got a " + got.describe());
    }

    /** A recursive-descent parser over the text, tracking line and column. */
    private static final class Parser {
        private final String text;
        private final String source;
        private int pos;
        private int line = 1;
        private int lineStart;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        List<Map.Entry<String, ConfValue>> parseFile() {
            List<Map.Entry<String, ConfValue>> out = new ArrayList<>();
            while (true) {
                skipBlanks();
                if (eof()) {
                    return out;
                }
                char c = peek();
                if (c == '#') {
                    skipComment();
                } else if (c == '\n' || c == ';') {
                    advance();
                } else {
                    out.add(parseStatement());
                }
            }
        }

        private Map.Entry<String, ConfValue> parseStatement() {
            String name = parseName();
            skipBlanks();
            if (eof() || peek() != '=') {
                throw error("expecting an assignment after '" + name + "'");
            }
            advance();
            skipBlanks();
            ConfValue value = parseValue();
            skipBlanks();
            if (!eof()) {
                char c = peek();
                if (c == '#') {
                    skipComment();
                } else if (c == ';' || c == '\n') {
                    advance();
                } else {
                    throw error("expecting a separator (newline or ';') after the value of '" + name + "'");
                }
            }
            return Map.entry(name, value);
        }

        private String parseName() {
            int start = pos;
            char c = peek();
            if (!(isLetter(c) || c == '_')) {
                throw error("expecting a name, found '" + printable(c) + "'");
            }
            while (!eof() && (isLetter(peek()) || isDigit(peek()) || peek() == '_' || peek() == '.')) {
                advance();
            }
            return text.substring(start, pos);
        }

        private ConfValue parseValue() {
            if (eof()) {
                throw error("expecting a value");
            }
            char c = peek();
            if (c == '"' || c == '\'') {
                return new ConfValue.Text(parseString());
            }
            if (c == '-' || isDigit(c)) {
                return parseNumber();
            }
            if (c == '[') {
                return parseList();
            }
            throw error("expecting a value, found '" + printable(c) + "'");
        }

        private String parseString() {
            int startLine = line;
            int startCol = column();
            char quote = peek();
            if (quote == '"' && text.startsWith("\"\"\"", pos)) {
                pos += 3;
                int end = text.indexOf("\"\"\"", pos);
                if (end < 0) {
                    throw error(startLine, startCol, "unterminated triple-quoted string");
                }
                String value = text.substring(pos, end);
                while (pos < end) {
                    advance();
                }
                pos += 3;
                return value;
            }
            advance();
            int start = pos;
            while (!eof() && peek() != quote) {
                if (peek() == '\n') {
                    throw error(startLine, startCol, "unterminated string");
                }
                advance();
            }
            if (eof()) {
                throw error(startLine, startCol, "unterminated string");
            }
            String value = text.substring(start, pos);
            advance();
            return value;
        }

        private ConfValue parseNumber() {
            int startCol = column();
            int start = pos;
            if (peek() == '-') {
                advance();
            }
            if (eof() || !isDigit(peek())) {
                throw error(line, startCol, "expecting a number");
            }
            while (!eof() && isDigit(peek())) {
                advance();
            }
            if (!eof() && (isLetter(peek()) || peek() == '.')) {
                throw error("unexpected '" + printable(peek()) + "' in a number (quote strings)");
            }
            try {
                return new ConfValue.Number(Long.parseLong(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw error(line, startCol, "number " + text.substring(start, pos) + " out of range");
            }
        }

        private ConfValue parseList() {
            int startLine = line;
            int startCol = column();
            advance(); // [
            List<ConfValue> values = new ArrayList<>();
            while (true) {
                skipBlanksNewlinesAndComments();
                if (eof()) {
                    throw error(startLine, startCol, "list is not closed with ']'");
                }
                if (peek() == ']') {
                    advance();
                    return new ConfValue.ListValue(values);
                }
                values.add(parseValue());
                skipBlanksNewlinesAndComments();
                if (eof()) {
                    throw error(startLine, startCol, "list is not closed with ']'");
                }
                if (peek() == ',') {
                    advance();
                } else if (peek() != ']') {
                    throw error("expecting a separator in list (',' or ']'), found '" + printable(peek()) + "'");
                }
            }
        }

        private void skipBlanks() {
            while (!eof() && (peek() == ' ' || peek() == '\t' || peek() == '\r')) {
                advance();
            }
        }

        private void skipBlanksNewlinesAndComments() {
            while (!eof()) {
                char c = peek();
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    advance();
                } else if (c == '#') {
                    skipComment();
                } else {
                    return;
                }
            }
        }

        private void skipComment() {
            while (!eof() && peek() != '\n') {
                advance();
            }
        }

        private boolean eof() {
            return pos >= text.length();
        }

        private char peek() {
            return text.charAt(pos);
        }

        private void advance() {
            if (text.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
            }
            pos++;
        }

        private int column() {
            return pos - lineStart + 1;
        }

        private VirtException error(String message) {
            return error(line, column(), message);
        }

        private VirtException error(int atLine, int atColumn, String message) {
            return VirtException.of(ErrorCode.CONF_SYNTAX, ErrorDomain.CONF,
                    source + ":" + atLine + ":" + atColumn + ": " + message);
        }

        private static boolean isLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static String printable(char c) {
            return c < ' ' ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
        }
    }
}
