#!/usr/bin/env bash
# Measures the wall time of one short command, `list --all` on test:///default, for
#   ./jvirsh with its AppCDS archive (the default),
#   ./jvirsh without it (JVIRSH_NO_CDS=1: the JDK's own CDS archive only),
#   the same java command with no tuning at all (what a plain `java -p lib -m ...` costs),
#   and libvirt's virsh.
# Needs hyperfine (Debian package `hyperfine`) and virsh (libvirt-clients).
# Writes bench/results/startup-<date>.{md,json} and prints the table.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$root"
out=$root/bench/results
mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
runs=${RUNS:-30}

command -v hyperfine >/dev/null || { echo "startup: install hyperfine (apt-get install hyperfine)" >&2; exit 1; }
./jvirsh list --all >/dev/null   # build and make the archive first: measure warm starts only
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
lib=$root/cli/target/jvirt/lib

hyperfine -N -w 3 -r "$runs" --export-markdown "$out/startup-$stamp.md" --export-json "$out/startup-$stamp.json" \
    -n 'jvirsh (AppCDS)' "./jvirsh list --all" \
    -n 'jvirsh (no AppCDS)' "env JVIRSH_NO_CDS=1 ./jvirsh list --all" \
    -n 'java -p lib -m (untuned)' "$java -p $lib --add-modules ALL-MODULE-PATH -m org.jvirt.cli/org.jvirt.cli.Jvirsh list --all" \
    -n 'virsh' "virsh -c test:///default list --all"
cp "$out/startup-$stamp.md" "$out/startup-latest.md"
cp "$out/startup-$stamp.json" "$out/startup-latest.json"
