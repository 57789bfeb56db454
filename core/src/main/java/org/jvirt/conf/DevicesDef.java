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

/**
 * {@code <devices>}: one typed list per device class, in libvirt's output order. Elements the model
 * does not know are kept verbatim in {@link #extra()} and written last.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"emulator", "disk", "controller", "lease", "filesystem", "iface", "smartcard", "serial",
    "parallel", "console", "channel", "input", "tpm", "graphics", "sound", "audio", "video", "hostdev",
    "redirdev", "redirfilter", "hub", "watchdog", "memballoon", "rng", "panic", "shmem", "memory", "iommu",
    "vsock", "crypto", "extra"})
public class DevicesDef {
    private String emulator;
    private List<DiskDef> disk = new ArrayList<>();
    private List<ControllerDef> controller = new ArrayList<>();
    private List<LeaseDef> lease = new ArrayList<>();
    private List<FilesystemDef> filesystem = new ArrayList<>();
    @XmlElement(name = "interface") private List<InterfaceDef> iface = new ArrayList<>();
    private List<SmartcardDef> smartcard = new ArrayList<>();
    private List<ChrDef> serial = new ArrayList<>();
    private List<ChrDef> parallel = new ArrayList<>();
    private List<ChrDef> console = new ArrayList<>();
    private List<ChrDef> channel = new ArrayList<>();
    private List<InputDef> input = new ArrayList<>();
    private List<TpmDef> tpm = new ArrayList<>();
    private List<GraphicsDef> graphics = new ArrayList<>();
    private List<SoundDef> sound = new ArrayList<>();
    private List<AudioDef> audio = new ArrayList<>();
    private List<VideoDef> video = new ArrayList<>();
    private List<HostdevDef> hostdev = new ArrayList<>();
    private List<RedirdevDef> redirdev = new ArrayList<>();
    private RedirFilterDef redirfilter;
    private List<HubDef> hub = new ArrayList<>();
    private List<WatchdogDef> watchdog = new ArrayList<>();
    private MemballoonDef memballoon;
    private List<RngDef> rng = new ArrayList<>();
    private List<PanicDef> panic = new ArrayList<>();
    private List<ShmemDef> shmem = new ArrayList<>();
    private List<MemoryDeviceDef> memory = new ArrayList<>();
    private IommuDef iommu;
    private VsockDef vsock;
    private List<CryptoDef> crypto = new ArrayList<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** The emulator binary path, or {@code null}. */
    public String emulator() {
        return emulator == null ? null : emulator.trim();
    }

    /** Sets the emulator binary path. */
    public void emulator(String e) {
        emulator = e;
    }

    /** The disks (live list). */
    public List<DiskDef> disks() {
        return disk;
    }

    /** The controllers (live list). */
    public List<ControllerDef> controllers() {
        return controller;
    }

    /** The leases (live list). */
    public List<LeaseDef> leases() {
        return lease;
    }

    /** The filesystems (live list). */
    public List<FilesystemDef> filesystems() {
        return filesystem;
    }

    /** The network interfaces (live list). */
    public List<InterfaceDef> interfaces() {
        return iface;
    }

    /** The smartcards (live list). */
    public List<SmartcardDef> smartcards() {
        return smartcard;
    }

    /** The serial ports (live list). */
    public List<ChrDef> serials() {
        return serial;
    }

    /** The parallel ports (live list). */
    public List<ChrDef> parallels() {
        return parallel;
    }

    /** The consoles (live list). */
    public List<ChrDef> consoles() {
        return console;
    }

    /** The channels (live list). */
    public List<ChrDef> channels() {
        return channel;
    }

    /** The input devices (live list). */
    public List<InputDef> inputs() {
        return input;
    }

    /** The TPMs (live list). */
    public List<TpmDef> tpms() {
        return tpm;
    }

    /** The graphics devices (live list). */
    public List<GraphicsDef> graphics() {
        return graphics;
    }

    /** The sound devices (live list). */
    public List<SoundDef> sounds() {
        return sound;
    }

    /** The audio backends (live list). */
    public List<AudioDef> audios() {
        return audio;
    }

    /** The video devices (live list). */
    public List<VideoDef> videos() {
        return video;
    }

    /** The host devices (live list). */
    public List<HostdevDef> hostdevs() {
        return hostdev;
    }

    /** The redirected devices (live list). */
    public List<RedirdevDef> redirdevs() {
        return redirdev;
    }

    /** The hubs (live list). */
    public List<HubDef> hubs() {
        return hub;
    }

    /** The watchdogs (live list). */
    public List<WatchdogDef> watchdogs() {
        return watchdog;
    }

    /** The random number generators (live list). */
    public List<RngDef> rngs() {
        return rng;
    }

    /** The panic devices (live list). */
    public List<PanicDef> panics() {
        return panic;
    }

    /** The shared memory devices (live list). */
    public List<ShmemDef> shmems() {
        return shmem;
    }

    /** The memory devices (live list). */
    public List<MemoryDeviceDef> memoryDevices() {
        return memory;
    }

    /** The crypto devices (live list). */
    public List<CryptoDef> cryptos() {
        return crypto;
    }

    /** The USB redirection filter, or {@code null}. */
    public RedirFilterDef redirfilter() {
        return redirfilter;
    }

    /** Sets (or with {@code null} removes) the USB redirection filter. */
    public void redirfilter(RedirFilterDef v) {
        redirfilter = v;
    }

    /** The memory balloon, or {@code null}. */
    public MemballoonDef memballoon() {
        return memballoon;
    }

    /** Sets (or with {@code null} removes) the memory balloon. */
    public void memballoon(MemballoonDef v) {
        memballoon = v;
    }

    /** The IOMMU, or {@code null}. */
    public IommuDef iommu() {
        return iommu;
    }

    /** Sets (or with {@code null} removes) the IOMMU. */
    public void iommu(IommuDef v) {
        iommu = v;
    }

    /** The vsock device, or {@code null}. */
    public VsockDef vsock() {
        return vsock;
    }

    /** Sets (or with {@code null} removes) the vsock device. */
    public void vsock(VsockDef v) {
        vsock = v;
    }

    /** Device elements the model does not know, kept verbatim (live list). */
    public List<Element> extra() {
        return extra;
    }
}
