#!/usr/bin/env bash
# The JMH benchmarks' operations timed in process CPU time, jvirt and libvirt alternating batch
# by batch in one JVM (org.jvirt.tests.bench.CpuTimeBench): the cross-check for a machine that
# is busy with other work, where wall-clock figures (JMH's) mostly measure the wait for a core.
#
#   bench/run-cputime.sh [rounds [ms-per-batch]]     # default 10 rounds of 200 ms batches (~2 min)
#   bench/run-cputime.sh xml [rounds [ms-per-batch]] # domain XML parse+format per document (XmlBench's
#                                                    # jvirtModel vs libvirt, after 10 s of warm-up on all
#                                                    # documents), ~1.5 min at the default
#
# Writes bench/results/cputime-<date>.md and prints the table.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$root"
out=$root/bench/results
mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
kind=cputime
[ "${1:-}" = xml ] && kind=cputime-xml

# shellcheck source=bench/paths.sh
source "$root/bench/paths.sh"

bench_header >"$out/$kind-$stamp.md"
# shellcheck disable=SC2086 # modopts is a list of options
"$java_bin" $modopts -cp "$classpath" org.jvirt.tests.bench.CpuTimeBench "$@" 2> >(grep -v '^SLF4J' >&2) |
    tee -a "$out/$kind-$stamp.md"
bench_header | sed 's/^# /# after: /' | head -1 >>"$out/$kind-$stamp.md"
cp "$out/$kind-$stamp.md" "$out/$kind-latest.md"
echo "run-cputime: results in bench/results/$kind-$stamp.md (and $kind-latest.md)" >&2
