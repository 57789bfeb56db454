package org.jvirt.daemon;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Pem;

/**
 * jvirtd's TLS: the server key and certificate from {@code key_file}/{@code cert_file}; client
 * certificates requested (with {@code ca_file}'s CAs as the acceptable issuers) and, as libvirtd
 * does, checked only once the handshake is over: against {@code ca_file}, then the client's DN
 * against {@code tls_allowed_dn_list} (glob patterns over the DN in certificate order,
 * {@code C=..,O=..,CN=..}, as libvirtd matches it). A refused client is closed without libvirt's
 * confirmation byte and without a TLS close_notify, so clients print what they print for
 * libvirtd ("Unable to read TLS confirmation: Input/output error").
 */
final class ServerTls {
    private ServerTls() {
    }

    /**
     * The server's TLS context and the trust manager that checks clients after the handshake.
     *
     * @param ctx the context (its own trust manager accepts any client certificate)
     * @param clients the real check against {@code ca_file}
     */
    record Setup(SSLContext ctx, X509TrustManager clients) {
    }

    static Setup context(DaemonConfig cfg) {
        try {
            List<X509Certificate> cas = Pem.certificates(cfg.caFile(), "CA certificate");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                trust.setCertificateEntry("ca" + i, cas.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            List<X509Certificate> chain = Pem.certificates(cfg.certFile(), "server certificate");
            keys.setKeyEntry("server", Pem.privateKey(cfg.keyFile()), new char[0], chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
            X509TrustManager real = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    real = x;
                }
            }
            if (real == null) {
                throw new GeneralSecurityException("no X.509 trust manager");
            }
            X509TrustManager check = real;
            X509TrustManager lenient = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // checked after the handshake (see verify), as libvirtd does
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    check.checkServerTrusted(chain, authType);
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return check.getAcceptedIssuers();
                }
            };
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), new TrustManager[] {lenient}, null);
            return new Setup(ctx, real);
        } catch (GeneralSecurityException | IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Unable to set up TLS from " + cfg.certFile() + ", " + cfg.keyFile() + ", " + cfg.caFile() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Checks the client's certificate after the handshake, as libvirtd does: present, signed by
     * {@code ca_file}'s CA, and its DN on the allowed list (empty list: any certificate the CA signed).
     *
     * @throws SSLPeerUnverifiedException with libvirtd's log text when refused
     */
    static void verify(SSLSession session, X509TrustManager trust, List<String> allowed)
            throws SSLPeerUnverifiedException {
        Certificate[] certs;
        try {
            certs = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw new SSLPeerUnverifiedException("Unable to verify TLS peer: No certificate was found.");
        }
        X509Certificate[] chain = new X509Certificate[certs.length];
        for (int i = 0; i < certs.length; i++) {
            chain[i] = (X509Certificate) certs[i];
        }
        try {
            trust.checkClientTrusted(chain, chain[0].getPublicKey().getAlgorithm());
        } catch (CertificateException | RuntimeException e) {
            throw new SSLPeerUnverifiedException("Unable to verify TLS peer: The certificate is not trusted ("
                    + e.getMessage() + ")");
        }
        if (allowed.isEmpty()) {
            return;
        }
        String dn = dn(chain[0].getSubjectX500Principal());
        for (String pattern : allowed) {
            if (glob(pattern).matcher(dn).matches()) {
                return;
            }
        }
        throw new SSLPeerUnverifiedException("Client's Distinguished Name is not on the list of allowed clients"
                + " (tls_allowed_dn_list): " + dn);
    }

    /**
     * The DN as libvirtd matches it (gnutls' {@code gnutls_x509_crt_get_dn}): in certificate
     * order, {@code C=US,O=jvirt,CN=client}; the RFC 4514 order (CN first) does not match, in
     * libvirtd either.
     */
    static String dn(X500Principal p) {
        List<String> parts = splitDn(p.getName(X500Principal.RFC2253));
        Collections.reverse(parts);
        return String.join(",", parts);
    }

    private static List<String> splitDn(String dn) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < dn.length(); i++) {
            char ch = dn.charAt(i);
            if (ch == '\\' && i + 1 < dn.length()) {
                cur.append(ch).append(dn.charAt(++i));
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** An fnmatch-style glob ({@code *}, {@code ?}) as a regex. */
    static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char ch : g.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
