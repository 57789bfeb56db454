package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <disk>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"driver", "source", "backingStore", "target", "iotune", "boot", "readonly", "shareable",
    "transientDisk", "serial", "wwn", "vendor", "product", "encryption", "alias", "address", "extra"})
public class DiskDef {
    @XmlAttribute private String type;
    @XmlAttribute private String device;
    @XmlAttribute private String model;
    @XmlAttribute private String snapshot;
    private Generic driver;
    private Generic source;
    private Generic backingStore;
    private Generic target;
    private Generic iotune;
    private Generic boot;
    private Generic readonly;
    private Generic shareable;
    @XmlElement(name = "transient") private Generic transientDisk;
    private String serial;
    private String wwn;
    private String vendor;
    private String product;
    private Generic encryption;
    private Generic alias;
    private Generic address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** The disk type (file, block, ...). */
    public String type() {
        return type;
    }

    /** The device kind (disk, cdrom, ...). */
    public String device() {
        return device;
    }

    void device(String d) {
        device = d;
    }

    /** The {@code <source>} element, if any. */
    public Generic source() {
        return source;
    }

    /** The {@code <target>} element, if any. */
    public Generic target() {
        return target;
    }

    /** The target device name, e.g. {@code vda}. */
    public String targetDev() {
        return target == null ? null : target.attr("dev");
    }

    /** The source file, device, dir, volume or name, whichever is given. */
    public String sourcePath() {
        if (source == null) {
            return null;
        }
        for (String a : new String[] {"file", "dev", "dir", "volume", "name"}) {
            if (source.attr(a) != null) {
                return source.attr(a);
            }
        }
        return null;
    }
}
