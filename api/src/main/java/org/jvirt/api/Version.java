package org.jvirt.api;

/**
 * A version as libvirt encodes it: {@code major * 1,000,000 + minor * 1,000 + release}.
 *
 * @param major major number
 * @param minor minor number
 * @param release release number
 */
public record Version(int major, int minor, int release) {
    /**
     * Decodes libvirt's numeric form.
     *
     * @param encoded e.g. {@code 9000000} for 9.0.0
     * @return the version
     */
    public static Version fromNumber(long encoded) {
        return new Version((int) (encoded / 1_000_000), (int) (encoded / 1_000 % 1_000), (int) (encoded % 1_000));
    }

    /** libvirt's numeric form. */
    public long toNumber() {
        return major * 1_000_000L + minor * 1_000L + release;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + release;
    }
}
