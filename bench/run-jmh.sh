#!/usr/bin/env bash
# Runs the JMH benchmarks: test:///default through jvirt's API and through libvirt's C test
# driver via libvirt-java (JNA), in one run, with the same settings.
#
#   bench/run-jmh.sh                     # everything, short settings (about 4 minutes on 2 cores)
#   bench/run-jmh.sh 'lookupByName'      # a subset (a JMH regexp)
#   bench/run-jmh.sh -i 10 -r 2s         # any JMH option overrides the defaults below
#
# Needs Debian's libvirt0 (libvirt.so.0, which has the test driver built in); .ci/run installs it.
# Writes bench/results/jmh-<date>.{json,txt} and prints the table to stdout.
#
# The tests module is built with -Pbench, which runs the JMH annotation processor into
# tests/target/bench (normal builds compile the benchmarks without it, so that JMH's generated
# *_jmhTest classes never reach target/classes, where the architecture tests look).
#
# Layout at run time: jvirt's modules (api, core, driver-test and what they need) on the module
# path, resolved with --add-modules ALL-MODULE-PATH so that Virt.open finds the test driver
# through ServiceLoader exactly as an application does; JMH, libvirt-java, JNA and the tests jar
# on the class path, because JMH starts its forked VMs from the class path and neither JMH nor
# libvirt-java is a named module. The forks inherit the host VM's options, module path included.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$root"
out=$root/bench/results
mkdir -p "$out" "$root/tests/target/bench"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
cpfile=$root/tests/target/bench/bench.classpath

echo "run-jmh: building (mvn package -pl tests -am)..." >&2
mvn -q -B -Dstyle.color=never -Pbench -DskipTests package dependency:build-classpath -pl tests -am \
    -DincludeScope=runtime -Dmdep.outputFile="$cpfile" >&2

classpath=$(ls "$root"/tests/target/bench/jvirt-tests-*.jar)
modulepath=
IFS=: read -r -a entries <"$cpfile" || true   # the file has no final newline
for jar in "${entries[@]}"; do
    case $(basename "$jar") in
        jmh-core-*|jopt-simple-*|commons-math3-*|libvirt-[0-9]*|jna-[0-9]*) classpath+=":$jar" ;;
        jmh-generator-*|jvirt-cli-*) ;;   # compile-time only / not needed
        *) modulepath+="${modulepath:+:}$jar" ;;
    esac
done

java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
modopts="-p $modulepath --add-modules ALL-MODULE-PATH"
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

{
    echo "# $(date -u) $(uname -m), $(nproc) cores, $("$java_bin" -version 2>&1 | head -1)"
    echo "# libvirt $(dpkg-query -W -f='${Version}' libvirt0 2>/dev/null || echo '?'), libvirt-java 0.5.2"
} >"$out/jmh-$stamp.txt"

# shellcheck disable=SC2086 # modopts is a list of options
"$java_bin" $modopts -cp "$classpath" org.openjdk.jmh.Main \
    "${opts[@]}" \
    -rf json -rff "$out/jmh-$stamp.json" "$@" | tee -a "$out/jmh-$stamp.txt"

cp "$out/jmh-$stamp.json" "$out/latest.json"
cp "$out/jmh-$stamp.txt" "$out/latest.txt"
echo "run-jmh: results in bench/results/jmh-$stamp.{json,txt} (and latest.{json,txt})" >&2
