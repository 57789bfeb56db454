package org.jvirt.cli;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jvirt.api.Network;
import org.jvirt.api.StoragePool;
import org.jvirt.api.VirtException;

/**
 * A kind of named host object that virsh manages with one family of commands: networks
 * ({@code net-*}) and storage pools ({@code pool-*}). virsh-network.c and virsh-pool.c are copies
 * of one another apart from the object's noun, so define/create/start/destroy/undefine/autostart/
 * dumpxml are written once here and differ only in the parameters below. {@code Network} and
 * {@code StoragePool} share no interface, hence the API calls are passed in as functions.
 *
 * @param <T> the API type of the object
 */
final class ManagedObject<T> {
    static final ManagedObject<Network> NETWORK = new ManagedObject<>("net", "network", "Network",
            Shell::network, Network::getName, Network::getXMLDesc, Network::setAutostart);
    static final ManagedObject<StoragePool> POOL = new ManagedObject<>("pool", "pool", "Pool",
            Shell::pool, StoragePool::getName, StoragePool::getXMLDesc, StoragePool::setAutostart);

    /** The command prefix, as in {@code net-dumpxml}. */
    private final String prefix;
    /** The option naming the object, which is also the noun of virsh's error messages. */
    private final String noun;
    /** The noun starting virsh's success messages ("Network default started"). */
    private final String title;
    private final BiFunction<Shell, Cmd, T> lookup;
    private final Function<T, String> getName;
    private final BiFunction<T, Boolean, String> xmlDesc;
    private final BiConsumer<T, Boolean> setAutostart;

    private ManagedObject(String prefix, String noun, String title, BiFunction<Shell, Cmd, T> lookup,
            Function<T, String> getName, BiFunction<T, Boolean, String> xmlDesc, BiConsumer<T, Boolean> setAutostart) {
        this.prefix = prefix;
        this.noun = noun;
        this.title = title;
        this.lookup = lookup;
        this.getName = getName;
        this.xmlDesc = xmlDesc;
        this.setAutostart = setAutostart;
    }

    /** The object named by the command's argument, or {@code null} after reporting the failure. */
    T lookup(Shell sh, Cmd cmd) {
        return lookup.apply(sh, cmd);
    }

    /**
     * {@code *-define} and {@code *-create}: makes an object from the XML in the "file" option with
     * {@code call}; {@code verb} and {@code done} word the messages ("define"/"defined").
     */
    boolean fromFile(Shell sh, Cmd cmd, String verb, String done, Function<String, T> call) {
        String file = cmd.get("file");
        String xml = DomainCmds.readFile(sh, file);
        if (xml == null) {
            return false;
        }
        T made;
        try {
            made = call.apply(xml);
        } catch (VirtException e) {
            return sh.fail(e, "Failed to " + verb + " " + noun + " from " + file);
        }
        sh.printExtra(title + " " + getName.apply(made) + " " + done + " from " + file + "\n");
        return true;
    }

    /** {@code *-start}, {@code *-destroy}, {@code *-undefine}: looks the object up, then {@link #act}. */
    boolean lookupAndAct(Shell sh, Cmd cmd, String verb, String done, Consumer<T> call) {
        T obj = lookup(sh, cmd);
        return obj != null && act(sh, cmd, obj, verb, done, call);
    }

    /**
     * Runs {@code call} on {@code obj}, reporting "Failed to VERB NOUN NAME" or "TITLE NAME DONE";
     * NAME is the argument as the user typed it (name or UUID), as in virsh.
     */
    boolean act(Shell sh, Cmd cmd, T obj, String verb, String done, Consumer<T> call) {
        String name = cmd.get(noun);
        try {
            call.accept(obj);
        } catch (VirtException e) {
            return sh.fail(e, "Failed to " + verb + " " + noun + " " + name);
        }
        sh.printExtra(title + " " + name + " " + done + "\n");
        return true;
    }

    /** {@code *-autostart [--disable]}. */
    boolean autostart(Shell sh, Cmd cmd) {
        T obj = lookup(sh, cmd);
        if (obj == null) {
            return false;
        }
        String name = cmd.get(noun);
        boolean on = !cmd.has("disable");
        try {
            setAutostart.accept(obj, on);
        } catch (VirtException e) {
            return sh.fail(e, (on ? "failed to mark " : "failed to unmark ") + noun + " " + name + " as autostarted");
        }
        sh.printExtra(title + " " + name + (on ? " marked as autostarted\n" : " unmarked as autostarted\n"));
        return true;
    }

    /** {@code *-dumpxml [--inactive]}; {@code --xpath} is not supported. */
    boolean dumpxml(Shell sh, Cmd cmd) {
        T obj = lookup(sh, cmd);
        if (obj == null) {
            return false;
        }
        if (cmd.has("xpath")) {
            throw sh.noSupport(prefix + "-dumpxml --xpath");
        }
        sh.print(xmlDesc.apply(obj, cmd.has("inactive")));
        return true;
    }
}
