#!/usr/bin/env python3
"""sigil's side-by-side benchmarks: every sigil figure beside its peers', measured in the same run, interleaved.

Run by scripts/bench/run.sh (which prepares target/bench: the generated logs, the Python venv, the node peers, the
jar). Writes target/bench/results.json and the results section of docs/benchmarks.md (between the markers), so
the table is never typed by hand.

  bench.py [--runs N] [--quick] [--only SUITE,...] [--no-docs]
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HOME = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
B = os.path.join(HOME, "target", "bench")
PEERS = os.path.join(HOME, "scripts", "bench", "peers")
NODE = os.path.join(HOME, "scripts", "bench", "node")
VPY = os.path.join(B, "venv", "bin", "python")
SIGIL = os.path.join(HOME, "scripts", "sigil")
SCHEMA = os.path.join(HOME, "contract", "execution-entry.schema.json")
DOC = os.path.join(HOME, "docs", "benchmarks.md")
ENV = dict(os.environ, SIGIL_NO_BUILD="1", NODE_PATH=os.path.join(B, "node", "node_modules"))


def f(name):
    return os.path.join(B, name)


def run_once(argv, stdout=subprocess.DEVNULL, stdin=None, env=None):
    """Runs argv (in env, ENV when None); returns (wall seconds, cpu seconds, max RSS in MB, exit code).

    Peak RSS comes from GNU time (%M): wait4's ru_maxrss of a child can count pages of the forking parent."""
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name] + argv, stdout=stdout, stderr=subprocess.DEVNULL,
                             stdin=stdin, env=ENV if env is None else env)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        try:
            peak = int(rss.read().strip().splitlines()[-1]) / 1024.0
        except (ValueError, IndexError):
            peak = float("nan")
    return wall, usage.ru_utime + usage.ru_stime, peak, os.waitstatus_to_exitcode(status)


def output_of(argv, stdin=None):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, stdin=stdin).stdout


def digest_of(argv):
    """sha256 and line count of what argv writes, read as it comes (outputs of 100 MB are not kept)."""
    h = hashlib.sha256()
    lines = 0
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV)
    for chunk in iter(lambda: p.stdout.read(1 << 20), b""):
        h.update(chunk)
        lines += chunk.count(b"\n")
    p.wait()
    return h.hexdigest(), lines


def variants(specs):
    """The A/B scripts' --variant NAME=HOME[,JVM OPTIONS]: (name, HOME's launcher, options) each."""
    out = []
    for v in specs:
        name, rest = v.split("=", 1)
        home, _, opts = rest.partition(",")
        out.append((name, os.path.join(os.path.abspath(home), "scripts", "sigil"), opts))
    return out


def load_average():
    return os.getloadavg()


YARDSTICK = "for i in range(10_000_000): s += i"
YARDSTICK_LINE = "Speed of one core: a CPython loop of 10,000,000 additions takes %.2f s of CPU"


def yardstick():
    """CPU seconds of a fixed CPython loop (best of 3): the shared host's speed per core varies by a factor of 3 from
    day to day, so absolute figures are compared with a committed run's only after scaling by this."""
    code = "import time\nt = time.process_time()\ns = 0\n%s\nprint(time.process_time() - t)" % YARDSTICK
    return min(float(subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE, check=True).stdout) for _ in range(3))


# ----------------------------------------------------------------------------------------------- the suites
# Each command: (label, kind, argv); kind is sigil, peer or floor. A suite's bar says how sigil must compare.

def suites(quick):
    log = f("s1m.jsonl")
    op = f("op1m.jsonl")
    bad = f("s1m-errors.jsonl")
    # The jq tail as users run it: its Perl reader in front of one jq process (the reader's cost is in the CPU time).
    monitor = ["bash", os.path.join(HOME, "scripts", "file_monitor.sh"), "--no-follow", B]
    py = ["python3"]
    return [
        {"id": "read", "title": "Read path: 1M lines (seed-001, %s MB) to the line format" % mb(log),
         "bar": "sigil under 1 s; at least 20x jq, 4x CPython json, 2x CPython orjson",
         "cmds": [("sigil tail --format line", "sigil", [SIGIL, "tail", "--format", "line", log]),
                  ("jq -R -r 'fromjson? | ...' (scripts/file_monitor.sh: its reader and one jq)", "peer", monitor + ["s1m"]),
                  ("CPython: json.loads per line, per-component totals", "peer", py + [os.path.join(PEERS, "py_reader.py"), log]),
                  ("CPython: orjson.loads per line, per-component totals", "peer", [VPY, os.path.join(PEERS, "py_reader.py"), "--orjson", log]),
                  ("cat FILE > /dev/null", "floor", ["cat", log]),
                  ("wc -l FILE", "floor", ["wc", "-l", log])],
         "target": {"max_s": 1.0, "jq": 20, "CPython: json": 4, "CPython: orjson": 2}},
        {"id": "read-op", "title": "Read path: 1M operation-log lines (seed-002, %s MB)" % mb(op),
         "bar": "as the read path",
         "cmds": [("sigil tail --format line", "sigil", [SIGIL, "tail", "--format", "line", op]),
                  ("jq -R -r 'fromjson? | ...' (scripts/file_monitor.sh)", "peer", monitor + ["op1m"]),
                  ("CPython: json.loads per line, per-component totals", "peer", py + [os.path.join(PEERS, "py_reader.py"), op])],
         "target": {"jq": 20, "CPython: json": 4}},
        {"id": "validate", "title": "Validation: 1M valid lines, one compiled validator each",
         "bar": "at least 2x the best peer, same verdicts",
         "cmds": [("sigil validate", "sigil", [SIGIL, "validate", log]),
                  ("ajv 8 (node)", "peer", ["node", os.path.join(NODE, "ajv_validate.cjs"), SCHEMA, log]),
                  ("jsonschema_rs + orjson", "peer", [VPY, os.path.join(PEERS, "py_validate.py"), "--impl", "jsonschema_rs", "--orjson", SCHEMA, log]),
                  ("jsonschema_rs + json", "peer", [VPY, os.path.join(PEERS, "py_validate.py"), "--impl", "jsonschema_rs", SCHEMA, log]),
                  ("fastjsonschema + json", "peer", [VPY, os.path.join(PEERS, "py_validate.py"), "--impl", "fastjsonschema", SCHEMA, log])]
                 + ([] if quick else [("jsonschema (Python) + json", "peer", [VPY, os.path.join(PEERS, "py_validate.py"), "--impl", "jsonschema", SCHEMA, log])]),
         "target": {"best": 2}},
        {"id": "validate-errors", "title": "Validation, error path: 1M lines of which 1 % invalid",
         "bar": "reported, no bar (the error path may be slower)",
         "cmds": [("sigil validate", "sigil", [SIGIL, "validate", bad]),
                  ("ajv 8 (node)", "peer", ["node", os.path.join(NODE, "ajv_validate.cjs"), SCHEMA, bad]),
                  ("jsonschema_rs + orjson", "peer", [VPY, os.path.join(PEERS, "py_validate.py"), "--impl", "jsonschema_rs", "--orjson", SCHEMA, bad])],
         "target": {}},
        {"id": "fmt", "title": "Canonical re-encoding: 1M lines",
         "bar": "at least 5x CPython",
         "cmds": [("sigil fmt", "sigil", [SIGIL, "fmt", log]),
                  ("CPython: json.dumps(json.loads(line), separators=(',', ':'))", "peer", py + [os.path.join(PEERS, "py_fmt.py"), log]),
                  ("cat FILE > /dev/null", "floor", ["cat", log])],
         "target": {"CPython": 5}},
        {"id": "tokens", "title": "Token counting: the 1M messages of the log (%s MB), cl100k_base" % mb(f("messages.txt")),
         "bar": "at least tiktoken's Rust core from Python, identical counts",
         "cmds": [("sigil tokens --file", "sigil", [SIGIL, "tokens", "--file", f("messages.txt")]),
                  ("tiktoken 0.14 (Rust core) from CPython, whole text", "peer", [VPY, os.path.join(PEERS, "py_tokens.py"), f("cl100k_base.tiktoken"), f("messages.txt")]),
                  ("tiktoken 0.14 (Rust core) from CPython, one call per message", "peer", [VPY, os.path.join(PEERS, "py_tokens.py"), "--lines", f("cl100k_base.tiktoken"), f("messages.txt")]),
                  ("@dqbd/tiktoken 1.0.22 (Rust core, WebAssembly) in node", "peer", ["node", os.path.join(NODE, "count_tokens.cjs"), f("messages.txt")])],
         "target": {"tiktoken 0.14 (Rust core) from CPython, whole text": 1}},
    ] + size_suites(quick, monitor, py) + [
        {"id": "startup", "title": "Start-up",
         "bar": "sigil --version under 200 ms, sigil --help under 100 ms",
         "cmds": [("sigil --version", "sigil", [SIGIL, "--version"]),
                  ("sigil --help", "sigil", [SIGIL, "--help"]),
                  ("sigil validate (10 lines)", "sigil", [SIGIL, "validate", f("s10.jsonl")]),
                  ("python3 -c pass", "peer", ["python3", "-c", "pass"]),
                  ("jq . small.json", "peer", ["jq", ".", f("small.json")])],
         "target": {"max_s": 0.2, "rows_max_s": {"sigil --help": 0.1}}},
    ]


# The sizes people open most (issue 18): a session is tens to thousands of lines. Each size: the four readers and the
# CPython read path beside them (jq up to 200,000 lines; at 1M lines the read suite above has it).
SIZES = [("empty", 0), ("1 line", 1), ("1,000 lines", 1000), ("20,000 lines", 20000), ("200,000 lines", 200000),
         ("1,000,000 lines", 1000000)]


def size_file(n):
    return f("s1m.jsonl") if n == 1000000 else f("size-%d.jsonl" % n)


def size_suites(quick, monitor, py):
    out = []
    for name, n in SIZES:
        log = size_file(n)
        cmds = [("sigil tail --format line", "sigil", [SIGIL, "tail", "--format", "line", log]),
                ("sigil validate", "sigil", [SIGIL, "validate", log]),
                ("sigil fmt", "sigil", [SIGIL, "fmt", log]),
                ("sigil monitor --mode stream --no-follow", "sigil", [SIGIL, "monitor", "--mode", "stream", "--no-follow", log]),
                ("CPython: json.loads per line, per-component totals", "peer", py + [os.path.join(PEERS, "py_reader.py"), log]),
                ("CPython: orjson.loads per line, per-component totals", "peer", [VPY, os.path.join(PEERS, "py_reader.py"), "--orjson", log])]
        if n <= 1000:  # the other commands the 80 ms bar names: report on a sessions folder holding the one log
            cmds += [("sigil tokens --file", "sigil", [SIGIL, "tokens", "--file", log]),
                     ("sigil report --no-cache", "sigil", [SIGIL, "report", "--no-cache", "-l", sessions_of(log), "-s", "bench"])]
        if n <= 200000:
            cmds.append(("jq -R -r 'fromjson? | ...' (scripts/file_monitor.sh)", "peer", monitor + [os.path.basename(log)[:-len(".jsonl")]]))
        if n == 200000:
            cmds += [("ajv 8 (node)", "peer", ["node", os.path.join(NODE, "ajv_validate.cjs"), SCHEMA, log]),
                     ("jsonschema_rs + orjson", "peer", [VPY, os.path.join(PEERS, "py_validate.py"), "--impl", "jsonschema_rs", "--orjson", SCHEMA, log])]
        target = {"empty": {"rows_max_s": 0.08}, "1 line": {"rows_max_s": 0.08}, "1,000 lines": {"rows_max_s": 0.08},
                  "20,000 lines": {"CPython: json": 1},
                  "200,000 lines": {"CPython: json": 4, "CPython: orjson": 2, "validate_best": 2},
                  "1,000,000 lines": {"CPython: orjson": 2}}[name]
        bars = {"empty": "every sigil command under 80 ms", "1 line": "every sigil command under 80 ms",
                "1,000 lines": "every sigil command under 80 ms", "20,000 lines": "tail faster than the CPython json read path",
                "200,000 lines": "tail at least 4x CPython json and 2x orjson; validate at least 2x the best of ajv and "
                                 "jsonschema_rs + orjson",
                "1,000,000 lines": "tail at least 2x orjson (jq: the read suite)"}[name]
        out.append({"id": "size-%d" % n, "title": "Sizes: %s (seed-001, %s MB)" % (name, mb(log)), "bar": bars, "cmds": cmds,
                    "target": target})
    return out


def sessions_of(log):
    """A log directory holding a copy of log as the session 'bench' (LOG_PATH/sessions/bench/execution.jsonl)."""
    d = log[:-len(".jsonl")] + "-sessions"
    session = os.path.join(d, "sessions", "bench")
    if os.path.exists(log):
        os.makedirs(session, exist_ok=True)
        shutil.copyfile(log, os.path.join(session, "execution.jsonl"))
    return d


def mb(path):
    try:
        return "%.0f" % (os.path.getsize(path) / 1e6)
    except OSError:
        return "?"


# ----------------------------------------------------------------------------------------------- checks
# Peers are only comparable if they do the same work: these run once, untimed, and their findings go in the table.

def checks(suite):
    sid = suite["id"]
    cmds = suite["cmds"]
    if sid in ("read", "read-op"):
        a, lines = digest_of(cmds[0][2])
        b, _ = digest_of(cmds[1][2])
        return "same bytes as jq: %s (%d lines)" % ("yes" if a == b else "NO", lines)
    if sid.startswith("validate"):
        verdicts = []
        for label, kind, argv in cmds:
            p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
            if kind == "sigil":
                m = re.search(rb"([\d,]+) valid, ([\d,]+) invalid", p.stderr)
                verdicts.append(tuple(int(x.replace(b",", b"")) for x in m.groups()) if m else None)
            else:
                m = re.search(rb"valid (\d+) invalid (\d+)", p.stdout)
                verdicts.append(tuple(int(x) for x in m.groups()) if m else None)
        same = all(v == verdicts[0] for v in verdicts)
        return "same verdicts: %s (valid, invalid) = %s" % ("yes" if same else "NO", verdicts if not same else verdicts[0])
    jq = next((c for c in cmds if c[0].startswith("jq")), None)
    if sid.startswith("size-") and jq is not None:
        a, lines = digest_of(cmds[0][2])
        return "tail: same bytes as jq: %s (%d lines)" % ("yes" if a == digest_of(jq[2])[0] else "NO", lines)
    if sid == "fmt":
        return "same bytes as CPython: %s" % ("yes" if digest_of(cmds[0][2]) == digest_of(cmds[1][2]) else "NO")
    if sid == "tokens":
        counts = [output_of(argv).strip().decode() for _, _, argv in cmds]
        return ("whole-text counts (sigil, tiktoken, @dqbd/tiktoken): %s, %s, %s: %s; one call per message: %s (it counts no "
                "line feeds)" % (counts[0], counts[1], counts[3], "equal" if len({counts[0], counts[1], counts[3]}) == 1 else "DIFFERENT",
                                 counts[2]))
    return ""


# ----------------------------------------------------------------------------------------------- measuring

def measure(suite, runs):
    samples = {label: [] for label, _, _ in suite["cmds"]}
    for _ in range(runs):
        for label, kind, argv in suite["cmds"]:  # interleaved: each round runs every command once
            samples[label].append(run_once(argv))
    rows = []
    for label, kind, argv in suite["cmds"]:
        s = samples[label]
        rows.append({"label": label, "kind": kind, "argv": argv, "wall": statistics.median(x[0] for x in s),
                     "cpu": statistics.median(x[1] for x in s), "rss": max(x[2] for x in s),
                     "exit": sorted({x[3] for x in s}), "runs": len(s)})
    return rows


def verdict(suite, rows):
    sigil = [r for r in rows if r["kind"] == "sigil"][0]
    peers = [r for r in rows if r["kind"] == "peer"]
    t = suite["target"]
    out = []
    if "max_s" in t:
        out.append(("%s under %.1f s" % (sigil["label"], t["max_s"]), sigil["wall"] < t["max_s"]))
    limits = t.get("rows_max_s")
    for r in rows:
        limit = limits if isinstance(limits, float) else (limits or {}).get(r["label"])
        if r["kind"] == "sigil" and limit:
            out.append(("%s under %.0f ms (%.0f ms)" % (r["label"], limit * 1000, r["wall"] * 1000), r["wall"] < limit))
    if "validate_best" in t:
        v = [r for r in rows if r["label"] == "sigil validate"][0]
        best = min((r for r in rows if r["label"] in ("ajv 8 (node)", "jsonschema_rs + orjson")), key=lambda r: r["wall"])
        out.append(("sigil validate %.1fx the best validator (%s), %.0fx wanted" % (best["wall"] / v["wall"], best["label"], t["validate_best"]),
                    best["wall"] / v["wall"] >= t["validate_best"]))
    if "best" in t and peers:
        best = min(peers, key=lambda r: r["wall"])
        out.append(("%.1fx the best peer (%s), %.0fx wanted" % (best["wall"] / sigil["wall"], best["label"], t["best"]),
                    best["wall"] / sigil["wall"] >= t["best"]))
    for prefix, factor in t.items():
        if prefix in ("max_s", "best", "rows_max_s", "validate_best"):
            continue
        for r in peers:
            if r["label"].startswith(prefix):
                ratio = r["wall"] / sigil["wall"]
                out.append(("%.1fx %s, %.0fx wanted" % (ratio, r["label"].split(",")[0].split(" (")[0], factor), ratio >= factor))
                break
    return out


# ----------------------------------------------------------------------------------------------- the machine

def machine_line():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    java = subprocess.run([SIGIL, "--version"], stdout=subprocess.PIPE, env=ENV).stdout.decode().strip().splitlines()
    return "%s, %d cores, %s GiB, Linux %s, %s, %s, CPython %s, jq %s, node %s" % (
        cpu, os.cpu_count(), round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
        platform.release(), " / ".join(java), "launcher scripts/sigil", platform.python_version(),
        subprocess.run(["jq", "--version"], stdout=subprocess.PIPE).stdout.decode().strip(),
        subprocess.run(["node", "--version"], stdout=subprocess.PIPE).stdout.decode().strip())


# ----------------------------------------------------------------------------------------------- the report

def command_text(argv):
    text = " ".join(shlex.quote(a.replace(HOME + "/", "")) for a in argv)
    return text if len(text) < 140 else text[:137] + "..."


def table(suite, rows, check, extra):
    sigil = [r for r in rows if r["kind"] == "sigil"][0]
    lines = ["### %s" % suite["title"], "", "Bar: %s." % suite["bar"], "",
             "| command | kind | median wall s | CPU s | max RSS MB | sigil is faster by |", "|---|---|---:|---:|---:|---:|"]
    for r in rows:
        ratio = "" if r["kind"] == "sigil" else "%.1fx" % (r["wall"] / sigil["wall"])
        lines.append("| %s | %s | %.3f | %.2f | %.0f | %s |" % (r["label"].replace("|", "\\|"), r["kind"], r["wall"], r["cpu"], r["rss"], ratio))
    lines.append("")
    for text, ok in verdict(suite, rows):
        lines.append("- %s: **%s**" % (text, "reached" if ok else "NOT reached"))
    if check:
        lines.append("- check: %s" % check)
    lines.extend(extra)
    lines.append("")
    lines.append("<details><summary>commands</summary>")
    lines.append("")
    for r in rows:
        lines.append("    " + command_text(r["argv"]))
    lines.append("")
    lines.append("</details>")
    lines.append("")
    return lines


def committed_walls():
    """The wall times in the committed results section, by (section title, command label), and the committed run's
    yardstick (None when it has none)."""
    walls = {}
    try:
        text = open(DOC, encoding="utf-8").read()
    except OSError:
        return walls, None
    stick = re.search(re.escape(YARDSTICK_LINE).replace(re.escape("%.2f"), r"([\d.]+)"), text)
    title = None
    for line in text.splitlines():
        if line.startswith("### "):
            title = line[4:].strip()
        m = re.match(r"\| (.+?) \| (sigil|peer|floor) \| ([\d.]+) \|", line)
        if m and title:
            walls[(title, m.group(1).replace("\\|", "|"))] = float(m.group(3))
    return walls, float(stick.group(1)) if stick else None


def regressions(before, suites_done, speed):
    """sigil's figures more than 10 % slower than the committed ones, scaled by the two runs' yardsticks when both
    have one: a warning, never a failure (the machine is shared)."""
    walls, then = before
    scale = speed / then if then else 1.0
    out = []
    for title, rows in suites_done:
        for r in rows:
            old = walls.get((title, r["label"]))
            old = old * scale if old else old
            if r["kind"] == "sigil" and old and r["wall"] > old * 1.10:
                out.append("%s: %s: %.3f s, committed %.3f s at today's speed (%+.0f %%)" % (title, r["label"], r["wall"], old, (r["wall"] / old - 1) * 100))
    return out


def write_doc(body):
    begin, end = "<!-- results:begin (written by scripts/bench/bench.py; do not edit) -->", "<!-- results:end -->"
    text = open(DOC, encoding="utf-8").read() if os.path.exists(DOC) else "# Benchmarks\n\n%s\n%s\n" % (begin, end)
    i, j = text.index(begin) + len(begin), text.index(end)
    open(DOC, "w", encoding="utf-8").write(text[:i] + "\n" + body + "\n" + text[j:])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--quick", action="store_true", help="leave out the slowest peers and shorten the monitor runs")
    p.add_argument("--only", default="")
    p.add_argument("--no-docs", action="store_true")
    a = p.parse_args()
    only = set(filter(None, a.only.split(",")))
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import special  # the suites that are not one command timed: logger, monitor

    # The launcher makes its class-data cache on the first start after a build: not part of any figure.
    run_once([SIGIL, "--version"])
    run_once([SIGIL, "validate", f("s10.jsonl")])
    before = committed_walls()
    speed = yardstick()
    done = []
    results = {"started": datetime.datetime.now().isoformat(timespec="seconds"), "load_before": load_average(), "suites": []}
    body = []
    for suite in suites(a.quick):
        if only and suite["id"] not in only:
            continue
        print("==", suite["title"], flush=True)
        check = checks(suite)
        runs = a.runs * (3 if suite["id"] in ("startup", "size-0", "size-1", "size-1000") else 1)
        rows = measure(suite, runs)
        for r in rows:
            print("  %-70s %7.3f s  cpu %6.2f  rss %5.0f MB" % (r["label"][:70], r["wall"], r["cpu"], r["rss"]), flush=True)
        results["suites"].append({"id": suite["id"], "rows": rows, "check": check})
        done.append((suite["title"], rows))
        body.extend(table(suite, rows, check, []))
    for suite in special.SUITES:
        if only and suite["id"] not in only:
            continue
        print("==", suite["title"], flush=True)
        lines, data = suite["run"](HOME, B, ENV, a.quick)
        for line in lines:
            print("  " + line, flush=True)
        results["suites"].append({"id": suite["id"], "data": data})
        body.extend(["### " + suite["title"], ""] + lines + [""])
    results["load_after"] = load_average()
    head = ["Measured %s to %s on: %s." % (results["started"], datetime.datetime.now().isoformat(timespec="seconds"), machine_line()),
            "", "Load average (1, 5, 15 min) before: %.2f %.2f %.2f; after: %.2f %.2f %.2f. The machine is shared: "
            "figures are medians of %d interleaved runs (start-up and up to 1,000 lines: %d), warm page cache, whole processes; only ratios "
            "from the same run are compared." % (*results["load_before"], *results["load_after"], a.runs, a.runs * 3),
            "", "Reproduce: `./mvnw -Pbench verify` (or, with the jar built, `scripts/bench/run.sh`).", "",
            (YARDSTICK_LINE % speed) + " (best of 3, `%s`, before the runs); the host's speed per core varies from day to "
            "day, so compare absolute figures across runs only after scaling by it." % YARDSTICK, ""]
    json.dump(results, open(f("results.json"), "w"), indent=1)
    if not a.no_docs and not only:
        write_doc("\n".join(head + body))
    print("\n".join(head))
    for warning in regressions(before, done, speed):
        print("bench: WARNING: more than 10 %% slower than the committed results: %s" % warning, file=sys.stderr)


if __name__ == "__main__":
    main()
