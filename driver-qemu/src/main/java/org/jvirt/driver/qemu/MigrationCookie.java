package org.jvirt.driver.qemu;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * What one QEMU driver tells the other between migration phases (libvirt's migration cookie, in
 * jvirt's own small format: UTF-8 lines {@code key=value}, first line {@code jvirt-qemu-migration 1}).
 * It carries the guest's UUID (so finish finds the incoming guest) and the migration capabilities:
 * from begin, those the source QEMU has; from prepare, those both sides turn on or off.
 *
 * @param uuid the guest's UUID
 * @param capabilities capability name to on/off; for the source's offer every value is {@code true}
 */
record MigrationCookie(UUID uuid, Map<String, Boolean> capabilities) {
    private static final String MAGIC = "jvirt-qemu-migration 1";

    byte[] encode() {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n').append("uuid=").append(uuid).append('\n');
        StringBuilder caps = new StringBuilder();
        capabilities.forEach((k, v) -> caps.append(caps.length() > 0 ? "," : "").append(k).append(v ? "" : ":off"));
        sb.append("capabilities=").append(caps).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static MigrationCookie decode(byte[] cookie) {
        String text = cookie == null ? "" : new String(cookie, StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        if (!MAGIC.equals(lines[0])) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "migration cookie is not from jvirt's QEMU driver (" + (text.isEmpty() ? "empty" : "'"
                            + lines[0] + "'") + ")");
        }
        UUID uuid = null;
        Map<String, Boolean> caps = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("uuid=")) {
                try {
                    uuid = UUID.fromString(l.substring(5));
                } catch (IllegalArgumentException e) {
                    throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                            "malformed uuid in migration cookie: '" + l.substring(5) + "'");
                }
            } else if (l.startsWith("capabilities=")) {
                for (String c : l.substring(13).split(",")) {
                    if (!c.isEmpty()) {
                        boolean off = c.endsWith(":off");
                        caps.put(off ? c.substring(0, c.length() - 4) : c, !off);
                    }
                }
            }
        }
        if (uuid == null) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "migration cookie has no uuid");
        }
        return new MigrationCookie(uuid, caps);
    }
}
