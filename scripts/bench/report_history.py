#!/usr/bin/env python3
"""sigil report over many sessions: the first run (every log read, each session's totals written beside it) and the
second (the totals read back), in docs/benchmarks.md's "History" section. Stdlib only.

  scripts/bench/report_history.py [--sessions 1000] [--lines 100] [--runs 3] [--sigil scripts/sigil] [--dir DIR]

Generates DIR/logs/sessions/<id>/execution.jsonl (CPython's json.dumps bytes; every tenth line carries an LLM output
of 4 to 64 KiB in its metadata), then for each run removes the caches, times `sigil report --all --by day` (first),
then times it again (cached), and checks that both print the same bytes as `--no-cache`.
"""
import argparse
import glob
import json
import os
import random
import resource
import subprocess
import sys
import time

MODELS = ["anthropic:claude-sonnet-4-5", "openai:gpt-4o-mini", "anthropic:claude-haiku-4-5", "openai:gpt-4.1"]
COMPONENTS = ["routing", "memory", "planning", "reasoning", "validation"]


def generate(root, sessions, lines, seed=17):
    rnd = random.Random(seed)
    for s in range(sessions):
        sid = "s%04d" % s
        d = os.path.join(root, "logs", "sessions", sid)
        os.makedirs(d, exist_ok=True)
        day = 1 + s % 28
        with open(os.path.join(d, "execution.jsonl"), "w", encoding="utf-8") as f:
            for i in range(lines):
                inp, out = rnd.randint(100, 4000), rnd.randint(20, 800)
                meta = {"tokens_used": {"input_tokens": inp, "output_tokens": out, "total_tokens": inp + out,
                                        "model": rnd.choice(MODELS)}, "operation": "step_%d" % (i % 7)}
                if i % 10 == 0:
                    meta["output"] = "x" * rnd.randint(4 << 10, 64 << 10)
                e = {"timestamp": "2026-01-%02dT%02d:%02d:%02d.000000" % (day, 8 + i // 60 % 12, i % 60, s % 60),
                     "session_id": sid, "event_type": "step_complete", "component": rnd.choice(COMPONENTS),
                     "message": "step %d done" % i, "tokens": inp + out, "metadata": meta}
                f.write(json.dumps(e, separators=(",", ":")) + "\n")


def timed(cmd, env):
    """Wall time and CPU time (user + system, from the child's rusage) of one run, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    wall = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime), r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=1000)
    ap.add_argument("--lines", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sigil", default=os.path.join(os.path.dirname(__file__), "..", "sigil"))
    ap.add_argument("--dir", default=os.path.join("target", "bench", "history"))
    a = ap.parse_args()
    marker = os.path.join(a.dir, "generated-%d-%d" % (a.sessions, a.lines))
    if not os.path.exists(marker):
        generate(a.dir, a.sessions, a.lines)
        open(marker, "w").close()
    logs = os.path.join(a.dir, "logs")
    size = sum(os.path.getsize(p) for p in glob.glob(os.path.join(logs, "sessions", "*", "execution.jsonl")))
    env = dict(os.environ, HOME=os.path.abspath(a.dir), SIGIL_NO_BUILD="1")
    cmd = [a.sigil, "report", "--all", "-l", logs, "--by", "day"]
    _, plain = timed(cmd + ["--no-cache"], env)
    firsts, seconds = [], []
    for _ in range(a.runs):
        for p in glob.glob(os.path.join(logs, "sessions", "*", "report.cache.json")):
            os.remove(p)
        t1, out1 = timed(cmd, env)
        t2, out2 = timed(cmd, env)
        if not (out1 == out2 == plain):
            sys.exit("report_history: the cached report differs from a read of every log")
        firsts.append(t1)
        seconds.append(t2)
    med = lambda xs: sorted(xs)[len(xs) // 2]
    print("sessions=%d lines=%d bytes=%d first_wall_s=%.2f first_cpu_s=%.2f cached_wall_s=%.2f cached_cpu_s=%.2f load=%.1f" % (
        a.sessions, a.sessions * a.lines, size, med([f[0] for f in firsts]), med([f[1] for f in firsts]),
        med([c[0] for c in seconds]), med([c[1] for c in seconds]), os.getloadavg()[0]))


if __name__ == "__main__":
    main()
