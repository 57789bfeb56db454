#!/usr/bin/env bash
# Domain XML parse+format throughput (documents/s): jvirt's model, jvirt's test:///default and
# libvirt 9's C test driver (libvirt-java over JNA) on the five largest domain documents of
# ../shared/corpus and a small one, in one JMH run. Figures go to docs/performance.md by hand.
#
#   bench/xml-bench.sh                 # default settings (2 forks, 3x1s warm-up, 5x1s measurement)
#   bench/xml-bench.sh -f 1 -i 3       # any JMH option
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
exec "$root/bench/run-jmh.sh" -bm thrpt -tu s "$@" 'org.jvirt.tests.bench.xml.XmlBench'
