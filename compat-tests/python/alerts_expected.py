#!/usr/bin/env python3
"""Which alerts `sigil alerts test` must print for some logs, derived from docs/alerts.md alone, without sigil's code.

Standard library only. Usage: alerts_expected.py RULES.json PRICES.json FILE...   (a rule of invalid_lines also needs the jsonschema package)
  RULES.json  the rules file written as JSON (JSON is YAML: sigil reads the same file)
  PRICES.json {"provider:model": {"input_mtok": "2", "output_mtok": "10"}, ...}: flat prices, US dollars per million
              tokens (the test's price override file says the same); any other model is unpriced
  FILE...     execution-entry logs in reading order; naive timestamps are UTC (run with TZ=UTC)
Prints one JSON object per alert and line, in the order they fire:
  {"rule", "severity", "metric", "value" (a string: the exact decimal), "session_id", "timestamp", "file", "line"}

The rules (docs/alerts.md section 3): each line counts for its session; a line's tokens count unless it is a
session_complete restating the session's running total; it is priced when it counts tokens and its usage record names
a priced model. A rule looks only at the lines of its scope that its metric counts; it adds the line's sample to the
session's window, computes the metric, and fires when the comparison holds and the cooldown has passed.

A line that fails the contract (section 2, invalid_lines: not JSON, not an object, or an execution entry that
contract/execution-entry.schema.json refuses) counts for the session of its file's last line before it, at that
session's newest time, and its alerts carry the timestamp of that session's newest readable line ("" if none).
"""

import datetime
import json
import math
import os
import sys
from decimal import Decimal, getcontext, localcontext

getcontext().prec = 16  # the decimal64 context sigil divides in
EPOCH = datetime.datetime(1970, 1, 1)
SECOND = 1_000_000
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
ERROR_TYPES = {"session_error", "step_error", "error"}


def micros(ts):
    """Microseconds since the epoch (UTC), or None when the text is not a time sigil reads (length 19 and up)."""
    if not isinstance(ts, str) or len(ts) < 19:
        return None
    try:
        t = datetime.datetime.fromisoformat(ts)
    except ValueError:
        return None
    if t.tzinfo is not None:
        t = t.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return (t - EPOCH) // datetime.timedelta(microseconds=1)


def duration(text):
    return int(text[:-1]) * UNITS[text[-1]] * SECOND


def level(entry):
    meta = entry.get("metadata") or {}
    if meta.get("severity") == "critical" or entry["event_type"] == "budget_exceeded":
        return "CRITICAL"
    if entry["event_type"] in ERROR_TYPES:
        return "ERROR"
    if entry["event_type"] in ("budget_warning", "retry_attempt", "alert"):
        return "WARNING"
    return "INFO"


def model_of(entry):
    usage = (entry.get("metadata") or {}).get("tokens_used")
    return usage.get("model", "") if isinstance(usage, dict) else ""


def price(entry, prices):
    usage = entry["metadata"]["tokens_used"]
    p = prices[usage["model"]]
    return (Decimal(usage["input_tokens"]) * Decimal(p["input_mtok"]) + Decimal(usage["output_tokens"]) * Decimal(p["output_mtok"])) \
        / Decimal(1_000_000)


def nearest_rank(values, p):
    ordered = sorted(values)
    return ordered[max(math.ceil(p * len(ordered) / 100), 1) - 1]


class Rule:
    def __init__(self, r):
        self.r = r
        self.window = r.get("window", "session")
        self.cooldown = duration(r["cooldown"]) if "cooldown" in r else None
        self.threshold = Decimal(str(r["threshold"]))
        self.sessions = {}

    def in_scope(self, entry, session):
        s = self.r.get("scope", {})
        actual = {"component": entry["component"], "model": model_of(entry), "event_type": entry["event_type"],
                  "level": level(entry), "session": session}
        return all(actual[k] == v for k, v in s.items())

    def sample(self, entry, counted, cost):
        m = self.r["metric"]
        if m == "cost_usd":
            return cost
        if m in ("tokens", "budget_percent", "budget_forecast_s"):
            return Decimal(counted) if counted > 0 else None
        if m == "unpriced_tokens":
            return Decimal(counted) if counted > 0 and cost is None else None
        if m == "error_count":
            return Decimal(1) if level(entry) in ("ERROR", "CRITICAL") else None
        if m in ("error_rate", "events"):
            return Decimal(1)
        if m == "invalid_lines":
            return None  # counted from the notices of the lines that fail the contract, not from entries
        latency = (entry.get("metadata") or {}).get("latency_ms")
        return Decimal(repr(float(latency))) if isinstance(latency, (int, float)) and not isinstance(latency, bool) else None

    def bucket(self, local):
        return {"hour": local // (3600 * SECOND), "day": local // (86400 * SECOND)}.get(self.window, 0)

    def forecast(self, st, budget, now, used):
        """Seconds until the budget is spent at the window's rate: tokens left x the window's length / its tokens."""
        if budget <= 0:
            return None
        if budget - used <= 0:
            return Decimal(0)
        tokens = sum((v for _, v, _ in st["samples"]), Decimal(0))
        if now is None or st["first"] is None or tokens <= 0:
            return None
        span = now - st["first"]
        if self.window not in ("session", "hour", "day"):
            span = min(span, duration(self.window))
        if span <= 0:
            return None
        with localcontext() as exact:  # the products exactly, then one division rounded to 16 digits, as sigil divides
            exact.prec = 60
            left, length = Decimal(budget - used) * Decimal(span), tokens * SECOND
        return left / length

    def value(self, samples, budget):
        m = self.r["metric"]
        values = [v for _, v, _ in samples]
        if m == "error_rate":
            return Decimal(sum(e for _, _, e in samples)) * 100 / Decimal(len(samples))
        if m.startswith("latency_"):
            return nearest_rank(values, {"latency_p50_ms": 50, "latency_p95_ms": 95, "latency_max_ms": 100}[m])
        if m == "budget_percent":
            return sum(values, Decimal(0)) * 100 / Decimal(budget) if budget > 0 else None
        return sum(values, Decimal(0))

    def holds(self, v):
        t = self.threshold
        return {">": v > t, ">=": v >= t, "<": v < t, "<=": v <= t, "==": v == t, "!=": v != t}[self.r["op"]]

    def offer_invalid(self, session, now):
        """The value if a line of `session` that fails the contract fires the rule, else None."""
        if self.r["metric"] != "invalid_lines" or self.r.get("scope", {}).get("session", session) != session:
            return None
        return self.fold(session, Decimal(1), 0, now, -1, 0)

    def offer(self, entry, session, counted, cost, now, budget, used=0):
        if not self.in_scope(entry, session):
            return None
        x = self.sample(entry, counted, cost)
        if x is None:
            return None
        return self.fold(session, x, 1 if level(entry) in ("ERROR", "CRITICAL") else 0, now, budget, used)

    def fold(self, session, x, error, now, budget, used):
        if self.window != "session" and now is None:
            return None
        st = self.sessions.setdefault(session, {"bucket": None, "samples": [], "fired": None, "fired_bucket": None, "first": None})
        b = self.bucket(now) if now is not None else 0
        if st["bucket"] != b:
            st["bucket"], st["samples"], st["first"] = b, [], None
        st["samples"].append((now, x, error))
        if st["first"] is None and now is not None:
            st["first"] = now
        if self.window not in ("session", "hour", "day"):
            st["samples"] = [s for s in st["samples"] if s[0] > now - duration(self.window)]
        if self.r["metric"] == "budget_forecast_s":
            v = self.forecast(st, budget, now, used)
        else:
            v = self.value(st["samples"], budget)
        if v is None or not self.holds(v) or not self.cooled(st, now, b):
            return None
        st["fired"], st["fired_bucket"] = now if now is not None else "no time", b
        return v

    def cooled(self, st, now, b):
        if st["fired"] is None:
            return True
        if self.cooldown is None:
            if self.window == "session":
                return False
            if self.window in ("hour", "day"):
                return b != st["fired_bucket"]
            wait = duration(self.window)
        else:
            wait = self.cooldown
        return now is not None and st["fired"] != "no time" and now - st["fired"] >= wait


class Invalid(dict):
    """A line that fails the contract, as the rules see it: only the timestamp its alerts carry."""


def contract_check():
    """Whether a decoded object keeps the contract: the execution-entry schema, read by jsonschema (draft 7)."""
    import os
    import jsonschema
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "..", "contract", "execution-entry.schema.json")) as f:
        return jsonschema.Draft7Validator(json.load(f)).is_valid


def decoded(raw, valid):
    """The line's object, or None when it fails the contract (with `valid`); the entry too when only the schema fails."""
    try:
        entry = json.loads(raw)
    except ValueError:
        return None, False
    if not isinstance(entry, dict):
        return None, False
    return entry, valid is None or valid(entry)


def readings(paths, prices, valid=None):
    """Each line as the rules see it, in reading order: (entry, session, counted tokens, cost or None, its session's
    newest time or None, the session's budget or -1, the session's tokens so far, path, line number). With `valid`
    (contract_check()), a line that fails the contract comes first as an Invalid entry, then its entry if it has one."""
    totals, clocks, budgets, stamps = {}, {}, {}, {}
    for path in paths:
        last_session = None
        with open(path, "rb") as f:
            for number, raw in enumerate(f, start=1):
                if not raw.strip():
                    continue
                entry, ok = decoded(raw, valid)
                if not ok:
                    s = last_session if last_session is not None else os.path.splitext(os.path.basename(path))[0]
                    yield (Invalid(timestamp=stamps.get(s, "")), s, 0, None, clocks.get(s), budgets.get(s, -1),
                           totals.get(s, 0), path, number)
                if entry is None:
                    continue
                last_session = entry["session_id"]
                if entry["event_type"] == "alert":
                    continue  # what the rules wrote is not evaluated again (section 3)
                session = entry["session_id"]
                tokens = entry.get("tokens", 0)
                restated = entry["event_type"] == "session_complete" and tokens > 0 and tokens == totals.get(session, 0)
                counted = 0 if restated else tokens
                totals[session] = totals.get(session, 0) + counted
                t = micros(entry.get("timestamp"))
                if t is not None and (clocks.get(session) is None or t >= clocks[session]):
                    clocks[session], stamps[session] = t, entry["timestamp"]
                budget = (entry.get("metadata") or {}).get("budget")
                if isinstance(budget, int) and budget > 0:
                    budgets[session] = budget
                cost = price(entry, prices) if counted > 0 and model_of(entry) in prices else None
                yield entry, session, counted, cost, clocks.get(session), budgets.get(session, -1), totals[session], path, number


def alert(rule, value, entry, session, path, number):
    return json.dumps({"rule": rule.r["name"], "severity": rule.r.get("severity", "warning"), "metric": rule.r["metric"],
                       "value": str(value), "session_id": session, "timestamp": entry.get("timestamp", ""), "file": path,
                       "line": number})


def main():
    rules = [Rule(r) for r in json.load(open(sys.argv[1]))["rules"] if r.get("enabled", True)]
    prices = json.load(open(sys.argv[2]))
    valid = contract_check() if any(r.r["metric"] == "invalid_lines" for r in rules) else None
    for entry, session, counted, cost, now, budget, used, path, number in readings(sys.argv[3:], prices, valid):
        for rule in rules:
            if isinstance(entry, Invalid):
                v = rule.offer_invalid(session, now)
            else:
                v = rule.offer(entry, session, counted, cost, now, budget, used)
            if v is not None:
                print(alert(rule, v, entry, session, path, number))


if __name__ == "__main__":
    main()
