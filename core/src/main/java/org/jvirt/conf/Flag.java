package org.jvirt.conf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;

/**
 * An element whose presence is its whole meaning, written {@code <x/>} (e.g. {@code <locked/>},
 * {@code <acpi/>}). Typed classes expose it as a {@code boolean}.
 */
@XmlAccessorType(XmlAccessType.FIELD)
public final class Flag implements DeclaredOrder {
    /** The one value there is. */
    public Flag() {
    }

    static Flag of(boolean on) {
        return on ? new Flag() : null;
    }
}
