#!/usr/bin/env python3
"""`sigil tail --format line` at every size of issue 18, for several builds or JVM options side by side, beside the
peers of the sizes suites (CPython's json and orjson read paths), interleaved: every round runs each variant and each
peer once on each log, the order of the variants turning round by round.

  tail_ab.py --variant NAME=HOME[,JVM OPTIONS] ... [--sizes empty,1000,20000,200000,1000000] [--runs 7]
             [--data DIR] [--orjson PYTHON]

A variant is a sigil home (its scripts/sigil and target/dist/sigil.jar, each with its own AOT cache, made by an
untimed first run) and the options given to it in SIGIL_JAVA_OPTS. The logs are the bench's (genlog.py's seed-001
log and its first N lines), made in --data when missing. A variant whose options name a cache (-XX:AOTCache=FILE)
runs with that cache instead of the launcher's. Prints medians of wall and CPU time (user + system, from
wait4, bench.py's run_once) and each variant's ratio to the peers, with the load average before and after.
"""
import argparse
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import ENV, run_once, variants as launchers  # noqa: E402  (one way of timing a process, bench.py's)

HERE = os.path.dirname(os.path.abspath(__file__))


def logs(data, sizes):
    """The log of each size: empty, or the first N lines of a 1M-line seed-001 log (genlog.py, as run.sh makes it)."""
    os.makedirs(data, exist_ok=True)
    full = os.path.join(data, "s1m.jsonl")
    if not os.path.exists(full):
        subprocess.run([sys.executable, os.path.join(HERE, "genlog.py"), "--lines", "1000000", "--dialect", "seed-001", full], check=True)
    out = {}
    for size in sizes:
        if size == "empty":
            path = os.path.join(data, "empty.jsonl")
            open(path, "wb").close()
        elif size == "1000000":
            path = full
        else:
            path = os.path.join(data, "size-%s.jsonl" % size)
            if not os.path.exists(path):
                with open(full, "rb") as f, open(path, "wb") as o:
                    for _, line in zip(range(int(size)), f):
                        o.write(line)
        out[size] = path
    return out


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--variant", action="append", required=True, help="NAME=HOME[,JVM OPTIONS]")
    a.add_argument("--sizes", default="empty,1000,20000,200000,1000000")
    a.add_argument("--runs", type=int, default=7)
    a.add_argument("--data", default="target/bench/tail-ab")
    a.add_argument("--orjson", help="a Python with orjson: its read path is a peer too")
    a.add_argument("--no-peers", action="store_true")
    o = a.parse_args()
    variants = launchers(o.variant)
    sizes = o.sizes.split(",")
    made = logs(o.data, sizes)
    reader = os.path.join(HERE, "peers", "py_reader.py")
    peers = [] if o.no_peers else [("CPython json", ["python3", reader])]
    if o.orjson and not o.no_peers:
        peers.append(("CPython orjson", [o.orjson, reader, "--orjson"]))
    for name, launcher, opts in variants:  # the caches are made by a first start: not part of any figure
        subprocess.run([launcher, "tail", made[sizes[0]]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=variant_env(opts), check=False)
    samples = {}
    load_before = os.getloadavg()
    for r in range(o.runs):
        turn = variants[r % len(variants):] + variants[:r % len(variants)]
        for size in sizes:
            for name, launcher, opts in turn:
                env = variant_env(opts)
                samples.setdefault((name, size), []).append(run_once([launcher, "tail", "--format", "line", made[size]], env=env))
            for name, argv in peers:
                samples.setdefault((name, size), []).append(run_once(argv + [made[size]]))
    load_after = os.getloadavg()
    print("load average before %.2f %.2f %.2f, after %.2f %.2f %.2f; %d runs" % (load_before + load_after + (o.runs,)))
    print()
    names = [v[0] for v in variants] + [p[0] for p in peers]
    print("| size | " + " | ".join("%s wall / CPU" % n for n in names) + " | " + " | ".join(
        "%s / %s" % (p[0], v[0]) for v in variants for p in peers) + " |")
    print("|---|" + "---:|" * (len(names) + len(variants) * len(peers)))
    for size in sizes:
        med = {n: (statistics.median(s[0] for s in samples[(n, size)]), statistics.median(s[1] for s in samples[(n, size)]))
               for n in names}
        cells = ["%.0f / %.0f ms" % (med[n][0] * 1000, med[n][1] * 1000) for n in names]
        ratios = ["%.2fx" % (med[p[0]][0] / med[v[0]][0]) for v in variants for p in peers]
        print("| %s | %s | %s |" % (size, " | ".join(cells), " | ".join(ratios)))


def variant_env(opts):
    """The environment of a variant: its options in SIGIL_JAVA_OPTS; one that names a cache of its own
    (-XX:AOTCache=FILE) runs without the launcher's (SIGIL_NO_CDS=1)."""
    env = dict(ENV, SIGIL_JAVA_OPTS=opts)
    if "-XX:AOTCache=" in opts:
        env["SIGIL_NO_CDS"] = "1"
    return env


if __name__ == "__main__":
    main()
