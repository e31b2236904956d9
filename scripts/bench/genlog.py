#!/usr/bin/env python3
"""Deterministic generator of realistic execution logs for sigil's benchmarks.

Writes LINES lines to OUT with CPython's own encoder (json.dumps(entry, separators=(',', ':'))), so the bytes are
those the documented logger writes. Same arguments, same bytes, on any machine with CPython 3.

  genlog.py --lines 1000000 --dialect seed-001 --seed 7 OUT
  genlog.py --lines 1000000 --dialect seed-002 --seed 7 OUT

seed-001: execution entries, valid against contract/execution-entry.schema.json: mostly step and token events,
about 5 % of messages non-ASCII, some with escaped quotes, backslashes and newlines, nested free-form metadata.
Sized at about 284 bytes a line (the peers' 1M-line measurement was 284 MB).
seed-002: operation-log lines (docs/contract.md section 9).
"""
import argparse
import datetime
import json
import random
import sys

COMPONENTS = ["orchestrator", "routing", "memory", "planning", "reasoning", "contracts", "validation"]
STEP_COMPONENTS = COMPONENTS[1:]
MODELS = ["claude-sonnet-4", "gpt-4o-mini", "claude-haiku-3.5", "gpt-4.1"]
WORDS = ("analysis lead score company revenue market segment intent memory retrieval plan step contract output "
         "validated reasoning chain thought customer pipeline budget token latency context window summary result "
         "evidence source query ranking candidate draft review final answer").split()
NON_ASCII = ["Résumé validé pour Société Générale", "Zürich — Größe geprüft", "日本語の要約を作成しました",
             "Анализ завершён успешно", "emoji check 🚀 done ✅", "naïve café façade", "Ελληνικά κείμενο",
             "中文摘要：客户分析完成"]
TRICKY = ['Parsed "quoted" field from tool output', 'Path C:\\data\\leads\\acme.csv loaded',
          'Multi-line output:\nline one\nline two', 'Tab\tseparated\tvalues and a "quote"']


def sentence(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def message(rng, base):
    roll = rng.random()
    if roll < 0.05:
        return base + ": " + rng.choice(NON_ASCII)
    if roll < 0.08:
        return base + ": " + rng.choice(TRICKY)
    return base + ": " + sentence(rng, rng.randint(2, 5))


def metadata(rng, event_type, component, state):
    latency = round(rng.uniform(5, 4000), 1)
    if event_type == "token_consumption":
        return {"total_used": state["used"], "component_used": state["by_component"].get(component, 0),
                "usage": {"input_tokens": rng.randint(50, 4000), "output_tokens": rng.randint(10, 1200)}}
    if event_type in ("step_complete", "step_start", "reasoning_step"):
        return {"latency_ms": latency, "operation": rng.choice(["classify_intent", "retrieve", "plan", "reason",
                                                                "validate_output", "summarize"]),
                "context": {"items": rng.randint(0, 40), "tag": rng.choice(WORDS)}}
    if event_type == "step_error":
        return {"latency_ms": latency, "error": sentence(rng, 6), "error_type": "TimeoutError",
                "category": "transient", "retry_count": rng.randint(0, 2), "max_retries": 3}
    if event_type == "retry_attempt":
        return {"retry_count": rng.randint(1, 3), "max_retries": 3, "category": "transient"}
    if event_type == "budget_warning":
        return {"warning_level": "elevated", "total_used": state["used"], "budget_remaining": max(0, state["budget"] - state["used"])}
    return {"latency_ms": latency}


def seed001(rng, n, out):
    clock = datetime.datetime(2026, 1, 11, 10, 0, 0, 123456)
    written = 0
    session = 0
    while written < n:
        session += 1
        sid = "s-%06d" % session
        state = {"budget": 256000, "used": 0, "by_component": {}}
        steps = rng.randint(150, 250)
        lines = [("session_start", "orchestrator", "Starting pipeline for: " + sentence(rng, 5),
                  0, {"task": sentence(rng, 5), "budget": state["budget"], "agent": None})]
        for _ in range(steps):
            roll = rng.random()
            component = rng.choice(STEP_COMPONENTS)
            if roll < 0.45:
                kind = "step_complete"
            elif roll < 0.85:
                kind = "token_consumption"
            elif roll < 0.93:
                kind = "step_start"
            elif roll < 0.96:
                kind = "reasoning_step"
            elif roll < 0.98:
                kind = "step_error"
            elif roll < 0.99:
                kind = "retry_attempt"
            else:
                kind = "budget_warning"
            tokens = rng.randint(20, 900) if kind == "step_complete" else 0
            state["used"] += tokens
            state["by_component"][component] = state["by_component"].get(component, 0) + tokens
            lines.append((kind, component, message(rng, kind.replace("_", " ").capitalize()), tokens,
                          metadata(rng, kind, component, state)))
        lines.append(("session_complete", "orchestrator", "Pipeline complete", 0,
                      {"total_tokens": state["used"], "steps_completed": steps, "total_latency_ms": 123456.7}))
        for kind, component, text, tokens, meta in lines:
            if written >= n:
                break
            clock += datetime.timedelta(microseconds=rng.randint(1000, 900000))
            entry = {"timestamp": clock.isoformat(), "session_id": sid, "event_type": kind, "component": component,
                     "message": text, "tokens": tokens, "metadata": meta}
            out.write(json.dumps(entry, separators=(",", ":")).encode("utf-8") + b"\n")
            written += 1


OPS = [("router", "route_request"), ("planner", "create_plan"), ("tools", "call_tool"), ("memory", "retrieve"),
       ("reasoning", "reason")]


def seed002(rng, n, out):
    clock = datetime.datetime(2026, 1, 11, 14, 30, 0, 275000)
    for i in range(n):
        clock += datetime.timedelta(microseconds=rng.randint(1000, 900000))
        component, operation = rng.choice(OPS)
        level = rng.choices(["info", "debug", "warning", "error"], [80, 12, 5, 3])[0]
        started = rng.random() < 0.4
        line = {"id": "log_%07d" % i,
                "timestamp": clock.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (clock.microsecond // 1000),
                "level": level, "component": component, "operation": operation,
                "message": ("Starting " if started else "Completed ") + operation + ": " + message(rng, "step"),
                "session_id": "sess_%012x" % (i // 200)}
        if not started:
            inp, outp = rng.randint(50, 4000), rng.randint(10, 1200)
            line["duration_ms"] = round(rng.uniform(5, 4000), 1)
            line["tokens_used"] = {"input_tokens": inp, "output_tokens": outp, "total_tokens": inp + outp,
                                   "model": rng.choice(MODELS)}
            line["budget_snapshot"] = {"total_budget": 256000, "used": i % 256000, "remaining": 256000 - i % 256000,
                                       "percentage_used": round((i % 256000) / 2560, 2)}
        if level == "error":
            line["error_info"] = {"error_type": "TimeoutError", "error_message": sentence(rng, 5), "recoverable": rng.random() < 0.5}
        out.write(json.dumps(line, separators=(",", ":")).encode("utf-8") + b"\n")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--lines", type=int, required=True)
    p.add_argument("--dialect", choices=["seed-001", "seed-002"], default="seed-001")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("out")
    a = p.parse_args()
    rng = random.Random(a.seed)
    with open(a.out, "wb", buffering=1 << 20) as out:
        (seed001 if a.dialect == "seed-001" else seed002)(rng, a.lines, out)


if __name__ == "__main__":
    sys.exit(main())
