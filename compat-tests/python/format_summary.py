#!/usr/bin/env python3
"""What a log of another producer says, read with the standard library only: the reference side of sigil's format
fixtures (FormatFixturesCompatTest).

Usage: format_summary.py FORMAT FILE  -> one JSON object on stdout.

Each producer is read here from its own documentation, not from sigil's definitions (contract/formats/*.yaml):
the Anthropic Messages API's usage (input_tokens leaves out the cache reads and writes), OpenAI's usage objects,
the OpenTelemetry GenAI semantic conventions in OTLP JSON, pino's and bunyan's numeric levels, structlog's
JSONRenderer. The summary holds what sigil's readers must agree on: lines and events, levels, errors, tokens by kind
and by model, components with their events and tokens, sessions, and the first and last times (UTC, to the
microsecond).
"""
import datetime
import json
import re
import sys

LEVELS = ["trace", "debug", "info", "warning", "error", "critical"]
NAMES = {"warn": "warning", "fatal": "critical"}


def level_name(text):
    t = text.lower()
    t = NAMES.get(t, t)
    return t if t in LEVELS else None


def numeric_level(n, floors):
    """The level of n on a scale given as (lowest number, level) pairs; None below the lowest."""
    best = None
    for lowest, name in floors:
        if n >= lowest:
            best = name
    return best


PINO = [(10, "trace"), (20, "debug"), (30, "info"), (40, "warning"), (50, "error"), (60, "critical")]
OTEL = [(1, "trace"), (5, "debug"), (9, "info"), (13, "warning"), (17, "error"), (21, "critical")]


def utc_micros(dt):
    if dt.tzinfo is not None:
        dt = dt.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return dt.isoformat(timespec="microseconds")


def iso(text):
    if not isinstance(text, str) or not text:
        return None
    t = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        return utc_micros(datetime.datetime.fromisoformat(t))
    except ValueError:
        return None


def epoch(value, per_second):
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    micros = value * 1_000_000 // per_second if isinstance(value, int) else round(value * 1_000_000 / per_second)
    return utc_micros(datetime.datetime(1970, 1, 1) + datetime.timedelta(microseconds=micros))


def count(v):
    if isinstance(v, str) and v.isdigit():
        return int(v)
    return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else None


def text(v):
    return v if isinstance(v, str) else None


def attrs(kvs):
    """OTLP key-value pairs as a dict of plain values (64-bit integers are strings in OTLP JSON)."""
    out = {}
    for kv in kvs or []:
        value = kv.get("value", {})
        for v in value.values():
            out[kv.get("key")] = v
            break
    return out


def event(level="info", component="", usage=None, session="", time=None, key=None):
    return {"level": level, "component": component, "usage": usage, "session": session, "time": time, "key": key}


def usage(model, provider, inp, out, cache_read=0, cache_write=0, cache_write_1h=0, reasoning=0):
    model_id = provider + ":" + model if model else ""
    return {"model": model_id, "input": inp, "output": out, "cache_read": cache_read, "cache_write": cache_write,
            "cache_write_1h": cache_write_1h, "reasoning": reasoning}


# --- the producers ------------------------------------------------------------------------------------------------

def claude_code(o):
    if not isinstance(o.get("type"), str):
        return None
    if not any(k in o for k in ("sessionId", "uuid", "leafUuid", "messageId")) and not (o["type"] == "progress" and "data" in o):
        return None
    msg = o.get("message") if isinstance(o.get("message"), dict) else {}
    blocks = msg.get("content") if isinstance(msg.get("content"), list) else []
    tool = next((b for b in blocks if isinstance(b, dict) and b.get("type") == "tool_use"), None)
    component = None
    if tool is not None:
        component = text((tool.get("input") or {}).get("subagent_type")) or text(tool.get("name"))
    if component is None and text(o.get("agentId")):
        component = "agent-" + o["agentId"]
    component = component or text(msg.get("role")) or o["type"]
    level = level_name(o["level"]) if text(o.get("level")) else None
    if level is None:
        result = next((b for b in blocks if isinstance(b, dict) and b.get("type") == "tool_result"), None)
        if o.get("isApiErrorMessage") is True:
            level = "error"
        elif result is not None and result.get("is_error") is True:
            level = "warning"
        else:
            level = "info"
    u = None
    raw = msg.get("usage") if isinstance(msg.get("usage"), dict) else None
    if raw is not None and (count(raw.get("input_tokens")) is not None or count(raw.get("output_tokens")) is not None):
        reads = count(raw.get("cache_read_input_tokens")) or 0
        writes = count(raw.get("cache_creation_input_tokens")) or 0
        one_hour = count((raw.get("cache_creation") or {}).get("ephemeral_1h_input_tokens")) or 0
        model = text(msg.get("model"))
        model = "" if model == "<synthetic>" else model
        # Anthropic's input_tokens leaves the cache out: every input token is the three together.
        u = usage(model, "anthropic", (count(raw.get("input_tokens")) or 0) + reads + writes, count(raw.get("output_tokens")) or 0,
                  reads, writes, one_hour)
    key = None
    if text(msg.get("id")):
        key = msg["id"] + ("\0" + o["requestId"] if text(o.get("requestId")) else "")
    return [event(level, component, u, text(o.get("sessionId")) or "", iso(o.get("timestamp")), key)]


def openai_chat(o):
    if o.get("object") not in ("chat.completion", "chat.completion.chunk"):
        return None
    meta = o.get("metadata") if isinstance(o.get("metadata"), dict) else {}
    component = text(meta.get("component")) or text(meta.get("agent")) or "chat.completions"
    raw = o.get("usage") if isinstance(o.get("usage"), dict) else {}
    u = None
    if count(raw.get("prompt_tokens")) is not None or count(raw.get("completion_tokens")) is not None:
        # prompt_tokens holds the cached ones, completion_tokens the reasoning ones.
        u = usage(text(o.get("model")) or "", "openai", count(raw.get("prompt_tokens")) or 0, count(raw.get("completion_tokens")) or 0,
                  cache_read=count((raw.get("prompt_tokens_details") or {}).get("cached_tokens")) or 0,
                  reasoning=count((raw.get("completion_tokens_details") or {}).get("reasoning_tokens")) or 0)
    choices = o.get("choices") or []
    level = "error" if "error" in o else "warning" if choices and choices[0].get("finish_reason") == "content_filter" else "info"
    session = text(meta.get("session_id")) or text(meta.get("conversation_id")) or text(meta.get("session")) or ""
    return [event(level, component, u, session, epoch(o.get("created"), 1))]


def openai_responses(o):
    if o.get("object") != "response":
        return None
    meta = o.get("metadata") if isinstance(o.get("metadata"), dict) else {}
    component = text(meta.get("component")) or text(meta.get("agent")) or "responses"
    raw = o.get("usage") if isinstance(o.get("usage"), dict) else {}
    u = None
    if count(raw.get("input_tokens")) is not None or count(raw.get("output_tokens")) is not None:
        u = usage(text(o.get("model")) or "", "openai", count(raw.get("input_tokens")) or 0, count(raw.get("output_tokens")) or 0,
                  cache_read=count((raw.get("input_tokens_details") or {}).get("cached_tokens")) or 0,
                  reasoning=count((raw.get("output_tokens_details") or {}).get("reasoning_tokens")) or 0)
    level = {"failed": "error", "incomplete": "warning"}.get(o.get("status"), "info")
    conversation = o.get("conversation") if isinstance(o.get("conversation"), dict) else {}
    session = (text(meta.get("session_id")) or text(meta.get("conversation_id")) or text(conversation.get("id"))
               or text(o.get("previous_response_id")) or "")
    return [event(level, component, u, session, epoch(o.get("created_at"), 1))]


PROVIDERS = {"aws.bedrock": "aws", "azure.ai.openai": "azure", "azure.ai.inference": "azure", "gcp.gemini": "google",
             "gcp.vertex_ai": "google", "gcp.gen_ai": "google", "mistral_ai": "mistral", "x_ai": "x-ai", "az.ai.openai": "azure"}


def genai_usage(a):
    if count(a.get("gen_ai.usage.input_tokens")) is None and count(a.get("gen_ai.usage.output_tokens")) is None:
        return None
    provider = text(a.get("gen_ai.provider.name")) or text(a.get("gen_ai.system")) or ""
    provider = PROVIDERS.get(provider, provider)
    model = text(a.get("gen_ai.response.model")) or text(a.get("gen_ai.request.model")) or ""
    # The convention's input_tokens already holds the cache reads and writes.
    return usage(model if provider else "", provider, count(a.get("gen_ai.usage.input_tokens")) or 0,
                 count(a.get("gen_ai.usage.output_tokens")) or 0,
                 cache_read=count(a.get("gen_ai.usage.cache_read.input_tokens")) or 0,
                 cache_write=count(a.get("gen_ai.usage.cache_creation.input_tokens")) or 0,
                 reasoning=count(a.get("gen_ai.usage.reasoning.output_tokens")) or 0)


def otel_component(a, resource, scope):
    return text(a.get("gen_ai.agent.name")) or text(resource.get("service.name")) or text(scope.get("name")) or ""


def otel_logs(o):
    if "resourceLogs" not in o:
        return None
    out = []
    for rl in o.get("resourceLogs") or []:
        resource = attrs((rl.get("resource") or {}).get("attributes"))
        for sl in rl.get("scopeLogs") or []:
            scope = sl.get("scope") or {}
            for r in sl.get("logRecords") or []:
                a = attrs(r.get("attributes"))
                level = numeric_level(r["severityNumber"], OTEL) if isinstance(r.get("severityNumber"), int) else None
                level = level or (level_name(r["severityText"]) if text(r.get("severityText")) else None) or "info"
                session = text(a.get("gen_ai.conversation.id")) or text(a.get("session.id")) or text(resource.get("session.id")) or ""
                time = epoch(r.get("timeUnixNano"), 1_000_000_000) or epoch(r.get("observedTimeUnixNano"), 1_000_000_000)
                out.append(event(level, otel_component(a, resource, scope), genai_usage(a), session, time))
    return out or None


def otel_spans(o):
    if "resourceSpans" not in o:
        return None
    out = []
    for rs in o.get("resourceSpans") or []:
        resource = attrs((rs.get("resource") or {}).get("attributes"))
        for ss in rs.get("scopeSpans") or []:
            scope = ss.get("scope") or {}
            for s in ss.get("spans") or []:
                a = attrs(s.get("attributes"))
                level = "error" if (s.get("status") or {}).get("code") == 2 else "info"
                session = (text(a.get("gen_ai.conversation.id")) or text(a.get("session.id")) or text(resource.get("session.id"))
                           or text(s.get("traceId")) or "")
                out.append(event(level, otel_component(a, resource, scope), genai_usage(a), session,
                                 epoch(s.get("startTimeUnixNano"), 1_000_000_000)))
    return out or None


def pino(o):
    if not isinstance(o.get("level"), (int, str)) or isinstance(o.get("level"), bool) or "time" not in o:
        return None
    if "v" in o or "event_type" in o or "event" in o or not any(k in o for k in ("msg", "pid", "hostname")):
        return None
    lv = o["level"]
    level = numeric_level(lv, PINO) if isinstance(lv, int) else level_name(lv)
    component = text(o.get("module")) or text(o.get("component")) or text(o.get("name")) or "pino"
    time = epoch(o["time"], 1000) if not isinstance(o["time"], str) else iso(o["time"])
    req = o.get("req") if isinstance(o.get("req"), dict) else {}
    session = text(o.get("sessionId")) or text(o.get("session_id")) or text(o.get("reqId")) or text(req.get("id")) or ""
    return [event(level or "info", component, None, session, time)]


def bunyan(o):
    if o.get("v") != 0 or not isinstance(o.get("level"), int) or not isinstance(o.get("time"), str) or "msg" not in o or "name" not in o:
        return None
    component = text(o.get("component")) or text(o.get("name")) or ""
    return [event(numeric_level(o["level"], PINO) or "info", component, None, text(o.get("req_id")) or text(o.get("session_id")) or "",
                  iso(o["time"]))]


def structlog(o):
    if not isinstance(o.get("event"), str) or not isinstance(o.get("level"), str) or "event_type" in o or "msg" in o:
        return None
    component = text(o.get("logger")) or text(o.get("logger_name")) or text(o.get("component")) or text(o.get("module")) or ""
    time = iso(o.get("timestamp")) if isinstance(o.get("timestamp"), str) else epoch(o.get("timestamp"), 1)
    session = text(o.get("session_id")) or text(o.get("request_id")) or text(o.get("conversation_id")) or ""
    return [event(level_name(o["level"]) or "info", component, None, session, time)]


MODEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}:[!-~]")
RECORD_KEYS = {"input_tokens", "output_tokens", "total_tokens", "model", "cache_read_tokens", "cache_write_tokens",
               "cache_write_1h_tokens", "reasoning_tokens"}


def usage_record(r):
    """A usage record that conforms to the contract (docs/contract.md section 5.1), as a usage; else None."""
    if not isinstance(r, dict) or not set(r) <= RECORD_KEYS or not {"input_tokens", "output_tokens", "total_tokens", "model"} <= set(r):
        return None
    counts = {k: r.get(k, 0) for k in RECORD_KEYS - {"model"}}
    # JSON Schema's integer: 320.0 is one (docs/contract.md section 5)
    counts = {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in counts.items()}
    if any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in counts.values()):
        return None
    if not isinstance(r["model"], str) or not MODEL.search(r["model"]):
        return None
    c = counts
    if c["total_tokens"] != c["input_tokens"] + c["output_tokens"] or c["cache_read_tokens"] + c["cache_write_tokens"] > c["input_tokens"] \
            or c["cache_write_1h_tokens"] > c["cache_write_tokens"] or c["reasoning_tokens"] > c["output_tokens"]:
        return None
    return {"model": r["model"], "input": c["input_tokens"], "output": c["output_tokens"], "cache_read": c["cache_read_tokens"],
            "cache_write": c["cache_write_tokens"], "cache_write_1h": c["cache_write_1h_tokens"], "reasoning": c["reasoning_tokens"]}


def unknown_model(tokens):
    """Tokens of a model the line does not name: only their number counts."""
    return {"model": "", "input": tokens, "output": 0, "cache_read": 0, "cache_write": 0, "cache_write_1h": 0, "reasoning": 0} if tokens else None


LEVEL_OF_EVENT = {"budget_exceeded": "critical", "session_error": "error", "step_error": "error", "error": "error",
                  "budget_warning": "warning", "retry_attempt": "warning", "alert": "warning"}


def sigil(o):
    """An execution entry (docs/contract.md sections 1-8)."""
    if not isinstance(o.get("event_type"), str):
        return None
    level = (level_name(o["level"]) if text(o.get("level")) else None) or LEVEL_OF_EVENT.get(o["event_type"], "info")
    meta = o.get("metadata") if isinstance(o.get("metadata"), dict) else {}
    tokens = o.get("tokens")
    tokens = int(tokens) if isinstance(tokens, (int, float)) and not isinstance(tokens, bool) and tokens > 0 else 0
    u = usage_record(meta["tokens_used"]) if "tokens_used" in meta else None
    return [event(level, text(o.get("component")) or "", u or unknown_model(tokens), text(o.get("session_id")) or "", iso(o.get("timestamp")))]


def operation_log(o):
    """A seed-002 operation-log line (docs/contract.md section 9)."""
    if isinstance(o.get("event_type"), str) or ("level" not in o and "operation" not in o):
        return None
    level = (level_name(o["level"]) if text(o.get("level")) else None) or "info"
    used = o.get("tokens_used")
    tokens = 0
    if isinstance(used, dict):
        total = count(used.get("total_tokens")) if not isinstance(used.get("total_tokens"), str) else None
        i, out = used.get("input_tokens"), used.get("output_tokens")
        tokens = total if total is not None else (i + out if count(i) is not None and count(out) is not None and not isinstance(i, str) else 0)
    u = usage_record(used) if "tokens_used" in o else None
    return [event(level, text(o.get("component")) or "", u or unknown_model(tokens), text(o.get("session_id")) or "", iso(o.get("timestamp")))]


READERS = {"sigil": sigil, "operation-log": operation_log, "claude-code": claude_code, "openai-chat": openai_chat, "openai-responses": openai_responses,
           "otel-logs": otel_logs, "otel-spans": otel_spans, "pino": pino, "bunyan": bunyan, "structlog": structlog}

COUNTS = ["input", "output", "cache_read", "cache_write", "cache_write_1h", "reasoning"]


def added(before, now):
    """What a later line of a call adds to an earlier one, count by count, never below zero."""
    return {c: max(0, now[c] - before[c]) for c in COUNTS}


def summary(fmt, path):
    read = READERS[fmt]
    s = {"lines": 0, "not_json": 0, "unrecognised": 0, "events": 0, "levels": {l: 0 for l in LEVELS}, "errors": 0,
         "tokens": {c: 0 for c in COUNTS + ["total", "unknown_model"]}, "models": {}, "components": {}, "sessions": [], "first": None, "last": None}
    calls = {}  # a call written on several lines: its last line's usage is the call's
    with open(path, "rb") as f:
        for raw in f:
            if not raw.strip():
                continue
            s["lines"] += 1
            try:
                o = json.loads(raw)
            except ValueError:
                s["not_json"] += 1
                continue
            events = read(o) if isinstance(o, dict) else None
            if events is None:
                if isinstance(o, dict):
                    s["unrecognised"] += 1
                else:
                    s["not_json"] += 1
                continue
            for e in events:
                s["events"] += 1
                s["levels"][e["level"]] += 1
                s["errors"] += 1 if LEVELS.index(e["level"]) >= LEVELS.index("error") else 0
                c = s["components"].setdefault(e["component"], {"events": 0, "tokens": 0})
                c["events"] += 1
                if e["session"] and e["session"] not in s["sessions"]:
                    s["sessions"].append(e["session"])
                if e["time"] is not None:
                    s["first"] = e["time"] if s["first"] is None or e["time"] < s["first"] else s["first"]
                    s["last"] = e["time"] if s["last"] is None or e["time"] > s["last"] else s["last"]
                u = e["usage"]
                if u is None:
                    continue
                key = e["key"] if e["key"] is not None else ("line", s["lines"], s["events"])
                before = calls.get(key)
                # a component is credited with what its line adds to the call (all of it for the call's first line)
                part = u if before is None else added(before, u)
                c["tokens"] += part["input"] + part["output"]
                calls[key] = u
    for u in calls.values():
        total = u["input"] + u["output"]
        s["tokens"]["total"] += total
        if u["model"]:
            for c in COUNTS:
                s["tokens"][c] += u[c]
            s["models"][u["model"]] = s["models"].get(u["model"], 0) + total
        else:
            s["tokens"]["unknown_model"] += total  # no model to price them with: only their number counts
    return s


def main(fmt, path):
    print(json.dumps(summary(fmt, path), sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
