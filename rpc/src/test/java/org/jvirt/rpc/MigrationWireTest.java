package org.jvirt.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.xdr.XdrWriter;

/**
 * The migration procedures' layouts (remote_protocol.x: numbers, optional dconnuri and uri_out,
 * cookies as variable opaque, params as typed parameters) written out by hand from XDR's rules, and
 * the one MigrateParams ⇄ typed-parameter codec.
 */
class MigrationWireTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("[\\s|]", ""));
    }

    private static byte[] call(Procedure p, int serial, Object... args) {
        XdrWriter w = Packet.start(Header.of(p.program(), p.number(), MessageType.CALL, serial, MessageStatus.OK));
        p.encodeArgs(w, args);
        return Packet.finish(w);
    }

    @Test
    void numbersAreLibvirts() {
        assertEquals(302, RemoteProgram.DOMAIN_MIGRATE_BEGIN3_PARAMS.number());
        assertEquals(303, RemoteProgram.DOMAIN_MIGRATE_PREPARE3_PARAMS.number());
        assertEquals(305, RemoteProgram.DOMAIN_MIGRATE_PERFORM3_PARAMS.number());
        assertEquals(306, RemoteProgram.DOMAIN_MIGRATE_FINISH3_PARAMS.number());
        assertEquals(307, RemoteProgram.DOMAIN_MIGRATE_CONFIRM3_PARAMS.number());
        assertEquals(364, RemoteProgram.DOMAIN_MIGRATE_START_POST_COPY.number());
        assertEquals(RemoteProgram.DOMAIN_MIGRATE_PERFORM3_PARAMS, RemoteProgram.TABLE.byNumber(305).orElseThrow());
    }

    @Test
    void perform3ParamsPeerToPeerCall() {
        UUID u = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");
        Object dom = Types.struct("dom").of("vm", u, 3);
        byte[] got = call(RemoteProgram.DOMAIN_MIGRATE_PERFORM3_PARAMS, 7, dom, "qemu+tcp://h/system",
                MigrationParams.encode(MigrateParams.builder().bandwidthMiBs(4).build()), new byte[0], 2 | 1 | 32768);
        assertArrayEquals(hex("0000007c 20008086 00000001 00000131 00000000 00000007 00000000"
                + "00000002 766d0000 6695eb01f6a4830479aa97f2502e193f 00000003" // dom "vm", uuid, id 3
                + "00000001 00000013 71656d752b7463703a2f2f682f73797374656d 00" // dconnuri present, 19 bytes + pad
                + "00000001 00000009 62616e647769647468 000000 00000004 00000000 00000004" // bandwidth ULLONG 4
                + "00000000" // cookie_in: empty opaque
                + "00008003"), got); // LIVE | PEER2PEER | POSTCOPY
    }

    @Test
    void prepare3ReplyWithoutUri() {
        Packet p = Packet.parse(hex("00000028 20008086 00000001 0000012f 00000001 00000004 00000000"
                + "00000003 616263 00" + "00000000"));
        Struct r = RemoteProgram.DOMAIN_MIGRATE_PREPARE3_PARAMS.decodeRet(p.reader());
        assertArrayEquals("abc".getBytes(), r.bytes("cookie_out"));
        assertNull(r.str("uri_out"));
    }

    @Test
    void paramsRoundTripInLibvirtsNamesAndTypes() {
        MigrateParams p = MigrateParams.builder().migrateUri("tcp://10.0.0.2").destName("n").destXml("<domain/>")
                .persistXml("<p/>").bandwidthMiBs(100).postcopyBandwidthMiBs(50).listenAddress("0.0.0.0")
                .parallelConnections(4).build();
        List<TypedParam> l = MigrationParams.encode(p);
        assertEquals(List.of("migrate_uri", "destination_name", "destination_xml", "persistent_xml", "bandwidth",
                "bandwidth.postcopy", "listen_address", "parallel.connections"),
                l.stream().map(TypedParam::field).toList());
        assertEquals(TypedParam.Kind.ULLONG, l.get(4).type());
        assertEquals(TypedParam.Kind.INT, l.get(7).type());
        assertEquals(p, MigrationParams.decode(l));
        assertEquals(List.of(), MigrationParams.encode(MigrateParams.DEFAULT));
        assertEquals(MigrateParams.DEFAULT, MigrationParams.decode(List.of()));
    }

    @Test
    void badParamsAreRefusedNamingTheField() {
        VirtException unknown = assertThrows(VirtException.class, () -> MigrationParams.decode(
                List.of(new TypedParam("graphics_uri", TypedParam.Kind.STRING, "spice://x"))));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, unknown.code());
        assertTrue(unknown.getMessage().contains("parameter 'graphics_uri' not supported"), unknown.getMessage());

        VirtException type = assertThrows(VirtException.class, () -> MigrationParams.decode(
                List.of(new TypedParam("bandwidth", TypedParam.Kind.INT, 5))));
        assertEquals(ErrorCode.INVALID_ARG, type.code());
        assertTrue(type.getMessage().contains("invalid type 'int' for parameter 'bandwidth', expected 'ullong'"),
                type.getMessage());

        VirtException twice = assertThrows(VirtException.class, () -> MigrationParams.decode(List.of(
                new TypedParam("migrate_uri", TypedParam.Kind.STRING, "tcp://a"),
                new TypedParam("migrate_uri", TypedParam.Kind.STRING, "tcp://b"))));
        assertTrue(twice.getMessage().contains("parameter 'migrate_uri' occurs multiple times"), twice.getMessage());

        VirtException huge = assertThrows(VirtException.class, () -> MigrationParams.decode(
                List.of(new TypedParam("bandwidth", TypedParam.Kind.ULLONG, -1L))));
        assertTrue(huge.getMessage().contains("18446744073709551615"), huge.getMessage());
    }
}
