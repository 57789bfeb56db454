package org.jvirt.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvirt.testing.libvirt.Libvirtd;

/**
 * TLS with certtool's certificates (one CA, a server certificate for 127.0.0.1, clients), jvirtd
 * and a throwaway libvirtd configured alike ({@code key_file}, {@code cert_file}, {@code ca_file},
 * {@code tls_allowed_dn_list = ["C=US,O=jvirt,CN=*"]}): real virsh and python3-libvirt over
 * {@code test+tls://127.0.0.1:PORT/default?pkipath=DIR} print the same against both, and the
 * refusals (a client certificate from another CA, a DN outside the list) look the same to the client.
 */
class TlsParityTest {
    private static final String DN_LIST = "[\"C=US,O=jvirt,CN=*\"]";
    private static Path tmp;
    private static Libvirtd libvirtd;
    private static JvirtdProcess jvirtd;
    private static int libvirtdPort;

    @BeforeAll
    static void start() throws Exception {
        Peers.require(Peers.VIRSH);
        if (!Files.isExecutable(Path.of("/usr/bin/certtool"))) {
            if (System.getenv("CI") != null) {
                fail("certtool (gnutls-bin) is not installed (CI is set, so this is a failure)");
            }
            Assumptions.abort("certtool (gnutls-bin) is not installed; skipping");
        }
        tmp = Files.createTempDirectory("jvirtd-tls-");
        makePki();
        libvirtdPort = freePort();
        libvirtd = Libvirtd.start(Map.of("listen_tls", "1", "tls_port", "\"" + libvirtdPort + "\"",
                "auth_tls", "\"none\"", "key_file", "\"" + tmp.resolve("serverkey.pem") + "\"",
                "cert_file", "\"" + tmp.resolve("servercert.pem") + "\"",
                "ca_file", "\"" + tmp.resolve("pki/cacert.pem") + "\"", "tls_allowed_dn_list", DN_LIST));
        int port = freePort();
        jvirtd = JvirtdProcess.start(c -> c.withTls(true, port, tmp.resolve("serverkey.pem"),
                tmp.resolve("servercert.pem"), tmp.resolve("pki/cacert.pem"), List.of("C=US,O=jvirt,CN=*")));
    }

    @AfterAll
    static void stop() throws IOException {
        if (jvirtd != null) {
            jvirtd.close();
        }
        if (libvirtd != null) {
            libvirtd.close();
        }
        if (tmp != null) {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void certtool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("certtool"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("certtool.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("certtool " + cmd + " failed: " + Files.readString(tmp.resolve("certtool.log")));
        }
    }

    private static void client(String dir, String info, String caCert, String caKey) throws Exception {
        Files.createDirectories(tmp.resolve(dir));
        Files.writeString(tmp.resolve(dir + ".info"), info + "tls_www_client\nencryption_key\nsigning_key\n"
                + "expiration_days = 2\n");
        certtool("--generate-privkey", "--outfile", dir + "/clientkey.pem");
        certtool("--generate-certificate", "--load-privkey", dir + "/clientkey.pem", "--load-ca-certificate", caCert,
                "--load-ca-privkey", caKey, "--template", dir + ".info", "--outfile", dir + "/clientcert.pem");
    }

    /**
     * pki/: the good client (C=US,O=jvirt,CN=client); other-ca/: the same DN signed by another CA
     * (its cacert.pem holds both CAs, so virsh accepts its own certificate and the server's);
     * bad-dn/: signed by the right CA, DN C=US,O=intruder,CN=mallory.
     */
    private static void makePki() throws Exception {
        Files.createDirectories(tmp.resolve("pki"));
        Files.writeString(tmp.resolve("ca.info"), "cn = jvirt test CA\nca\ncert_signing_key\nexpiration_days = 2\n");
        Files.writeString(tmp.resolve("ca2.info"), "cn = another CA\nca\ncert_signing_key\nexpiration_days = 2\n");
        Files.writeString(tmp.resolve("server.info"), "organization = jvirt\ncn = 127.0.0.1\nip_address = 127.0.0.1\n"
                + "dns_name = localhost\ntls_www_server\nencryption_key\nsigning_key\nexpiration_days = 2\n");
        certtool("--generate-privkey", "--outfile", "cakey.pem");
        certtool("--generate-self-signed", "--load-privkey", "cakey.pem", "--template", "ca.info",
                "--outfile", "pki/cacert.pem");
        certtool("--generate-privkey", "--outfile", "ca2key.pem");
        certtool("--generate-self-signed", "--load-privkey", "ca2key.pem", "--template", "ca2.info",
                "--outfile", "ca2cert.pem");
        certtool("--generate-privkey", "--outfile", "serverkey.pem");
        certtool("--generate-certificate", "--load-privkey", "serverkey.pem", "--load-ca-certificate",
                "pki/cacert.pem", "--load-ca-privkey", "cakey.pem", "--template", "server.info",
                "--outfile", "servercert.pem");
        client("pki", "country = US\norganization = jvirt\ncn = client\n", "pki/cacert.pem", "cakey.pem");
        client("other-ca", "country = US\norganization = jvirt\ncn = client\n", "ca2cert.pem", "ca2key.pem");
        Files.writeString(tmp.resolve("other-ca/cacert.pem"),
                Files.readString(tmp.resolve("pki/cacert.pem")) + Files.readString(tmp.resolve("ca2cert.pem")));
        client("bad-dn", "country = US\norganization = intruder\ncn = mallory\n", "pki/cacert.pem", "cakey.pem");
        Files.copy(tmp.resolve("pki/cacert.pem"), tmp.resolve("bad-dn/cacert.pem"));
    }

    private static String uri(int port, String pki) {
        return "test+tls://127.0.0.1:" + port + "/default?pkipath=" + tmp.resolve(pki);
    }

    private static String normalize(String s) {
        return s.replaceAll("(CPU time:\\s+)\\S+", "$1X").replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    private static void assertSame(Peers.Result want, Peers.Result got) {
        assertEquals(normalize(want.out()), normalize(got.out()), "stdout; libvirtd: " + want + "\njvirtd: " + got);
        assertEquals(normalize(want.err()), normalize(got.err()), "stderr; libvirtd: " + want + "\njvirtd: " + got);
        assertEquals(want.exit(), got.exit(), "exit; libvirtd: " + want + "\njvirtd: " + got);
    }

    @Test
    void virshOverTls() throws Exception {
        String cmds = "uri; list --all; dominfo test; suspend test; domstate test --reason; resume test; "
                + "dumpxml test; pool-list --all; net-list --all; nodeinfo";
        Peers.Result want = Peers.virsh(uri(libvirtdPort, "pki"), cmds);
        Peers.Result got = Peers.virsh(uri(jvirtd.server.tlsPort(), "pki"), cmds);
        assertSame(want, got);
        assertEquals(0, got.exit(), got.toString());
        assertTrue(got.out().contains("test+tls://127.0.0.1:"), got.out());
    }

    static final String PY = """
            import sys, libvirt
            c = libvirt.open(sys.argv[1])
            print(c.getType(), c.isEncrypted(), c.isSecure(), c.getURI().split('?')[0].rsplit(':', 1)[0])
            print(sorted(d.name() for d in c.listAllDomains()))
            d = c.defineXML("<domain type='test'><name>tlsdemo</name><memory>131072</memory><vcpu>1</vcpu>"
                            "<os><type>hvm</type></os></domain>")
            d.create(); print(d.isActive(), d.state()); d.destroy(); d.undefine()
            print(c.lookupByName('test').info()[:3])
            c.close()
            """;

    @Test
    void pythonOverTls() throws Exception {
        Peers.Result want = Peers.python(PY, uri(libvirtdPort, "pki"));
        Peers.Result got = Peers.python(PY, uri(jvirtd.server.tlsPort(), "pki"));
        assertSame(want, got);
        assertTrue(got.out().startsWith("TEST 1 1 test+tls://127.0.0.1"), got.toString());
    }

    @Test
    void clientCertificateFromAnotherCaIsRefused() throws Exception {
        Peers.Result want = Peers.virsh(uri(libvirtdPort, "other-ca"), "list --all");
        Peers.Result got = Peers.virsh(uri(jvirtd.server.tlsPort(), "other-ca"), "list --all");
        assertSame(want, got);
        assertEquals(1, got.exit());
        assertTrue(got.err().contains("Unable to read TLS confirmation: Input/output error"), got.toString());
        assertEquals(0, jvirtd.server.clientCount());
    }

    @Test
    void distinguishedNameOutsideTheListIsRefused() throws Exception {
        Peers.Result want = Peers.virsh(uri(libvirtdPort, "bad-dn"), "list --all");
        Peers.Result got = Peers.virsh(uri(jvirtd.server.tlsPort(), "bad-dn"), "list --all");
        assertSame(want, got);
        assertEquals(1, got.exit());
        assertTrue(got.err().contains("Unable to read TLS confirmation: Input/output error"), got.toString());
        Peers.Result py = Peers.python("import sys, libvirt\ntry:\n    libvirt.open(sys.argv[1])\n"
                + "except libvirt.libvirtError as e:\n    print(e.get_error_code(), e.get_error_message())\n",
                uri(jvirtd.server.tlsPort(), "bad-dn"));
        assertSame(Peers.python("import sys, libvirt\ntry:\n    libvirt.open(sys.argv[1])\n"
                + "except libvirt.libvirtError as e:\n    print(e.get_error_code(), e.get_error_message())\n",
                uri(libvirtdPort, "bad-dn")), py);
    }

    @Test
    void dnIsMatchedInCertificateOrderAsLibvirtdDoes() {
        X500Principal p = new X500Principal("CN=client,O=jvirt,C=US");
        assertEquals("C=US,O=jvirt,CN=client", ServerTls.dn(p));
        assertTrue(ServerTls.glob("C=US,O=jvirt,CN=*").matcher(ServerTls.dn(p)).matches());
        assertTrue(!ServerTls.glob("CN=client,O=jvirt,C=US").matcher(ServerTls.dn(p)).matches());
    }
}
