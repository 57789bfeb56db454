package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * libvirt's capabilities XML ({@code virConnectGetCapabilities}): the host (uuid, CPU, power
 * management, IOMMU, migration, NUMA topology, cache, security models) and one {@code <guest>} per
 * OS type and architecture a driver can run (emulator, machines, domain types, features). Drivers
 * build it with the typed accessors; {@link CapabilitiesXml} parses and formats it as libvirt does.
 * Elements the model does not type are kept in their position as {@link Generic}.
 */
@XmlRootElement(name = "capabilities")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"host", "guest"})
public class CapabilitiesDef {
    private Host host = new Host();
    private List<Guest> guest = new ArrayList<>();

    /** The host part. */
    public Host host() {
        return host;
    }

    /** The guests, in order. */
    public List<Guest> guests() {
        return guest;
    }

    /** {@code <host>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"uuid", "cpu", "powerManagement", "iommu", "migrationFeatures", "topology", "cache",
        "memoryBandwidth", "secmodel", "extra"})
    public static class Host {
        private String uuid;
        private Generic cpu;
        @jakarta.xml.bind.annotation.XmlElement(name = "power_management") private Generic powerManagement;
        private Generic iommu;
        @jakarta.xml.bind.annotation.XmlElement(name = "migration_features") private Generic migrationFeatures;
        private Topology topology;
        private Generic cache;
        @jakarta.xml.bind.annotation.XmlElement(name = "memory_bandwidth") private Generic memoryBandwidth;
        private List<SecModel> secmodel = new ArrayList<>();
        @XmlAnyElement private List<Element> extra = new ArrayList<>();

        /** The host UUID, or {@code null}. */
        public String uuid() {
            return uuid;
        }

        /** Sets the host UUID. */
        public Host uuid(String u) {
            uuid = u;
            return this;
        }

        /** The host CPU ({@code arch}, {@code model}, {@code features}, {@code pages}, ...), or {@code null}. */
        public Generic cpu() {
            return cpu;
        }

        /** Sets the host CPU element. */
        public Host cpu(Generic c) {
            cpu = c;
            return this;
        }

        /** The host architecture from {@code <cpu><arch>}, or {@code null}. */
        public String arch() {
            if (cpu == null) {
                return null;
            }
            for (Object o : cpu.content()) {
                if (o instanceof Element e && "arch".equals(e.getLocalName())) {
                    return e.getTextContent().trim();
                }
            }
            return null;
        }

        /** The NUMA topology, or {@code null}. */
        public Topology topology() {
            return topology;
        }

        /** Sets the NUMA topology. */
        public Host topology(Topology t) {
            topology = t;
            return this;
        }

        /** The security models. */
        public List<SecModel> secmodels() {
            return secmodel;
        }

        /** The IOMMU element, or {@code null}. */
        public Generic iommu() {
            return iommu;
        }

        /** The power-management element, or {@code null}. */
        public Generic powerManagement() {
            return powerManagement;
        }
    }

    /** {@code <topology><cells num=...>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Topology {
        private Cells cells = new Cells();

        /** The NUMA cells. */
        public List<Cell> cells() {
            return cells.cell;
        }

        /** Sets {@code num} from the number of cells; call after editing. */
        public Topology count() {
            cells.num = Integer.toString(cells.cell.size());
            return this;
        }
    }

    /** {@code <cells>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static class Cells {
        @XmlAttribute String num;
        List<Cell> cell = new ArrayList<>();
    }

    /** One NUMA cell: id, memory (KiB), pages, distances, CPUs. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"memory", "pages", "distances", "cpus"})
    public static class Cell {
        @XmlAttribute private String id;
        private Scaled memory;
        private List<Generic> pages = new ArrayList<>();
        private Generic distances;
        private Cpus cpus;

        /** The cell id. */
        public String id() {
            return id;
        }

        /** Sets the id. */
        public Cell id(int i) {
            id = Integer.toString(i);
            return this;
        }

        /** The memory element ({@code unit='KiB'}), or {@code null}. */
        public Scaled memory() {
            return memory;
        }

        /** Sets the memory size in KiB. */
        public Cell memoryKiB(long kib) {
            memory = new Scaled(kib);
            memory.unit("KiB");
            return this;
        }

        /** Page pools of the cell. */
        public List<Generic> pages() {
            return pages;
        }

        /** The cell's CPUs. */
        public List<Cpu> cpus() {
            if (cpus == null) {
                cpus = new Cpus();
            }
            return cpus.cpu;
        }

        /** Sets {@code num} from the number of CPUs; call after editing. */
        public Cell countCpus() {
            cpus().size();
            cpus.num = Integer.toString(cpus.cpu.size());
            return this;
        }
    }

    /** {@code <cpus num=...>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static class Cpus {
        @XmlAttribute String num;
        List<Cpu> cpu = new ArrayList<>();
    }

    /** One host CPU of a cell. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Cpu {
        @XmlAttribute private String id;
        @XmlAttribute(name = "socket_id") private String socketId;
        @XmlAttribute(name = "die_id") private String dieId;
        @XmlAttribute(name = "core_id") private String coreId;
        @XmlAttribute private String siblings;

        /** For JAXB. */
        public Cpu() {
        }

        /** A CPU with its topology ids. */
        public Cpu(int id, int socket, int die, int core, String siblings) {
            this.id = Integer.toString(id);
            socketId = Integer.toString(socket);
            dieId = Integer.toString(die);
            coreId = Integer.toString(core);
            this.siblings = siblings;
        }

        /** The CPU id. */
        public String id() {
            return id;
        }

        /** The socket id. */
        public String socketId() {
            return socketId;
        }

        /** The core id. */
        public String coreId() {
            return coreId;
        }
    }

    /** {@code <secmodel>}: model, doi, base labels. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"model", "doi", "baselabel"})
    public static class SecModel {
        private String model;
        private String doi;
        private List<BaseLabel> baselabel = new ArrayList<>();

        /** For JAXB. */
        public SecModel() {
        }

        /** A model with its DOI. */
        public SecModel(String model, String doi) {
            this.model = model;
            this.doi = doi;
        }

        /** The model name. */
        public String model() {
            return model;
        }

        /** The DOI. */
        public String doi() {
            return doi;
        }
    }

    /** {@code <baselabel type='kvm'>label</baselabel>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class BaseLabel {
        @XmlAttribute private String type;
        @XmlValue private String label;
    }

    /** {@code <guest>}: an OS type on an architecture. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"osType", "arch", "features"})
    public static class Guest {
        @jakarta.xml.bind.annotation.XmlElement(name = "os_type") private String osType;
        private Arch arch = new Arch();
        private Generic features;

        /** The OS type ({@code hvm}, {@code xen}, {@code exe}, ...). */
        public String osType() {
            return osType;
        }

        /** Sets the OS type. */
        public Guest osType(String t) {
            osType = t;
            return this;
        }

        /** The architecture. */
        public Arch arch() {
            return arch;
        }

        /** The guest features ({@code pae}, {@code acpi toggle='yes'}, ...), or {@code null}. */
        public Generic features() {
            return features;
        }

        /** Sets the features element. */
        public Guest features(Generic f) {
            features = f;
            return this;
        }
    }

    /** {@code <arch name=...>}: word size, emulator, loader, machines, domain types. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"wordsize", "emulator", "loader", "machine", "domain"})
    public static class Arch {
        @XmlAttribute private String name;
        private String wordsize;
        private String emulator;
        private String loader;
        private List<Machine> machine = new ArrayList<>();
        private List<DomainType> domain = new ArrayList<>();

        /** The architecture name. */
        public String name() {
            return name;
        }

        /** Sets the name. */
        public Arch name(String n) {
            name = n;
            return this;
        }

        /** The word size in bits. */
        public String wordsize() {
            return wordsize;
        }

        /** Sets the word size. */
        public Arch wordsize(int w) {
            wordsize = Integer.toString(w);
            return this;
        }

        /** The default emulator, or {@code null}. */
        public String emulator() {
            return emulator;
        }

        /** Sets the default emulator. */
        public Arch emulator(String e) {
            emulator = e;
            return this;
        }

        /** The machine types. */
        public List<Machine> machines() {
            return machine;
        }

        /** The domain types ({@code qemu}, {@code kvm}, {@code test}, ...). */
        public List<DomainType> domains() {
            return domain;
        }
    }

    /** {@code <machine maxCpus=... canonical=...>name</machine>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Machine {
        @XmlAttribute private String canonical;
        @XmlAttribute private String maxCpus;
        @XmlAttribute private String deprecated;
        @XmlValue private String name;

        /** For JAXB. */
        public Machine() {
        }

        /** A machine type. */
        public Machine(String name, String canonical, Integer maxCpus) {
            this.name = name;
            this.canonical = canonical;
            this.maxCpus = maxCpus == null ? null : maxCpus.toString();
        }

        /** The machine type name. */
        public String name() {
            return name;
        }

        /** The canonical name this one aliases, or {@code null}. */
        public String canonical() {
            return canonical;
        }
    }

    /** {@code <domain type=...>} with its own emulator and machines where they differ. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"emulator", "machine"})
    public static class DomainType {
        @XmlAttribute private String type;
        private String emulator;
        private List<Machine> machine = new ArrayList<>();

        /** For JAXB. */
        public DomainType() {
        }

        /** A domain type. */
        public DomainType(String type) {
            this.type = type;
        }

        /** The domain type. */
        public String type() {
            return type;
        }
    }
}
