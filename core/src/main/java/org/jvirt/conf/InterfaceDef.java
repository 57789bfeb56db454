package org.jvirt.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A network {@code <interface>} of every type (network, bridge, direct, user, ethernet, vhostuser, server, client, mcast, udp, hostdev, vdpa, null, vds): mac, source, vlan, virtualport, bandwidth, port, portForward, ip, route, script, downscript, backenddomain, target, guest, model, driver, backend, filterref, tune, teaming, link, mtu, coalesce, boot, alias, rom, acpi, address.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"mac", "source", "vlan", "virtualport", "bandwidth", "port", "portForward", "ip", "route", "script", "downscript", "backenddomain", "target", "guest", "model", "driver", "backend", "filterref", "tune", "teaming", "link", "mtu", "coalesce", "boot", "alias", "master", "rom", "acpi", "address", "extra"})
public class InterfaceDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "managed") private String managed;
    @XmlAttribute(name = "trustGuestRxFilters") private String trustGuestRxFilters;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "mac") private MacDef mac;
    @XmlElement(name = "source") private NetSourceDef source;
    @XmlElement(name = "vlan") private Generic vlan;
    @XmlElement(name = "virtualport") private VirtualPortDef virtualport;
    @XmlElement(name = "bandwidth") private BandwidthDef bandwidth;
    @XmlElement(name = "port") private Generic port;
    @XmlElement(name = "portForward") private List<Generic> portForward = new ArrayList<>();
    @XmlElement(name = "ip") private List<Generic> ip = new ArrayList<>();
    @XmlElement(name = "route") private List<Generic> route = new ArrayList<>();
    @XmlElement(name = "script") private Generic script;
    @XmlElement(name = "downscript") private Generic downscript;
    @XmlElement(name = "backenddomain") private Generic backenddomain;
    @XmlElement(name = "target") private NetTargetDef target;
    @XmlElement(name = "guest") private Generic guest;
    @XmlElement(name = "model") private NetModelDef model;
    @XmlElement(name = "driver") private NetDriverDef driver;
    @XmlElement(name = "backend") private Generic backend;
    @XmlElement(name = "filterref") private Generic filterref;
    @XmlElement(name = "tune") private Generic tune;
    @XmlElement(name = "teaming") private Generic teaming;
    @XmlElement(name = "link") private Generic link;
    @XmlElement(name = "mtu") private Generic mtu;
    @XmlElement(name = "coalesce") private Generic coalesce;
    @XmlElement(name = "boot") private BootDef boot;
    @XmlElement(name = "alias") private AliasDef alias;
    @XmlElement(name = "master") private Generic master;
    @XmlElement(name = "rom") private RomDef rom;
    @XmlElement(name = "acpi") private AcpiDef acpi;
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public InterfaceDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public InterfaceDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code managed} attribute as written, or {@code null}. */
    public String managed() {
        return managed;
    }

    /** Sets (or with {@code null} removes) the {@code managed} attribute. */
    public InterfaceDef managed(String v) {
        managed = v;
        return this;
    }

    /** The {@code trustGuestRxFilters} attribute as written, or {@code null}. */
    public String trustGuestRxFilters() {
        return trustGuestRxFilters;
    }

    /** Sets (or with {@code null} removes) the {@code trustGuestRxFilters} attribute. */
    public InterfaceDef trustGuestRxFilters(String v) {
        trustGuestRxFilters = v;
        return this;
    }

    /** The {@code <mac>} element, or {@code null}. */
    public MacDef mac() {
        return mac;
    }

    /** Sets (or with {@code null} removes) the {@code <mac>} element. */
    public InterfaceDef mac(MacDef v) {
        mac = v;
        return this;
    }

    /** The {@code <source>} element, or {@code null}. */
    public NetSourceDef source() {
        return source;
    }

    /** Sets (or with {@code null} removes) the {@code <source>} element. */
    public InterfaceDef source(NetSourceDef v) {
        source = v;
        return this;
    }

    /** The {@code <vlan>} element, or {@code null}. */
    public Generic vlan() {
        return vlan;
    }

    /** Sets (or with {@code null} removes) the {@code <vlan>} element. */
    public InterfaceDef vlan(Generic v) {
        vlan = v;
        return this;
    }

    /** The {@code <virtualport>} element, or {@code null}. */
    public VirtualPortDef virtualport() {
        return virtualport;
    }

    /** Sets (or with {@code null} removes) the {@code <virtualport>} element. */
    public InterfaceDef virtualport(VirtualPortDef v) {
        virtualport = v;
        return this;
    }

    /** The {@code <bandwidth>} element, or {@code null}. */
    public BandwidthDef bandwidth() {
        return bandwidth;
    }

    /** Sets (or with {@code null} removes) the {@code <bandwidth>} element. */
    public InterfaceDef bandwidth(BandwidthDef v) {
        bandwidth = v;
        return this;
    }

    /** The {@code <port>} element, or {@code null}. */
    public Generic port() {
        return port;
    }

    /** Sets (or with {@code null} removes) the {@code <port>} element. */
    public InterfaceDef port(Generic v) {
        port = v;
        return this;
    }

    /** The {@code <portForward>} elements (live list). */
    public List<Generic> portForward() {
        return portForward;
    }

    /** The {@code <ip>} elements (live list). */
    public List<Generic> ip() {
        return ip;
    }

    /** The {@code <route>} elements (live list). */
    public List<Generic> route() {
        return route;
    }

    /** The {@code <script>} element, or {@code null}. */
    public Generic script() {
        return script;
    }

    /** Sets (or with {@code null} removes) the {@code <script>} element. */
    public InterfaceDef script(Generic v) {
        script = v;
        return this;
    }

    /** The {@code <downscript>} element, or {@code null}. */
    public Generic downscript() {
        return downscript;
    }

    /** Sets (or with {@code null} removes) the {@code <downscript>} element. */
    public InterfaceDef downscript(Generic v) {
        downscript = v;
        return this;
    }

    /** The {@code <backenddomain>} element, or {@code null}. */
    public Generic backenddomain() {
        return backenddomain;
    }

    /** Sets (or with {@code null} removes) the {@code <backenddomain>} element. */
    public InterfaceDef backenddomain(Generic v) {
        backenddomain = v;
        return this;
    }

    /** The {@code <target>} element, or {@code null}. */
    public NetTargetDef target() {
        return target;
    }

    /** Sets (or with {@code null} removes) the {@code <target>} element. */
    public InterfaceDef target(NetTargetDef v) {
        target = v;
        return this;
    }

    /** The {@code <guest>} element, or {@code null}. */
    public Generic guest() {
        return guest;
    }

    /** Sets (or with {@code null} removes) the {@code <guest>} element. */
    public InterfaceDef guest(Generic v) {
        guest = v;
        return this;
    }

    /** The {@code <model>} element, or {@code null}. */
    public NetModelDef model() {
        return model;
    }

    /** Sets (or with {@code null} removes) the {@code <model>} element. */
    public InterfaceDef model(NetModelDef v) {
        model = v;
        return this;
    }

    /** The {@code <driver>} element, or {@code null}. */
    public NetDriverDef driver() {
        return driver;
    }

    /** Sets (or with {@code null} removes) the {@code <driver>} element. */
    public InterfaceDef driver(NetDriverDef v) {
        driver = v;
        return this;
    }

    /** The {@code <backend>} element, or {@code null}. */
    public Generic backend() {
        return backend;
    }

    /** Sets (or with {@code null} removes) the {@code <backend>} element. */
    public InterfaceDef backend(Generic v) {
        backend = v;
        return this;
    }

    /** The {@code <filterref>} element, or {@code null}. */
    public Generic filterref() {
        return filterref;
    }

    /** Sets (or with {@code null} removes) the {@code <filterref>} element. */
    public InterfaceDef filterref(Generic v) {
        filterref = v;
        return this;
    }

    /** The {@code <tune>} element, or {@code null}. */
    public Generic tune() {
        return tune;
    }

    /** Sets (or with {@code null} removes) the {@code <tune>} element. */
    public InterfaceDef tune(Generic v) {
        tune = v;
        return this;
    }

    /** The {@code <teaming>} element, or {@code null}. */
    public Generic teaming() {
        return teaming;
    }

    /** Sets (or with {@code null} removes) the {@code <teaming>} element. */
    public InterfaceDef teaming(Generic v) {
        teaming = v;
        return this;
    }

    /** The {@code <link>} element, or {@code null}. */
    public Generic link() {
        return link;
    }

    /** Sets (or with {@code null} removes) the {@code <link>} element. */
    public InterfaceDef link(Generic v) {
        link = v;
        return this;
    }

    /** The {@code <mtu>} element, or {@code null}. */
    public Generic mtu() {
        return mtu;
    }

    /** Sets (or with {@code null} removes) the {@code <mtu>} element. */
    public InterfaceDef mtu(Generic v) {
        mtu = v;
        return this;
    }

    /** The {@code <coalesce>} element, or {@code null}. */
    public Generic coalesce() {
        return coalesce;
    }

    /** Sets (or with {@code null} removes) the {@code <coalesce>} element. */
    public InterfaceDef coalesce(Generic v) {
        coalesce = v;
        return this;
    }

    /** The {@code <boot>} element, or {@code null}. */
    public BootDef boot() {
        return boot;
    }

    /** Sets (or with {@code null} removes) the {@code <boot>} element. */
    public InterfaceDef boot(BootDef v) {
        boot = v;
        return this;
    }

    /** The {@code <alias>} element, or {@code null}. */
    public AliasDef alias() {
        return alias;
    }

    /** Sets (or with {@code null} removes) the {@code <alias>} element. */
    public InterfaceDef alias(AliasDef v) {
        alias = v;
        return this;
    }

    /** The {@code <master>} element, or {@code null}. */
    public Generic master() {
        return master;
    }

    /** Sets (or with {@code null} removes) the {@code <master>} element. */
    public InterfaceDef master(Generic v) {
        master = v;
        return this;
    }

    /** The {@code <rom>} element, or {@code null}. */
    public RomDef rom() {
        return rom;
    }

    /** Sets (or with {@code null} removes) the {@code <rom>} element. */
    public InterfaceDef rom(RomDef v) {
        rom = v;
        return this;
    }

    /** The {@code <acpi>} element, or {@code null}. */
    public AcpiDef acpi() {
        return acpi;
    }

    /** Sets (or with {@code null} removes) the {@code <acpi>} element. */
    public InterfaceDef acpi(AcpiDef v) {
        acpi = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public InterfaceDef address(DeviceAddress v) {
        address = v;
        return this;
    }

    /** Child elements the model does not know, kept verbatim (live list). */
    public List<Element> extra() {
        return extra;
    }

    /** Attributes the model does not know, kept verbatim (live map). */
    public Map<QName, String> otherAttributes() {
        return otherAttributes;
    }

    /** The MAC address, if given. */
    public String macAddress() {
        return mac == null ? null : mac.address();
    }

    /** Sets the MAC address. */
    public void macAddress(String address) {
        if (mac == null) {
            mac = new MacDef();
        }
        mac.address(address);
    }

    /** The target device name, if given. */
    public String targetDev() {
        return target == null ? null : target.dev();
    }

    /** Sets the target device name. */
    public void targetDev(String dev) {
        if (target == null) {
            target = new NetTargetDef();
        }
        target.dev(dev);
    }

}
