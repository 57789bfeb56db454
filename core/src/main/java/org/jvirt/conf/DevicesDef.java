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

/** {@code <devices>}: typed lists in libvirt's output order. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"emulator", "disk", "controller", "lease", "filesystem", "iface", "smartcard", "serial",
    "parallel", "console", "channel", "input", "tpm", "graphics", "sound", "audio", "video", "hostdev",
    "redirdev", "redirfilter", "hub", "watchdog", "memballoon", "rng", "panic", "shmem", "memory", "iommu",
    "vsock", "extra"})
public class DevicesDef {
    private String emulator;
    private List<DiskDef> disk = new ArrayList<>();
    private List<Generic> controller = new ArrayList<>();
    private List<Generic> lease = new ArrayList<>();
    private List<Generic> filesystem = new ArrayList<>();
    @XmlElement(name = "interface") private List<InterfaceDef> iface = new ArrayList<>();
    private List<Generic> smartcard = new ArrayList<>();
    private List<Generic> serial = new ArrayList<>();
    private List<Generic> parallel = new ArrayList<>();
    private List<Generic> console = new ArrayList<>();
    private List<Generic> channel = new ArrayList<>();
    private List<Generic> input = new ArrayList<>();
    private List<Generic> tpm = new ArrayList<>();
    private List<Generic> graphics = new ArrayList<>();
    private List<Generic> sound = new ArrayList<>();
    private List<Generic> audio = new ArrayList<>();
    private List<Generic> video = new ArrayList<>();
    private List<Generic> hostdev = new ArrayList<>();
    private List<Generic> redirdev = new ArrayList<>();
    private Generic redirfilter;
    private List<Generic> hub = new ArrayList<>();
    private Generic watchdog;
    private Generic memballoon;
    private List<Generic> rng = new ArrayList<>();
    private List<Generic> panic = new ArrayList<>();
    private List<Generic> shmem = new ArrayList<>();
    private List<Generic> memory = new ArrayList<>();
    private Generic iommu;
    private Generic vsock;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** The disks (live list). */
    public List<DiskDef> disks() {
        return disk;
    }

    /** The network interfaces (live list). */
    public List<InterfaceDef> interfaces() {
        return iface;
    }

    /** The controllers (live list). */
    public List<Generic> controllers() {
        return controller;
    }

    /** The graphics devices (live list). */
    public List<Generic> graphics() {
        return graphics;
    }

    /** The memory balloon, if any. */
    public Generic memballoon() {
        return memballoon;
    }

    /** The emulator binary, if given. */
    public String emulator() {
        return emulator == null ? null : emulator.trim();
    }

    /** Sets the emulator binary (drivers fill in their default). */
    public void emulator(String path) {
        emulator = path;
    }

    /** The serial ports (live list). */
    public List<Generic> serials() {
        return serial;
    }

    /** The consoles (live list). */
    public List<Generic> consoles() {
        return console;
    }
}
