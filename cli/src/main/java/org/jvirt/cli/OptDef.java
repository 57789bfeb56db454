package org.jvirt.cli;

/**
 * One option of a command, as virsh's {@code vshCmdOptDef}.
 *
 * @param name the long name, without dashes
 * @param type how it takes a value
 * @param required whether the command needs it ({@code VSH_OFLAG_REQ})
 * @param namedOnly whether it can only be given as {@code --name value}, never by position
 *                  ({@code VSH_OFLAG_REQ_OPT})
 * @param help the help text, or for {@link Type#ALIAS} the name of the option it stands for
 */
record OptDef(String name, Type type, boolean required, boolean namedOnly, String help) {

    /** virsh's option types. */
    enum Type {
        /** A flag without value. */
        BOOL,
        /** A number. */
        INT,
        /** A string given by name (or by position unless {@code namedOnly}). */
        STRING,
        /** Positional data, typically the object name. */
        DATA,
        /** The rest of the arguments. */
        ARGV,
        /** Another name of a later option. */
        ALIAS
    }

    /** Whether the option consumes positional arguments ({@code opts_need_arg} in virsh). */
    boolean positional() {
        return type != Type.BOOL && type != Type.ALIAS && !namedOnly;
    }

    static OptDef bool(String name, String help) {
        return new OptDef(name, Type.BOOL, false, false, help);
    }

    static OptDef data(String name, String help) {
        return new OptDef(name, Type.DATA, true, false, help);
    }

    static OptDef string(String name, String help) {
        return new OptDef(name, Type.STRING, false, false, help);
    }

    static OptDef namedString(String name, String help) {
        return new OptDef(name, Type.STRING, false, true, help);
    }

    static OptDef reqInt(String name, String help) {
        return new OptDef(name, Type.INT, true, false, help);
    }

    static OptDef argv(String name, String help) {
        return new OptDef(name, Type.ARGV, false, false, help);
    }

    static OptDef alias(String name, String target) {
        return new OptDef(name, Type.ALIAS, false, false, target);
    }
}
