#!/usr/bin/env python3
"""What `sigil query` must answer over some logs, computed by CPython's standard library alone from the lines as
written (docs/report.md section 5 names the columns of `events`), for QueryCompatTest.

  query_expected.py gen DIR      writes DIR/logs/sessions/<id>/execution.jsonl (one session with a rotated part)
                                 and DIR/ops.jsonl (a seed-002 operation log), deterministic
  query_expected.py expect DIR   prints one JSON object: each aggregation's rows, as lists in the SQL's order

A line's session is its own session_id, else its file's (the session directory). A line's usage is its
metadata.tokens_used when that names a model (the generator writes only conforming records).
"""
import glob
import json
import os
import random
import sys

MODELS = ["anthropic:claude-sonnet-4-5-20250929", "openai:gpt-4o-mini-2024-07-18", "google:gemini-2.5-flash"]
COMPONENTS = ["routing", "memory", "planning", "reasoning", "validation"]
TYPES = ["step_start", "step_complete", "agent_call", "token_consumption"]
MESSAGES = ["Step done", "Résumé validé", "日本語の要約", 'quoted "value" and \\ back', "line\nbreak", "emoji 🚀"]


def entry(rnd, sid, i, named):
    meta = {"operation": "op_%d" % (i % 5)}
    kind = rnd.choice(TYPES)
    tokens = 0
    if kind in ("step_complete", "agent_call"):
        inp, out = rnd.randint(10, 5000), rnd.randint(1, 900)
        tokens = inp + out
        meta["tokens_used"] = {"input_tokens": inp, "output_tokens": out, "total_tokens": tokens, "model": rnd.choice(MODELS)}
        meta["latency_ms"] = round(rnd.uniform(5, 9000), 3)
    if i % 25 == 0:
        meta["output"] = "An LLM output. " * (rnd.randint(4 << 10, 64 << 10) // 15)
    e = {"timestamp": "2026-01-%02dT%02d:%02d:%02d.%06d" % (10 + i % 3, i % 24, i % 60, rnd.randint(0, 59), rnd.randint(0, 999999))}
    if named:
        e["session_id"] = sid
    e.update({"event_type": kind, "component": rnd.choice(COMPONENTS), "message": rnd.choice(MESSAGES) + " %d" % i,
              "tokens": tokens, "metadata": meta})
    return json.dumps(e, separators=(",", ":")) + "\n"


def gen(root):
    rnd = random.Random(20260111)
    for s, (sid, n) in enumerate([("q-alpha", 700), ("q-beta", 400), ("q-gamma", 250)]):
        d = os.path.join(root, "logs", "sessions", sid)
        os.makedirs(d, exist_ok=True)
        lines = [entry(rnd, sid, i, named=(s != 2 or i % 2 == 0)) for i in range(n)]
        if sid == "q-alpha":
            with open(os.path.join(d, "execution.1.jsonl"), "w", encoding="utf-8") as f:
                f.writelines(lines[:300])
            lines = lines[300:]
        with open(os.path.join(d, "execution.jsonl"), "w", encoding="utf-8") as f:
            f.writelines(lines)
    with open(os.path.join(root, "ops.jsonl"), "w", encoding="utf-8") as f:
        for i in range(120):
            f.write(json.dumps({"timestamp": "2026-01-12T10:%02d:%02d" % (i // 60, i % 60), "operation_id": "op-%d" % i,
                                "operation": "step_%d" % (i % 4), "component": "planner", "status": "completed",
                                "level": "INFO", "message": "operation %d" % i}, separators=(",", ":")) + "\n")


def rows(root):
    for path in sorted(glob.glob(os.path.join(root, "logs", "sessions", "*", "*.jsonl"))):
        sid = os.path.basename(os.path.dirname(path))
        with open(path, encoding="utf-8") as f:
            for line in f:
                e = json.loads(line)
                yield sid, e


def expect(root):
    by_type, by_model, latency, by_day = {}, {}, {}, {}
    accented = 0
    sessions = set()
    for sid, e in rows(root):
        session = e.get("session_id") or sid
        sessions.add(session)
        k = (session, e["event_type"], e["component"])
        n, t = by_type.get(k, (0, 0))
        by_type[k] = (n + 1, t + e["tokens"])
        u = e["metadata"].get("tokens_used")
        if isinstance(u, dict) and "model" in u:
            c, i, o = by_model.get(u["model"], (0, 0, 0))
            by_model[u["model"]] = (c + 1, i + u["input_tokens"], o + u["output_tokens"])
        if "latency_ms" in e["metadata"]:
            worst, timed = latency.get(e["component"], (None, 0))
            v = e["metadata"]["latency_ms"]
            latency[e["component"]] = (v if worst is None or v > worst else worst, timed + 1)
        day = e["timestamp"][:10]
        by_day[day] = by_day.get(day, 0) + e["tokens"]
        accented += "é" in e["message"]
    with open(os.path.join(root, "ops.jsonl"), encoding="utf-8") as f:
        ops = sum(1 for line in f if line.strip())
    sigil_lines = sum(n for n, _ in by_type.values())
    return {
        "by_type": [[s, t, c, n, tok] for (s, t, c), (n, tok) in sorted(by_type.items())],
        "by_model": [[m, c, i, o] for m, (c, i, o) in sorted(by_model.items())],
        "latency": [[c, w, n] for c, (w, n) in sorted(latency.items())],
        "by_day": [[d, t] for d, t in sorted(by_day.items())],
        "accented": [[accented]],
        "sessions": [[len(sessions)]],
        "formats": [["operation-log", ops], ["sigil", sigil_lines]],
    }


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(sys.argv[2])
    else:
        print(json.dumps(expect(sys.argv[2])))
