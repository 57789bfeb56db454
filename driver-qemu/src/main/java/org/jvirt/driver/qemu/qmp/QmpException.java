package org.jvirt.driver.qemu.qmp;

/**
 * A QMP command that failed: an error reply from QEMU (its {@code class} and {@code desc}), a
 * timeout, or a monitor that closed before the reply came.
 */
public class QmpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Error class of a command that timed out (not a QEMU class). */
    public static final String TIMEOUT = "jvirt:Timeout";
    /** Error class of a command whose monitor closed or failed (not a QEMU class). */
    public static final String CLOSED = "jvirt:MonitorClosed";

    private final String errorClass;
    private final String desc;

    /**
     * A failure.
     *
     * @param errorClass QEMU's error class (e.g. {@code GenericError}, {@code CommandNotFound}) or
     *        {@link #TIMEOUT} / {@link #CLOSED}
     * @param desc the description
     * @param cause the underlying cause, may be {@code null}
     */
    public QmpException(String errorClass, String desc, Throwable cause) {
        super(errorClass + ": " + desc, cause);
        this.errorClass = errorClass;
        this.desc = desc;
    }

    /** QEMU's error class, or {@link #TIMEOUT} / {@link #CLOSED}. */
    public String errorClass() {
        return errorClass;
    }

    /** QEMU's description of the error. */
    public String desc() {
        return desc;
    }

    /** Whether the monitor closed (QEMU exited or the socket failed) before the reply. */
    public boolean isClosed() {
        return CLOSED.equals(errorClass);
    }
}
