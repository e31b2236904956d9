#!/usr/bin/env python3
"""The short runs of issue 18's other commands (`report --no-cache -l DIR -s bench`, `monitor --mode stream
--no-follow`, `validate`) on the sizes suites' logs (empty, 1 line, 1,000 lines), for several builds or JVM options
side by side, interleaved: every round runs each variant once on each command and log, the order of the variants
turning round by round; `fmt` and `tail` run once a round too, as the same minutes' controls.

  short_ab.py --variant NAME=HOME[,JVM OPTIONS] ... [--runs 9] [--data DIR] [--bench DIR]
              [--commands report,stream,validate,fmt,tail] [--sizes 0,1,1000]

A variant is a sigil home (its scripts/sigil and target/dist/sigil.jar, each with its own AOT caches, made by an
untimed first run of every command) and the options given to it in SIGIL_JAVA_OPTS. The logs are the bench's
size-N.jsonl (--bench, read only), linked into --data, and each one's session folder made there as bench.py makes
it (size-N-sessions/sessions/bench/execution.jsonl, a copy). The controls run with the first variant. Prints medians
of wall and CPU time (user + system, from wait4: bench.py's run_once) with the load average before and after.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import ENV, run_once, variants as launchers  # noqa: E402  (one way of timing a process, bench.py's)

HERE = os.path.dirname(os.path.abspath(__file__))


def logs(data, bench, sizes):
    """size-N.jsonl linked from the bench's data, and its session folder (a copy) beside it, for each size."""
    os.makedirs(data, exist_ok=True)
    out = {}
    for n in sizes:
        log = os.path.join(data, "size-%s.jsonl" % n)
        if not os.path.exists(log):
            os.symlink(os.path.join(os.path.abspath(bench), "size-%s.jsonl" % n), log)
        session = os.path.join(data, "size-%s-sessions" % n, "sessions", "bench")
        os.makedirs(session, exist_ok=True)
        shutil.copyfile(log, os.path.join(session, "execution.jsonl"))
        out[n] = (log, os.path.join(data, "size-%s-sessions" % n))
    return out


def argv_of(command, log, sessions):
    return {"report": ["report", "--no-cache", "-l", sessions, "-s", "bench"],
            "stream": ["monitor", "--mode", "stream", "--no-follow", log],
            "validate": ["validate", log], "fmt": ["fmt", log], "tail": ["tail", log]}[command]


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--variant", action="append", required=True, help="NAME=HOME[,JVM OPTIONS]")
    a.add_argument("--runs", type=int, default=9)
    a.add_argument("--data", default="target/short-ab")
    a.add_argument("--bench", default="target/bench")
    a.add_argument("--commands", default="report,stream,validate")
    a.add_argument("--controls", default="fmt,tail")
    a.add_argument("--sizes", default="0,1,1000")
    o = a.parse_args()
    variants = launchers(o.variant)
    sizes = o.sizes.split(",")
    commands = o.commands.split(",")
    controls = [c for c in o.controls.split(",") if c]
    made = logs(o.data, o.bench, sizes)
    for name, launcher, opts in variants:  # the caches are made by a first start: not part of any figure
        for c in commands + controls:
            subprocess.run([launcher] + argv_of(c, *made[sizes[-1]]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env=variant_env(opts), check=False)
    samples = {}
    load_before = os.getloadavg()
    for r in range(o.runs):
        turn = variants[r % len(variants):] + variants[:r % len(variants)]
        for c in commands:
            for n in sizes:
                for name, launcher, opts in turn:
                    samples.setdefault((c, n, name), []).append(run_once([launcher] + argv_of(c, *made[n]), env=variant_env(opts)))
        for c in controls:
            for n in sizes:
                name, launcher, opts = variants[0]
                samples.setdefault((c, n, "control"), []).append(run_once([launcher] + argv_of(c, *made[n]), env=variant_env(opts)))
    load_after = os.getloadavg()
    print("load average before %.2f %.2f %.2f, after %.2f %.2f %.2f; %d rounds" % (load_before + load_after + (o.runs,)))
    print()
    names = [v[0] for v in variants]
    print("| command | log | " + " | ".join("%s wall" % n for n in names) + " | " + " | ".join("%s CPU" % n for n in names) + " |")
    print("|---|---|" + "---:|" * (2 * len(names)))
    for c in commands + controls:
        for n in sizes:
            shown = names if c in commands else ["control"]
            med = {m: (statistics.median(s[0] for s in samples[(c, n, m)]), statistics.median(s[1] for s in samples[(c, n, m)]))
                   for m in shown}
            walls = ["%.0f ms" % (med[m][0] * 1000) if m in med else "" for m in (names if c in commands else ["control"] + [""] * (len(names) - 1))]
            cpus = ["%.0f ms" % (med[m][1] * 1000) if m in med else "" for m in (names if c in commands else ["control"] + [""] * (len(names) - 1))]
            print("| %s | %s | %s | %s |" % (c, n, " | ".join(walls), " | ".join(cpus)))


def variant_env(opts):
    """The environment of a variant: its options in SIGIL_JAVA_OPTS."""
    return dict(ENV, SIGIL_JAVA_OPTS=opts)


if __name__ == "__main__":
    main()
