#!/usr/bin/env python3
"""The dashboard's first frame (issue 18): how long after start the screen shows the session's newest event.

Each log is a generated one (genlog.py) with one more line at its end whose message is a marker found nowhere else;
the dashboard runs in tmux on a server of its own (tmux -L, a unique socket name) at 120x40, and the screen is read
every 25 ms until it shows the marker. Then the same log again: the re-open, the fold's checkpoint beside the log
(ADR 0165) read instead of the backlog; the time until the screen shows the marker with the final totals
(no "reading backlog"). Medians of --runs.

  firstframe.py [--runs 3] [--sizes 1000,200000,1000000,1g] [--dir target/bench/firstframe] SIGIL
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MARKER = "newest-event-marker-4f1c"
SOCKET = "sigil-firstframe-%d" % os.getpid()


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET] + list(args), stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL).stdout.decode("utf-8", "replace")


def log_for(size, directory):
    """The log of `size` lines ('1g': about 1 GB), made once, with the marker line at its end."""
    lines = 3_800_000 if size == "1g" else int(size)
    path = os.path.join(directory, "ff-%s.jsonl" % size)
    if not os.path.exists(path):
        os.makedirs(directory, exist_ok=True)
        subprocess.run([sys.executable, os.path.join(HERE, "genlog.py"), "--lines", str(lines), "--seed", "7",
                        path + ".tmp"], check=True)
        entry = {"timestamp": "2026-01-16T23:59:59.000001", "session_id": "s-marker", "event_type": "step_complete",
                 "component": "memory", "message": MARKER, "tokens": 1,
                 "metadata": {"latency_ms": 1.0, "operation": "retrieve"}}
        with open(path + ".tmp", "a") as f:
            f.write(json.dumps(entry, separators=(",", ":")) + "\n")
        os.replace(path + ".tmp", path)
    return path


def first_frame(sigil, log, pattern, timeout, env):
    """Seconds from start until the screen matches `pattern`, or None."""
    session = "ff%d" % int(time.time() * 1000)
    t0 = time.perf_counter()
    subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                    "%s monitor --mode dashboard %s" % (sigil, log)], env=env, check=True)
    seen = None
    while time.perf_counter() - t0 < timeout:
        if re.search(pattern, tmux("capture-pane", "-p", "-t", session)):
            seen = time.perf_counter() - t0
            break
        time.sleep(0.025)
    tmux("send-keys", "-t", session, "q")
    time.sleep(0.3)
    tmux("kill-session", "-t", session)
    return seen


def median(xs):
    done = sorted(x for x in xs if x is not None)
    return done[len(done) // 2] if done else None


def measure(sigil, sizes, directory, runs, env):
    rows = []
    for size in sizes:
        log = log_for(size, directory)
        checkpoint = os.path.join(os.path.dirname(log), "." + os.path.basename(log) + ".fold")
        firsts, complete, reopens = [], [], []
        for _ in range(runs):
            if os.path.exists(checkpoint):
                os.remove(checkpoint)
            firsts.append(first_frame(sigil, log, MARKER, 120, env))
            # the whole backlog folded (the checkpoint is written then): the frame without "reading backlog"
            complete.append(None)
            reopens.append(first_frame(sigil, log, r"(?s)^(?!.*reading backlog).*" + MARKER, 120, env))
        rows.append({"size": size, "bytes": os.path.getsize(log), "first_frame_s": firsts, "reopen_s": reopens,
                     "first_median": median(firsts), "reopen_median": median(reopens)})
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("sigil")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--sizes", default="1000,200000,1000000,1g")
    p.add_argument("--dir", default=os.path.join("target", "bench", "firstframe"))
    a = p.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed")
    env = dict(os.environ)
    try:
        rows = measure(a.sigil, a.sizes.split(","), a.dir, a.runs, env)
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], stderr=subprocess.DEVNULL)
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
