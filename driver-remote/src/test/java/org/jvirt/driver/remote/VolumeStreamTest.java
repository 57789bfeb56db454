package org.jvirt.driver.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.core.Virt;
import org.jvirt.testing.libvirt.Libvirtd;

/**
 * Volume upload and download streams against libvirtd's real storage driver (libvirt's test
 * driver has no volume streams): a throwaway daemon loading only the storage module, reached as
 * {@code storage+unix:///system}, with a transient dir pool in a temp dir.
 */
class VolumeStreamTest {
    static Libvirtd daemon;

    @BeforeAll
    static void start() throws Exception {
        daemon = Libvirtd.start("storage");
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void uploadThenDownloadRoundTripsInManyChunks(@TempDir Path tmp) throws Exception {
        Path target = Files.createDirectories(tmp.resolve("pool"));
        try (Connect conn = Virt.open("storage+unix:///system?socket=" + daemon.socket())) {
            StoragePool pool = conn.createStoragePool("<pool type='dir'><name>jvirt-stream-" + target.hashCode()
                    + "</name><target><path>" + target + "</path></target></pool>");
            try {
                StorageVol vol = pool.createVolume("<volume><name>data.img</name>"
                        + "<capacity unit='bytes'>2097152</capacity></volume>");
                RemoteFeatures rf = conn.unwrap(RemoteFeatures.class);
                byte[] data = new byte[1_000_000]; // about four 262120-byte stream packets
                new Random(7).nextBytes(data);
                assertEquals(data.length, rf.upload(vol, 0, data.length, new ByteArrayInputStream(data)));
                assertArrayEquals(data, Arrays.copyOf(Files.readAllBytes(Path.of(vol.getPath())), data.length));

                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertEquals(data.length, rf.download(vol, 0, data.length, out));
                assertArrayEquals(data, out.toByteArray());

                ByteArrayOutputStream part = new ByteArrayOutputStream();
                rf.download(vol, 500_000, 1000, part);
                assertArrayEquals(Arrays.copyOfRange(data, 500_000, 501_000), part.toByteArray());

                assertEquals(1, pool.listAllVolumes().size());
                vol.delete();
                // A refused stream call (the volume is gone) fails cleanly; the connection stays usable.
                VirtException e = assertThrows(VirtException.class,
                        () -> rf.upload(vol, 0, 10, new ByteArrayInputStream(new byte[10])));
                assertEquals(ErrorCode.NO_STORAGE_VOL, e.code(), e.getMessage());
                assertTrue(conn.isAlive());
                assertEquals(0, pool.listAllVolumes().size());
            } finally {
                pool.destroy();
            }
        }
    }
}
