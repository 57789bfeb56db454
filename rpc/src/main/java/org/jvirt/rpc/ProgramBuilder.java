package org.jvirt.rpc;

import java.util.ArrayList;
import java.util.List;

/** Collects the procedures of a program table as its lines are read; package-private helper. */
final class ProgramBuilder {
    private final Program program;
    private final List<Procedure> all = new ArrayList<>();

    ProgramBuilder(Program program) {
        this.program = program;
    }

    Procedure add(Procedure.Kind kind, int number, String name, String args, String ret) {
        Procedure p = new Procedure(program, number, name, Types.fields(args), Types.fields(ret), kind);
        all.add(p);
        return p;
    }

    ProcedureTable table() {
        return new ProcedureTable(program, all);
    }
}
