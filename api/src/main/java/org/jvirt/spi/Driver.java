package org.jvirt.spi;

/**
 * What a hypervisor driver implements. Found at run time through {@link java.util.ServiceLoader}
 * (declare {@code provides org.jvirt.spi.Driver with ...} in {@code module-info.java}, or a
 * {@code META-INF/services/org.jvirt.spi.Driver} file on the class path) or as a pf4j plugin
 * extension in a plugin jar.
 *
 * <p>A driver must have a public no-argument constructor and do no work in it; start-up work
 * belongs in {@link #open}. The {@link org.jvirt.api.Connect} it returns implements the
 * operations it supports; the API's default methods answer the rest with
 * {@code ErrorCode.NO_SUPPORT}.
 */
public interface Driver {
    /** Selection facts: name, schemes, locality, priority. Must be cheap and constant. */
    DriverDescriptor descriptor();

    /**
     * Opens a connection, or declines.
     *
     * @param request the URI and options
     * @return {@link OpenResult.Accepted} or {@link OpenResult.Declined}
     * @throws org.jvirt.api.VirtException when the URI is this driver's but cannot be opened
     */
    OpenResult open(OpenRequest request);
}
