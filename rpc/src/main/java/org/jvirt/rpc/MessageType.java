package org.jvirt.rpc;

/** The {@code type} word of a message header, numbered as libvirt's {@code virNetMessageType}. */
public enum MessageType {
    /** 0: a call, client to server. */
    CALL,
    /** 1: the reply to a call. */
    REPLY,
    /** 2: an asynchronous message (events, keepalive). */
    MESSAGE,
    /** 3: stream data or stream control. */
    STREAM,
    /** 4: a call followed by file descriptors. */
    CALL_WITH_FDS,
    /** 5: a reply followed by file descriptors. */
    REPLY_WITH_FDS,
    /** 6: a hole in a sparse stream. */
    STREAM_HOLE;

    /** libvirt's number. */
    public int number() {
        return ordinal();
    }

    /**
     * The type with libvirt's number.
     *
     * @param n the number
     * @return the type, or {@code null} if unknown
     */
    public static MessageType fromNumber(int n) {
        return n >= 0 && n < values().length ? values()[n] : null;
    }
}
