#!/usr/bin/env bash
# Runs the JMH benchmarks: test:///default through jvirt's API and through libvirt's C test
# driver via libvirt-java (JNA), in one run, with the same settings.
#
#   bench/run-jmh.sh '(Jvirt|Libvirt)Bench'   # jvirt vs libvirt, short settings (~4 min on 2 cores)
#   bench/run-jmh.sh                          # every benchmark, XmlBench too (~9 min)
#   bench/run-jmh.sh 'lookupByName'           # a subset (a JMH regexp)
#   bench/run-jmh.sh -i 10 -r 2s         # any JMH option overrides the defaults below
#
# Needs Debian's libvirt0 (libvirt.so.0, which has the test driver built in); .ci/run installs it.
# Writes bench/results/jmh-<date>.{json,txt} and prints the table to stdout.
#
# How it is built and laid out on the module and class paths: bench/paths.sh.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$root"
out=$root/bench/results
mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)

# shellcheck source=bench/paths.sh
source "$root/bench/paths.sh"

# Short settings that fit a few minutes on 2 cores; two forks per benchmark, each starting
# from a fresh test:///default host. Error bars are wide with so few iterations: see
# docs/performance.md before reading much into a difference under ~20%.
defaults=(-f 2 -wi 3 -w 1s -i 5 -r 1s -tu us -bm avgt)
# JMH refuses an option given twice: keep only the defaults the caller did not give.
opts=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
    given=
    for a in "$@"; do [[ $a == "${defaults[k]}" ]] && given=1; done
    [[ -n $given ]] || opts+=("${defaults[k]}" "${defaults[k+1]}")
done

bench_header >"$out/jmh-$stamp.txt"

# shellcheck disable=SC2086 # modopts is a list of options
"$java_bin" $modopts -cp "$classpath" org.openjdk.jmh.Main \
    "${opts[@]}" \
    -rf json -rff "$out/jmh-$stamp.json" "$@" | tee -a "$out/jmh-$stamp.txt"

cp "$out/jmh-$stamp.json" "$out/latest.json"
cp "$out/jmh-$stamp.txt" "$out/latest.txt"
echo "run-jmh: results in bench/results/jmh-$stamp.{json,txt} (and latest.{json,txt})" >&2
