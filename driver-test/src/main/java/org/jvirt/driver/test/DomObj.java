package org.jvirt.driver.test;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.SnapshotDef;

/** One domain of a host: definitions, state and metadata. Guarded by the host's lock. */
final class DomObj {
    final UUID uuid;
    String name;
    /** The persistent definition, or for a transient domain its only definition. */
    DomainDef def;
    /** The running definition while active, else {@code null}. */
    DomainDef live;
    boolean persistent;
    boolean autostart;
    int id = -1;
    DomainStateReason reason = DomainStateReason.SHUTOFF_UNKNOWN;
    /** The managed save image (the live XML), if any. */
    String managedSave;
    final Map<String, SnapshotDef> snapshots = new LinkedHashMap<>();
    String currentSnapshot;
    private String liveXml;
    private String inactiveXml;

    DomObj(DomainDef def) {
        this.uuid = def.uuid();
        this.name = def.name();
        this.def = def;
    }

    boolean active() {
        return live != null;
    }

    DomainState state() {
        return reason.state();
    }

    /** The definition that describes the domain now: live when running. */
    DomainDef current() {
        return live != null ? live : def;
    }

    void changed() {
        liveXml = null;
        inactiveXml = null;
    }

    /** The XML for flags, cached for the common no-SECURE cases. */
    String xml(boolean inactive, boolean secure) {
        boolean useInactive = inactive || live == null;
        if (secure) {
            return DomainXml.format(useInactive ? def : live, useInactive
                    ? EnumSet.of(DomainXmlFlag.INACTIVE, DomainXmlFlag.SECURE) : EnumSet.of(DomainXmlFlag.SECURE));
        }
        if (useInactive) {
            if (inactiveXml == null) {
                inactiveXml = DomainXml.format(def, EnumSet.of(DomainXmlFlag.INACTIVE));
            }
            return inactiveXml;
        }
        if (liveXml == null) {
            liveXml = DomainXml.format(live, EnumSet.noneOf(DomainXmlFlag.class));
        }
        return liveXml;
    }
}
