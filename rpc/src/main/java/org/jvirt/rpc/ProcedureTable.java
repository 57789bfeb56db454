package org.jvirt.rpc;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The procedures of one program, by number and by name. The one place where a procedure's number
 * and layout live; client and server both look procedures up here. Immutable.
 */
public final class ProcedureTable {
    private final Program program;
    private final Map<Integer, Procedure> byNumber;
    private final Map<String, Procedure> byName;

    /**
     * Builds a table; numbers and names must be unique.
     *
     * @param program the program
     * @param procedures its procedures
     */
    public ProcedureTable(Program program, Collection<Procedure> procedures) {
        this.program = program;
        Map<Integer, Procedure> num = new TreeMap<>();
        Map<String, Procedure> nam = new LinkedHashMap<>();
        for (Procedure p : procedures) {
            if (!p.program().equals(program)) {
                throw new IllegalArgumentException(p + " is not of " + program);
            }
            if (num.put(p.number(), p) != null) {
                throw new IllegalArgumentException("duplicate procedure number " + p.number() + " in " + program);
            }
            if (nam.put(p.name(), p) != null) {
                throw new IllegalArgumentException("duplicate procedure name " + p.name() + " in " + program);
            }
        }
        this.byNumber = Collections.unmodifiableMap(num);
        this.byName = Collections.unmodifiableMap(nam);
    }

    /** The program. */
    public Program program() {
        return program;
    }

    /** The procedure with this number, if known. */
    public Optional<Procedure> byNumber(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** The procedure with this name, if known. */
    public Optional<Procedure> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All procedures, by number. */
    public List<Procedure> all() {
        return List.copyOf(byNumber.values());
    }
}
