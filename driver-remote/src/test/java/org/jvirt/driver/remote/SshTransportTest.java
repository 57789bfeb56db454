package org.jvirt.driver.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connect;
import org.jvirt.core.Virt;
import org.jvirt.testing.libvirt.Libvirtd;

/**
 * The ssh transport's command line, run through a stand-in for ssh ({@code ?command=}) that
 * records its arguments and runs the remote command locally — so the bytes flow exactly as
 * through {@code ssh host 'nc -U socket'}, without an ssh server.
 */
class SshTransportTest {
    @TempDir
    Path tmp;

    @Test
    void sshRunsNetcatOnTheRemoteSocket() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/nc")), "nc is not installed");
        Path fake = tmp.resolve("fake-ssh");
        Path args = tmp.resolve("args");
        // The last argument is the remote command; everything before it is ssh's options and host.
        Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + args + "\nfor a; do last=$a; done\n"
                + "exec sh -c \"$last\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        try (Libvirtd daemon = Libvirtd.start();
             Connect conn = Virt.open("test+ssh://alice@example.invalid:2222/default?command=" + fake
                     + "&socket=" + daemon.socket() + "&no_tty=1")) {
            assertEquals("TEST", conn.getType());
            assertTrue(conn.isEncrypted());
            assertTrue(conn.listAllDomains().stream().anyMatch(d -> d.getName().equals("test")));
            String recorded = Files.readString(args);
            assertEquals(String.join("\n", "-p", "2222", "-l", "alice", "-T", "-e", "none", "-o", "BatchMode=yes",
                    "--", "example.invalid", "nc -U " + daemon.socket()) + "\n", recorded);
        }
    }
}
