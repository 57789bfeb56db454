package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <interface>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"mac", "source", "virtualport", "ip", "route", "script", "target", "guest", "model",
    "driver", "backend", "filterref", "tune", "link", "mtu", "boot", "rom", "alias", "address", "extra"})
public class InterfaceDef {
    @XmlAttribute private String type;
    private Generic mac;
    private Generic source;
    private Generic virtualport;
    private List<Generic> ip = new ArrayList<>();
    private List<Generic> route = new ArrayList<>();
    private Generic script;
    private Generic target;
    private Generic guest;
    private Generic model;
    private Generic driver;
    private Generic backend;
    private Generic filterref;
    private Generic tune;
    private Generic link;
    private Generic mtu;
    private Generic boot;
    private Generic rom;
    private Generic alias;
    private Generic address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** The interface type (network, bridge, ...). */
    public String type() {
        return type;
    }

    /** The MAC address, if given. */
    public String macAddress() {
        return mac == null ? null : mac.attr("address");
    }

    /** Sets the MAC address. */
    public void macAddress(String address) {
        if (mac == null) {
            mac = new Generic();
        }
        mac.attr("address", address);
    }

    /** The target device name, if given. */
    public String targetDev() {
        return target == null ? null : target.attr("dev");
    }

    /** Sets the target device name. */
    public void targetDev(String dev) {
        if (target == null) {
            target = new Generic();
        }
        target.attr("dev", dev);
    }

    /** The {@code <source>} element, if any. */
    public Generic source() {
        return source;
    }
}
