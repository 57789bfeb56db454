package org.jvirt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

class ConfFileTest {

    @Test
    void parsesStringsIntsListsAndComments() {
        ConfFile f = ConfFile.parse("""
                # libvirt.conf
                uri_default = "qemu:///system"   # trailing comment
                single='say "hi"'
                max_clients = 5000 ; log_level = -1
                empty_list = [ ]
                uri_aliases = [
                  "hail=qemu+ssh://root@hail.cloud.example.com/system",  # first
                  # a comment line inside the list
                  'sleet=qemu+ssh://root@sleet.cloud.example.com/system',
                ]
                nested = [ 1, [ "a", 2 ], "b" ]
                multi = \"\"\"line one
                line two\"\"\"
                dotted.name_2 = 7
                """, "t.conf");
        assertEquals(Optional.of("qemu:///system"), f.getString("uri_default"));
        assertEquals(Optional.of("say \"hi\""), f.getString("single"));
        assertEquals(Optional.of(5000L), f.getLong("max_clients"));
        assertEquals(Optional.of(-1L), f.getLong("log_level"));
        assertEquals(Optional.of(List.of()), f.getStringList("empty_list"));
        assertEquals(Optional.of(List.of("hail=qemu+ssh://root@hail.cloud.example.com/system",
                "sleet=qemu+ssh://root@sleet.cloud.example.com/system")), f.getStringList("uri_aliases"));
        assertEquals(new ConfValue.ListValue(List.of(new ConfValue.Number(1),
                new ConfValue.ListValue(List.of(new ConfValue.Text("a"), new ConfValue.Number(2))),
                new ConfValue.Text("b"))), f.get("nested").orElseThrow());
        assertEquals(Optional.of("line one\nline two"), f.getString("multi"));
        assertEquals(Optional.of(7L), f.getLong("dotted.name_2"));
        assertEquals(9, f.entries().size());
        assertEquals("t.conf", f.source());
    }

    @Test
    void singleQuotedStringIsVerbatimWithoutEscapes() {
        ConfFile f = ConfFile.parse("a = 'x\\ny'\nb = \"c:\\\\d\"", "t.conf");
        assertEquals(Optional.of("x\\ny"), f.getString("a"));
        assertEquals(Optional.of("c:\\\\d"), f.getString("b"));
    }

    @Test
    void lookupIsCaseInsensitiveAndFirstWins() {
        ConfFile f = ConfFile.parse("Name = \"first\"\nname = \"second\"\n", "t.conf");
        assertEquals(Optional.of("first"), f.getString("NAME"));
        assertEquals(2, f.entries().size());
    }

    @Test
    void emptyAndCommentOnlyFilesHaveNoEntries() {
        assertTrue(ConfFile.parse("", "t").entries().isEmpty());
        assertTrue(ConfFile.parse("# only\n\n   \n# comments", "t").entries().isEmpty());
        assertEquals(Optional.empty(), ConfFile.parse("a=1", "t").getString("b"));
    }

    @Test
    void aSingleStringCountsAsAListOfOne() {
        assertEquals(Optional.of(List.of("x")), ConfFile.parse("a = \"x\"", "t").getStringList("a"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a = |1|4|expecting a value",
        "a 1|1|3|expecting an assignment after 'a'",
        "a = \"open|1|5|unterminated string",
        "a = 'x\\nb = 2|1|5|unterminated string",
        "x = 1\\na = [ \"x\", \"y\"|2|5|list is not closed with ']'",
        "a = [ \"x\" \"y\" ]|1|11|expecting a separator in list",
        "a = 1 2|1|7|expecting a separator (newline or ';')",
        "1a = 2|1|1|expecting a name",
        "a = yes|1|5|expecting a value, found 'y'",
        "a = -|1|5|expecting a number",
        "a = 12ab|1|7|unexpected 'a' in a number",
        "a = 99999999999999999999|1|5|out of range",
        "\\n\\n  b = \"\"\"never closed|3|7|unterminated triple-quoted string",
        "ok = 1\\n  = 2|2|3|expecting a name",
    })
    void syntaxErrorsNameLineAndColumn(String text, int line, int column, String message) {
        String input = text.replace("\\n", "\n");
        VirtException e = assertThrows(VirtException.class, () -> ConfFile.parse(input, "jvirt.conf"));
        assertEquals(ErrorCode.CONF_SYNTAX, e.code());
        assertEquals(ErrorDomain.CONF, e.domain());
        assertTrue(e.getMessage().startsWith("configuration file syntax error: jvirt.conf:" + line + ":" + column + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void typeMismatchIsAConfSyntaxErrorNamingTheSetting() {
        ConfFile f = ConfFile.parse("uri_default = 5\nuri_aliases = [ 1 ]\nn = \"x\"", "t.conf");
        VirtException e = assertThrows(VirtException.class, () -> f.getString("uri_default"));
        assertEquals(ErrorCode.CONF_SYNTAX, e.code());
        assertTrue(e.getMessage().contains("expected a string for 'uri_default' parameter, got a integer")
                || e.getMessage().contains("expected a string for 'uri_default'"), e.getMessage());
        assertThrows(VirtException.class, () -> f.getStringList("uri_aliases"));
        assertThrows(VirtException.class, () -> f.getLong("n"));
    }
}
