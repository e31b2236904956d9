#!/usr/bin/env python3
"""What `sigil report --by KEY` must find in some logs, computed from the documentation alone (docs/contract.md
sections 4, 5, 5.2, 8 and 9; docs/cost.md), without sigil's code: which lines count, with how many tokens, in which
group, and which model calls are to be priced (the test prices them with @pydantic/genai-prices under node).

Standard library only. Usage: report_totals.py KEY FILE...   (files in reading order; naive timestamps are the local
time of TZ; a line without a session belongs to its file's: the directory of execution.jsonl and its rotated parts
execution.N.jsonl, else the file's name without .jsonl). Prints one JSON object:
  {"groups": {KEY: GROUP, ...}, "total": GROUP}
  GROUP = {"input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens",
           "total_tokens", "events", "unknown_tokens", "calls": [{"model", "usage", "timestamp", "tokens"}]}
"calls" are the lines with a usage record naming a model; "unknown_tokens" the counted tokens of lines without one.
"""

import datetime
import json
import os
import re
import sys

MAX_LONG = 2 ** 63 - 1
MODEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}:[!-~]")
USAGE_KEYS = ["input_tokens", "output_tokens", "total_tokens", "model", "cache_read_tokens", "cache_write_tokens",
              "cache_write_1h_tokens", "reasoning_tokens"]
COMPONENTS = ["orchestrator", "routing", "memory", "planning", "reasoning", "contracts", "validation"]
SEED2 = {"router": "routing", "planner": "planning", "cli": "orchestrator", "tools": "reasoning"}
PHASES = {"routing": "routing", "planning": "planning", "reasoning": "plan_execution", "contracts": "contract_validation",
          "validation": "output_verification", "orchestrator": "initialization"}


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def count(v, absent):
    """A number as a token count: an integer that fits a long, a finite float cut to one, else `absent`."""
    if is_int(v):
        return v if -2 ** 63 <= v <= MAX_LONG else absent
    if isinstance(v, float) and v == v and abs(v) < 2.0 ** 63:
        return int(v)
    return absent


def text(v):
    return v if isinstance(v, str) else ""


def usage_of(record):
    """A usage record that keeps the contract (section 5.1), else None."""
    if not isinstance(record, dict) or any(k not in USAGE_KEYS for k in record):
        return None
    if any(k not in record for k in USAGE_KEYS[:4]):
        return None
    counts = {}
    for k in USAGE_KEYS:
        if k == "model" or k not in record:
            continue
        if not is_int(record[k]) or not 0 <= record[k] <= MAX_LONG:
            return None
        counts[k] = record[k]
    model = record["model"]
    if not isinstance(model, str) or not MODEL.search(model):
        return None
    get = lambda k: counts.get(k, 0)
    if get("input_tokens") + get("output_tokens") != get("total_tokens"):
        return None
    if get("cache_read_tokens") + get("cache_write_tokens") > get("input_tokens"):
        return None
    if get("cache_write_1h_tokens") > get("cache_write_tokens") or get("reasoning_tokens") > get("output_tokens"):
        return None
    counts["model"] = model
    return counts


def contract_component(name, seed2):
    if seed2 and name in SEED2:
        return SEED2[name]
    return name if name in COMPONENTS else None


def parse_time(ts):
    try:
        t = datetime.datetime.fromisoformat(ts.replace("Z", "+00:00").replace("z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    return t


class Line:
    pass


def read_line(d):
    """The reader's view of one JSON object (docs/contract.md sections 8-9), or None for no dialect we count."""
    line = Line()
    meta = d.get("metadata") if isinstance(d.get("metadata"), dict) else {}
    if isinstance(d.get("event_type"), str):
        line.dialect = "entry"
        line.event_type = d["event_type"]
        line.tokens = max(0, count(d.get("tokens"), 0))
        line.usage = usage_of(meta.get("tokens_used")) if "tokens_used" in meta else None
        line.component = text(d.get("component"))
        line.contract = contract_component(line.component, False)
        own = text(d.get("operation")) if "operation" in d else line.event_type
        line.operation = text(meta.get("operation")) or own
        line.phase = text(meta.get("phase"))
    elif "level" in d or "operation" in d:
        line.dialect = "oplog"
        tu = d.get("tokens_used")
        tokens = 0
        if isinstance(tu, dict):
            total = count(tu.get("total_tokens"), -1)
            if total >= 0:
                tokens = total
            else:
                i, o = count(tu.get("input_tokens"), -1), count(tu.get("output_tokens"), -1)
                tokens = i + o if i >= 0 and o >= 0 else 0
        line.tokens = tokens
        line.usage = usage_of(tu) if tu is not None else None
        line.component = text(d.get("component"))
        line.contract = contract_component(line.component, True)
        line.operation = text(d.get("operation"))
        line.phase = text(d.get("phase"))
        line.event_type = ""  # only session_complete of execution entries matters below
    else:
        return None
    line.session = text(d.get("session_id"))
    line.timestamp = text(d.get("timestamp"))
    return line


def phase_of(line):
    if line.phase:
        return line.phase
    if line.contract == "orchestrator" and line.event_type in ("session_complete", "session_error"):
        return "completion"
    if line.contract == "memory":
        return "memory_extraction" if "extract" in line.operation else "memory_retrieval"
    return PHASES.get(line.contract, "(unknown phase)")


def key_of(by, line, session):
    if by == "model":
        return line.usage["model"] if line.usage else "(unknown model)"
    if by == "component":
        name = line.contract if line.dialect == "oplog" and line.contract else line.component
        return name or "(none)"
    if by == "operation":
        return line.operation or "(none)"
    if by == "phase":
        return phase_of(line)
    if by == "session":
        return session
    if by == "day":
        t = parse_time(line.timestamp)
        if t is None:
            return "(no date)"
        return (t.astimezone() if t.tzinfo else t).date().isoformat()
    raise SystemExit("unknown key " + by)


def empty_group():
    return {"input_tokens": 0, "output_tokens": 0, "cache_read_tokens": 0, "cache_write_tokens": 0, "reasoning_tokens": 0,
            "total_tokens": 0, "events": 0, "unknown_tokens": 0, "calls": []}


def add(group, line, counted):
    group["total_tokens"] += counted
    group["events"] += 1
    u = line.usage
    if u is None:
        group["unknown_tokens"] += counted
        return
    for k in ["input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens"]:
        group[k] += u.get(k, 0)
    t = parse_time(line.timestamp)
    at = (t if t.tzinfo else t.astimezone()).astimezone(datetime.timezone.utc)
    group["calls"].append({"model": u["model"], "usage": {k: v for k, v in u.items() if k != "model"},
                           "timestamp": at.isoformat(timespec="microseconds").replace("+00:00", "Z"), "tokens": counted})


def file_session_of(path):
    name = os.path.basename(path)
    if re.fullmatch(r"execution(\.[1-9][0-9]{0,8})?\.jsonl", name):
        return os.path.basename(os.path.dirname(os.path.abspath(path)))
    return name[:-len(".jsonl")] if name.endswith(".jsonl") else name


def main():
    by = sys.argv[1]
    groups, total = {}, empty_group()
    running = {}
    for path in sys.argv[2:]:
        file_session = file_session_of(path)
        with open(path, "rb") as f:
            for raw in f:
                if not raw.strip():
                    continue
                try:
                    d = json.loads(raw.decode("utf-8"))
                except ValueError:
                    continue
                if not isinstance(d, dict):
                    continue
                line = read_line(d)
                if line is None:
                    continue
                session = line.session or file_session
                so_far = running.get(session, 0)
                if line.dialect == "entry":
                    restated = line.event_type == "session_complete" and line.tokens > 0 and line.tokens == so_far
                    counted = 0 if restated else line.tokens
                else:
                    counted = 0 if line.contract == "orchestrator" else line.tokens
                running[session] = so_far + counted
                if counted <= 0:
                    continue
                add(groups.setdefault(key_of(by, line, session), empty_group()), line, counted)
                add(total, line, counted)
    print(json.dumps({"groups": groups, "total": total}))


if __name__ == "__main__":
    main()
