package org.jvirt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed command: its definition and the options given, as virsh's {@code vshCmd}. */
final class Cmd {
    final CmdDef def;
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Cmd(CmdDef def) {
        this.def = def;
    }

    void put(OptDef opt, String value) {
        List<String> list = values.get(opt.name());
        if (list == null) {
            list = new ArrayList<>(1);
            values.put(opt.name(), list);
        }
        list.add(value);
    }

    /** Whether the option was given. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of the option, {@code null} if not given. */
    String get(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.get(0);
    }

    /** All values of an ARGV option, empty if none. */
    List<String> all(String name) {
        List<String> v = values.get(name);
        return v == null ? List.of() : v;
    }
}
