package org.jvirt.driver.qemu;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;

/**
 * XML → QEMU command line without running anything ({@code virConnectDomainXMLToNative} with format
 * {@code qemu-argv}): the definition is completed as at define ({@link QemuDomainDefaults}), then built
 * by {@link CommandBuilder} for a domain that is not running (id -1), with capabilities probed from
 * the XML's emulator and cached. As libvirt's domxml-to-native, every interface is built as type
 * {@code ethernet} with placeholder tap file descriptors.
 */
public final class QemuArgv {
    /** The native format name. */
    public static final String FORMAT = "qemu-argv";

    private static final Map<Path, CapsCache> CACHES = new ConcurrentHashMap<>();

    private QemuArgv() {
    }

    /**
     * The command line for a domain XML, emulator first.
     *
     * @param xml the domain XML
     * @param cacheDir where probed capabilities are cached (created when missing)
     * @param stateDir the state directory under which the domain's private directory
     *                 {@code domain--1-NAME} would be
     * @return the argument list
     * @throws VirtException parse errors, or {@link ErrorCode#CONFIG_UNSUPPORTED} for what this QEMU cannot do
     */
    public static List<String> build(String xml, Path cacheDir, Path stateDir) {
        CapsCache caps = CACHES.computeIfAbsent(cacheDir.toAbsolutePath().normalize(),
                d -> new CapsCache(d, d.resolve("probe")));
        DomainDef def = QemuDomainDefaults.prepare(xml, caps);
        return build(def, caps.get(Path.of(def.devices().emulator())), stateDir);
    }

    static List<String> build(DomainDef def, QemuCaps caps, Path stateDir) {
        Path dir = stateDir.resolve("domain--1-" + def.name());
        String accel = "kvm".equals(def.type()) ? "kvm" : "tcg";
        return CommandBuilder.build(new CommandBuilder.Inputs(def, caps, accel, dir.resolve("monitor.sock"), dir, true));
    }

    /** The environment libvirt sets for QEMU, as {@code NAME=VALUE} words, for a domain directory. */
    static List<String> environment(Path domainDir) {
        return List.of("LC_ALL=C", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME=" + domainDir, "XDG_DATA_HOME=" + domainDir + "/.local/share",
                "XDG_CACHE_HOME=" + domainDir + "/.cache", "XDG_CONFIG_HOME=" + domainDir + "/.config");
    }

    /**
     * The command as {@code virsh domxml-to-native} prints it: environment and arguments on one line,
     * each word shell-quoted where needed.
     */
    public static String toShell(List<String> env, List<String> argv) {
        StringBuilder b = new StringBuilder();
        for (String w : env) {
            b.append(quote(w)).append(' ');
        }
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(quote(argv.get(i)));
        }
        return b.toString();
    }

    static String quote(String w) {
        if (!w.isEmpty() && w.matches("[A-Za-z0-9_.,:/=@%+-]+")) {
            return w;
        }
        return "'" + w.replace("'", "'\\''") + "'";
    }

    static VirtException badFormat(String format) {
        return VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "unsupported config type " + format);
    }
}
