# shellcheck shell=bash disable=SC2034,SC2154 # sourced: root comes from, and the paths go to, the caller
# Sourced by the bench/ scripts: builds the tests module with -Pbench and sets
#   classpath   the tests jar, JMH, libvirt-java, JNA (class path)
#   modulepath  jvirt's modules and what they need (module path)
#   modopts     "-p $modulepath --add-modules ALL-MODULE-PATH"
#   java_bin    $JAVA_HOME/bin/java or java
#
# The tests module is built with -Pbench, which runs the JMH annotation processor into
# tests/target/bench (normal builds compile the benchmarks without it, so that JMH's generated
# *_jmhTest classes never reach target/classes, where the architecture tests look).
#
# Layout at run time: jvirt's modules (api, core, driver-test and what they need) on the module
# path, resolved with --add-modules ALL-MODULE-PATH so that Virt.open finds the test driver
# through ServiceLoader exactly as an application does; JMH, libvirt-java, JNA and the tests jar
# on the class path, because JMH starts its forked VMs from the class path and neither JMH nor
# libvirt-java is a named module. JMH's forks inherit the host VM's options, module path included.

mkdir -p "$root/tests/target/bench"
cpfile=$root/tests/target/bench/bench.classpath

echo "bench: building (mvn package -Pbench -pl tests -am)..." >&2
(cd "$root" && mvn -q -B -Dstyle.color=never -Pbench -DskipTests package dependency:build-classpath -pl tests -am \
    -DincludeScope=runtime -Dmdep.outputFile="$cpfile" >&2)

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
modopts="-p $modulepath --add-modules ALL-MODULE-PATH"
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java

# A header for result files: when, where, which versions, how busy the machine was.
bench_header() {
    echo "# $(date -u) $(uname -m), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# $("$java_bin" -version 2>&1 | head -1); libvirt $(dpkg-query -W -f='${Version}' libvirt0 2>/dev/null || echo '?'), libvirt-java 0.5.2"
}
