package org.jvirt.api;

import java.util.Objects;

/**
 * The one exception of jvirt: unchecked, and carrying libvirt's error code and error domain so
 * that callers can branch on {@link #code()} exactly as C callers branch on
 * {@code virGetLastError()->code}.
 *
 * <p>Messages read as libvirt's: {@link ErrorCode#format(String)} puts the detail into libvirt's
 * template for the code.
 */
public class VirtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final ErrorDomain domain;

    /**
     * Creates an exception with a complete message.
     *
     * @param code libvirt's error code
     * @param domain where the error was raised
     * @param message the complete message, already formatted
     */
    public VirtException(ErrorCode code, ErrorDomain domain, String message) {
        this(code, domain, message, null);
    }

    /**
     * Creates an exception with a complete message and a cause.
     *
     * @param code libvirt's error code
     * @param domain where the error was raised
     * @param message the complete message, already formatted
     * @param cause the underlying failure, may be {@code null}
     */
    public VirtException(ErrorCode code, ErrorDomain domain, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    /**
     * Creates an exception whose message is libvirt's template for {@code code} filled with
     * {@code detail}, e.g. {@code of(OPERATION_INVALID, TEST, "domain is not running")}.
     *
     * @param code libvirt's error code
     * @param domain where the error was raised
     * @param detail the specific part of the message
     * @return the exception, to be thrown by the caller
     */
    public static VirtException of(ErrorCode code, ErrorDomain domain, String detail) {
        return new VirtException(code, domain, code.format(detail));
    }

    /**
     * The error for an operation a driver does not implement: {@link ErrorCode#NO_SUPPORT},
     * naming libvirt's API function and the driver, as libvirt does.
     *
     * @param driver the driver's name (as {@link Connect#getType()} or the driver descriptor)
     * @param function libvirt's name of the call, e.g. {@code virDomainManagedSave}
     * @return the exception, to be thrown by the caller
     */
    public static VirtException noSupport(String driver, String function) {
        return new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NONE,
                ErrorCode.NO_SUPPORT.format(function) + " (driver '" + driver + "')");
    }

    /** libvirt's error code. */
    public ErrorCode code() {
        return code;
    }

    /** Where the error was raised. */
    public ErrorDomain domain() {
        return domain;
    }
}
