package org.jvirt.rpc;

import java.util.Objects;

/**
 * A message header: the 24 bytes after the length word.
 *
 * @param program the program number
 * @param version the program version
 * @param procedure the procedure number within the program
 * @param type the message type
 * @param serial the call's serial (libvirt clients count from 0)
 * @param status the status
 */
public record Header(int program, int version, int procedure, MessageType type, int serial, MessageStatus status) {
    /** Checks the enums are present. */
    public Header {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
    }

    /**
     * A header for a procedure of a program.
     *
     * @param p the program
     * @param procedure the procedure number
     * @param type the message type
     * @param serial the serial
     * @param status the status
     * @return the header
     */
    public static Header of(Program p, int procedure, MessageType type, int serial, MessageStatus status) {
        return new Header(p.number(), p.version(), procedure, type, serial, status);
    }

    /** Whether this header belongs to the program (number and version). */
    public boolean isFor(Program p) {
        return program == p.number() && version == p.version();
    }

    /** This header with another type and status (for replies and stream packets). */
    public Header with(MessageType t, MessageStatus s) {
        return new Header(program, version, procedure, t, serial, s);
    }

    @Override
    public String toString() {
        return "[prog=0x" + Integer.toHexString(program) + " v" + version + " proc=" + procedure + " " + type
                + " serial=" + serial + " " + status + "]";
    }
}
