package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <sysinfo type='smbios'|'fwcfg'>}: SMBIOS tables (bios, system, baseBoard, chassis, oemStrings)
 * or firmware config entries. libvirt keeps only the entry names it knows, in its own order.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"bios", "system", "baseBoard", "chassis", "oemStrings", "entries"})
public class SysinfoDef implements DeclaredOrder {
    @XmlAttribute private String type;
    private Block bios;
    private Block system;
    private List<Block> baseBoard = new ArrayList<>();
    private Block chassis;
    private Block oemStrings;
    @XmlElement(name = "entry") private List<Entry> entries = new ArrayList<>();

    /** For JAXB. */
    public SysinfoDef() {
    }

    /** A block of {@code <entry>} elements. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "SysinfoDef.Block")
    public static class Block implements DeclaredOrder {
        @XmlElement(name = "entry") List<Entry> entries = new ArrayList<>();

        /** The entries (live list). */
        public List<Entry> entries() {
            return entries;
        }

        /** The value of the entry named {@code name}, or {@code null}. */
        public String get(String name) {
            for (Entry e : entries) {
                if (name.equals(e.name)) {
                    return e.value;
                }
            }
            return null;
        }
    }

    /** {@code <entry name= file=>value</entry>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "SysinfoDef.Entry")
    public static class Entry implements DeclaredOrder {
        @XmlAttribute String name;
        @XmlAttribute String file;
        @XmlValue String value;

        /** The name ({@code null} in oemStrings). */
        public String name() {
            return name;
        }

        /** The value. */
        public String value() {
            return value;
        }
    }

    /** smbios or fwcfg. */
    public String type() {
        return type;
    }

    /** The BIOS block, or {@code null}. */
    public Block bios() {
        return bios;
    }

    /** The system block, or {@code null}. */
    public Block system() {
        return system;
    }

    /** The base boards (live list). */
    public List<Block> baseBoards() {
        return baseBoard;
    }

    /** The chassis block, or {@code null}. */
    public Block chassis() {
        return chassis;
    }

    /** The OEM strings, or {@code null}. */
    public Block oemStrings() {
        return oemStrings;
    }

    /** The fwcfg entries (live list). */
    public List<Entry> fwcfgEntries() {
        return entries;
    }

    private static Block keep(Block b, String... names) {
        if (b == null) {
            return null;
        }
        Block out = new Block();
        for (String n : names) {
            for (Entry e : b.entries) {
                if (n.equals(e.name)) {
                    if (e.value != null && !e.value.isEmpty()) {
                        out.entries.add(e);
                    }
                    break;
                }
            }
        }
        return out.entries.isEmpty() ? null : out;
    }

    void normalise(String domainUuid) {
        if (type == null) {
            throw DomainXml.xmlError("sysinfo must contain a type attribute");
        }
        DomainXml.checkEnum(type, "sysinfo type", "smbios", "fwcfg");
        if (type.equals("fwcfg")) {
            bios = null;
            system = null;
            baseBoard.clear();
            chassis = null;
            oemStrings = null;
            for (Entry e : entries) {
                if (e.name == null) {
                    throw DomainXml.xmlError("Firmware entry is missing 'name' attribute");
                }
                if (e.value != null && e.value.isEmpty()) {
                    e.value = null;
                }
                if (e.value == null && e.file == null) {
                    throw DomainXml.xmlError("Firmware entry must have either value or 'file' attribute");
                }
            }
            return;
        }
        entries.clear();
        bios = keep(bios, "vendor", "version", "date", "release");
        if (bios != null) {
            String date = bios.get("date");
            if (date != null && !date.matches("(0[1-9]|1[0-2])/(0[1-9]|[12][0-9]|3[01])/([0-9]{2}|[0-9]{4})")) {
                throw DomainXml.detail("Invalid BIOS 'date' format");
            }
        }
        system = keep(system, "manufacturer", "product", "version", "serial", "uuid", "sku", "family");
        if (system != null && system.get("uuid") != null) {
            String u = DomainXml.parseUuid(system.get("uuid"), org.jvirt.api.ErrorDomain.DOMAIN);
            if (domainUuid != null && !u.equals(DomainXml.parseUuid(domainUuid, org.jvirt.api.ErrorDomain.DOMAIN))) {
                throw DomainXml.detail("UUID mismatch between <uuid> and <sysinfo>");
            }
        }
        List<Block> boards = new ArrayList<>();
        for (Block b : baseBoard) {
            Block k = keep(b, "manufacturer", "product", "version", "serial", "asset", "location");
            if (k != null) {
                boards.add(k);
            }
        }
        baseBoard = boards;
        chassis = keep(chassis, "manufacturer", "version", "serial", "asset", "sku");
        if (oemStrings != null) {
            for (Entry e : oemStrings.entries) {
                e.name = null;
                e.file = null;
            }
            if (oemStrings.entries.isEmpty()) {
                oemStrings = null;
            }
        }
    }
}
