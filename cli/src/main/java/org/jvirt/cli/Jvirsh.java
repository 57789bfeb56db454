package org.jvirt.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jvirt.api.Version;
import org.jvirt.core.InstalledDriver;
import org.jvirt.core.Virt;

/**
 * jvirsh, the virsh-compatible shell. Global options, then either one command string
 * ({@code jvirsh 'list; dominfo 1'}), a command with its arguments ({@code jvirsh dominfo 1}),
 * or, with no command, the interactive shell. All commands of one invocation share one
 * connection, as in virsh.
 */
public final class Jvirsh {
    /** The libvirt release whose virsh jvirsh mirrors, and whose API level jvirt implements. */
    static final Version LIBVIRT_VERSION = new Version(9, 0, 0);
    /** jvirt's own version. */
    static final String JVIRT_VERSION = "0.1.0";

    private static final String PROMPT_RW = "virsh # ";
    private static final String PROMPT_RO = "virsh > ";

    private Jvirsh() {
    }

    /**
     * Runs jvirsh and exits with its status.
     *
     * @param args virsh-style arguments
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int rc = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.exit(rc);
    }

    /**
     * Runs jvirsh in-process.
     *
     * @param args virsh-style arguments (global options, then a command)
     * @param in input for the interactive shell
     * @param out standard output
     * @param err standard error
     * @return the exit status: 0 on success, 1 on failure, as virsh
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Shell sh = new Shell(out, err);
        try {
            return run(sh, args, in);
        } finally {
            sh.disconnect();
            out.flush();
            err.flush();
        }
    }

    private static int run(Shell sh, String[] args, InputStream in) {
        // ---- global options, getopt_long("+:c:d:e:hk:K:l:qrtvV") ----
        int i = 0;
        boolean timing = false;
        while (i < args.length) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            i++;
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                String opt = longOption(name);
                if (opt == null) {
                    sh.error("unsupported option '" + a + "'. See --help.");
                    return 1;
                }
                char s = SHORT.charAt(Arrays.asList(LONG).indexOf(opt));
                if (s == 'V') {
                    // --version[=short|long]
                    if ("long".equals(value)) {
                        sh.print(longVersion());
                    } else {
                        sh.print(LIBVIRT_VERSION + "\n");
                    }
                    return 0;
                }
                if (takesArg(s)) {
                    if (value == null) {
                        if (i >= args.length) {
                            sh.error("option '-" + s + "'/'--" + opt + "' requires an argument");
                            return 1;
                        }
                        value = args[i++];
                    }
                } else if (value != null) {
                    sh.error("unsupported option '" + a + "'. See --help.");
                    return 1;
                }
                Integer rc = option(sh, s, value);
                if (rc != null) {
                    return rc;
                }
                timing |= s == 't';
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char s = a.charAt(k);
                if ("cdehkKlqrtvV".indexOf(s) < 0) {
                    sh.error("unsupported option '-" + s + "'. See --help.");
                    return 1;
                }
                String value = null;
                if (takesArg(s)) {
                    if (k + 1 < a.length()) {
                        value = a.substring(k + 1);
                    } else if (i < args.length) {
                        value = args[i++];
                    } else {
                        String opt = LONG[SHORT.indexOf(s)];
                        sh.error("option '-" + s + "'/'--" + opt + "' requires an argument");
                        return 1;
                    }
                }
                Integer rc = option(sh, s, value);
                if (rc != null) {
                    return rc;
                }
                timing |= s == 't';
                if (value != null) {
                    break;
                }
            }
        }
        sh.timing = timing;
        String[] rest = Arrays.copyOfRange(args, i, args.length);

        // ---- the command(s), parsed before connecting, as virsh does ----
        List<Cmd> cmds = null;
        if (rest.length == 1) {
            cmds = Parser.parseString(sh, rest[0]);
        } else if (rest.length > 1) {
            cmds = Parser.parseArgv(sh, rest);
        }
        if (rest.length > 0 && cmds == null) {
            return 1;
        }
        if (sh.connName != null && !sh.reconnect(null, false, false)) {
            sh.reportError();
            return 1;
        }
        if (rest.length > 0) {
            return sh.run(cmds) ? 0 : 1;
        }
        interactive(sh, in);
        return 0;
    }

    private static final String SHORT = "cdehkKlqrtV";
    private static final String[] LONG = {
        "connect", "debug", "escape", "help", "keepalive-interval", "keepalive-count", "log", "quiet", "readonly",
        "timing", "version",
    };

    private static boolean takesArg(char s) {
        return "cdekKl".indexOf(s) >= 0;
    }

    /** getopt_long's matching: exact, or an unambiguous prefix. */
    private static String longOption(String name) {
        String match = null;
        for (String l : LONG) {
            if (l.equals(name)) {
                return l;
            }
            if (!name.isEmpty() && l.startsWith(name)) {
                if (match != null) {
                    return null;
                }
                match = l;
            }
        }
        return match;
    }

    /** Applies one global option; a non-null result ends jvirsh with that status. */
    private static Integer option(Shell sh, char s, String value) {
        switch (s) {
            case 'c':
                sh.connName = value;
                return null;
            case 'd':
                Integer d = Numbers.parseInt(value);
                if (d == null || d < 0 || d > 4) {
                    sh.error("option -d takes a numeric argument");
                    return 1;
                }
                return null;
            case 'e':
            case 'l':
                return null;
            case 'k':
            case 'K':
                Integer k = Numbers.parseInt(value);
                if (k == null || k < 0) {
                    sh.error("option -" + s + " requires a positive numeric argument");
                    return 1;
                }
                return null;
            case 'h':
                sh.print(usage());
                return 0;
            case 'q':
                sh.quiet = true;
                return null;
            case 'r':
                sh.readonly = true;
                return null;
            case 't':
                return null;
            case 'v':
                sh.print(LIBVIRT_VERSION + "\n");
                return 0;
            case 'V':
                sh.print(longVersion());
                return 0;
            default:
                return 1;
        }
    }

    private static String usage() {
        return "\n"
            + "jvirsh [options]... [<command_string>]\n"
            + "jvirsh [options]... <command> [args...]\n"
            + "\n"
            + "  options:\n"
            + "    -c | --connect=URI      hypervisor connection URI\n"
            + "    -d | --debug=NUM        debug level [0-4]\n"
            + "    -e | --escape <char>    set escape sequence for console\n"
            + "    -h | --help             this help\n"
            + "    -k | --keepalive-interval=NUM\n"
            + "                            keepalive interval in seconds, 0 for disable\n"
            + "    -K | --keepalive-count=NUM\n"
            + "                            number of possible missed keepalive messages\n"
            + "    -l | --log=FILE         output logging to file\n"
            + "    -q | --quiet            quiet mode\n"
            + "    -r | --readonly         connect readonly\n"
            + "    -t | --timing           print timing information\n"
            + "    -v                      short version\n"
            + "    -V                      long version\n"
            + "         --version[=TYPE]   version, TYPE is short or long (default short)\n"
            + "  commands (non interactive mode):\n"
            + "\n"
            + HostCmds.usageGroups()
            + "\n"
            + "  (specify help <group> for details about the commands in the group)\n"
            + "\n"
            + "  (specify help <command> for details about the command)\n"
            + "\n";
    }

    /** {@code -V}: jvirt's own long version and the drivers found, in place of virsh's build options. */
    private static String longVersion() {
        StringBuilder b = new StringBuilder();
        b.append("jvirsh command line tool of jvirt ").append(JVIRT_VERSION)
                .append(" (libvirt ").append(LIBVIRT_VERSION).append(" compatible)\n");
        b.append("See web site at https://libvirt.org/\n\n");
        b.append("Drivers found:\n");
        StringBuilder names = new StringBuilder();
        for (InstalledDriver d : Virt.drivers()) {
            names.append(' ').append(d.descriptor().name());
        }
        b.append(" Hypervisors:").append(names).append('\n');
        return b.toString();
    }

    /** The interactive shell: banner, prompt, one command line at a time, until EOF or quit. */
    private static void interactive(Shell sh, InputStream in) {
        sh.interactive = true;
        if (!sh.quiet) {
            sh.print("Welcome to jvirsh, the virtualization interactive terminal.\n\n"
                    + "Type:  'help' for help with commands\n"
                    + "       'quit' to quit\n\n");
        }
        // a terminal echoes what is typed; otherwise echo it as readline does
        boolean echo = !(in == System.in && System.console() != null);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        do {
            sh.print(sh.readonly ? PROMPT_RO : PROMPT_RW);
            sh.out.flush();
            String line;
            try {
                line = r.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null) {
                break;
            }
            if (echo) {
                sh.print(line + "\n");
            }
            if (!line.isEmpty()) {
                List<Cmd> cmds = Parser.parseString(sh, line);
                if (cmds != null) {
                    sh.run(cmds);
                }
            }
        } while (sh.interactive);
        sh.print("\n");
    }
}
