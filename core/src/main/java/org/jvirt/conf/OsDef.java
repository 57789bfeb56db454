package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <os>}: guest OS type and machine, firmware selection, loader and NVRAM, direct kernel boot,
 * container init, boot order and menu, SMBIOS mode and BIOS options.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"type", "firmware", "init", "initarg", "initenv", "initdir", "inituser", "initgroup", "loader",
    "nvram", "kernel", "initrd", "cmdline", "dtb", "root", "acpiTables", "boot", "bootmenu", "bios", "smbios"})
public class OsDef implements DeclaredOrder {
    @XmlAttribute(name = "firmware") private String firmwareAttr;
    private Type type;
    private Firmware firmware;
    private String init;
    private List<String> initarg = new ArrayList<>();
    private List<InitEnv> initenv = new ArrayList<>();
    private String initdir;
    private String inituser;
    private String initgroup;
    private Loader loader;
    private Nvram nvram;
    private String kernel;
    private String initrd;
    private String cmdline;
    private String dtb;
    private String root;
    @XmlElementWrapper(name = "acpi") @XmlElement(name = "table") private List<AcpiTable> acpiTables;
    private List<Boot> boot = new ArrayList<>();
    private BootMenu bootmenu;
    private Bios bios;
    private Smbios smbios;

    /** For JAXB and builders. */
    public OsDef() {
    }

    /** {@code <type arch= machine=>hvm</type>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OsDef.Type")
    public static class Type implements DeclaredOrder {
        @XmlAttribute private String arch;
        @XmlAttribute private String machine;
        @XmlValue private String value;

        /** The architecture, or {@code null}. */
        public String arch() {
            return arch;
        }

        /** Sets the architecture. */
        public void arch(String a) {
            arch = a;
        }

        /** The machine type, or {@code null}. */
        public String machine() {
            return machine;
        }

        /** Sets the machine type. */
        public void machine(String m) {
            machine = m;
        }

        /** The OS type, e.g. hvm. */
        public String value() {
            return value == null ? null : value.trim();
        }
    }

    /** {@code <firmware><feature enabled= name=/></firmware>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OsDef.Firmware")
    public static class Firmware implements DeclaredOrder {
        @XmlElement(name = "feature") List<FirmwareFeature> features = new ArrayList<>();

        /** The requested firmware features (live list). */
        public List<FirmwareFeature> features() {
            return features;
        }
    }

    /** {@code <feature enabled='yes|no' name=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OsDef.FirmwareFeature")
    public static class FirmwareFeature implements DeclaredOrder {
        @XmlAttribute String enabled;
        @XmlAttribute String name;

        /** The feature name (enrolled-keys, secure-boot). */
        public String name() {
            return name;
        }

        /** Whether it is required (else refused). */
        public boolean enabled() {
            return "yes".equals(enabled);
        }
    }

    /** {@code <initenv name=>value</initenv>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OsDef.InitEnv")
    public static class InitEnv implements DeclaredOrder {
        @XmlAttribute String name;
        @XmlValue String value;
    }

    /** {@code <loader readonly= secure= type= stateless=>path</loader>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OsDef.Loader")
    public static class Loader implements DeclaredOrder {
        @XmlAttribute String readonly;
        @XmlAttribute String secure;
        @XmlAttribute String type;
        @XmlAttribute String stateless;
        @XmlValue String path;

        /** The firmware image path, or {@code null}. */
        public String path() {
            return path == null || path.isEmpty() ? null : path;
        }

        /** rom or pflash, or {@code null}. */
        public String type() {
            return type;
        }

        /** Whether the image is read-only ({@code yes}/{@code no}/{@code null}). */
        public String readonly() {
            return readonly;
        }

        /** Whether secure boot is requested ({@code yes}/{@code no}/{@code null}). */
        public String secure() {
            return secure;
        }
    }

    /** {@code <nvram template= type=>path or <source/></nvram>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlSeeAlso(NvramSource.class)
    @XmlType(name = "OsDef.Nvram")
    public static class Nvram implements DeclaredOrder {
        @XmlAttribute String template;
        @XmlAttribute String type;
        @XmlMixed @XmlAnyElement(lax = true) List<Object> content = new ArrayList<>();

        /** The template path, or {@code null}. */
        public String template() {
            return template;
        }

        /** The source type (file, block, network) of a new-style NVRAM, or {@code null}. */
        public String type() {
            return type;
        }

        /** The local NVRAM path (old style), or {@code null}. */
        public String path() {
            StringBuilder b = new StringBuilder();
            for (Object o : content) {
                if (o instanceof String s) {
                    b.append(s);
                }
            }
            String s = b.toString().trim();
            return s.isEmpty() ? null : s;
        }

        /** The storage source (new style, {@code type} set), or {@code null}. */
        public NvramSource source() {
            for (Object o : content) {
                if (o instanceof NvramSource s) {
                    return s;
                }
            }
            return null;
        }
    }

    /** The {@code <source>} of a new-style NVRAM: a file, block device or network volume. */
    @XmlRootElement(name = "source")
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OsDef.NvramSource", propOrder = {"host", "auth", "extra"})
    public static class NvramSource implements DeclaredOrder {
        @XmlAttribute String file;
        @XmlAttribute String dev;
        @XmlAttribute String protocol;
        @XmlAttribute String name;
        @XmlAttribute String tls;
        List<Generic> host = new ArrayList<>();
        Generic auth;
        @XmlAnyElement List<org.w3c.dom.Element> extra = new ArrayList<>();

        /** The file path (type file), or {@code null}. */
        /** The {@code <host>} elements of a network NVRAM source (live list). */
        public List<Generic> hosts() {
            return host;
        }

        public String file() {
            return file;
        }

        /** The network protocol (type network), or {@code null}. */
        public String protocol() {
            return protocol;
        }

        /** The volume name (type network), or {@code null}. */
        public String name() {
            return name;
        }
    }

    /** {@code <acpi><table type='slic'>path</table></acpi>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OsDef.AcpiTable")
    public static class AcpiTable implements DeclaredOrder {
        @XmlAttribute String type;
        @XmlValue String path;
    }

    /** {@code <boot dev=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OsDef.Boot")
    public static class Boot implements DeclaredOrder {
        @XmlAttribute String dev;

        /** For JAXB. */
        public Boot() {
        }

        /** A boot device: hd, fd, cdrom or network. */
        public Boot(String dev) {
            this.dev = dev;
        }

        /** The device kind. */
        public String dev() {
            return dev;
        }
    }

    /** {@code <bootmenu enable= timeout=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OsDef.BootMenu")
    public static class BootMenu implements DeclaredOrder {
        @XmlAttribute String enable;
        @XmlAttribute String timeout;
    }

    /** {@code <bios useserial= rebootTimeout=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OsDef.Bios")
    public static class Bios implements DeclaredOrder {
        @XmlAttribute String useserial;
        @XmlAttribute String rebootTimeout;
    }

    /** {@code <smbios mode=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OsDef.Smbios")
    public static class Smbios implements DeclaredOrder {
        @XmlAttribute String mode;
    }

    /** The {@code <type>} element. */
    public Type type() {
        return type;
    }

    /** The OS type, e.g. {@code hvm}, or {@code null}. */
    public String osType() {
        return type == null ? null : type.value();
    }

    /** The firmware autoselection ({@code efi}/{@code bios}), or {@code null}. */
    public String firmwareAutoselect() {
        return firmwareAttr;
    }

    /** The firmware feature requests, or {@code null}. */
    public Firmware firmware() {
        return firmware;
    }

    /** The loader, or {@code null}. */
    public Loader loader() {
        return loader;
    }

    /** The NVRAM, or {@code null}. */
    public Nvram nvram() {
        return nvram;
    }

    /** The kernel path for direct boot, or {@code null}. */
    public String kernel() {
        return kernel;
    }

    /** The initrd path, or {@code null}. */
    public String initrd() {
        return initrd;
    }

    /** The kernel command line, or {@code null}. */
    public String cmdline() {
        return cmdline;
    }

    /** The device tree path, or {@code null}. */
    public String dtb() {
        return dtb;
    }

    /** The container init program, or {@code null}. */
    public String init() {
        return init;
    }

    /** The init arguments (live list). */
    public List<String> initArgs() {
        return initarg;
    }

    /** The boot devices in order (live list). */
    public List<Boot> boot() {
        return boot;
    }

    /** Whether the boot menu is enabled ({@code yes}/{@code no}/{@code null}). */
    public String bootMenuEnable() {
        return bootmenu == null ? null : bootmenu.enable;
    }

    /** The boot menu timeout in ms, -1 when unset. */
    public int bootMenuTimeout() {
        return bootmenu == null || bootmenu.timeout == null ? -1 : Integer.parseInt(bootmenu.timeout);
    }

    /** The SMBIOS mode (emulate, host, sysinfo), or {@code null}. */
    public String smbiosMode() {
        return smbios == null ? null : smbios.mode;
    }

    private static final List<String> BOOT_DEVS = List.of("fd", "cdrom", "hd", "network");

    void normalise(String bootloader, boolean deviceBoot) {
        String osType = osType();
        if (firmwareAttr != null) {
            DomainXml.checkEnumAttr(firmwareAttr, "firmware", "os", "bios", "efi");
        }
        if (firmware != null) {
            for (FirmwareFeature f : firmware.features) {
                f.enabled = DomainXml.yesNo(f.enabled, "enabled", "feature");
                if (f.name == null || f.enabled == null) {
                    throw DomainXml.xmlError("Missing required attribute 'name' in element 'feature'");
                }
                DomainXml.checkEnumAttr(f.name, "name", "feature", "enrolled-keys", "secure-boot");
            }
            if (firmware.features.isEmpty()) {
                firmware = null;
            }
        }
        if (loader != null) {
            loader.readonly = DomainXml.yesNo(loader.readonly, "readonly", "loader");
            loader.secure = DomainXml.yesNo(loader.secure, "secure", "loader");
            loader.stateless = DomainXml.yesNo(loader.stateless, "stateless", "loader");
            if (loader.type != null) {
                DomainXml.checkEnumAttr(loader.type, "type", "loader", "rom", "pflash");
            }
            if (loader.path != null) {
                loader.path = loader.path.trim();
            }
            if (firmwareAttr != null && loader.readonly != null && loader.path() == null) {
                // libvirt accepts the attributes with autoselection only together with a path
                loader.path = null;
            }
        }
        if (nvram != null && nvram.type != null) {
            DomainXml.checkEnumAttr(nvram.type, "type", "nvram", "file", "block", "network");
        }
        if (acpiTables != null) {
            for (AcpiTable t : acpiTables) {
                DomainXml.checkEnumAttr(t.type, "type", "table", "slic");
            }
            if (acpiTables.isEmpty()) {
                acpiTables = null;
            }
        }
        if (bootloader == null) {
            for (Boot b : boot) {
                if (b.dev == null) {
                    throw DomainXml.xmlError("missing boot device");
                }
                if (!BOOT_DEVS.contains(b.dev)) {
                    throw DomainXml.xmlError("unknown boot device '" + b.dev + "'");
                }
            }
            if (boot.isEmpty() && "hvm".equals(osType) && kernel == null && !deviceBoot) {
                boot.add(new Boot("hd"));
            }
        }
        if (bootmenu != null) {
            bootmenu.enable = DomainXml.yesNo(bootmenu.enable, "enable", "bootmenu");
            if (bootmenu.timeout != null) {
                long t;
                try {
                    t = Long.parseLong(bootmenu.timeout.trim());
                } catch (NumberFormatException e) {
                    t = -1;
                }
                if (t < 0 || t > 65535) {
                    throw DomainXml.configUnsupported("invalid value for boot menu timeout, must be in range [0,65535]");
                }
                bootmenu.timeout = "yes".equals(bootmenu.enable) ? Long.toString(t) : null;
            }
            if (bootmenu.enable == null && bootmenu.timeout == null) {
                bootmenu = null;
            }
        }
        if (bios != null) {
            bios.useserial = DomainXml.yesNo(bios.useserial, "useserial", "bios");
            if (bios.rebootTimeout != null) {
                long t;
                try {
                    t = Long.parseLong(bios.rebootTimeout.trim());
                } catch (NumberFormatException e) {
                    t = -2;
                }
                if (t < -1 || t > 65535) {
                    throw DomainXml.xmlError("invalid value for rebootTimeout, must be in range [-1,65535]");
                }
                bios.rebootTimeout = Long.toString(t);
            }
            if (bios.useserial == null && bios.rebootTimeout == null) {
                bios = null;
            }
        }
        if (smbios != null) {
            if (smbios.mode == null) {
                smbios = null;
            } else {
                DomainXml.checkEnumAttr(smbios.mode, "mode", "smbios", "emulate", "host", "sysinfo");
            }
        }
    }
}
