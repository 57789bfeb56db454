package org.jvirt.driver.qemu.qmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesQmpMessages() {
        Map<String, Object> g = Json.parseObject("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, "
                + "\"major\": 7}, \"package\": \"Debian 1:7.2+dfsg-7+deb12u18+b3\"}, \"capabilities\": [\"oob\"]}}");
        Map<String, Object> q = Json.obj(Json.obj(Json.obj(g.get("QMP")).get("version")).get("qemu"));
        assertEquals(7L, q.get("major"));
        assertEquals(List.of("oob"), Json.obj(g.get("QMP")).get("capabilities"));
        assertEquals(List.of("micro", "minor", "major"), new ArrayList<>(q.keySet()), "member order kept");
    }

    @Test
    void valuesMapToJavaTypes() {
        List<Object> l = Json.list(Json.parse(" [true, false, null, 0, -1, 1.5, -2e3, \"s\", {}, []] "));
        assertEquals(Boolean.TRUE, l.get(0));
        assertEquals(Boolean.FALSE, l.get(1));
        assertNull(l.get(2));
        assertEquals(0L, l.get(3));
        assertEquals(-1L, l.get(4));
        assertEquals(1.5, l.get(5));
        assertEquals(-2000.0, l.get(6));
        assertEquals("s", l.get(7));
        assertEquals(Map.of(), l.get(8));
        assertEquals(List.of(), l.get(9));
    }

    @Test
    void uint64BeyondLongIsBigInteger() {
        assertEquals(new BigInteger("18446744073709551615"), Json.parse("18446744073709551615"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals("18446744073709551615", Json.write(new BigInteger("18446744073709551615")));
    }

    @Test
    void stringEscapes() {
        assertEquals("a\"b\\c/d\b\f\n\r\t\u00e9\u20ac", Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\""));
        assertEquals("\uD83D\uDE00", Json.parse("\"\\ud83d\\ude00\""), "surrogate pair");
        assertEquals("caf\u00e9 \uD83D\uDE00", Json.parse("\"caf\u00e9 \uD83D\uDE00\""), "raw UTF-16 kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "-", "1.", ".5",
        "1e", "+1", "tru", "nul", "\"abc", "\"a\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"tab\there\"", "[1] x",
        "{\"a\":1}{", "NaN", "'s'", "{\"a\":1,\"a\":2}", "[1 2]", "\"\\\""})
    void rejectsMalformed(String text) {
        assertThrows(JsonException.class, () -> Json.parse(text), text);
    }

    @Test
    void errorsCarryTheOffset() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\"a\": [1, 2,, 3]}"));
        assertEquals(12, e.offset());
        assertTrue(e.getMessage().contains("offset 12"), e.getMessage());
    }

    @Test
    void nestingIsBounded() {
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        Json.parse(ok);
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThrows(JsonException.class, () -> Json.parse(deep));
    }

    @Test
    void writerIsCompactSingleLineAndEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("execute", "human-monitor-command");
        m.put("arguments", Map.of("command-line", "info\n\"x\"\u0001\u2028"));
        m.put("list", Arrays.asList(1, 2L, 1.5, null, true));
        String s = Json.write(m);
        assertEquals("{\"execute\":\"human-monitor-command\",\"arguments\":{\"command-line\":"
                + "\"info\\n\\\"x\\\"\\u0001\\u2028\"},\"list\":[1,2,1.5,null,true]}", s);
        assertTrue(s.indexOf('\n') < 0);
    }

    @Test
    void writerRejectsWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }

    @Test
    void roundTrip() {
        String text = "{\"a\":[1,-2,3.25,\"x\\u0000y\",{\"b\":null,\"c\":false}],\"d\":\"\\\\\"}";
        assertEquals(text, Json.write(Json.parse(text)));
        Object v = Json.parse(text);
        assertEquals(v, Json.parse(Json.write(v)));
    }

    @Test
    void rawIsCopiedVerbatim() {
        assertEquals("{\"a\":{\"x\":[1]}}", Json.write(Map.of("a", new Json.Raw("{\"x\":[1]}"))));
    }
}
