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

    /** Writes a fresh key, readable by the owner only. */
    static void write(Path domainDir) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path f = domainDir.resolve(FILE);
        Files.deleteIfExists(f);
        Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(f, key, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
