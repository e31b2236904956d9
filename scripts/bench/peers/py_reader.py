#!/usr/bin/env python3
"""Peer of `sigil tail`: what the documented Python monitor does with a log, in one CPython process.

Reads every line, json.loads it (or orjson.loads with --orjson), skips lines that are not JSON objects, and keeps
per-component totals of entries and tokens, as the seed's monitor does; prints the totals at the end.
"""
import sys

loads = None
if "--orjson" in sys.argv:
    import orjson
    loads = orjson.loads
else:
    import json
    loads = json.loads


def main(path):
    totals = {}
    skipped = 0
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                entry = loads(line)
            except ValueError:
                skipped += 1
                continue
            if not isinstance(entry, dict):
                skipped += 1
                continue
            component = entry.get("component", "unknown")
            count, tokens = totals.get(component, (0, 0))
            t = entry.get("tokens", 0)
            totals[component] = (count + 1, tokens + (t if isinstance(t, int) else 0))
    for component in sorted(totals, key=str):
        print("%s %d entries %d tokens" % (component, *totals[component]))
    print("skipped %d" % skipped)


main([a for a in sys.argv[1:] if not a.startswith("--")][0])
