package org.jvirt.daemon;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Pem;

/**
 * jvirtd's TLS: the server key and certificate from {@code key_file}/{@code cert_file}, client
 * certificates required and checked against {@code ca_file} by the JDK, then the client's DN
 * against {@code tls_allowed_dn_list} (glob patterns, as libvirtd matches them).
 */
final class ServerTls {
    private ServerTls() {
    }

    static SSLContext context(DaemonConfig cfg) {
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
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Unable to set up TLS from " + cfg.certFile() + ", " + cfg.keyFile() + ", " + cfg.caFile() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Checks the client certificate's DN against the allowed list (empty list: any certificate
     * the CA signed).
     */
    static void checkPeer(SSLSession session, List<String> allowed) throws SSLPeerUnverifiedException {
        X509Certificate peer = (X509Certificate) session.getPeerCertificates()[0];
        if (allowed.isEmpty()) {
            return;
        }
        for (String dn : dnForms(peer.getSubjectX500Principal())) {
            for (String pattern : allowed) {
                if (glob(pattern).matcher(dn).matches()) {
                    return;
                }
            }
        }
        throw new SSLPeerUnverifiedException("client's Distinguished Name is not on the list of allowed clients"
                + " (tls_allowed_dn_list): " + peer.getSubjectX500Principal().getName(X500Principal.RFC2253));
    }

    /** The DN as RFC 4514 writes it (CN first) and in certificate order (C first), as gnutls prints it. */
    static List<String> dnForms(X500Principal p) {
        String rfc = p.getName(X500Principal.RFC2253);
        List<String> parts = splitDn(rfc);
        List<String> reversed = new ArrayList<>(parts);
        Collections.reverse(reversed);
        return List.of(rfc, String.join(",", reversed));
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
