#!/usr/bin/python3
"""Client side of bench/daemon-bench.sh: python3-libvirt against one daemon URI.

Prints one line per measurement: NAME VALUE UNIT. Same client code for every daemon.
"""
import multiprocessing as mp
import os
import sys
import time

import libvirt

DUR = float(os.environ.get("BENCH_SECONDS", "3"))
XML = ("<domain type='test'><name>bench%d</name><memory unit='KiB'>131072</memory><vcpu>1</vcpu>"
       "<os><type arch='x86_64'>hvm</type></os></domain>")


def rate(uri, what, seconds):
    c = libvirt.open(uri)
    op = {"version": lambda: c.getVersion(),
          "lookup": lambda: c.lookupByName("test")}[what]
    for _ in range(200):  # warm-up
        op()
    n = 0
    end = time.perf_counter() + seconds
    t0 = time.perf_counter()
    while True:
        for _ in range(50):
            op()
        n += 50
        if time.perf_counter() >= end:
            break
    el = time.perf_counter() - t0
    c.close()
    return n / el


def _worker(args):
    return rate(*args)


def parallel(uri, what, conns):
    with mp.Pool(conns) as p:
        return sum(p.map(_worker, [(uri, what, DUR)] * conns))


def define_undefine(uri):
    c = libvirt.open(uri)
    n = 0
    end = time.perf_counter() + DUR
    t0 = time.perf_counter()
    while time.perf_counter() < end:
        d = c.defineXML(XML % n)
        d.undefine()
        n += 1
    el = time.perf_counter() - t0
    c.close()
    return n / el


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def idle_memory(uri, pid, n=200):
    keep = libvirt.open(uri)  # keeps test:///default alive
    time.sleep(0.5)
    before = rss_kib(pid)
    conns = [libvirt.open(uri) for _ in range(n)]
    time.sleep(1.0)
    after = rss_kib(pid)
    for c in conns:
        c.close()
    keep.close()
    return (after - before) / n


def main():
    uri, pid = sys.argv[1], int(sys.argv[2])
    keep = libvirt.open(uri)  # one connection held so the test driver's state lives through the run
    print("getversion_1conn %.0f calls/s" % rate(uri, "version", DUR), flush=True)
    print("lookup_1conn %.0f calls/s" % rate(uri, "lookup", DUR), flush=True)
    print("getversion_8conn %.0f calls/s" % parallel(uri, "version", 8), flush=True)
    print("lookup_8conn %.0f calls/s" % parallel(uri, "lookup", 8), flush=True)
    print("define_undefine_1conn %.0f pairs/s" % define_undefine(uri), flush=True)
    keep.close()
    print("rss_per_idle_conn %.1f KiB" % idle_memory(uri, pid), flush=True)


if __name__ == "__main__":
    main()
