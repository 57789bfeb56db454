package org.jvirt.daemon;

import static org.jvirt.rpc.RemoteProgram.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainDeviceFlag;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainMemoryFlag;
import org.jvirt.api.DomainSaveFlag;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.ListNetworksFlag;
import org.jvirt.api.ListPoolsFlag;
import org.jvirt.api.Network;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.Registration;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.SnapshotCreateFlag;
import org.jvirt.api.SnapshotDeleteFlag;
import org.jvirt.api.SnapshotListFlag;
import org.jvirt.api.SnapshotRevertFlag;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.VirtFlag;
import org.jvirt.core.Virt;
import org.jvirt.rpc.Header;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.Packet;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.Program;
import org.jvirt.rpc.Struct;
import org.jvirt.rpc.StructType;
import org.jvirt.rpc.Types;
import org.jvirt.rpc.xdr.XdrWriter;
import org.jvirt.spi.ConnectUri;

/**
 * One handler per procedure of the REMOTE program, each a thin mapping onto the {@code api}
 * interfaces. Object handles ({@code remote_nonnull_domain} and friends) are resolved against the
 * calling client's own connection: domains, networks and pools by UUID, volumes by pool and name, as
 * libvirtd does. Procedures the api has no operation for are not registered, so clients get
 * libvirtd's "unknown procedure" (which they read as "not supported").
 */
final class Handlers {
    private Handlers() {
    }

    private static final StructType DOM = Types.struct("dom");
    private static final StructType NET = Types.struct("net");
    private static final StructType POOL = Types.struct("pool");
    private static final StructType VOL = Types.struct("vol");
    private static final StructType SNAP = Types.struct("snap");
    private static final Object[] VOID = null;

    /** libvirt's feature numbers (VIR_DRV_FEATURE_*) that jvirtd answers itself. */
    private static final int FEATURE_FD_PASSING = 8;
    private static final int FEATURE_TYPED_PARAM_STRING = 9;
    private static final int FEATURE_PROGRAM_KEEPALIVE = 10;
    private static final int FEATURE_REMOTE_EVENT_CALLBACK = 14;
    private static final int FEATURE_REMOTE_CLOSE_CALLBACK = 15;
    private static final int EVENT_ID_LAST = 27;

    static void register(Dispatcher d) {
        connection(d);
        domains(d);
        snapshots(d);
        events(d);
        pools(d);
        volumes(d);
        networks(d);
        MigrationHandlers.register(d);
    }

    // ---- helpers ----

    private static Object[] ret(Object... v) {
        return v;
    }

    static Connect hv(Client c) {
        Connect h = c.hv();
        if (h == null) {
            throw Dispatcher.notOpen();
        }
        return h;
    }

    private static int bool(boolean b) {
        return b ? 1 : 0;
    }

    private static <E extends Enum<E> & VirtFlag> EnumSet<E> flags(Class<E> type, Struct a) {
        return VirtFlag.fromBits(type, a.i32("flags"));
    }

    static Struct dom(Domain d) {
        return DOM.of(d.getName(), d.getUUID(), d.isActive() ? d.getID() : -1);
    }

    private static Struct net(Network n) {
        return NET.of(n.getName(), n.getUUID());
    }

    private static Struct pool(StoragePool p) {
        return POOL.of(p.getName(), p.getUUID());
    }

    private static Struct vol(StorageVol v) {
        return VOL.of(v.getPool().getName(), v.getName(), v.getKey());
    }

    private static Struct snap(DomainSnapshot s) {
        return SNAP.of(s.getName(), dom(s.getDomain()));
    }

    private static Domain domain(Client c, Struct a) {
        return domainOf(hv(c), a.struct("dom"));
    }

    static Domain domainOf(Connect h, Struct d) {
        UUID u = d.uuid("uuid");
        return h.findDomainByUUID(u).orElseThrow(() -> new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.DOMAIN,
                ErrorCode.NO_DOMAIN.format("no domain with matching uuid '" + u + "' (" + d.str("name") + ")")));
    }

    private static Network network(Client c, Struct a) {
        Struct n = a.struct("net");
        UUID u = n.uuid("uuid");
        return hv(c).findNetworkByUUID(u).orElseThrow(() -> new VirtException(ErrorCode.NO_NETWORK,
                ErrorDomain.NETWORK, ErrorCode.NO_NETWORK.format("no network with matching uuid '" + u + "' ("
                + n.str("name") + ")")));
    }

    private static StoragePool pool(Client c, Struct a) {
        Struct p = a.struct("pool");
        UUID u = p.uuid("uuid");
        return hv(c).findStoragePoolByUUID(u).orElseThrow(() -> new VirtException(ErrorCode.NO_STORAGE_POOL,
                ErrorDomain.STORAGE, ErrorCode.NO_STORAGE_POOL.format("no storage pool with matching uuid '" + u
                + "' (" + p.str("name") + ")")));
    }

    private static StorageVol volume(Client c, Struct a) {
        Struct v = a.struct("vol");
        return hv(c).lookupStoragePoolByName(v.str("pool")).lookupVolume(v.str("name"));
    }

    private static DomainSnapshot snapshot(Client c, Struct a) {
        Struct s = a.struct("snap");
        return domainOf(hv(c), s.struct("dom")).lookupSnapshot(s.str("name"));
    }

    /** A char array as libvirtd sends it: the bytes and a trailing NUL. */
    private static byte[] cstring(String s) {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    private static <T> List<T> limit(List<T> l, int max) {
        return max < 0 ? List.of() : l.size() > max ? l.subList(0, max) : l;
    }

    // ---- connection, host ----

    private static void connection(Dispatcher d) {
        d.register(CONNECT_OPEN, (c, a) -> {
            synchronized (c) {
                if (c.hv() != null) {
                    // libvirtd refuses a second open and drops the first connection too.
                    c.closeHv();
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                            ErrorCode.INTERNAL_ERROR.format("connection already open"));
                }
                String name = a.str("name");
                if (name != null && !name.isEmpty()) {
                    ConnectUri u = ConnectUri.parse(name);
                    if (u.isRemote()) {
                        // A daemon never opens a remote connection on a client's behalf.
                        throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE,
                                ErrorCode.NO_CONNECT.format(name));
                    }
                    java.nio.file.Path embed = c.server.config().qemuEmbedRoot();
                    if (embed != null && "qemu".equals(u.scheme())
                            && ("/system".equals(u.path()) || "/session".equals(u.path()))) {
                        name = "qemu:///embed?root=" + embed;
                    }
                } else {
                    name = null;
                }
                boolean ro = (a.i32("flags") & 1) != 0 || c.readOnlySocket;
                Connect conn = Virt.openAuth(name, null, ro);
                c.setHv(conn, ro);
            }
            return VOID;
        });
        d.register(CONNECT_CLOSE, (c, a) -> {
            c.closeHv();
            return VOID;
        });
        d.register(CONNECT_SUPPORTS_FEATURE, (c, a) -> {
            int f = a.i32("feature");
            if (f == FEATURE_PROGRAM_KEEPALIVE) {
                c.keepaliveOn = true;
                return ret(1);
            }
            if (c.hv() == null) {
                throw Dispatcher.notOpen();
            }
            int v = switch (f) {
                case FEATURE_REMOTE_EVENT_CALLBACK, FEATURE_REMOTE_CLOSE_CALLBACK, FEATURE_TYPED_PARAM_STRING -> 1;
                case FEATURE_FD_PASSING -> 0;
                default -> Math.max(0, MigrationHandlers.feature(c.hv(), f));
            };
            return ret(v);
        });
        d.register(AUTH_LIST, (c, a) -> {
            if (c.isAuthenticated()) {
                return ret(List.of(0));
            }
            if (c.listener.auth().equals("polkit") && c.conn.peerUid() == 0) {
                // As libvirtd: root on a polkit socket needs no check.
                c.setAuthenticated();
                return ret(List.of(0));
            }
            return ret(List.of(2));
        });
        d.register(AUTH_POLKIT, (c, a) -> {
            if (c.isAuthenticated() || (c.listener.auth().equals("polkit") && c.conn.peerUid() == 0)) {
                c.setAuthenticated();
                return ret(1);
            }
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.POLKIT,
                    ErrorCode.AUTH_FAILED.format("polkit is not available to jvirtd; only root may connect"));
        });
        Dispatcher.Handler noSasl = (c, a) -> {
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC,
                    ErrorCode.AUTH_FAILED.format("SASL is not enabled on this socket"));
        };
        d.register(AUTH_SASL_INIT, noSasl);
        d.register(AUTH_SASL_START, noSasl);
        d.register(AUTH_SASL_STEP, noSasl);
        d.register(CONNECT_GET_TYPE, (c, a) -> ret(hv(c).getType()));
        d.register(CONNECT_GET_VERSION, (c, a) -> ret(hv(c).getVersion().toNumber()));
        d.register(CONNECT_GET_LIB_VERSION, (c, a) -> ret(hv(c).getLibVersion().toNumber()));
        d.register(CONNECT_GET_HOSTNAME, (c, a) -> ret(hv(c).getHostname()));
        d.register(CONNECT_GET_URI, (c, a) -> ret(hv(c).getURI()));
        d.register(CONNECT_GET_CAPABILITIES, (c, a) -> ret(hv(c).getCapabilities()));
        d.register(CONNECT_GET_MAX_VCPUS, (c, a) -> ret(hv(c).getMaxVcpus(a.str("type"))));
        d.register(CONNECT_IS_SECURE, (c, a) -> ret(bool(hv(c).isSecure())));
        d.register(NODE_GET_INFO, (c, a) -> {
            NodeInfo n = hv(c).getNodeInfo();
            byte[] model = n.model().getBytes(StandardCharsets.UTF_8);
            if (model.length > 32) {
                model = java.util.Arrays.copyOf(model, 32);
            }
            return ret(model, n.memoryKiB(), n.cpus(), n.mhz(), n.nodes(), n.sockets(), n.cores(), n.threads());
        });
        d.register(NODE_GET_SECURITY_MODEL, (c, a) -> {
            SecurityModel m = hv(c).getSecurityModel();
            return ret(cstring(m.model()), cstring(m.doi()));
        });
        d.register(CONNECT_REGISTER_CLOSE_CALLBACK, (c, a) -> VOID);
        d.register(CONNECT_UNREGISTER_CLOSE_CALLBACK, (c, a) -> VOID);
    }

    // ---- domains ----

    private static List<Domain> domains(Client c, Set<ListDomainsFlag> flags) {
        return hv(c).listAllDomains(flags);
    }

    private static void domains(Dispatcher d) {
        d.register(CONNECT_LIST_ALL_DOMAINS, (c, a) -> {
            List<Domain> l = domains(c, flags(ListDomainsFlag.class, a));
            List<Struct> out = new ArrayList<>();
            if (a.i32("need_results") != 0) {
                for (Domain x : l) {
                    out.add(dom(x));
                }
            }
            return ret(out, l.size());
        });
        d.register(CONNECT_NUM_OF_DOMAINS, (c, a) -> ret(domains(c, EnumSet.of(ListDomainsFlag.ACTIVE)).size()));
        d.register(CONNECT_LIST_DOMAINS, (c, a) -> {
            List<Integer> ids = new ArrayList<>();
            for (Domain x : domains(c, EnumSet.of(ListDomainsFlag.ACTIVE))) {
                ids.add(x.getID());
            }
            return ret(limit(ids, a.i32("maxids")));
        });
        d.register(CONNECT_NUM_OF_DEFINED_DOMAINS,
                (c, a) -> ret(domains(c, EnumSet.of(ListDomainsFlag.INACTIVE)).size()));
        d.register(CONNECT_LIST_DEFINED_DOMAINS, (c, a) -> {
            List<String> names = new ArrayList<>();
            for (Domain x : domains(c, EnumSet.of(ListDomainsFlag.INACTIVE))) {
                names.add(x.getName());
            }
            return ret(limit(names, a.i32("maxnames")));
        });
        d.register(DOMAIN_LOOKUP_BY_NAME, (c, a) -> ret(dom(hv(c).lookupDomainByName(a.str("name")))));
        d.register(DOMAIN_LOOKUP_BY_UUID, (c, a) -> ret(dom(hv(c).lookupDomainByUUID(a.uuid("uuid")))));
        d.register(DOMAIN_LOOKUP_BY_ID, (c, a) -> ret(dom(hv(c).lookupDomainById(a.i32("id")))));

        d.registerMutating(DOMAIN_DEFINE_XML, "virDomainDefineXML",
                (c, a) -> ret(dom(hv(c).defineDomain(a.str("xml")))));
        d.registerMutating(DOMAIN_DEFINE_XML_FLAGS, "virDomainDefineXMLFlags",
                (c, a) -> ret(dom(hv(c).defineDomain(a.str("xml"), flags(DomainDefineFlag.class, a)))));
        d.registerMutating(DOMAIN_CREATE_XML, "virDomainCreateXML",
                (c, a) -> ret(dom(hv(c).createDomain(a.str("xml_desc"), flags(DomainCreateFlag.class, a)))));
        d.registerMutating(DOMAIN_CREATE, "virDomainCreate", (c, a) -> {
            domain(c, a).create();
            return VOID;
        });
        d.registerMutating(DOMAIN_CREATE_WITH_FLAGS, "virDomainCreateWithFlags", (c, a) -> {
            Domain x = domain(c, a);
            x.create(flags(DomainCreateFlag.class, a));
            return ret(dom(hv(c).findDomainByUUID(x.getUUID()).orElse(x)));
        });
        d.registerMutating(DOMAIN_DESTROY, "virDomainDestroy", (c, a) -> {
            domain(c, a).destroy();
            return VOID;
        });
        d.registerMutating(DOMAIN_DESTROY_FLAGS, "virDomainDestroyFlags", (c, a) -> {
            domain(c, a).destroy();
            return VOID;
        });
        d.registerMutating(DOMAIN_SHUTDOWN, "virDomainShutdown", (c, a) -> {
            domain(c, a).shutdown();
            return VOID;
        });
        d.registerMutating(DOMAIN_SHUTDOWN_FLAGS, "virDomainShutdownFlags", (c, a) -> {
            domain(c, a).shutdown();
            return VOID;
        });
        d.registerMutating(DOMAIN_REBOOT, "virDomainReboot", (c, a) -> {
            domain(c, a).reboot();
            return VOID;
        });
        d.registerMutating(DOMAIN_SUSPEND, "virDomainSuspend", (c, a) -> {
            domain(c, a).suspend();
            return VOID;
        });
        d.registerMutating(DOMAIN_RESUME, "virDomainResume", (c, a) -> {
            domain(c, a).resume();
            return VOID;
        });
        d.registerMutating(DOMAIN_UNDEFINE, "virDomainUndefine", (c, a) -> {
            domain(c, a).undefine();
            return VOID;
        });
        d.registerMutating(DOMAIN_UNDEFINE_FLAGS, "virDomainUndefineFlags", (c, a) -> {
            domain(c, a).undefine(flags(DomainUndefineFlag.class, a));
            return VOID;
        });
        d.register(DOMAIN_GET_XML_DESC, (c, a) -> {
            Set<DomainXmlFlag> f = flags(DomainXmlFlag.class, a);
            if (c.isReadOnly() && (f.contains(DomainXmlFlag.SECURE) || f.contains(DomainXmlFlag.MIGRATABLE))) {
                throw Dispatcher.denied(DOMAIN_GET_XML_DESC, "virDomainGetXMLDesc with secure flag");
            }
            return ret(domain(c, a).getXMLDesc(f));
        });
        d.register(DOMAIN_GET_INFO, (c, a) -> {
            DomainInfo i = domain(c, a).getInfo();
            return ret(i.state().number(), i.maxMemoryKiB(), i.memoryKiB(), i.vcpus(), i.cpuTimeNanos());
        });
        d.register(DOMAIN_GET_STATE, (c, a) -> {
            DomainStateInfo s = domain(c, a).getState();
            return ret(s.state().number(), s.reason().number());
        });
        d.register(DOMAIN_GET_MAX_MEMORY, (c, a) -> ret(domain(c, a).getMaxMemory()));
        d.register(DOMAIN_GET_OS_TYPE, (c, a) -> ret(domain(c, a).getOSType()));
        d.register(DOMAIN_GET_AUTOSTART, (c, a) -> ret(bool(domain(c, a).getAutostart())));
        d.registerMutating(DOMAIN_SET_AUTOSTART, "virDomainSetAutostart", (c, a) -> {
            domain(c, a).setAutostart(a.i32("autostart") != 0);
            return VOID;
        });
        d.register(DOMAIN_IS_ACTIVE, (c, a) -> ret(bool(domain(c, a).isActive())));
        d.register(DOMAIN_IS_PERSISTENT, (c, a) -> ret(bool(domain(c, a).isPersistent())));
        d.register(DOMAIN_IS_UPDATED, (c, a) -> ret(bool(domain(c, a).isUpdated())));
        d.registerMutating(DOMAIN_SET_MAX_MEMORY, "virDomainSetMaxMemory", (c, a) -> {
            domain(c, a).setMaxMemory(a.i64("memory"));
            return VOID;
        });
        d.registerMutating(DOMAIN_SET_MEMORY, "virDomainSetMemory", (c, a) -> {
            domain(c, a).setMemory(a.i64("memory"), EnumSet.of(DomainMemoryFlag.LIVE));
            return VOID;
        });
        d.registerMutating(DOMAIN_SET_MEMORY_FLAGS, "virDomainSetMemoryFlags", (c, a) -> {
            domain(c, a).setMemory(a.i64("memory"), flags(DomainMemoryFlag.class, a));
            return VOID;
        });
        d.registerMutating(DOMAIN_SET_VCPUS_FLAGS, "virDomainSetVcpusFlags", (c, a) -> {
            domain(c, a).setVcpus(a.i32("nvcpus"), flags(DomainVcpuFlag.class, a));
            return VOID;
        });
        d.register(DOMAIN_GET_VCPUS_FLAGS, (c, a) -> ret(domain(c, a).getVcpus(flags(DomainVcpuFlag.class, a))));
        d.register(DOMAIN_GET_SECURITY_LABEL, (c, a) -> {
            SecurityLabel l = domain(c, a).getSecurityLabel();
            return ret(cstring(l.label()), bool(l.enforcing()));
        });
        d.register(DOMAIN_GET_MESSAGES, (c, a) -> {
            domain(c, a);
            return ret(List.of());
        });
        d.registerMutating(DOMAIN_ATTACH_DEVICE, "virDomainAttachDevice", (c, a) -> {
            domain(c, a).attachDevice(a.str("xml"), EnumSet.of(DomainDeviceFlag.LIVE));
            return VOID;
        });
        d.registerMutating(DOMAIN_DETACH_DEVICE, "virDomainDetachDevice", (c, a) -> {
            domain(c, a).detachDevice(a.str("xml"), EnumSet.of(DomainDeviceFlag.LIVE));
            return VOID;
        });
        d.registerMutating(DOMAIN_ATTACH_DEVICE_FLAGS, "virDomainAttachDeviceFlags", (c, a) -> {
            domain(c, a).attachDevice(a.str("xml"), flags(DomainDeviceFlag.class, a));
            return VOID;
        });
        d.registerMutating(DOMAIN_DETACH_DEVICE_FLAGS, "virDomainDetachDeviceFlags", (c, a) -> {
            domain(c, a).detachDevice(a.str("xml"), flags(DomainDeviceFlag.class, a));
            return VOID;
        });
        d.registerMutating(DOMAIN_UPDATE_DEVICE_FLAGS, "virDomainUpdateDeviceFlags", (c, a) -> {
            domain(c, a).updateDevice(a.str("xml"), flags(DomainDeviceFlag.class, a));
            return VOID;
        });
        d.registerMutating(DOMAIN_SAVE, "virDomainSave", (c, a) -> {
            domain(c, a).save(a.str("to"), EnumSet.noneOf(DomainSaveFlag.class));
            return VOID;
        });
        d.registerMutating(DOMAIN_SAVE_FLAGS, "virDomainSaveFlags", (c, a) -> {
            if (a.str("dxml") != null) {
                throw VirtException.noSupport(hv(c).getType(), "virDomainSaveFlags with dxml");
            }
            domain(c, a).save(a.str("to"), flags(DomainSaveFlag.class, a));
            return VOID;
        });
        d.registerMutating(DOMAIN_RESTORE, "virDomainRestore", (c, a) -> {
            hv(c).restoreDomain(a.str("from"), EnumSet.noneOf(DomainSaveFlag.class));
            return VOID;
        });
        d.registerMutating(DOMAIN_RESTORE_FLAGS, "virDomainRestoreFlags", (c, a) -> {
            if (a.str("dxml") != null) {
                throw VirtException.noSupport(hv(c).getType(), "virDomainRestoreFlags with dxml");
            }
            hv(c).restoreDomain(a.str("from"), flags(DomainSaveFlag.class, a));
            return VOID;
        });
        d.registerMutating(DOMAIN_MANAGED_SAVE, "virDomainManagedSave", (c, a) -> {
            domain(c, a).managedSave(flags(DomainSaveFlag.class, a));
            return VOID;
        });
        d.register(DOMAIN_HAS_MANAGED_SAVE_IMAGE, (c, a) -> ret(bool(domain(c, a).hasManagedSaveImage())));
        d.registerMutating(DOMAIN_MANAGED_SAVE_REMOVE, "virDomainManagedSaveRemove", (c, a) -> {
            domain(c, a).managedSaveRemove();
            return VOID;
        });
    }

    // ---- snapshots ----

    private static List<DomainSnapshot> snapshots(Client c, Struct a) {
        return domain(c, a).listAllSnapshots(flags(SnapshotListFlag.class, a));
    }

    private static void snapshots(Dispatcher d) {
        d.registerMutating(DOMAIN_SNAPSHOT_CREATE_XML, "virDomainSnapshotCreateXML", (c, a) -> ret(snap(
                domain(c, a).createSnapshot(a.str("xml_desc"), flags(SnapshotCreateFlag.class, a)))));
        d.register(DOMAIN_SNAPSHOT_GET_XML_DESC,
                (c, a) -> ret(snapshot(c, a).getXMLDesc(flags(DomainXmlFlag.class, a))));
        d.register(DOMAIN_SNAPSHOT_NUM, (c, a) -> ret(snapshots(c, a).size()));
        d.register(DOMAIN_SNAPSHOT_LIST_NAMES, (c, a) -> {
            List<String> names = new ArrayList<>();
            for (DomainSnapshot s : snapshots(c, a)) {
                names.add(s.getName());
            }
            return ret(limit(names, a.i32("maxnames")));
        });
        d.register(DOMAIN_LIST_ALL_SNAPSHOTS, (c, a) -> {
            List<DomainSnapshot> l = snapshots(c, a);
            List<Struct> out = new ArrayList<>();
            if (a.i32("need_results") != 0) {
                for (DomainSnapshot s : l) {
                    out.add(snap(s));
                }
            }
            return ret(out, l.size());
        });
        d.register(DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, (c, a) -> ret(snap(domain(c, a).lookupSnapshot(a.str("name")))));
        d.register(DOMAIN_HAS_CURRENT_SNAPSHOT, (c, a) -> ret(bool(domain(c, a).currentSnapshot().isPresent())));
        d.register(DOMAIN_SNAPSHOT_CURRENT, (c, a) -> ret(snap(domain(c, a).currentSnapshot().orElseThrow(
                () -> new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.DOMAIN_SNAPSHOT,
                        ErrorCode.NO_DOMAIN_SNAPSHOT.format("the domain does not have a current snapshot"))))));
        d.register(DOMAIN_SNAPSHOT_GET_PARENT, (c, a) -> {
            DomainSnapshot s = snapshot(c, a);
            return ret(snap(s.getParent().orElseThrow(() -> new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT,
                    ErrorDomain.DOMAIN_SNAPSHOT, ErrorCode.NO_DOMAIN_SNAPSHOT.format(
                            "snapshot '" + s.getName() + "' does not have a parent")))));
        });
        d.register(DOMAIN_SNAPSHOT_IS_CURRENT, (c, a) -> ret(bool(snapshot(c, a).isCurrent())));
        d.register(DOMAIN_SNAPSHOT_HAS_METADATA, (c, a) -> ret(bool(snapshot(c, a).hasMetadata())));
        d.registerMutating(DOMAIN_REVERT_TO_SNAPSHOT, "virDomainRevertToSnapshot", (c, a) -> {
            snapshot(c, a).revert(flags(SnapshotRevertFlag.class, a));
            return VOID;
        });
        d.registerMutating(DOMAIN_SNAPSHOT_DELETE, "virDomainSnapshotDelete", (c, a) -> {
            snapshot(c, a).delete(flags(SnapshotDeleteFlag.class, a));
            return VOID;
        });
    }

    // ---- events ----

    private static void events(Dispatcher d) {
        d.register(CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, (c, a) -> {
            int eventId = a.i32("eventID");
            checkEventId(eventId);
            Struct filter = a.struct("dom");
            UUID only = filter == null ? null : filter.uuid("uuid");
            int id = c.nextCallbackId.getAndIncrement();
            Registration r = eventId != 0 ? () -> { } : hv(c).addDomainEventListener(ev -> {
                if (only == null || only.equals(ev.domain().getUUID())) {
                    StructType body = (StructType) DOMAIN_EVENT_CALLBACK_LIFECYCLE.args().fields().get(1).type();
                    c.sendEvent(event(DOMAIN_EVENT_CALLBACK_LIFECYCLE, id, body.of(eventDom(ev), ev.type().number(),
                            ev.detail())));
                }
            });
            c.callbacks.put(id, r);
            return ret(id);
        });
        d.register(CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, (c, a) -> {
            Registration r = c.callbacks.remove(a.i32("callbackID"));
            if (r == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.RPC, ErrorCode.INVALID_ARG.format(
                        "callback ID " + a.i32("callbackID") + " not registered"));
            }
            r.close();
            return VOID;
        });
        d.register(CONNECT_DOMAIN_EVENT_REGISTER_ANY, (c, a) -> {
            int eventId = a.i32("eventID");
            checkEventId(eventId);
            if (c.legacyCallbacks.containsKey(eventId)) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                        ErrorCode.INTERNAL_ERROR.format("domain event " + eventId + " already registered"));
            }
            Registration r = eventId != 0 ? () -> { } : hv(c).addDomainEventListener(ev -> c.sendEvent(
                    event(DOMAIN_EVENT_LIFECYCLE, eventDom(ev), ev.type().number(), ev.detail())));
            c.legacyCallbacks.put(eventId, r);
            return VOID;
        });
        d.register(CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, (c, a) -> {
            Registration r = c.legacyCallbacks.remove(a.i32("eventID"));
            if (r == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                        ErrorCode.INTERNAL_ERROR.format("domain event " + a.i32("eventID") + " not registered"));
            }
            r.close();
            return VOID;
        });
    }

    private static void checkEventId(int eventId) {
        if (eventId < 0 || eventId >= EVENT_ID_LAST) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    ErrorCode.INTERNAL_ERROR.format("unsupported event ID " + eventId));
        }
    }

    /** The domain handle in an event: the event's id when the domain is running (it may have just stopped). */
    private static Struct eventDom(DomainEvent ev) {
        Domain x = ev.domain();
        int id;
        try {
            id = x.isActive() ? x.getID() : -1;
        } catch (VirtException e) {
            id = -1; // already gone (undefined)
        }
        return DOM.of(x.getName(), x.getUUID(), id);
    }

    /** Frames an event message as libvirtd sends it (type MESSAGE, serial 1). */
    private static byte[] event(Procedure p, Object... body) {
        XdrWriter w = Packet.start(Header.of(Program.REMOTE, p.number(), MessageType.MESSAGE, 1, MessageStatus.OK));
        p.encodeArgs(w, body);
        return Packet.finish(w);
    }

    // ---- storage pools ----

    private static List<StoragePool> pools(Client c, Set<ListPoolsFlag> f) {
        return hv(c).listAllStoragePools(f);
    }

    private static void pools(Dispatcher d) {
        d.register(CONNECT_LIST_ALL_STORAGE_POOLS, (c, a) -> {
            List<StoragePool> l = pools(c, flags(ListPoolsFlag.class, a));
            List<Struct> out = new ArrayList<>();
            if (a.i32("need_results") != 0) {
                for (StoragePool p : l) {
                    out.add(pool(p));
                }
            }
            return ret(out, l.size());
        });
        d.register(CONNECT_NUM_OF_STORAGE_POOLS, (c, a) -> ret(pools(c, EnumSet.of(ListPoolsFlag.ACTIVE)).size()));
        d.register(CONNECT_LIST_STORAGE_POOLS, (c, a) -> {
            List<String> names = new ArrayList<>();
            for (StoragePool p : pools(c, EnumSet.of(ListPoolsFlag.ACTIVE))) {
                names.add(p.getName());
            }
            return ret(limit(names, a.i32("maxnames")));
        });
        d.register(STORAGE_POOL_LOOKUP_BY_NAME, (c, a) -> ret(pool(hv(c).lookupStoragePoolByName(a.str("name")))));
        d.register(STORAGE_POOL_LOOKUP_BY_UUID, (c, a) -> ret(pool(hv(c).lookupStoragePoolByUUID(a.uuid("uuid")))));
        d.register(STORAGE_POOL_LOOKUP_BY_VOLUME, (c, a) -> ret(pool(volume(c, a).getPool())));
        d.registerMutating(STORAGE_POOL_DEFINE_XML, "virStoragePoolDefineXML",
                (c, a) -> ret(pool(hv(c).defineStoragePool(a.str("xml")))));
        d.registerMutating(STORAGE_POOL_CREATE_XML, "virStoragePoolCreateXML",
                (c, a) -> ret(pool(hv(c).createStoragePool(a.str("xml")))));
        d.registerMutating(STORAGE_POOL_CREATE, "virStoragePoolCreate", (c, a) -> {
            pool(c, a).create();
            return VOID;
        });
        d.registerMutating(STORAGE_POOL_BUILD, "virStoragePoolBuild", (c, a) -> {
            pool(c, a).build();
            return VOID;
        });
        d.registerMutating(STORAGE_POOL_DESTROY, "virStoragePoolDestroy", (c, a) -> {
            pool(c, a).destroy();
            return VOID;
        });
        d.registerMutating(STORAGE_POOL_UNDEFINE, "virStoragePoolUndefine", (c, a) -> {
            pool(c, a).undefine();
            return VOID;
        });
        d.registerMutating(STORAGE_POOL_REFRESH, "virStoragePoolRefresh", (c, a) -> {
            pool(c, a).refresh();
            return VOID;
        });
        d.register(STORAGE_POOL_GET_INFO, (c, a) -> {
            StoragePoolInfo i = pool(c, a).getInfo();
            return ret(i.state().ordinal(), i.capacity(), i.allocation(), i.available());
        });
        d.register(STORAGE_POOL_GET_XML_DESC, (c, a) -> ret(pool(c, a).getXMLDesc((a.i32("flags") & 1) != 0)));
        d.register(STORAGE_POOL_GET_AUTOSTART, (c, a) -> ret(bool(pool(c, a).getAutostart())));
        d.registerMutating(STORAGE_POOL_SET_AUTOSTART, "virStoragePoolSetAutostart", (c, a) -> {
            pool(c, a).setAutostart(a.i32("autostart") != 0);
            return VOID;
        });
        d.register(STORAGE_POOL_IS_ACTIVE, (c, a) -> ret(bool(pool(c, a).isActive())));
        d.register(STORAGE_POOL_IS_PERSISTENT, (c, a) -> ret(bool(pool(c, a).isPersistent())));
        d.register(STORAGE_POOL_NUM_OF_VOLUMES, (c, a) -> ret(pool(c, a).listAllVolumes().size()));
        d.register(STORAGE_POOL_LIST_VOLUMES, (c, a) -> {
            List<String> names = new ArrayList<>();
            for (StorageVol v : pool(c, a).listAllVolumes()) {
                names.add(v.getName());
            }
            return ret(limit(names, a.i32("maxnames")));
        });
        d.register(STORAGE_POOL_LIST_ALL_VOLUMES, (c, a) -> {
            List<StorageVol> l = pool(c, a).listAllVolumes();
            List<Struct> out = new ArrayList<>();
            if (a.i32("need_results") != 0) {
                for (StorageVol v : l) {
                    out.add(vol(v));
                }
            }
            return ret(out, l.size());
        });
    }

    // ---- storage volumes ----

    private static void volumes(Dispatcher d) {
        d.registerMutating(STORAGE_VOL_CREATE_XML, "virStorageVolCreateXML",
                (c, a) -> ret(vol(pool(c, a).createVolume(a.str("xml")))));
        d.registerMutating(STORAGE_VOL_DELETE, "virStorageVolDelete", (c, a) -> {
            volume(c, a).delete();
            return VOID;
        });
        d.register(STORAGE_VOL_LOOKUP_BY_NAME, (c, a) -> ret(vol(pool(c, a).lookupVolume(a.str("name")))));
        d.register(STORAGE_VOL_LOOKUP_BY_PATH, (c, a) -> ret(vol(hv(c).lookupStorageVolByPath(a.str("path")))));
        d.register(STORAGE_VOL_LOOKUP_BY_KEY, (c, a) -> {
            String key = a.str("key");
            for (StoragePool p : pools(c, EnumSet.of(ListPoolsFlag.ACTIVE))) {
                for (StorageVol v : p.listAllVolumes()) {
                    if (v.getKey().equals(key)) {
                        return ret(vol(v));
                    }
                }
            }
            throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.STORAGE,
                    ErrorCode.NO_STORAGE_VOL.format("no storage vol with matching key " + key));
        });
        d.register(STORAGE_VOL_GET_INFO, (c, a) -> {
            StorageVolInfo i = volume(c, a).getInfo();
            return ret(i.type().ordinal(), i.capacity(), i.allocation());
        });
        d.register(STORAGE_VOL_GET_XML_DESC, (c, a) -> ret(volume(c, a).getXMLDesc()));
        d.register(STORAGE_VOL_GET_PATH, (c, a) -> ret(volume(c, a).getPath()));
        // The api has no volume streams yet: refuse as a driver without them does, after the usual checks.
        d.registerMutating(STORAGE_VOL_UPLOAD, "virStorageVolUpload", (c, a) -> {
            throw VirtException.noSupport(hv(c).getType(), "virStorageVolUpload");
        });
        d.register(STORAGE_VOL_DOWNLOAD, (c, a) -> {
            throw VirtException.noSupport(hv(c).getType(), "virStorageVolDownload");
        });
    }

    // ---- networks ----

    private static List<Network> networks(Client c, Set<ListNetworksFlag> f) {
        return hv(c).listAllNetworks(f);
    }

    private static void networks(Dispatcher d) {
        d.register(CONNECT_LIST_ALL_NETWORKS, (c, a) -> {
            List<Network> l = networks(c, flags(ListNetworksFlag.class, a));
            List<Struct> out = new ArrayList<>();
            if (a.i32("need_results") != 0) {
                for (Network n : l) {
                    out.add(net(n));
                }
            }
            return ret(out, l.size());
        });
        d.register(CONNECT_NUM_OF_NETWORKS, (c, a) -> ret(networks(c, EnumSet.of(ListNetworksFlag.ACTIVE)).size()));
        d.register(CONNECT_NUM_OF_DEFINED_NETWORKS,
                (c, a) -> ret(networks(c, EnumSet.of(ListNetworksFlag.INACTIVE)).size()));
        d.register(CONNECT_LIST_NETWORKS, (c, a) -> ret(limit(names(networks(c,
                EnumSet.of(ListNetworksFlag.ACTIVE))), a.i32("maxnames"))));
        d.register(CONNECT_LIST_DEFINED_NETWORKS, (c, a) -> ret(limit(names(networks(c,
                EnumSet.of(ListNetworksFlag.INACTIVE))), a.i32("maxnames"))));
        d.register(NETWORK_LOOKUP_BY_NAME, (c, a) -> ret(net(hv(c).lookupNetworkByName(a.str("name")))));
        d.register(NETWORK_LOOKUP_BY_UUID, (c, a) -> ret(net(hv(c).lookupNetworkByUUID(a.uuid("uuid")))));
        d.registerMutating(NETWORK_DEFINE_XML, "virNetworkDefineXML",
                (c, a) -> ret(net(hv(c).defineNetwork(a.str("xml")))));
        d.registerMutating(NETWORK_DEFINE_XML_FLAGS, "virNetworkDefineXMLFlags",
                (c, a) -> ret(net(hv(c).defineNetwork(a.str("xml")))));
        d.registerMutating(NETWORK_CREATE_XML, "virNetworkCreateXML",
                (c, a) -> ret(net(hv(c).createNetwork(a.str("xml")))));
        d.registerMutating(NETWORK_CREATE, "virNetworkCreate", (c, a) -> {
            network(c, a).create();
            return VOID;
        });
        d.registerMutating(NETWORK_DESTROY, "virNetworkDestroy", (c, a) -> {
            network(c, a).destroy();
            return VOID;
        });
        d.registerMutating(NETWORK_UNDEFINE, "virNetworkUndefine", (c, a) -> {
            network(c, a).undefine();
            return VOID;
        });
        d.register(NETWORK_GET_XML_DESC, (c, a) -> ret(network(c, a).getXMLDesc((a.i32("flags") & 1) != 0)));
        d.register(NETWORK_GET_BRIDGE_NAME, (c, a) -> ret(network(c, a).getBridgeName()));
        d.register(NETWORK_GET_AUTOSTART, (c, a) -> ret(bool(network(c, a).getAutostart())));
        d.registerMutating(NETWORK_SET_AUTOSTART, "virNetworkSetAutostart", (c, a) -> {
            network(c, a).setAutostart(a.i32("autostart") != 0);
            return VOID;
        });
        d.register(NETWORK_IS_ACTIVE, (c, a) -> ret(bool(network(c, a).isActive())));
        d.register(NETWORK_IS_PERSISTENT, (c, a) -> ret(bool(network(c, a).isPersistent())));
    }

    private static List<String> names(List<Network> l) {
        List<String> out = new ArrayList<>();
        for (Network n : l) {
            out.add(n.getName());
        }
        return out;
    }

}
