package org.jvirt.driver.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connect;
import org.jvirt.api.VirtException;
import org.jvirt.core.Virt;
import org.jvirt.testing.libvirt.Libvirtd;

/**
 * {@code test+tls://127.0.0.1:PORT/default?pkipath=DIR} against a throwaway libvirtd with x509
 * certificates made by certtool (CA, server for 127.0.0.1, client), as libvirt's docs describe.
 */
class TlsTest {
    @TempDir
    Path tmp;

    private void certtool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("certtool"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("certtool.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("certtool " + cmd + " failed: " + Files.readString(tmp.resolve("certtool.log")));
        }
    }

    private Path makePki() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/certtool"))) {
            if (System.getenv("CI") != null) {
                fail("certtool (gnutls-bin) is not installed");
            }
            Assumptions.abort("certtool (gnutls-bin) is not installed");
        }
        Path pki = Files.createDirectories(tmp.resolve("pki"));
        Files.writeString(tmp.resolve("ca.info"), "cn = jvirt test CA\nca\ncert_signing_key\nexpiration_days = 2\n");
        Files.writeString(tmp.resolve("server.info"), "organization = jvirt\ncn = 127.0.0.1\nip_address = 127.0.0.1\n"
                + "dns_name = localhost\ntls_www_server\nencryption_key\nsigning_key\nexpiration_days = 2\n");
        Files.writeString(tmp.resolve("client.info"), "country = US\norganization = jvirt\ncn = client\n"
                + "tls_www_client\nencryption_key\nsigning_key\nexpiration_days = 2\n");
        certtool("--generate-privkey", "--outfile", "cakey.pem");
        certtool("--generate-self-signed", "--load-privkey", "cakey.pem", "--template", "ca.info",
                "--outfile", "pki/cacert.pem");
        certtool("--generate-privkey", "--outfile", "serverkey.pem");
        certtool("--generate-certificate", "--load-privkey", "serverkey.pem", "--load-ca-certificate",
                "pki/cacert.pem", "--load-ca-privkey", "cakey.pem", "--template", "server.info",
                "--outfile", "servercert.pem");
        certtool("--generate-privkey", "--outfile", "pki/clientkey.pem");
        certtool("--generate-certificate", "--load-privkey", "pki/clientkey.pem", "--load-ca-certificate",
                "pki/cacert.pem", "--load-ca-privkey", "cakey.pem", "--template", "client.info",
                "--outfile", "pki/clientcert.pem");
        return pki;
    }

    @Test
    void tlsWithClientCertificateFromPkipath() throws Exception {
        Path pki = makePki();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Libvirtd daemon = Libvirtd.start(Map.of("listen_tls", "1", "tls_port", "\"" + port + "\"",
                "auth_tls", "\"none\"", "key_file", "\"" + tmp.resolve("serverkey.pem") + "\"",
                "cert_file", "\"" + tmp.resolve("servercert.pem") + "\"",
                "ca_file", "\"" + pki.resolve("cacert.pem") + "\""))) {
            try (Connect conn = Virt.open("test+tls://127.0.0.1:" + port + "/default?pkipath=" + pki)) {
                assertTrue(conn.isEncrypted());
                assertTrue(conn.isSecure());
                assertEquals("TEST", conn.getType());
                assertTrue(conn.listAllDomains().stream().anyMatch(d -> d.getName().equals("test")));
                assertEquals("tls:127.0.0.1:" + port, conn.unwrap(RemoteFeatures.class).transportDescription());
            }
            // Without the client's files libvirt's rule applies: a missing file is fatal.
            Path empty = Files.createDirectories(tmp.resolve("empty"));
            VirtException e = assertThrows(VirtException.class,
                    () -> Virt.open("test+tls://127.0.0.1:" + port + "/default?pkipath=" + empty));
            assertTrue(e.getMessage().contains("cacert.pem"), e.getMessage());
        }
    }
}
