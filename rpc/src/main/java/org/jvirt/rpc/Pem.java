package org.jvirt.rpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Reads the x509 files libvirt's TLS uses, as certtool writes them: PEM certificates, and PEM
 * private keys in PKCS#8 or RSA PKCS#1 form, with certtool's human-readable dump before the PEM
 * block. Shared by the remote driver (client files) and jvirtd (server files).
 */
public final class Pem {
    private Pem() {
    }

    private static byte[] read(Path p, String what) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Cannot read " + what + " '" + p + "': " + e.getMessage(), e);
        }
    }

    /**
     * Reads every certificate in a PEM file.
     *
     * @param p the file
     * @param what what it is, for messages ("CA certificate")
     * @return the certificates, at least one
     * @throws GeneralSecurityException if none can be parsed
     */
    public static List<X509Certificate> certificates(Path p, String what) throws GeneralSecurityException {
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

    /**
     * Reads a PEM private key (PKCS#8, or PKCS#1 RSA as certtool writes it).
     *
     * @param p the file
     * @return the key
     * @throws GeneralSecurityException if it cannot be parsed
     */
    public static PrivateKey privateKey(Path p) throws GeneralSecurityException {
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
