#!/usr/bin/env bash
# The JMH benchmarks' operations timed in process CPU time, jvirt and libvirt alternating batch
# by batch in one JVM (org.jvirt.tests.bench.CpuTimeBench): the cross-check for a machine that
# is busy with other work, where wall-clock figures (JMH's) mostly measure the wait for a core.
#
#   bench/run-cputime.sh [rounds [ms-per-batch]]     # default 10 rounds of 200 ms batches (~2 min)
#
# Writes bench/results/cputime-<date>.md and prints the table.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$root"
out=$root/bench/results
mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)

# shellcheck source=bench/paths.sh
source "$root/bench/paths.sh"

bench_header >"$out/cputime-$stamp.md"
# shellcheck disable=SC2086 # modopts is a list of options
"$java_bin" $modopts -cp "$classpath" org.jvirt.tests.bench.CpuTimeBench "$@" 2> >(grep -v '^SLF4J' >&2) |
    tee -a "$out/cputime-$stamp.md"
bench_header | sed 's/^# /# after: /' | head -1 >>"$out/cputime-$stamp.md"
cp "$out/cputime-$stamp.md" "$out/cputime-latest.md"
echo "run-cputime: results in bench/results/cputime-$stamp.md (and cputime-latest.md)" >&2
