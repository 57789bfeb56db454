package org.jvirt.rpc;

/** The {@code status} word of a message header, numbered as libvirt's {@code virNetMessageStatus}. */
public enum MessageStatus {
    /** 0: success; end of stream. */
    OK,
    /** 1: failure; the payload is a {@code remote_error}. */
    ERROR,
    /** 2: stream data follows. */
    CONTINUE;

    /** libvirt's number. */
    public int number() {
        return ordinal();
    }

    /**
     * The status with libvirt's number.
     *
     * @param n the number
     * @return the status, or {@code null} if unknown
     */
    public static MessageStatus fromNumber(int n) {
        return n >= 0 && n < values().length ? values()[n] : null;
    }
}
