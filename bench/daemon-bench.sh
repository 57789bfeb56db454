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
echo "## daemon comparison: python3-libvirt client"
for d in libvirtd jvirtd; do
    if [ $d = libvirtd ]; then sock=$T/lv/run/libvirt-sock; pid=$lvpid; else sock=$T/jv/run/libvirt-sock; pid=$jvjava; fi
    # JIT warm-up for both (same work), then the measured run.
    BENCH_SECONDS=2 /usr/bin/python3 bench/daemon_bench.py "test+unix:///default?socket=$sock" "$pid" >/dev/null
    /usr/bin/python3 bench/daemon_bench.py "test+unix:///default?socket=$sock" "$pid" | sed "s/^/$d /"
done
echo "## client comparison against the same libvirtd"
/usr/bin/python3 bench/daemon_bench.py "test+unix:///default?socket=$T/lv/run/libvirt-sock" "$lvpid" \
    | grep _1conn | grep -v define | sed 's/^/python3-libvirt /'
java -p cli/target/jvirt/lib --add-modules org.jvirt.core,org.jvirt.driver.remote \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn bench/RemoteBench.java \
    "test+unix:///default?socket=$T/lv/run/libvirt-sock" | sed 's/^/jvirt-remote /'
