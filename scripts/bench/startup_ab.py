#!/usr/bin/env python3
"""Start-up of two builds of sigil side by side: does a change make commands that do not use it start slower?

Each build is a sigil checkout with its jar built (`./mvnw -B -DskipTests package`); both are run through their own
scripts/sigil (each with its own AOT/CDS cache, made by a first run), interleaved: every round runs each command once
on each build, the first of the two alternating (the short runs of issue 18, `commands`). Prints medians of wall and CPU time (user + system, from wait4), and
the classes each command loads (-Xlog:class+load) once per build. With --peers, the same rounds also run the peers
of the sizes suites on the same logs (CPython's json read path, and jq as scripts/file_monitor.sh runs it), once a
round, so that sigil's figures stand beside theirs from the same minutes of a shared machine.

  startup_ab.py --before DIR --after DIR [--runs 25] [--peers]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import ENV, run_once  # noqa: E402  (one way of timing a process, bench.py's)


def commands(empty, one, thousand, twenty):
    """The short runs of issue 18: every reader on an empty and a one-line log, and on 1,000 lines (ADR 0160)."""
    return [("sigil --version", ["--version"]), ("sigil --help", ["--help"]),
            ("sigil tail of an empty file", ["tail", empty]),
            ("sigil validate, 1 line", ["validate", one]), ("sigil tail, 1 line", ["tail", one]),
            ("sigil fmt, 1 line", ["fmt", one]), ("sigil monitor --mode stream --no-follow, 1 line", ["monitor", "--mode", "stream", "--no-follow", one]),
            ("sigil tokens --file, 1 line", ["tokens", "--file", one]), ("sigil report, 1 line", ["report", one]),
            ("sigil tail --format line, 1,000 lines", ["tail", "--format", "line", thousand]),
            ("sigil validate, 1,000 lines", ["validate", thousand]), ("sigil fmt, 1,000 lines", ["fmt", thousand]),
            ("sigil tail --format line, 20,000 lines", ["tail", "--format", "line", twenty]),
            ("sigil validate, 20,000 lines", ["validate", twenty])]


def peers(d, logs_):
    """The sizes suites' peers (bench.py) on the same logs: CPython's json read path and the jq tail."""
    here = os.path.dirname(os.path.abspath(__file__))
    reader = os.path.join(here, "peers", "py_reader.py")
    monitor = ["bash", os.path.join(here, "..", "file_monitor.sh"), "--no-follow", d]
    out = []
    for name, log in zip(("an empty file", "1 line", "1,000 lines", "20,000 lines"), logs_):
        out.append(("CPython json read path, %s" % name, ["python3", reader, log]))
        out.append(("jq (scripts/file_monitor.sh), %s" % name, monitor + [os.path.basename(log)[:-len(".jsonl")]]))
    return out


def logs(d):
    """An empty log, one line, 1,000 and 20,000 lines of genlog.py's (seed 7): the bench's own data, made here."""
    empty, one, thousand, twenty = (os.path.join(d, n) for n in ("empty.jsonl", "one.jsonl", "thousand.jsonl", "twenty.jsonl"))
    open(empty, "wb").close()
    for n, path in ((1000, thousand), (20000, twenty)):
        subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "genlog.py"), "--lines", str(n),
                        "--seed", "7", path], check=True)
    with open(thousand, "rb") as f, open(one, "wb") as o:
        o.write(f.readline())
    return empty, one, thousand, twenty


def classes(launcher, args):
    with tempfile.TemporaryDirectory() as d:
        log = os.path.join(d, "classes.txt")
        env = dict(ENV, SIGIL_JAVA_OPTS="-Xlog:class+load=info:file=" + log)
        subprocess.run([launcher] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        with open(log) as f:
            lines = f.readlines()
        return "%d (%d not from the cache)" % (len(lines), sum(1 for l in lines if "shared objects file" not in l))


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--before", required=True)
    a.add_argument("--after", required=True)
    a.add_argument("--runs", type=int, default=25)
    a.add_argument("--peers", action="store_true")
    o = a.parse_args()
    builds = {"before": os.path.join(o.before, "scripts", "sigil"), "after": os.path.join(o.after, "scripts", "sigil")}
    with tempfile.TemporaryDirectory() as d:
        made = logs(d)
        cmds = commands(*made)
        others = peers(d, made) if o.peers else []
        peer_times = {c: ([], []) for c, _ in others}
        for launcher in builds.values():
            for _, args in cmds:
                run_once([launcher] + args)  # the first run makes the launcher's cache
        times = {(b, c): ([], []) for b in builds for c, _ in cmds}
        for i in range(o.runs):
            for c, args in cmds:
                for b, launcher in sorted(builds.items(), reverse=i % 2 == 1):  # who goes first alternates
                    wall, cpu, _, code = run_once([launcher] + args)
                    if code not in (0, 1):
                        sys.exit("%s %s exited %d" % (b, c, code))
                    times[(b, c)][0].append(wall)
                    times[(b, c)][1].append(cpu)
            for c, argv in others:
                wall, cpu, _, _ = run_once(argv)
                peer_times[c][0].append(wall)
                peer_times[c][1].append(cpu)
        print("load average after: %.2f %.2f %.2f; medians of %d interleaved runs" % (os.getloadavg() + (o.runs,)))
        print("| what | before | after |\n|---|---:|---:|")
        for c, args in cmds:
            for i, kind in ((1, "CPU"), (0, "wall")):
                med = [statistics.median(times[(b, c)][i]) * 1000 for b in builds]
                print("| `%s`, %s | %.0f ms | %.0f ms |" % (c, kind, med[0], med[1]))
            print("| classes loaded by `%s` | %s | %s |" % ((c,) + tuple(classes(l, args) for l in builds.values())))
        if others:
            print("\n| peer, same rounds | wall | CPU |\n|---|---:|---:|")
            for c, _ in others:
                print("| %s | %.0f ms | %.0f ms |" % (c, statistics.median(peer_times[c][0]) * 1000, statistics.median(peer_times[c][1]) * 1000))


if __name__ == "__main__":
    main()
