package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The per-domain master key ({@code DOMAIN_DIR/master-key.aes}, 32 random bytes) that QEMU loads as
 * {@code -object secret,id=masterKey0} and that encrypts the secrets passed on its command line, as
 * libvirt's {@code qemuDomainMasterKeyCreate}.
 */
final class MasterKey {
    static final String FILE = "master-key.aes";
    static final String ID = "masterKey0";

    private MasterKey() {
    }

    /** A fresh random key. */
    static byte[] generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * A secret encrypted for QEMU as libvirt's {@code qemuDomainSecretAESSetup}: AES-256-CBC with PKCS#7
     * padding under the master key and a fresh 16-byte IV, both base64.
     *
     * @return {data, iv}
     */
    static String[] encrypt(byte[] key, byte[] secret) {
        try {
            byte[] iv = new byte[16];
            new SecureRandom().nextBytes(iv);
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.IvParameterSpec(iv));
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
            return new String[] {b64.encodeToString(c.doFinal(secret)), b64.encodeToString(iv)};
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available", e);
        }
    }

    /** Writes a fresh key, readable by the owner only. */
    static void write(Path domainDir) throws IOException {
        write(domainDir, generate());
    }

    /** Writes the given key, readable by the owner only. */
    static void write(Path domainDir, byte[] key) throws IOException {
        Path f = domainDir.resolve(FILE);
        Files.deleteIfExists(f);
        Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(f, key, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
