#!/usr/bin/env python3
"""The dashboard's first frame (issue 18): how long after start the screen shows the session's newest event.

Each log is a generated one (genlog.py) with one more line at its end whose message is a marker found nowhere else;
the dashboard runs in tmux on a server of its own (tmux -L, a unique socket name) at 120x40, and the screen is read
every 25 ms until it shows the marker. Then the same log again: the re-open, the fold's checkpoint beside the log
(ADR 0165) read instead of the backlog; the time until the screen shows the marker with the final totals
(no "reading backlog"). Medians of --runs.

  firstframe.py [--runs 3] [--sizes 1000,200000,1000000,1g] [--dir target/firstframe] SIGIL [SIGIL...]

With several launchers (a before and an after), each round runs every one of them once, per size. The logs are made
in --dir, and each dashboard keeps its fold's checkpoint beside them: a folder of the worktree's own, never the shared
bench data that target/bench may link to (bench.py's suite passes its own).
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
    """The log of `size` lines ('1g': about 1 GB), made once, ended by a session_complete whose message is the marker."""
    lines = 3_800_000 if size == "1g" else int(size)
    path = os.path.join(directory, "ff-%s.jsonl" % size)
    if not os.path.exists(path):
        os.makedirs(directory, exist_ok=True)
        subprocess.run([sys.executable, os.path.join(HERE, "genlog.py"), "--lines", str(lines), "--seed", "7",
                        path + ".tmp"], check=True)
        entry = {"timestamp": "2026-01-16T23:59:59.000001", "session_id": "s-marker", "event_type": "session_complete",
                 "component": "orchestrator", "message": MARKER, "tokens": 0, "metadata": {}}
        with open(path + ".tmp", "a") as f:
            f.write(json.dumps(entry, separators=(",", ":")) + "\n")
        os.replace(path + ".tmp", path)
        os.sync()  # a gigabyte still being written back holds up every read of the first runs (the jar's included)
    return path, lines + 1


def cpu_seconds(pid):
    try:
        fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


class Screen:
    """One dashboard in its own tmux session at 120x40; `until` polls the screen every 25 ms."""

    def __init__(self, sigil, log, env):
        self.session = "ff%d" % int(time.time() * 1000)
        self.t0 = time.perf_counter()
        subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", self.session, "-x", "120", "-y", "40",
                        "exec %s monitor --mode dashboard %s" % (sigil, log)], env=env, check=True)
        out = tmux("list-panes", "-t", self.session, "-F", "#{pane_pid}").strip()
        self.pid = int(out) if out else None

    def until(self, ok, timeout):
        """(wall seconds since start, CPU seconds of the process) when ok(screen) first held, or (None, None)."""
        while time.perf_counter() - self.t0 < timeout:
            if ok(tmux("capture-pane", "-p", "-t", self.session)):
                return time.perf_counter() - self.t0, cpu_seconds(self.pid) if self.pid else None
            time.sleep(0.025)
        return None, None

    def close(self):
        tmux("send-keys", "-t", self.session, "q")
        time.sleep(0.3)
        tmux("kill-session", "-t", self.session)


def median(xs):
    done = sorted(x for x in xs if x is not None)
    return done[len(done) // 2] if done else None


def warm_up(sigils, directory, env):
    """One untimed `monitor` run per launcher: a launcher whose jar is older than the sources rebuilds it, and the first
    `monitor` after a build trains the monitor's AOT cache (ADR 0185); either would be counted as the first frame's time
    (a first run showing the first frame after 54 s with 0.6 s of the dashboard's CPU was that)."""
    os.makedirs(directory, exist_ok=True)
    empty = os.path.join(directory, "warm-up.jsonl")
    open(empty, "w").close()
    for one in sigils:
        # without --mode: the dashboard's cache family (a named text mode has a cache of its own, ADR 0216); stdout is
        # no terminal, so the run itself is the stream form
        subprocess.run([one, "monitor", "--no-follow", empty], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)


def measure(sigil, sizes, directory, runs, env):
    """The rows of each size for `sigil` (one launcher, or a list of them: then their runs are interleaved, each
    round running every launcher once, so that a before and an after share the machine's load)."""
    sigils = [sigil] if isinstance(sigil, str) else list(sigil)
    # A session that outlives every dashboard: the server would exit with the last one, and the next could not start.
    subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", "keep", "sleep 86400"], check=True)
    warm_up(sigils, directory, env)
    rows = []
    for size in sizes:
        log, events = log_for(size, directory)
        checkpoint = os.path.join(os.path.dirname(log), "." + os.path.basename(log) + ".fold")
        total = "{:,} events".format(events)
        folded = lambda screen: total in screen and "reading backlog" not in screen and "backlog " not in screen
        mine = [{"size": size, "sigil": one, "bytes": os.path.getsize(log), "first": [], "first_cpu": [], "full": [],
                 "full_cpu": [], "reopen": [], "reopen_cpu": []} for one in sigils]
        for _ in range(runs):
            for one, r in zip(sigils, mine):
                if os.path.exists(checkpoint):
                    os.remove(checkpoint)
                s = Screen(one, log, env)
                t, c = s.until(lambda screen: MARKER in screen, 120)
                r["first"].append(t)
                r["first_cpu"].append(c)
                t, c = s.until(folded, 300)
                r["full"].append(t)
                r["full_cpu"].append(c)
                time.sleep(1.0)  # the checkpoint is written off the render thread
                s.close()
                s = Screen(one, log, env)
                t, c = s.until(lambda screen: MARKER in screen and folded(screen), 120)
                r["reopen"].append(t)
                r["reopen_cpu"].append(c)
                s.close()
        for r in mine:
            for k in ("first", "first_cpu", "full", "full_cpu", "reopen", "reopen_cpu"):
                r[k + "_median"] = median(r[k])
        rows.extend(mine)
        print(json.dumps(mine), file=sys.stderr, flush=True)  # each size as it is done
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("sigil", nargs="+", help="one launcher, or several whose runs are interleaved")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--sizes", default="1000,200000,1000000,1g")
    p.add_argument("--dir", default=os.path.join("target", "firstframe"))
    a = p.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed")
    env = dict(os.environ)
    load = open("/proc/loadavg").read().split()[:3]
    try:
        rows = measure(a.sigil, a.sizes.split(","), a.dir, a.runs, env)
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], stderr=subprocess.DEVNULL)
    print(json.dumps({"load_before": load, "load_after": open("/proc/loadavg").read().split()[:3], "rows": rows}, indent=1))


if __name__ == "__main__":
    main()


def suite(home, b, env, quick):
    """The suite as bench.py runs it (special.SUITES): markdown lines and the data for results.json."""
    sizes = ["1000", "1000000"] if quick else ["1000", "200000", "1000000", "1g"]
    load = open("/proc/loadavg").read().split()[:3]
    try:
        rows = measure(os.path.join(home, "scripts", "sigil"), sizes, os.path.join(b, "firstframe"), 1 if quick else 3, env)
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], stderr=subprocess.DEVNULL)
    lines = ["Bar (issue 18): the first frame, with the session's newest event, within 0.3 s of start for any log size; the "
             "full fold of 1M lines within 1.5 s; a re-open of the unchanged finished log at once. The dashboard runs in "
             "tmux (120x40, a server of its own); the screen is read every 25 ms; CPU is the process's user and system "
             "time at that moment (load average %s before, %s after). "
             "Command: `python3 scripts/bench/firstframe.py scripts/sigil`." % (" ".join(load),
                                                                                  " ".join(open("/proc/loadavg").read().split()[:3])),
             "", "| log | MB | first frame s | CPU s | all folded s | CPU s | re-open s | CPU s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    fmt = lambda v: "-" if v is None else "%.2f" % v
    for r in rows:
        lines.append("| %s lines | %.0f | %s | %s | %s | %s | %s | %s |" % (
            "about 3.8M (1 GB)" if r["size"] == "1g" else "{:,}".format(int(r["size"])), r["bytes"] / 1e6,
            fmt(r["first_median"]), fmt(r["first_cpu_median"]), fmt(r["full_median"]), fmt(r["full_cpu_median"]),
            fmt(r["reopen_median"]), fmt(r["reopen_cpu_median"])))
    return lines, {"load": load, "rows": rows}
