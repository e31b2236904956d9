#!/usr/bin/env python3
"""Peer of `sigil tail` on other producers' logs: one CPython process reads every line (json.loads, or orjson.loads
with --orjson), maps it as the producer's documentation says (pino's numeric levels, the logger or child binding as
the component; Claude Code's usage with the cache tokens added to input_tokens, a message written on several lines
counted once at its last figures, the tool or sub-agent as the component; OpenAI's responses with the endpoint or the
request's metadata as the component and their usage; each OTLP log record or span an event, its gen_ai attributes
read), and keeps per-component totals of events and tokens; prints the totals at the end.

  py_format_reader.py [--orjson] pino|claude-code|structlog|openai-chat|openai-responses|otel-logs|otel-spans FILE
"""
import sys

if "--orjson" in sys.argv:
    import orjson
    loads = orjson.loads
else:
    import json
    loads = json.loads

PINO = {10: "trace", 20: "debug", 30: "info", 40: "warning", 50: "error", 60: "critical"}


def pino(o, calls):
    level = o.get("level")
    if not isinstance(level, int) or "time" not in o:
        return None
    return o.get("module") or o.get("component") or o.get("name") or "pino", PINO.get(level - level % 10, "info"), 0


def structlog(o, calls):
    if not isinstance(o.get("event"), str) or not isinstance(o.get("level"), str):
        return None
    return o.get("logger") or "", o["level"].lower(), 0


def claude(o, calls):
    if not isinstance(o.get("type"), str) or "sessionId" not in o:
        return None
    msg = o.get("message") or {}
    blocks = msg.get("content") if isinstance(msg.get("content"), list) else []
    component = None
    for b in blocks:
        if b.get("type") == "tool_use":
            component = (b.get("input") or {}).get("subagent_type") or b.get("name")
            break
    component = component or msg.get("role") or o["type"]
    usage = msg.get("usage")
    tokens = 0
    if usage:
        total = usage.get("input_tokens", 0) + usage.get("cache_creation_input_tokens", 0) + usage.get("cache_read_input_tokens", 0) \
            + usage.get("output_tokens", 0)
        key = (msg.get("id"), o.get("requestId"))
        tokens = max(0, total - calls.get(key, 0))  # a later line of the call adds only what it adds
        calls[key] = total
    return component, "error" if o.get("isApiErrorMessage") else "info", tokens


def openai(endpoint, input_key, output_key, failed):
    def read(o, calls):
        if o.get("object") not in (("chat.completion", "chat.completion.chunk") if endpoint == "chat.completions" else ("response",)):
            return None
        meta = o.get("metadata") or {}
        usage = o.get("usage") or {}
        level = "error" if o.get("error") or (failed and o.get("status") == failed) else "info"
        return meta.get("component") or meta.get("agent") or endpoint, level, usage.get(input_key, 0) + usage.get(output_key, 0)
    return read


OTEL_LEVELS = ["trace"] * 4 + ["debug"] * 4 + ["info"] * 4 + ["warning"] * 4 + ["error"] * 4 + ["critical"] * 4


def attributes(items):
    out = {}
    for a in items or ():
        value = a.get("value") or {}
        for v in value.values():
            out[a.get("key")] = v
            break
    return out


def otel(kind):
    resources, scopes, items = ("resourceLogs", "scopeLogs", "logRecords") if kind == "logs" else ("resourceSpans", "scopeSpans", "spans")

    def read(o, calls):
        if resources not in o:
            return None
        events = []
        for r in o[resources]:
            service = attributes((r.get("resource") or {}).get("attributes")).get("service.name")
            for s in r.get(scopes) or ():
                for rec in s.get(items) or ():
                    a = attributes(rec.get("attributes"))
                    if kind == "logs":
                        n = rec.get("severityNumber")
                        level = OTEL_LEVELS[n - 1] if isinstance(n, int) and 1 <= n <= 24 else "info"
                    else:
                        level = "error" if (rec.get("status") or {}).get("code") == 2 else "info"
                    tokens = int(a.get("gen_ai.usage.input_tokens", 0)) + int(a.get("gen_ai.usage.output_tokens", 0))
                    events.append((a.get("gen_ai.agent.name") or service or (s.get("scope") or {}).get("name"), level, tokens))
        return events
    return read


READERS = {"pino": pino, "structlog": structlog, "claude-code": claude,
           "openai-chat": openai("chat.completions", "prompt_tokens", "completion_tokens", None),
           "openai-responses": openai("responses", "input_tokens", "output_tokens", "failed"),
           "otel-logs": otel("logs"), "otel-spans": otel("spans")}


def main(fmt, path):
    read = READERS[fmt]
    totals = {}
    levels = {}
    calls = {}
    skipped = 0
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                o = loads(line)
            except ValueError:
                skipped += 1
                continue
            got = read(o, calls) if isinstance(o, dict) else None
            if got is None:
                skipped += 1
                continue
            for component, level, tokens in (got if isinstance(got, list) else (got,)):
                events, sum_tokens = totals.get(component, (0, 0))
                totals[component] = (events + 1, sum_tokens + tokens)
                levels[level] = levels.get(level, 0) + 1
    for component in sorted(totals, key=str):
        print("%s %d events %d tokens" % (component, *totals[component]))
    print("levels " + " ".join("%s=%d" % kv for kv in sorted(levels.items())))
    print("skipped %d" % skipped)


args = [a for a in sys.argv[1:] if not a.startswith("--")]
main(args[0], args[1])
