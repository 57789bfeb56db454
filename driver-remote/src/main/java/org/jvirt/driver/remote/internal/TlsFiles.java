package org.jvirt.driver.remote.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.core.Environment;
import org.jvirt.spi.ConnectUri;

/**
 * The client's x509 files in libvirt's places, and a TLS context from them: {@code ?pkipath=DIR}
 * ({@code DIR/cacert.pem}, {@code clientcert.pem}, {@code clientkey.pem}); else as root
 * {@code /etc/pki/CA/cacert.pem}, {@code /etc/pki/libvirt/clientcert.pem},
 * {@code /etc/pki/libvirt/private/clientkey.pem}; else {@code ~/.pki/libvirt/*.pem} falling back
 * file by file to the global ones. PEM keys in PKCS#8 or PKCS#1 (RSA, as certtool writes them).
 * {@code no_verify=1} skips the server certificate checks, as libvirt does.
 */
final class TlsFiles {
    private TlsFiles() {
    }

    static SSLContext context(ConnectUri uri, Environment env) {
        Path ca;
        Path cert;
        Path key;
        String pki = uri.param("pkipath").orElse(null);
        if (pki != null) {
            ca = Path.of(pki, "cacert.pem");
            cert = Path.of(pki, "clientcert.pem");
            key = Path.of(pki, "clientkey.pem");
        } else {
            ca = Path.of("/etc/pki/CA/cacert.pem");
            cert = Path.of("/etc/pki/libvirt/clientcert.pem");
            key = Path.of("/etc/pki/libvirt/private/clientkey.pem");
            if (!env.isPrivileged()) {
                Path home = Path.of(System.getProperty("user.home"), ".pki", "libvirt");
                ca = prefer(home.resolve("cacert.pem"), ca);
                cert = prefer(home.resolve("clientcert.pem"), cert);
                key = prefer(home.resolve("clientkey.pem"), key);
            }
        }
        boolean noVerify = "1".equals(uri.param("no_verify").orElse("0"));
        try {
            List<X509Certificate> cas = certificates(ca, "CA certificate");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                trust.setCertificateEntry("ca" + i, cas.get(i));
            }
            TrustManager[] tms;
            if (noVerify) {
                tms = new TrustManager[] {new X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    }

                    @Override
                    public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    }

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                }};
            } else {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                tms = tmf.getTrustManagers();
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            List<X509Certificate> chain = certificates(cert, "client certificate");
            keys.setKeyEntry("client", privateKey(key), new char[0], chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tms, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC,
                    "Unable to set up TLS from " + ca.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static Path prefer(Path personal, Path global) {
        return Files.exists(personal) ? personal : global;
    }

    private static byte[] read(Path p, String what) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Cannot read " + what + " '" + p + "': " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(Path p, String what) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Collection<? extends Certificate> certs = cf.generateCertificates(new ByteArrayInputStream(read(p, what)));
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + p);
        }
        return out;
    }

    private static PrivateKey privateKey(Path p) throws GeneralSecurityException {
        String pem = new String(read(p, "private key"), java.nio.charset.StandardCharsets.US_ASCII);
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        int begin = pem.indexOf("-----BEGIN");
        int end = pem.indexOf("-----END");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("no PEM private key in " + p);
        }
        // certtool puts a human-readable dump before the PEM block; only the block counts.
        String b64 = pem.substring(pem.indexOf('\n', begin) + 1, end).replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(b64);
        if (pkcs1) {
            der = pkcs1ToPkcs8(der);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String alg : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("unsupported private key in " + p);
    }

    /** Wraps an RSA PKCS#1 key in a PKCS#8 PrivateKeyInfo. */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algId = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
            0x01, 0x05, 0x00};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(algId);
        body.writeBytes(der((byte) 0x04, pkcs1));
        return der((byte) 0x30, body.toByteArray());
    }

    private static byte[] der(byte tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
