package org.jvirt.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.xdr.XdrLimits;
import org.jvirt.rpc.xdr.XdrReader;
import org.jvirt.rpc.xdr.XdrWriter;

/** Byte-exact expectations from the reference sheet's captures, and libvirt's limits. */
class WireFormatTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("[\\s|]", ""));
    }

    private static byte[] call(Procedure p, int serial, Object... args) {
        XdrWriter w = Packet.start(Header.of(p.program(), p.number(), MessageType.CALL, serial, MessageStatus.OK));
        p.encodeArgs(w, args);
        return Packet.finish(w);
    }

    @Test
    void authListCallIs28Bytes() {
        assertArrayEquals(hex("0000001c 20008086 00000001 00000042 00000000 00000000 00000000"),
                call(RemoteProgram.AUTH_LIST, 0));
    }

    @Test
    void supportsFeatureKeepaliveCall() {
        assertArrayEquals(hex("00000020 20008086 00000001 0000003c 00000000 00000001 00000000 0000000a"),
                call(RemoteProgram.CONNECT_SUPPORTS_FEATURE, 1, 10));
    }

    @Test
    void connectOpenCallPadsTheName() {
        assertArrayEquals(hex("00000038 20008086 00000001 00000001 00000000 00000002 00000000"
                + "00000001 0000000f 746573743a2f2f2f64656661756c74 00 00000000"),
                call(RemoteProgram.CONNECT_OPEN, 2, "test:///default", 0));
    }

    @Test
    void listAllDomainsReplyDecodes() {
        Packet p = Packet.parse(hex("00000040 20008086 00000001 00000111 00000001 00000006 00000000"
                + "00000001 00000004 74657374 6695eb01 f6a48304 79aa97f2 502e193f 00000001 00000001"));
        assertEquals(273, p.header().procedure());
        assertEquals(MessageType.REPLY, p.header().type());
        Struct r = RemoteProgram.CONNECT_LIST_ALL_DOMAINS.decodeRet(p.reader());
        List<Struct> doms = r.list("domains");
        assertEquals(1, doms.size());
        assertEquals("test", doms.get(0).str("name"));
        assertEquals(UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f"), doms.get(0).uuid("uuid"));
        assertEquals(1, doms.get(0).i32("id"));
        assertEquals(1, r.i32("ret"));
    }

    @Test
    void domainHandleEncodesAsCaptured() {
        XdrWriter w = new XdrWriter();
        Types.struct("dom").encode(w, Types.struct("dom").of("test",
                UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f"), 1));
        assertArrayEquals(hex("00000004 74657374 6695eb01 f6a48304 79aa97f2 502e193f 00000001"), w.toByteArray());
    }

    @Test
    void keepalivePingIs28Bytes() {
        byte[] ping = Packet.frame(Header.of(Program.KEEPALIVE, 1, MessageType.MESSAGE, 0, MessageStatus.OK),
                new byte[0], 0, 0);
        assertArrayEquals(hex("0000001c 6b656570 00000001 00000001 00000002 00000000 00000000"), ping);
    }

    @Test
    void errorReplyDecodesAndMapsToNoSupport() throws Exception {
        byte[] msg = hex("00000088 20008086 00000001 0000270f 00000001 00000005 00000001"
                + "00000027 00000007 00000001 00000017 756e6b6e6f776e2070726f6365647572653a2039393939 00"
                + "00000002 00000000 00000001 00000002 2573 0000"
                + "00000001 00000017 756e6b6e6f776e2070726f6365647572653a2039393939 00"
                + "00000000 ffffffff ffffffff 00000000");
        Packet p = Packet.read(new ByteArrayInputStream(msg));
        assertEquals(MessageStatus.ERROR, p.header().status());
        XdrReader r = p.reader();
        RemoteError e = RemoteError.decode(r);
        assertEquals(0, r.remaining());
        assertEquals(39, e.code());
        assertEquals(7, e.domain());
        assertEquals("unknown procedure: 9999", e.message());
        assertEquals("%s", e.str1());
        assertNull(e.str3());
        assertEquals(-1, e.int1());
        VirtException v = e.toException();
        assertEquals(ErrorCode.NO_SUPPORT, v.code());
        assertEquals(ErrorDomain.RPC, v.domain());
        assertEquals("unknown procedure: 9999", v.getMessage());
        // and back: the server side produces the same bytes
        XdrWriter w = new XdrWriter();
        RemoteError.unknownProcedure(9999).encode(w);
        assertArrayEquals(java.util.Arrays.copyOfRange(msg, 28, msg.length), w.toByteArray());
    }

    @Test
    void errorCodesMapOneToOne() {
        RemoteError e = new RemoteError(42, 12, "Domain not found", 2, "%s", null, null, -1, -1);
        VirtException v = e.toException();
        assertEquals(ErrorCode.NO_DOMAIN, v.code());
        assertEquals(ErrorDomain.TEST, v.domain());
        assertEquals("Domain not found", v.getMessage());
        RemoteError back = RemoteError.of(v);
        assertEquals(42, back.code());
        assertEquals(12, back.domain());
        assertEquals("Domain not found", back.message());
    }

    @Test
    void charsTakeFourBytesEach() {
        XdrWriter w = new XdrWriter();
        RemoteProgram.NODE_GET_INFO.ret().encodeValues(w, List.of("i686".getBytes(), 3_000_000L, 16, 1400, 2, 2,
                2, 2));
        assertEquals(32 * 4 + 8 + 6 * 4, w.position());
        Struct s = RemoteProgram.NODE_GET_INFO.decodeRet(new XdrReader(w.toByteArray()));
        assertEquals('i', s.bytes("model")[0]);
        assertEquals(0, s.bytes("model")[4]);
    }

    @Test
    void lengthWordOutOfBoundsIsRefusedBeforeAllocating() {
        for (String len : List.of("00000003", "0000001b", "02000005", "7fffffff", "ffffffff")) {
            VirtException e = assertThrows(VirtException.class,
                    () -> Packet.read(new ByteArrayInputStream(hex(len + "00000000"))));
            assertEquals(ErrorCode.RPC, e.code());
        }
        assertEquals(33554436, Packet.MAX_LENGTH);
    }

    @Test
    void oversizeStringsAndListsAreRefusedBothWays() {
        String big = "x".repeat(XdrLimits.STRING_MAX + 1);
        VirtException enc = assertThrows(VirtException.class,
                () -> call(RemoteProgram.DOMAIN_DEFINE_XML, 0, big));
        assertEquals(ErrorCode.RPC, enc.code());
        byte[] hugeLen = hex("00400001");
        VirtException dec = assertThrows(VirtException.class, () -> new XdrReader(hugeLen).readString());
        assertTrue(dec.getMessage().contains("Unable to decode message payload"), dec.getMessage());
        byte[] tooMany = hex("00004001");
        assertThrows(VirtException.class,
                () -> RemoteProgram.CONNECT_LIST_ALL_DOMAINS.decodeRet(new XdrReader(tooMany)));
        byte[] badFlag = hex("00000002");
        assertThrows(VirtException.class, () -> new XdrReader(badFlag).readOptionalString());
    }

    @Test
    void messageLargerThan32MiBIsRefusedByTheEncoder() {
        String s = "y".repeat(4_000_000);
        List<Object> many = java.util.Collections.nCopies(9, s);
        StructType t = Types.fields("names:str<16384>");
        XdrWriter w = Packet.start(Header.of(Program.REMOTE, 1, MessageType.CALL, 0, MessageStatus.OK));
        VirtException e = assertThrows(VirtException.class, () -> t.encode(w, t.of(many)));
        assertEquals(ErrorCode.RPC, e.code());
    }

    @Test
    void tableIsConsistent() {
        assertEquals(RemoteProgram.DOMAIN_LOOKUP_BY_NAME, RemoteProgram.TABLE.byNumber(23).orElseThrow());
        assertEquals(RemoteProgram.STORAGE_VOL_UPLOAD, RemoteProgram.TABLE.byName("STORAGE_VOL_UPLOAD").orElseThrow());
        assertTrue(RemoteProgram.TABLE.all().size() > 130);
        assertEquals(QemuProgram.DOMAIN_MONITOR_COMMAND, QemuProgram.TABLE.byNumber(1).orElseThrow());
        assertEquals("{dom:dom, flags:u32}", RemoteProgram.DOMAIN_GET_XML_DESC.args().toString());
        assertThrows(IllegalArgumentException.class, () -> Types.parse("dom<"));
        assertThrows(IllegalArgumentException.class, () -> Types.parse("nosuchtype"));
    }

    @Test
    void typedParamsRoundTrip() {
        StructType t = Types.fields("params:tparam<16>");
        List<Object> ps = List.of(new TypedParam("weight", TypedParam.Kind.UINT, 50),
                new TypedParam("hard_limit", TypedParam.Kind.ULLONG, 9007199254740991L),
                new TypedParam("numa_nodeset", TypedParam.Kind.STRING, ""));
        XdrWriter w = new XdrWriter();
        t.encode(w, t.of(ps));
        Struct back = t.decode(new XdrReader(w.toByteArray()));
        assertEquals(ps, back.list("params"));
    }
}
