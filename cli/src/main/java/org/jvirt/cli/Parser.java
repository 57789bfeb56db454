package org.jvirt.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * virsh's command parser ({@code vshCommandParse} with its string and argv tokenizers): splits
 * input into commands, matches options against each command's definition, fills positional
 * options in order and checks required ones. Errors are reported through the shell exactly as
 * virsh words them; a syntax error anywhere means no command of the input runs.
 */
final class Parser {
    private enum Tk { ARG, SUBCMD_END, END, ERROR }

    private final Shell sh;
    private final String[] argv;
    private final String str;
    private int pos;
    private String token;

    private Parser(Shell sh, String[] argv, String str) {
        this.sh = sh;
        this.argv = argv;
        this.str = str;
    }

    /** Parses one command line (interactive input or a single argument): quotes, escapes, {@code ;} and {@code #}. */
    static List<Cmd> parseString(Shell sh, String line) {
        return new Parser(sh, null, line).parse();
    }

    /** Parses an argument vector: each element is one token, nothing is split or unquoted. */
    static List<Cmd> parseArgv(Shell sh, String[] args) {
        return new Parser(sh, args, null).parse();
    }

    private Tk next() {
        return argv != null ? nextArgv() : nextString();
    }

    private Tk nextArgv() {
        if (pos >= argv.length) {
            return Tk.END;
        }
        token = argv[pos++];
        return Tk.ARG;
    }

    private Tk nextString() {
        int n = str.length();
        int p = pos;
        while (p < n) {
            char c = str.charAt(p);
            if (c == ' ' || c == '\t') {
                p++;
            } else if (c == '\\' && p + 1 < n && str.charAt(p + 1) == '\n') {
                p += 2;
            } else {
                break;
            }
        }
        if (p >= n) {
            pos = p;
            return Tk.END;
        }
        char c = str.charAt(p);
        if (c == ';' || c == '\n') {
            pos = p + 1;
            return Tk.SUBCMD_END;
        }
        if (c == '#') {
            while (p < n && str.charAt(p) != '\n') {
                p++;
            }
            pos = p < n ? p + 1 : p;
            return Tk.SUBCMD_END;
        }
        StringBuilder q = new StringBuilder();
        boolean single = false;
        boolean dbl = false;
        while (p < n) {
            c = str.charAt(p);
            if (!single && !dbl && (c == ' ' || c == '\t' || c == ';' || c == '\n')) {
                break;
            }
            if (!dbl && c == '\'') {
                single = !single;
                p++;
                continue;
            } else if (!single && c == '\\') {
                p++;
                if (p >= n) {
                    sh.error("dangling \\");
                    return Tk.ERROR;
                } else if (str.charAt(p) == '\n') {
                    p++;
                    continue;
                }
            } else if (!single && c == '"') {
                dbl = !dbl;
                p++;
                continue;
            }
            q.append(str.charAt(p++));
        }
        if (dbl) {
            sh.error("missing \"");
            return Tk.ERROR;
        }
        pos = p;
        token = q.toString();
        return Tk.ARG;
    }

    /** The parsed commands, or {@code null} after a reported syntax error. */
    private List<Cmd> parse() {
        List<Cmd> out = new ArrayList<>();
        while (true) {
            CmdDef def = null;
            Cmd cmd = null;
            boolean dataOnly = false;
            boolean wantHelp = false;
            long needArg = 0;
            long required = 0;
            long seen = 0;
            Tk tk;
            while (true) {
                tk = next();
                if (tk == Tk.ERROR) {
                    return null;
                }
                if (tk != Tk.ARG) {
                    break;
                }
                String tkdata = token;
                OptDef opt = null;
                String value = null;
                if (def == null) {
                    if (tkdata.startsWith("#")) {
                        // a comment: skip the rest of this command
                        do {
                            tk = next();
                        } while (tk == Tk.ARG);
                        break;
                    }
                    def = Commands.find(tkdata);
                    if (def == null) {
                        sh.error("unknown command: '" + tkdata + "'");
                        return null;
                    }
                    cmd = new Cmd(def);
                    List<OptDef> opts = def.opts();
                    for (int i = 0; i < opts.size(); i++) {
                        OptDef o = opts.get(i);
                        if (o.positional()) {
                            needArg |= 1L << i;
                        }
                        if (o.required()) {
                            required |= 1L << i;
                        }
                    }
                    continue;
                } else if (dataOnly) {
                    opt = data(def, tkdata, needArg, seen);
                    if (opt == null) {
                        return null;
                    }
                    int i = def.opts().indexOf(opt);
                    if (opt.type() != OptDef.Type.ARGV) {
                        needArg &= ~(1L << i);
                    }
                    seen |= 1L << i;
                    value = tkdata;
                } else if (tkdata.length() > 2 && tkdata.startsWith("--") && isAlnum(tkdata.charAt(2))) {
                    String name = tkdata.substring(2);
                    String optstr = null;
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        optstr = name.substring(eq + 1);
                        name = name.substring(0, eq);
                    }
                    if (name.equals("help")) {
                        if (optstr != null) {
                            sh.error("invalid '=' after option --help");
                            return null;
                        }
                        // --help turns the whole command into 'help NAME' once parsed
                        wantHelp = true;
                        continue;
                    }
                    int idx = -1;
                    List<OptDef> opts = def.opts();
                    for (int i = 0; i < opts.size(); i++) {
                        OptDef o = opts.get(i);
                        if (!o.name().equals(name)) {
                            continue;
                        }
                        if (o.type() == OptDef.Type.ALIAS) {
                            name = o.help();
                            continue;
                        }
                        idx = i;
                        break;
                    }
                    if (idx < 0) {
                        if (def.name().equals("help")) {
                            continue;
                        }
                        sh.error("command '" + def.name() + "' doesn't support option --" + name);
                        return null;
                    }
                    opt = opts.get(idx);
                    if ((seen & (1L << idx)) != 0 && opt.type() != OptDef.Type.ARGV) {
                        sh.error("option --" + name + " already seen");
                        return null;
                    }
                    seen |= 1L << idx;
                    if (opt.type() != OptDef.Type.BOOL) {
                        if (optstr != null) {
                            value = optstr;
                        } else {
                            tk = next();
                            if (tk == Tk.ERROR) {
                                return null;
                            }
                            if (tk != Tk.ARG) {
                                sh.error("expected syntax: --" + opt.name() + " <"
                                        + (opt.type() == OptDef.Type.INT ? "number" : "string") + ">");
                                return null;
                            }
                            value = token;
                        }
                        if (opt.type() != OptDef.Type.ARGV) {
                            needArg &= ~(1L << idx);
                        }
                    } else if (optstr != null) {
                        sh.error("invalid '=' after option --" + opt.name());
                        return null;
                    }
                } else if (tkdata.equals("--")) {
                    dataOnly = true;
                    continue;
                } else {
                    opt = data(def, tkdata, needArg, seen);
                    if (opt == null) {
                        if (def.name().equals("help")) {
                            continue;
                        }
                        return null;
                    }
                    int i = def.opts().indexOf(opt);
                    if (opt.type() != OptDef.Type.ARGV) {
                        needArg &= ~(1L << i);
                    }
                    seen |= 1L << i;
                    value = tkdata;
                }
                cmd.put(opt, value);
            }
            if (cmd != null && wantHelp) {
                out.add(helpFor(def.name()));
            } else if (cmd != null) {
                long missing = required & ~seen;
                if (missing != 0) {
                    List<OptDef> opts = def.opts();
                    for (int i = 0; i < opts.size(); i++) {
                        if ((missing & (1L << i)) != 0) {
                            OptDef o = opts.get(i);
                            boolean angle = o.type() == OptDef.Type.DATA || o.type() == OptDef.Type.ARGV;
                            sh.error("command '" + def.name() + "' requires "
                                    + (angle ? "<" + o.name() + ">" : "--" + o.name()) + " option");
                        }
                    }
                    return null;
                }
                out.add(cmd);
            }
            if (tk == Tk.END) {
                return out;
            }
        }
    }

    /** The next positional option for a data token; reports the error when there is none (unless 'help'). */
    private OptDef data(CmdDef def, String tkdata, long needArg, long seen) {
        if (needArg == 0) {
            if (!def.name().equals("help")) {
                sh.error("unexpected data '" + tkdata + "'");
            }
            return null;
        }
        return def.opts().get(Long.numberOfTrailingZeros(needArg));
    }

    private static Cmd helpFor(String name) {
        CmdDef help = Commands.find("help");
        Cmd c = new Cmd(help);
        c.put(help.opts().get(0), name);
        return c;
    }

    private static boolean isAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
