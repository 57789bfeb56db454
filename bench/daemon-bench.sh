#!/bin/sh
# jvirtd vs libvirtd, same client, one run (test driver, UNIX socket), then jvirt's remote driver
# vs python3-libvirt as clients of the same libvirtd. Figures go to docs/performance.md.
# Usage: bench/daemon-bench.sh   (BENCH_SECONDS=3 per measurement; needs root, libvirtd, python3-libvirt)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
[ -f daemon/target/jvirtd/lib/jvirt-daemon-0.1.0-SNAPSHOT.jar ] && [ -d cli/target/jvirt/lib ] \
    || mvn -B -q -pl daemon,cli -am package -DskipTests
T=$(mktemp -d /tmp/daemon-bench.XXXXXX)
mkdir -p "$T/lv/run" "$T/lv/nodrivers" "$T/jv/run"
cat > "$T/lv/libvirtd.conf" <<CONF
listen_tls = 0
listen_tcp = 0
unix_sock_dir = "$T/lv/run"
unix_sock_rw_perms = "0700"
auth_unix_rw = "none"
auth_unix_ro = "none"
log_outputs = "3:stderr"
CONF
cat > "$T/jv/jvirtd.conf" <<CONF
unix_sock_dir = "$T/jv/run"
listen_tls = 0
CONF
LIBVIRT_DRIVER_DIR=$T/lv/nodrivers /usr/sbin/libvirtd -f "$T/lv/libvirtd.conf" -p "$T/lv/pid" 2>"$T/lv/log" &
lvpid=$!
JVIRTD_FOREGROUND=1 ./jvirtd -f "$T/jv/jvirtd.conf" -p "$T/jv/pid" 2>"$T/jv/log" &
jvpid=$!
cleanup() { kill "$lvpid" 2>/dev/null || true; kill "$(cat "$T/jv/pid" 2>/dev/null || echo $jvpid)" 2>/dev/null || true; sleep 1; rm -rf "$T"; }
trap cleanup EXIT
for i in $(seq 100); do [ -S "$T/lv/run/libvirt-sock" ] && [ -S "$T/jv/run/libvirt-sock" ] && break; sleep 0.1; done
sleep 1
jvjava=$(cat "$T/jv/pid")
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) CPUs, $(java -version 2>&1 | head -1), $(/usr/sbin/libvirtd --version)"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); rounds: ${BENCH_ROUNDS:-3}, daemons alternating, best round kept"
echo "## daemon comparison: python3-libvirt client"
for d in libvirtd jvirtd; do
    if [ $d = libvirtd ]; then sock=$T/lv/run/libvirt-sock; pid=$lvpid; else sock=$T/jv/run/libvirt-sock; pid=$jvjava; fi
    # JIT warm-up for both (same work).
    BENCH_SECONDS=2 /usr/bin/python3 bench/daemon_bench.py "test+unix:///default?socket=$sock" "$pid" >/dev/null
done
for r in $(seq "${BENCH_ROUNDS:-3}"); do
    for d in libvirtd jvirtd; do
        if [ $d = libvirtd ]; then sock=$T/lv/run/libvirt-sock; pid=$lvpid; else sock=$T/jv/run/libvirt-sock; pid=$jvjava; fi
        /usr/bin/python3 bench/daemon_bench.py "test+unix:///default?socket=$sock" "$pid" | sed "s/^/$d /"
    done
    /usr/bin/python3 bench/daemon_bench.py "test+unix:///default?socket=$T/lv/run/libvirt-sock" "$lvpid" \
        | grep _1conn | grep -v define | sed 's/^/python3-libvirt-client /'
    java -p cli/target/jvirt/lib --add-modules org.jvirt.core,org.jvirt.driver.remote \
        -Dorg.slf4j.simpleLogger.defaultLogLevel=warn bench/RemoteBench.java \
        "test+unix:///default?socket=$T/lv/run/libvirt-sock" | sed 's/^/jvirt-remote-client /'
done > "$T/raw.txt"
# Best round per (daemon or client, measurement): the most calls/s; for memory the largest (most conservative) KiB.
awk '{k=$1" "$2; v=$3+0; if (!(k in b) || ($4=="KiB" ? v>b[k] : v>b[k])) {b[k]=v; u[k]=$4}} END {for (k in b) printf "%s %.1f %s\n", k, b[k], u[k]}' \
    "$T/raw.txt" | sort
echo "## jvirtd / libvirtd"
awk '{k=$2; v=$3+0; if ($1=="libvirtd") L[k]=(k in L && (L[k]>v))?L[k]:v; if ($1=="jvirtd") J[k]=(k in J && (J[k]>v))?J[k]:v} END {for (k in L) if (k in J) printf "%s %.2fx\n", k, J[k]/L[k]}' \
    "$T/raw.txt" | sort
