#!/usr/bin/env python3
"""CPython's answers to the formatting and time rules sigil's monitor reimplements (stdlib only).

Reads one JSON object on stdin with lists of cases, writes one JSON object with CPython's results in the same
order. Used by dev.sigil.monitor.PythonRulesCompatTest.
"""

import json
import sys
from datetime import datetime
from pathlib import PurePosixPath


def fromisoformat(text):
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def elapsed(pair):
    start, end = fromisoformat(pair[0]), fromisoformat(pair[1])
    if start is None or end is None:
        return None
    try:
        return f"{(end - start).total_seconds():.1f}"
    except TypeError:  # naive and aware
        return None


def main():
    cases = json.load(sys.stdin)
    out = {
        "fixed": [format(v, f".{d}f") for v, d in cases["fixed"]],
        "grouped": [f"{v:,}" for v in cases["grouped"]],
        "grouped6": [f"{v:6,}" for v in cases["grouped"]],
        "pad12": [f"{s:12}" for s in cases["pad12"]],
        "percent": [repr((used / budget) * 100) for used, budget in cases["percent"]],
        "parses": [fromisoformat(t) is not None for t in cases["timestamps"]],
        "elapsed": [elapsed(p) for p in cases["elapsed"]],
        "paths": [str(PurePosixPath(p) / "sessions" / "s1" / "execution.jsonl") for p in cases["paths"]],
        "clock": [t.split("T")[1].split(".")[0] for t in cases["clock"]],
    }
    json.dump(out, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
