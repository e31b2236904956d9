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

from alerts_expected import Rule, alert, readings

NONE_YET = -1 << 62  # before every time: a line before any of its session's times comes first


def main():
    rules = []
    for r in json.load(open(sys.argv[1]))["rules"]:
        if r.get("enabled", True):
            scope = dict(r.get("scope", {}))
            across = scope.pop("sessions", "each") == "all"
            rules.append((Rule(dict(r, scope=scope)), across))
    prices = json.load(open(sys.argv[2]))
    lines = sorted(readings(sys.argv[3:], prices), key=lambda x: (NONE_YET if x[4] is None else x[4], x[1], x[7], x[8]))
    merged_now = None
    for entry, session, counted, cost, now, budget, used, path, number in lines:
        if now is not None:
            merged_now = now if merged_now is None else max(merged_now, now)
        for rule, across in rules:
            if across:
                v = rule.offer(entry, "", counted, cost, merged_now, -1)
            else:
                v = rule.offer(entry, session, counted, cost, now, budget, used)
            if v is not None:
                print(alert(rule, v, entry, session, path, number))


if __name__ == "__main__":
    main()
