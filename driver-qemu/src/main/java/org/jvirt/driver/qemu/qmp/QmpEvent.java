package org.jvirt.driver.qemu.qmp;

import java.util.Map;

/**
 * An asynchronous QMP event, e.g. {@code {"event":"STOP","timestamp":{...}}}.
 *
 * @param name the event name, e.g. {@code SHUTDOWN}
 * @param data its {@code data} member, empty when absent
 * @param timestampMicros QEMU's timestamp in microseconds since the epoch, or -1
 */
public record QmpEvent(String name, Map<String, Object> data, long timestampMicros) {
    static QmpEvent of(Map<String, Object> msg) {
        Map<String, Object> ts = Json.obj(msg.get("timestamp"));
        long micros = ts.isEmpty() ? -1
                : Json.num(ts, "seconds", 0) * 1_000_000L + Json.num(ts, "microseconds", 0);
        return new QmpEvent(Json.str(msg, "event"), Json.obj(msg.get("data")), micros);
    }
}
