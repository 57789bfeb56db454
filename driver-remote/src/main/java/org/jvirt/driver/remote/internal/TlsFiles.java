package org.jvirt.driver.remote.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
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
import org.jvirt.rpc.Pem;
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
            List<X509Certificate> cas = Pem.certificates(ca, "CA certificate");
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
            List<X509Certificate> chain = Pem.certificates(cert, "client certificate");
            keys.setKeyEntry("client", Pem.privateKey(key), new char[0], chain.toArray(new Certificate[0]));
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

}
