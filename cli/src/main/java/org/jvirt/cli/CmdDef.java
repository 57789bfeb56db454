package org.jvirt.cli;

import java.util.List;

/**
 * A command of the shell, as virsh's {@code vshCmdDef}: name, options, help texts and whether it
 * needs a connection. The handler is chosen by name in {@link Commands#run}; keeping handlers in
 * plain static methods (no lambdas) keeps start-up cheap.
 *
 * @param name the command name
 * @param help the one-line help
 * @param desc the description for {@code help NAME}, empty for none
 * @param opts the options, in virsh's order
 * @param noConnect whether it runs without a connection ({@code VSH_CMD_FLAG_NOCONNECT})
 */
record CmdDef(String name, String help, String desc, List<OptDef> opts, boolean noConnect) {

    /** The option with this name, or {@code null}. */
    OptDef opt(String optName) {
        for (OptDef o : opts) {
            if (o.name().equals(optName)) {
                return o;
            }
        }
        return null;
    }
}
