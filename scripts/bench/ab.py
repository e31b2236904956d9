#!/usr/bin/env python3
"""The read path of the benchmarks, before and after a change: two builds of sigil, interleaved run by run.

  ab.py [--runs N] BEFORE_HOME AFTER_HOME

Each HOME holds scripts/sigil and target/dist/sigil.jar (a worktree, or a copy of one: `cp` the two files and
contract/). Uses the harness's own pieces (bench.py's run_once: wall time, CPU time and peak RSS from GNU time;
special.py's tmux driver) on target/bench's logs (scripts/bench/run.sh makes them): `sigil tail --format line` on
the 1M-line log, the dashboard's first complete frame of it, and the dashboard following the 1.16 GB log (time to
read it, peak RSS). Prints a markdown table of medians; the machine's load before and after.
"""
import argparse
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import special  # noqa: E402


def tail(home, log):
    return bench.run_once([os.path.join(home, "scripts", "sigil"), "tail", "--format", "line", log])[:3]


def first_frame(home, log):
    sigil = os.path.join(home, "scripts", "sigil")
    t0 = special.start("sigil-ab", "%s monitor --no-follow --mode dashboard %s" % (sigil, log), bench.ENV)
    t1 = special.wait_for("sigil-ab", r"1,000,000 events[\s\S]*read to its end", 120)
    special.stop("sigil-ab")
    return None if t1 is None else t1 - t0


def big_log(home, log):
    sigil = os.path.join(home, "scripts", "sigil")
    t0 = special.start("sigil-ab", "%s monitor --refresh-rate 0.1 --mode dashboard %s" % (sigil, log), bench.ENV)
    t1 = special.wait_for("sigil-ab", r"4,000,000 events", 240)
    pid = special.pane_pid("sigil-ab")
    peak = special.rss_mb(pid) if pid else float("nan")
    special.stop("sigil-ab")
    return (None if t1 is None else t1 - t0), peak


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("before")
    p.add_argument("after")
    a = p.parse_args()
    homes = {"before": os.path.abspath(a.before), "after": os.path.abspath(a.after)}
    s1m, s4m = bench.f("s1m.jsonl"), bench.f("s4m.jsonl")
    load_before = os.getloadavg()
    for home in homes.values():  # class-data caches are made on a first start: not part of any figure
        bench.run_once([os.path.join(home, "scripts", "sigil"), "--version"])
    res = {k: {"tail": [], "frame": [], "big": []} for k in homes}
    for _ in range(a.runs):
        for name, home in homes.items():
            res[name]["tail"].append(tail(home, s1m))
            res[name]["frame"].append(first_frame(home, s1m))
            res[name]["big"].append(big_log(home, s4m))
    rows = [("`sigil tail --format line`, 1M lines: wall s", lambda r: median(x[0] for x in r["tail"])),
            ("the same: CPU s", lambda r: median(x[1] for x in r["tail"])),
            ("the same: peak RSS MB", lambda r: median(x[2] for x in r["tail"])),
            ("dashboard, first complete frame of 1M lines: s", lambda r: median(r["frame"])),
            ("dashboard following the 1.16 GB log: s to read it", lambda r: median(x[0] for x in r["big"])),
            ("the same: peak RSS MB", lambda r: median(x[1] for x in r["big"]))]
    print("| measure (median of %d interleaved runs) | before | after | after / before |" % a.runs)
    print("|---|---:|---:|---:|")
    for label, get in rows:
        b, f = get(res["before"]), get(res["after"])
        print("| %s | %.3f | %.3f | %.3f |" % (label, b, f, f / b if b else float("nan")))
    print("\nload average before: %.2f %.2f %.2f; after: %.2f %.2f %.2f" % (*load_before, *os.getloadavg()))
    print("raw: %r" % res)


if __name__ == "__main__":
    main()
