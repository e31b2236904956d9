"""The benchmark suites that are not one command timed (imported by bench.py): the JMH microbenchmarks and the
logger (both run by run.sh before bench.py, read from their result files), and the monitor, driven in tmux as a
person would run it.

Each suite's run(home, bench_dir, env, quick) returns (markdown lines, data for results.json).
"""
import json
import os
import re
import subprocess
import time


def jmh(home, b, env, quick):
    path = os.path.join(b, "jmh.json")
    if not os.path.exists(path):
        return ["(JMH results missing: run through `./mvnw -Pbench verify`)"], None
    data = json.load(open(path))
    lines = ["One typical line of the generated log (`HotPathsBench`), one fork, 3 warm-up and 5 measured iterations of 1 s, "
             "on the launcher's JDK.", "", "| benchmark | ns/op | ± |", "|---|---:|---:|"]
    for r in data:
        m = r["primaryMetric"]
        lines.append("| %s | %.1f | %.1f |" % (r["benchmark"].rsplit(".", 1)[1], m["score"], m["scoreError"]))
    return lines, data


def logger(home, b, env, quick):
    try:
        sigil = json.load(open(os.path.join(b, "logger-sigil.json")))
        python = json.load(open(os.path.join(b, "logger-python.json")))
    except (OSError, ValueError):
        return ["(logger results missing: run through `./mvnw -Pbench verify`)"], None
    ok_rate = sigil["entries_per_s"] >= 200_000
    ok_p99 = sigil["p99_us"] < 50
    lines = ["Bar: p99 of `log` under 50 µs with fsync on flush, at least 200,000 entries/s sustained (from the first call "
             "to the end of `close`, everything written and fsync'd).", "",
             "| logger | entries | entries/s | p50 µs | p99 µs | p99.9 µs |", "|---|---:|---:|---:|---:|---:|",
             "| sigil `ExecutionLogger` (defaults, fsync on) | %d | %.0f | %.2f | %.2f | %.2f |" % (
                 sigil["entries"], sigil["entries_per_s"], sigil["p50_us"], sigil["p99_us"], sigil["p999_us"]),
             "| CPython logger to docs/logging.md (scripts/bench/peers/py_logger.py) | 100000 | %.0f | %.2f | %.2f | %.2f |" % (
                 python["entries_per_s"], python["p50_us"], python["p99_us"], python["p999_us"]),
             "", "- entries/s: %.0fx CPython; at least 200,000: **%s**" % (
                 sigil["entries_per_s"] / python["entries_per_s"], "reached" if ok_rate else "NOT reached"),
             "- p99 under 50 µs: **%s**" % ("reached" if ok_p99 else "NOT reached"),
             "- sigil's counts: `%s`" % sigil.get("stats", "")]
    return lines, {"sigil": sigil, "python": python}


# ------------------------------------------------------------------------------------------------ the monitor

def tmux(*args):
    return subprocess.run(["tmux"] + list(args), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode("utf-8", "replace")


def pane_pid(session):
    out = tmux("list-panes", "-t", session, "-F", "#{pane_pid}").strip()
    return int(out) if out else None


def cpu_seconds(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid, key="VmHWM"):
    for line in open("/proc/%d/status" % pid):
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


def start(session, command, env):
    tmux("kill-session", "-t", session)
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command], env=env, check=True)
    return time.perf_counter()


def wait_for(session, pattern, timeout):
    """Polls the screen every 25 ms (each look starts a tmux client) until it shows pattern; when it did, or None."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if re.search(pattern, tmux("capture-pane", "-p", "-t", session)):
            return time.perf_counter()
        time.sleep(0.025)
    return None


def stop(session):
    tmux("send-keys", "-t", session, "q")
    time.sleep(0.3)
    tmux("kill-session", "-t", session)


def monitor(home, b, env, quick):
    sigil = os.path.join(home, "scripts", "sigil")
    log = os.path.join(b, "s1m.jsonl")
    big = os.path.join(b, "s4m.jsonl")
    lines = ["Bar: first complete frame of a 1M-line log under 1.5 s; under 1 % of a core while following an idle session "
             "at 10 Hz; RSS under 150 MB while following a 1 GB log (issue 11, ADR 0065). The dashboard runs in tmux "
             "(120x40) as a person would run it; the screen is read every 25 ms.", ""]
    data = {}
    # 1. Time to the first frame that shows every line of the log.
    firsts = []
    for _ in range(1 if quick else 3):
        t0 = start("sigil-bench", "%s monitor --no-follow --mode dashboard %s" % (sigil, log), env)
        t1 = wait_for("sigil-bench", r"1,000,000 events[\s\S]*read to its end", 60)
        firsts.append(None if t1 is None else t1 - t0)
        stop("sigil-bench")
    done = sorted(x for x in firsts if x is not None)
    first = done[len(done) // 2] if done else None
    data["first_frame_s"] = firsts
    lines.append("- first complete frame, 1M lines (%s MB): %s: **%s**" % (
        round(os.path.getsize(log) / 1e6), "%.2f s (median of %d)" % (first, len(done)) if first else "not seen in 60 s",
        "reached" if first is not None and first < 1.5 else "NOT reached"))
    # 2. CPU while following an idle session at 10 Hz.
    idle = os.path.join(b, "idle.jsonl")
    with open(log, "rb") as f, open(idle, "wb") as o:
        for _ in range(1000):
            o.write(f.readline())
    seconds = 10 if quick else 60
    start("sigil-bench", "%s monitor --refresh-rate 0.1 --mode dashboard %s" % (sigil, idle), env)
    # The pane's process is the JVM: the launcher ends with exec.
    wait_for("sigil-bench", r"1,000 events", 30)
    time.sleep(2)
    pid = pane_pid("sigil-bench")
    # Two windows: the first minute (the JIT still compiles what runs only ten times a second) and the one after.
    shares = []
    for _ in range(2):
        c0, w0 = cpu_seconds(pid), time.perf_counter()
        time.sleep(seconds)
        shares.append((cpu_seconds(pid) - c0) / (time.perf_counter() - w0) * 100)
    idle_rss = rss_mb(pid)
    stop("sigil-bench")
    data["idle_cpu_percent"] = shares
    for name, share in zip(("first", "second"), shares):
        lines.append("- CPU following an idle session at 10 Hz, %s %d s after it came up: %.2f %% of a core: **%s**" % (
            name, seconds, share, "reached" if share < 1 else "NOT reached"))
    lines.append("- peak RSS while idle: %.0f MB" % idle_rss)
    # 3. Memory while following a 1 GB log.
    t0 = start("sigil-bench", "%s monitor --refresh-rate 0.1 --mode dashboard %s" % (sigil, big), env)
    t1 = wait_for("sigil-bench", r"4,000,000 events", 120)
    pid = pane_pid("sigil-bench")
    time.sleep(2)
    peak = rss_mb(pid) if pid else float("nan")
    now = rss_mb(pid, "VmRSS") if pid else float("nan")
    stop("sigil-bench")
    data["big_log_peak_rss_mb"] = peak
    lines.append("- following a %.2f GB log (4M lines, read in %s): peak RSS %.0f MB, now %.0f MB: **%s**" % (
        os.path.getsize(big) / 1e9, "%.1f s" % (t1 - t0) if t1 else "more than 120 s", peak, now,
        "reached" if peak < 150 else "NOT reached"))
    return lines, data


SUITES = [
    {"id": "jmh", "title": "Microbenchmarks (JMH)", "run": jmh},
    {"id": "logger", "title": "Logger: 500,000 entries from one thread, fsync on", "run": logger},
    {"id": "monitor", "title": "Monitor (dashboard)", "run": monitor},
    {"id": "firstframe", "title": "The dashboard's first frame (issue 18)", "run": lambda *a: __import__("firstframe").suite(*a)},
]
