#!/usr/bin/env python3
"""Prints a Markdown table comparing jvirt and libvirt from a JMH JSON result.

    bench/compare.py [bench/results/latest.json]

One row per operation: jvirt's and libvirt's average time per operation (with JMH's 99.9%
error) and how many times faster jvirt is (libvirt time / jvirt time).
"""
import json
import sys


def fmt(us):
    if us >= 1000:
        return f"{us / 1000:,.2f} ms"
    if us >= 1:
        return f"{us:,.2f} µs"
    return f"{us * 1000:,.1f} ns"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "bench/results/latest.json"
    with open(path) as f:
        runs = json.load(f)
    res = {}
    for r in runs:
        cls, op = r["benchmark"].rsplit(".", 2)[-2:]
        if cls not in ("JvirtBench", "LibvirtBench"):
            continue   # other benchmarks of the same run (e.g. XmlBench) are not pairs
        m = r["primaryMetric"]
        assert m["scoreUnit"] == "us/op", m["scoreUnit"]
        err = m["scoreError"] if m["scoreError"] == m["scoreError"] else 0.0  # NaN with one sample
        res.setdefault(op, {})[cls] = (m["score"], err)
    print("| operation | jvirt | libvirt (libvirt-java) | jvirt faster by |")
    print("|---|---:|---:|---:|")
    for op in sorted(res):
        j, l = res[op].get("JvirtBench"), res[op].get("LibvirtBench")
        cell = lambda v: f"{fmt(v[0])} ± {fmt(v[1])}" if v else "—"
        ratio = f"{l[0] / j[0]:,.1f}×" if j and l else "—"
        print(f"| {op} | {cell(j)} | {cell(l)} | {ratio} |")


if __name__ == "__main__":
    main()
