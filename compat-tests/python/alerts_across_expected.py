#!/usr/bin/env python3
"""Which alerts `sigil alerts test` must print when some rules are over all sessions (scope {"sessions": "all"}),
derived from docs/alerts.md section 3 alone. Standard library only; reuses the per-line readings of
alerts_expected.py (pricing, levels, one rule's window and cooldown), not sigil's code.

Usage: alerts_across_expected.py RULES.json PRICES.json FILE...   (naive timestamps are UTC: run with TZ=UTC)
Prints one JSON object per alert, as alerts_expected.py does, in the merged order.

The merged order: every line gets its session's newest readable time so far (a line before any has none and comes
first), and the lines of all files are sorted by that time, then session, then file (the path as given), then line
number. A rule of each session keeps a window per session; a rule over all sessions keeps one, over the lines in the
merged order, at the newest time of the lines merged so far. The alerts of one line come in the rules' file order.
"""

import json
import sys

from alerts_expected import Rule, micros, model_of, price


def read(paths, prices):
    lines, totals, clocks, budgets = [], {}, {}, {}
    for path in paths:
        with open(path, "rb") as f:
            for number, raw in enumerate(f, start=1):
                if not raw.strip():
                    continue
                entry = json.loads(raw)
                if entry["event_type"] == "alert":
                    continue
                session = entry["session_id"]
                tokens = entry.get("tokens", 0)
                restated = entry["event_type"] == "session_complete" and tokens > 0 and tokens == totals.get(session, 0)
                counted = 0 if restated else tokens
                totals[session] = totals.get(session, 0) + counted
                t = micros(entry.get("timestamp"))
                if t is not None and (clocks.get(session) is None or t >= clocks[session]):
                    clocks[session] = t
                budget = (entry.get("metadata") or {}).get("budget")
                if isinstance(budget, int) and budget > 0:
                    budgets[session] = budget
                cost = price(entry, prices) if counted > 0 and model_of(entry) in prices else None
                now = clocks.get(session)
                key = (-1 << 62 if now is None else now, session, path, number)
                lines.append((key, entry, session, counted, cost, now, budgets.get(session, -1), path, number))
    return sorted(lines, key=lambda line: line[0])


def main():
    rules = []
    for r in json.load(open(sys.argv[1]))["rules"]:
        if r.get("enabled", True):
            scope = dict(r.get("scope", {}))
            across = scope.pop("sessions", "each") == "all"
            rules.append((Rule(dict(r, scope=scope)), across))
    prices = json.load(open(sys.argv[2]))
    merged_now = None
    for key, entry, session, counted, cost, now, budget, path, number in read(sys.argv[3:], prices):
        if now is not None:
            merged_now = now if merged_now is None else max(merged_now, now)
        for rule, across in rules:
            if across:
                v = rule.offer(entry, "", counted, cost, merged_now, -1) if rule.in_scope(entry, session) else None
            else:
                v = rule.offer(entry, session, counted, cost, now, budget)
            if v is not None:
                print(json.dumps({"rule": rule.r["name"], "severity": rule.r.get("severity", "warning"),
                                  "metric": rule.r["metric"], "value": str(v), "session_id": session,
                                  "timestamp": entry.get("timestamp", ""), "file": path, "line": number}))


if __name__ == "__main__":
    main()
