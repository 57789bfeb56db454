package org.jvirt.rpc.xdr;

/**
 * libvirt's size limits of the wire protocol (virnetprotocol.x and remote_protocol.x, 9.0).
 * Encoders and decoders refuse anything larger with an {@link org.jvirt.api.ErrorCode#RPC} error
 * before allocating.
 */
public final class XdrLimits {
    private XdrLimits() {
    }

    /** Size of the length word. */
    public static final int LEN_MAX = 4;
    /** Size of the header after the length word. */
    public static final int HEADER_MAX = 24;
    /** Starting buffer size of an encoder. */
    public static final int INITIAL = 65536;
    /** Largest header plus payload. */
    public static final int MESSAGE_MAX = 33554432;
    /** Largest payload: {@link #MESSAGE_MAX} minus the header. */
    public static final int PAYLOAD_MAX = MESSAGE_MAX - HEADER_MAX;
    /** The old payload limit, still the chunk size of stream data. */
    public static final int LEGACY_PAYLOAD_MAX = 262144 - HEADER_MAX;
    /** Largest string ({@code REMOTE_STRING_MAX}). */
    public static final int STRING_MAX = 4194304;
    /** Largest number of file descriptors per message. */
    public static final int NUM_FDS_MAX = 32;
}
