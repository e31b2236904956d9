#!/usr/bin/env python3
"""The documented monitor state of one log, as JSON: seed 001 section 4.3's SessionState.update_from_entry, as
monitor_reference.py keeps it (its Session class), applied to every line of the file.

Standard library only. Usage: monitor_state.py LOG_FILE [SESSION_ID]
Prints {"status", "tokens_used", "total_budget", "tokens_remaining", "components": {name: {"tokens_used",
"operations", "errors", "total_latency_ms"}}}.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from monitor_reference import Entry, Session  # noqa: E402


def main():
    state = Session(sys.argv[2] if len(sys.argv) > 2 else "")
    with open(sys.argv[1], "r", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                state.add(Entry(**json.loads(line)))
    print(json.dumps({
        "status": state.status,
        "tokens_used": state.tokens_used,
        "total_budget": state.total_budget,
        "tokens_remaining": state.remaining(),
        "components": {
            name: {
                "tokens_used": c.tokens_used,
                "operations": c.operations,
                "errors": c.errors,
                "total_latency_ms": c.total_latency_ms,
            }
            for name, c in state.components.items()
        },
    }))


if __name__ == "__main__":
    main()
