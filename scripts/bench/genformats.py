#!/usr/bin/env python3
"""Deterministic generator of other producers' logs for sigil's format benchmarks (docs/benchmarks.md, "Formats").

  genformats.py --format pino --lines 200000 --seed 7 OUT
  genformats.py --format claude-code --lines 200000 --seed 7 OUT

pino: what pino 9 writes (numeric levels, epoch-millisecond time, pid, hostname, name, child bindings, err objects,
pino-http's req/res/responseTime), about 260 bytes a line. claude-code: a Claude Code transcript (user prompts and
tool results, assistant messages streamed as one line per content block with the same message.id and requestId and
a growing usage, tool calls, sub-agent calls), 1-9 KB a line. structlog: JSONRenderer lines with ISO timestamps.
Written with CPython's json.dumps; same arguments, same bytes.
"""
import argparse
import json
import random

WORDS = ("invoice customer refund ledger balance payment account request response session cache queue worker thread "
         "retry backoff upload chunk stream socket timeout buffer header token parse commit branch test fixture").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def pino(rng, n, out):
    t = 1772442000000
    names = ["billing", "api", "ingest"]
    modules = [None, "db", "cache", "http"]
    levels = [30] * 12 + [20] * 4 + [40] * 2 + [50, 10, 60]
    for i in range(n):
        t += rng.randint(1, 40)
        o = {"level": rng.choice(levels), "time": t, "pid": 4312, "hostname": "api-7f9c", "name": rng.choice(names)}
        m = rng.choice(modules)
        if m:
            o["module"] = m
        roll = rng.random()
        if roll < 0.25:
            o["req"] = {"id": i, "method": rng.choice(["GET", "POST"]), "url": "/v1/" + rng.choice(WORDS), "remoteAddress": "10.0.4.2"}
            o["res"] = {"statusCode": rng.choice([200, 201, 404, 500])}
            o["responseTime"] = rng.randint(1, 900)
            o["msg"] = "request completed"
        elif o["level"] >= 50:
            o["err"] = {"type": "Error", "message": sentence(rng, 5), "stack": "Error: " + sentence(rng, 4) + "\n    at handler (app.js:42:7)"}
            o["msg"] = sentence(rng, 4)
        else:
            o["invoiceId"] = "inv_%d" % rng.randint(1, 99999)
            o["msg"] = sentence(rng, rng.randint(3, 10))
        out.write(json.dumps(o, separators=(",", ":")) + "\n")


def claude(rng, n, out):
    session = "7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65"
    base = {"isSidechain": False, "userType": "external", "cwd": "/home/dev/app", "sessionId": session, "version": "2.1.3", "gitBranch": "main"}
    tools = ["Read", "Edit", "Bash", "Grep", "Task"]
    i = 0
    msg = 0
    t = 0
    while i < n:
        t += rng.randint(1, 20)
        ts = "2026-03-02T%02d:%02d:%02d.%03dZ" % (9 + (t // 3600) % 12, (t // 60) % 60, t % 60, rng.randint(0, 999))
        u = dict(base, type="user", message={"role": "user", "content": sentence(rng, rng.randint(5, 30))}, uuid="u-%d" % i, timestamp=ts)
        out.write(json.dumps(u, separators=(",", ":")) + "\n")
        i += 1
        msg += 1
        blocks = rng.randint(1, 3)
        inp, cw, cr = rng.randint(1, 40), rng.randint(0, 8000), rng.randint(0, 60000)
        final = rng.randint(20, 3000)
        for b in range(blocks):
            if i >= n:
                break
            last = b == blocks - 1
            if last and rng.random() < 0.6:
                tool = rng.choice(tools)
                inputs = {"subagent_type": "code-reviewer", "prompt": sentence(rng, 20)} if tool == "Task" else {"file_path": "/home/dev/app/" + rng.choice(WORDS) + ".py"}
                content = [{"type": "tool_use", "id": "toolu_%d" % i, "name": tool, "input": inputs}]
            elif b == 0 and blocks > 1:
                content = [{"type": "thinking", "thinking": sentence(rng, 60), "signature": "EqkBCkYIBRgCKkB"}]
            else:
                content = [{"type": "text", "text": sentence(rng, rng.randint(10, 120))}]
            usage = {"input_tokens": inp, "cache_creation_input_tokens": cw, "cache_read_input_tokens": cr,
                     "cache_creation": {"ephemeral_5m_input_tokens": cw, "ephemeral_1h_input_tokens": 0},
                     "output_tokens": final if last else rng.randint(1, 9), "service_tier": "standard"}
            a = dict(base, message={"id": "msg_%08d" % msg, "type": "message", "role": "assistant", "model": "claude-sonnet-4-5-20250929",
                                    "content": content, "stop_reason": "tool_use" if last else None, "usage": usage},
                     requestId="req_%08d" % msg, type="assistant", uuid="a-%d" % i, timestamp=ts)
            out.write(json.dumps(a, separators=(",", ":")) + "\n")
            i += 1
        if i < n and rng.random() < 0.5:
            result = "\n".join(sentence(rng, 8) for _ in range(rng.randint(5, 120)))
            r = dict(base, type="user", message={"role": "user", "content": [{"tool_use_id": "toolu_%d" % (i - 1), "type": "tool_result", "content": result}]},
                     uuid="r-%d" % i, timestamp=ts)
            out.write(json.dumps(r, separators=(",", ":")) + "\n")
            i += 1


def structlog(rng, n, out):
    for i in range(n):
        o = {"user_id": rng.randint(1, 9999), "event": sentence(rng, rng.randint(2, 6)),
             "level": rng.choice(["info"] * 8 + ["debug", "warning", "error", "critical"]),
             "logger": rng.choice(["billing.renewals", "billing.ledger", "api.http"]),
             "timestamp": "2026-03-02T09:%02d:%02d.%06dZ" % ((i // 60) % 60, i % 60, rng.randint(0, 999999))}
        out.write(json.dumps(o) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--format", choices=["pino", "claude-code", "structlog"], required=True)
    p.add_argument("--lines", type=int, required=True)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("out")
    a = p.parse_args()
    rng = random.Random(a.seed)
    with open(a.out, "w", encoding="utf-8") as out:
        {"pino": pino, "claude-code": claude, "structlog": structlog}[a.format](rng, a.lines, out)


if __name__ == "__main__":
    main()
