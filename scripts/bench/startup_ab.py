#!/usr/bin/env python3
"""Start-up of two builds of sigil side by side: does a change make commands that do not use it start slower?

Each build is a sigil checkout with its jar built (`./mvnw -B -DskipTests package`); both are run through their own
scripts/sigil (each with its own AOT/CDS cache, made by a first run), interleaved: every round runs each command once
on each build, the first of the two alternating. Prints medians of wall and CPU time (user + system, from wait4), and
the classes each command loads (-Xlog:class+load) once per build.

  startup_ab.py --before DIR --after DIR [--runs 25]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import ENV, run_once  # noqa: E402  (one way of timing a process, bench.py's)


def commands(empty):
    return [("sigil --version", ["--version"]), ("sigil tail of an empty file", ["tail", empty])]


def classes(launcher, args):
    with tempfile.TemporaryDirectory() as d:
        log = os.path.join(d, "classes.txt")
        env = dict(ENV, SIGIL_JAVA_OPTS="-Xlog:class+load=info:file=" + log)
        subprocess.run([launcher] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        with open(log) as f:
            return sum(1 for _ in f)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--before", required=True)
    a.add_argument("--after", required=True)
    a.add_argument("--runs", type=int, default=25)
    o = a.parse_args()
    builds = {"before": os.path.join(o.before, "scripts", "sigil"), "after": os.path.join(o.after, "scripts", "sigil")}
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as empty:
        cmds = commands(empty.name)
        for launcher in builds.values():
            for _, args in cmds:
                run_once([launcher] + args)  # the first run makes the launcher's cache
        times = {(b, c): ([], []) for b in builds for c, _ in cmds}
        for i in range(o.runs):
            for c, args in cmds:
                for b, launcher in sorted(builds.items(), reverse=i % 2 == 1):  # who goes first alternates
                    wall, cpu, _, code = run_once([launcher] + args)
                    if code != 0:
                        sys.exit("%s %s exited %d" % (b, c, code))
                    times[(b, c)][0].append(wall)
                    times[(b, c)][1].append(cpu)
        print("load average after: %.2f %.2f %.2f; medians of %d interleaved runs" % (os.getloadavg() + (o.runs,)))
        print("| what | before | after |\n|---|---:|---:|")
        for c, args in cmds:
            for i, kind in ((1, "CPU"), (0, "wall")):
                med = [statistics.median(times[(b, c)][i]) * 1000 for b in builds]
                print("| `%s`, %s | %.0f ms | %.0f ms |" % (c, kind, med[0], med[1]))
            print("| classes loaded by `%s` | %d | %d |" % ((c,) + tuple(classes(l, args) for l in builds.values())))


if __name__ == "__main__":
    main()
