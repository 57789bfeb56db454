package org.jvirt.driver.qemu.qmp;

/** Malformed JSON, with the offset where the reader gave up. */
public final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    /**
     * A parse error.
     *
     * @param message what was wrong, with the offset
     * @param offset the character offset in the input
     */
    public JsonException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** The character offset in the input. */
    public int offset() {
        return offset;
    }
}
