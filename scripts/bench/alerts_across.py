#!/usr/bin/env python3
"""sigil alerts test with rules over all sessions against the same rules per session, in docs/benchmarks.md's
"Alert rules over all sessions" section. Stdlib only; needs the jar (./mvnw package).

  scripts/bench/alerts_across.py [--sessions 1000] [--lines 100] [--runs 3] [--sigil scripts/sigil] [--dir DIR]

The logs are report_history.py's (every tenth line an LLM output of 4 to 64 KiB). The rules are seed 004's six
thresholds of docs/examples/alerts.yaml, once over all sessions (as the example file writes them) and once per
session (the scope removed); each run is timed (wall, CPU from the child's rusage) with its peak resident memory.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from report_history import generate  # noqa: E402

THRESHOLDS = [("hourly-cost-warning", "cost_usd", "hour", 10.0), ("hourly-cost-critical", "cost_usd", "hour", 25.0),
              ("daily-cost-warning", "cost_usd", "day", 50.0), ("daily-cost-critical", "cost_usd", "day", 100.0),
              ("hourly-tokens-warning", "tokens", "hour", 50000), ("hourly-tokens-critical", "tokens", "hour", 100000)]


def rules(path, across):
    with open(path, "w") as f:
        f.write("rules:\n")
        for name, metric, window, threshold in THRESHOLDS:
            scope = "    scope: {sessions: all}\n" if across else ""
            f.write("  - name: %s\n%s    metric: %s\n    window: %s\n    op: \">=\"\n    threshold: %s\n"
                    % (name, scope, metric, window, threshold))


def timed(cmd, env):
    """Wall and CPU seconds of one run, its peak RSS (MiB: the largest of the children so far), its output lines."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode not in (0, 1):
        sys.exit("sigil failed: " + r.stderr.decode())
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, after.ru_maxrss / 1024, len(r.stdout.splitlines())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=1000)
    ap.add_argument("--lines", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sigil", default=os.path.join(os.path.dirname(__file__), "..", "sigil"))
    ap.add_argument("--dir")
    a = ap.parse_args()
    root = a.dir or tempfile.mkdtemp(prefix="sigil-alerts-bench-")
    if not os.path.isdir(os.path.join(root, "logs")):
        generate(root, a.sessions, a.lines)
    env = dict(os.environ, SIGIL_NO_BUILD="1", HOME=os.path.join(root, "home"), TZ="UTC")
    for across in (False, True):
        path = os.path.join(root, "across.yaml" if across else "each.yaml")
        rules(path, across)
        cmd = [a.sigil, "alerts", "test", "--rules", path, "--all", "-l", os.path.join(root, "logs"), "--format", "json"]
        runs = sorted(timed(cmd, env) for _ in range(a.runs))
        wall, cpu, rss, alerts = runs[len(runs) // 2]
        print("%-18s wall %6.1f s  cpu %6.2f s  peak rss so far %5.0f MiB  alerts %d"
              % ("over all sessions" if across else "per session", wall, cpu, rss, alerts))


if __name__ == "__main__":
    main()
