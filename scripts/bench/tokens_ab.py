#!/usr/bin/env python3
"""`sigil tokens --file` of two builds, interleaved (ADR 0240, ADR 0265): each round runs every size on both builds
(the first of the two alternating), each through its own scripts/sigil with SIGIL_NO_BUILD=1, timed with os.wait4.
Prints medians of wall and CPU (user + system) and the counts each build printed (they must agree). One untimed run
of each first, so that each launcher has made its tokens AOT cache.

  tokens_ab.py --before /work/base --after . [--runs 15] [--sizes 0,1,1000] [--data /work/main/target/bench]

A size is N for DATA/size-N.jsonl, or a file's path.
"""
import argparse
import os
import statistics
import subprocess
import time


def once(build, path):
    env = dict(os.environ, SIGIL_NO_BUILD="1")
    start = time.monotonic()
    p = subprocess.Popen([os.path.join(build, "scripts", "sigil"), "tokens", "--file", path],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = p.stdout.read()
    _, _, ru = os.wait4(p.pid, 0)
    return (time.monotonic() - start) * 1000, (ru.ru_utime + ru.ru_stime) * 1000, out.decode().strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--sizes", default="0,1,1000")
    ap.add_argument("--data", default="target/bench")
    a = ap.parse_args()
    builds = {"before": os.path.abspath(a.before), "after": os.path.abspath(a.after)}
    paths = [s if os.sep in s else os.path.join(a.data, "size-%s.jsonl" % s) for s in a.sizes.split(",")]
    for b in builds.values():
        for p in paths:
            once(b, p)
    res = {(b, p): [] for b in builds for p in paths}
    counts = {(b, p): set() for b in builds for p in paths}
    print("load before:", " ".join(open("/proc/loadavg").read().split()[:3]))
    for r in range(a.runs):
        order = list(builds) if r % 2 == 0 else list(builds)[::-1]
        for p in paths:
            for b in order:
                wall, cpu, out = once(builds[b], p)
                res[(b, p)].append((wall, cpu))
                counts[(b, p)].add(out)
    print("load after:", " ".join(open("/proc/loadavg").read().split()[:3]))
    print("| input | before wall | after wall | before CPU | after CPU | counts |")
    print("|---|---:|---:|---:|---:|---|")
    for p in paths:
        med = {b: [statistics.median(x[i] for x in res[(b, p)]) for i in (0, 1)] for b in builds}
        print("| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %s |" % (os.path.basename(p), med["before"][0], med["after"][0],
              med["before"][1], med["after"][1], " / ".join(",".join(sorted(counts[(b, p)])) for b in builds)))


if __name__ == "__main__":
    main()
