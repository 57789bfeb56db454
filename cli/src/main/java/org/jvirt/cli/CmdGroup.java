package org.jvirt.cli;

import java.util.List;

/**
 * A group of commands in the help, as virsh's {@code vshCmdGrp}.
 *
 * @param name the title, e.g. {@code Domain Management}
 * @param keyword the keyword for {@code help KEYWORD}
 * @param commands the commands, in help order
 */
record CmdGroup(String name, String keyword, List<CmdDef> commands) {
}
