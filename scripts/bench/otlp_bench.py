#!/usr/bin/env python3
"""sigil export otlp into sigil serve --otlp, one process each, on 127.0.0.1: how long a log takes to go across.

Writes a log with CPython's json.dumps (a session_start, then step_start and step_complete pairs, each completion with
a usage record of one of four models, one of them unpriced; every 20th with an output of 800-13,000 words), starts
`scripts/sigil serve --otlp --port 0` on a fresh log directory, runs `scripts/sigil export otlp` of the log under GNU
time, stops the receiver with SIGINT and prints the export's wall and CPU time and peak RSS, and what the receiver
counted and wrote.

  otlp_bench.py [--pairs 4999] [--dir DIR]
"""
import argparse
import json
import os
import random
import signal
import subprocess
import tempfile
import time
from datetime import datetime, timedelta

HOME = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SIGIL = os.path.join(HOME, "scripts", "sigil")
MODELS = ["anthropic:claude-sonnet-4-5-20250929", "openai:gpt-4o", "google:gemini-2.5-pro", "mycorp:internal-llm-7b"]
WORDS = "the plan weighs risks evidence lead qualify revenue market pipeline résumé naïve 東京 été summary".split()


def write_log(path, pairs, rng):
    t = datetime(2026, 11, 30, 9, 0, 0)
    session = "bench-otlp"

    def line(f, kind, component, message, tokens, metadata):
        entry = {"timestamp": t.isoformat(), "session_id": session, "event_type": kind, "component": component,
                 "message": message, "tokens": tokens, "metadata": metadata}
        f.write(json.dumps(entry, separators=(",", ":")) + "\n")

    with open(path, "w", encoding="utf-8") as f:
        line(f, "session_start", "orchestrator", "Starting pipeline", 0, {"task": "bench", "budget": 10_000_000})
        for i in range(1, pairs + 1):
            component = rng.choice(["routing", "planning", "memory", "reasoning", "contracts", "validation"])
            t += timedelta(milliseconds=rng.randint(1, 900))
            line(f, "step_start", component, "Starting step %d" % i, 0, {"step": "s%d" % i})
            t += timedelta(milliseconds=rng.randint(1, 9000))
            inp, out = rng.randint(10, 200_000), rng.randint(1, 8000)
            meta = {"step": "s%d" % i, "latency_ms": rng.randint(1, 9000),
                    "tokens_used": {"input_tokens": inp, "output_tokens": out, "total_tokens": inp + out, "model": rng.choice(MODELS)}}
            if i % 20 == 0:
                meta["output"] = " ".join(rng.choice(WORDS) for _ in range(rng.randint(800, 13_000)))
            line(f, "step_complete", component, "Completed step %d" % i, inp + out, meta)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--pairs", type=int, default=4999)
    a.add_argument("--dir")
    o = a.parse_args()
    work = o.dir or tempfile.mkdtemp(prefix="sigil-otlp-bench-")
    os.makedirs(work, exist_ok=True)
    log = os.path.join(work, "bench-otlp.jsonl")
    write_log(log, o.pairs, random.Random(15))
    env = dict(os.environ, SIGIL_NO_BUILD="1", HOME=work)
    serve = subprocess.Popen([SIGIL, "serve", "--otlp", "--port", "0", "-l", os.path.join(work, "received")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    first = serve.stdout.readline()  # "sigil serve: receiving OTLP/HTTP on http://127.0.0.1:PORT (...)"
    url = first.split(" on ", 1)[1].split(" ", 1)[0]
    timing = os.path.join(work, "time.txt")
    start = time.perf_counter()
    export = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", timing, SIGIL, "export", "otlp", "--endpoint", url, log],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    wall = time.perf_counter() - start
    serve.send_signal(signal.SIGINT)
    _, err = serve.communicate(timeout=60)
    elapsed, user, system, rss = open(timing).read().split()[-4:]
    print("log: %d lines, %.1f MB" % (1 + 2 * o.pairs, os.path.getsize(log) / 1e6))
    print("export (exit %d): %s" % (export.returncode, export.stdout.strip()))
    print("export: %.1f s wall, %.1f s CPU, %d MB peak RSS" % (wall, float(user) + float(system), int(rss) // 1024))
    print("serve: " + " ".join(l for l in err.splitlines() if "received" in l))


if __name__ == "__main__":
    main()
