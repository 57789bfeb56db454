package org.jvirt.rpc;

import static org.jvirt.rpc.Procedure.Kind.CALL;
import static org.jvirt.rpc.Procedure.Kind.EVENT;

/** libvirt's QEMU program ({@code 0x20008087} v1): monitor and agent commands, monitor events. */
public final class QemuProgram {
    private QemuProgram() {
    }

    private static final ProgramBuilder B = new ProgramBuilder(Program.QEMU);

    /** virDomainQemuMonitorCommand; flags 1 = HMP. */
    public static final Procedure DOMAIN_MONITOR_COMMAND = B.add(CALL, 1, "DOMAIN_MONITOR_COMMAND",
            "dom:dom, cmd:str, flags:u32", "result:str");
    /** virDomainQemuAttach (obsolete). */
    public static final Procedure DOMAIN_ATTACH = B.add(CALL, 2, "DOMAIN_ATTACH", "pid_value:u32, flags:u32", "dom:dom");
    /** virDomainQemuAgentCommand. */
    public static final Procedure DOMAIN_AGENT_COMMAND = B.add(CALL, 3, "DOMAIN_AGENT_COMMAND",
            "dom:dom, cmd:str, timeout:i32, flags:u32", "result:str?");
    /** virConnectDomainQemuMonitorEventRegister. */
    public static final Procedure CONNECT_DOMAIN_MONITOR_EVENT_REGISTER = B.add(CALL, 4,
            "CONNECT_DOMAIN_MONITOR_EVENT_REGISTER", "dom:dom?, event:str?, flags:u32", "callbackID:i32");
    /** virConnectDomainQemuMonitorEventDeregister. */
    public static final Procedure CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER = B.add(CALL, 5,
            "CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER", "callbackID:i32", "-");
    /** A QMP event of a domain. */
    public static final Procedure DOMAIN_MONITOR_EVENT = B.add(EVENT, 6, "DOMAIN_MONITOR_EVENT",
            "callbackID:i32, dom:dom, event:str, seconds:i64, micros:u32, details:str?", "-");

    /** Every procedure above. */
    public static final ProcedureTable TABLE = B.table();
}
