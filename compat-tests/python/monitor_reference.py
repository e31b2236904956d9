#!/usr/bin/env python3
"""The documented Sigil v2 monitor (seed 001, section 4.3), rewritten from its description for sigil's compat tests.

Standard library only. It keeps the documented state (SessionState, ComponentMetrics) and prints exactly what the
documented monitor prints in its stream and minimal modes and in its final summary. It departs from the seed only
where sigil decided otherwise, each time on purpose:

1. every event read is printed in stream mode (the seed prints only the last event of each read);
2. a session_complete whose tokens equal the running total restates it and is not added again
   (docs/contract.md section 4: tokens are counted once);
3. --no-follow reads the file once, prints, adds the final summary if the session ended, and exits
   (the seed waits for the session to end);
4. a session that stopped without session_complete or session_error ends, with --no-follow, with the
   "session incomplete" summary of its figures so far (seed 001 sections 8.3.1 and 8.3.3; docs/monitor.md).

Usage: monitor_reference.py --session ID [--log-path DIR] [--mode stream|minimal] [--no-follow]
"""

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

DEFAULT_BUDGET = 256_000


class Entry:
    """One log line: the seven keys of an execution entry, built like the seed's LogEntry(**data)."""

    def __init__(self, timestamp, session_id, event_type, component, message, tokens=0, metadata=None):
        self.timestamp = timestamp
        self.session_id = session_id
        self.event_type = event_type
        self.component = component
        self.message = message
        self.tokens = tokens
        self.metadata = {} if metadata is None else metadata


class Component:
    def __init__(self, name):
        self.name = name
        self.tokens_used = 0
        self.operations = 0
        self.total_latency_ms = 0.0
        self.errors = 0


class Session:
    def __init__(self, session_id):
        self.session_id = session_id
        self.status = "initializing"
        self.start_time = None
        self.end_time = None
        self.total_budget = DEFAULT_BUDGET
        self.tokens_used = 0
        self.components = {}
        self.latest = None

    def remaining(self):
        return max(0, self.total_budget - self.tokens_used)

    def percentage(self):
        if self.total_budget == 0:
            return 0.0
        return (self.tokens_used / self.total_budget) * 100

    def elapsed(self):
        if self.start_time is None:
            return 0.0
        finish = self.end_time if self.end_time is not None else datetime.now()
        return (finish - self.start_time).total_seconds()

    def elapsed_so_far(self):
        """Of a session that stopped: from its start to its newest line."""
        if self.start_time is None or self.latest is None:
            return 0.0
        return (self.latest - self.start_time).total_seconds()

    def add(self, entry):
        kind = entry.event_type
        try:
            when = datetime.fromisoformat(entry.timestamp)
            if self.latest is None or when > self.latest:
                self.latest = when
        except ValueError:
            pass
        if kind == "session_start":
            self.status = "running"
            self.start_time = datetime.fromisoformat(entry.timestamp)
            if "budget" in entry.metadata:
                self.total_budget = entry.metadata["budget"]
        elif kind == "session_complete":
            self.status = "complete"
            self.end_time = datetime.fromisoformat(entry.timestamp)
        elif kind == "session_error":
            self.status = "error"
            self.end_time = datetime.fromisoformat(entry.timestamp)
        elif kind in ("step_complete", "step_error"):
            metrics = self.components.setdefault(entry.component, Component(entry.component))
            metrics.tokens_used += entry.tokens
            metrics.operations += 1
            if "latency_ms" in entry.metadata:
                metrics.total_latency_ms += entry.metadata["latency_ms"]
            if kind == "step_error":
                metrics.errors += 1
        restated = kind == "session_complete" and entry.tokens > 0 and entry.tokens == self.tokens_used
        if not restated:
            self.tokens_used += entry.tokens


def header(session_id):
    rule = "=" * 50
    print("\n" + rule)
    print("       SIGIL v2 EXECUTION MONITOR")
    print(rule)
    print(f"Session: {session_id}")
    print("Status: Initializing...")
    print("-" * 50)


def stream_line(entry):
    clock = entry.timestamp.split("T")[1].split(".")[0]
    print(f"[{clock}] {entry.component}: {entry.message} ({entry.tokens} tokens)")


def minimal_line(state):
    print(f"\rTokens: {state.tokens_used:,} / {state.total_budget:,} ({state.percentage():.2f}%)", end="", flush=True)


def summary(state, incomplete=False):
    rule = "=" * 60
    print("\n" + rule)
    print("           SESSION INCOMPLETE" if incomplete else "           EXECUTION COMPLETE")
    print(rule)
    if incomplete:
        print("\nSession incomplete: the log has no session_complete or session_error (yet).")
    print(f"\nSession:  {state.session_id}")
    print(f"Status:   {'INCOMPLETE' if incomplete else state.status.upper()}")
    print(f"Duration: {state.elapsed_so_far() if incomplete else state.elapsed():.1f}s")
    print("\nToken Usage So Far:" if incomplete else "\nFinal Token Usage:")
    print(f"  Total:     {state.tokens_used:,} / {state.total_budget:,}")
    print(f"  Percentage: {state.percentage():.2f}%")
    print(f"  Remaining:  {state.remaining():,}")
    if state.components:
        print("\nComponent Breakdown:")
        for name, metrics in state.components.items():
            print(f"  {name:12}: {metrics.tokens_used:,} tokens, {metrics.total_latency_ms:.0f}ms")
    print("\n" + rule)


def read_new(path, position):
    """Entries appended since position, and the new position; malformed lines are skipped."""
    entries = []
    with open(path, "r", encoding="utf-8") as f:
        f.seek(position)
        for line in f:
            line = line.strip()
            if line:
                try:
                    entries.append(Entry(**json.loads(line)))
                except json.JSONDecodeError:
                    pass
        position = f.tell()
    return entries, position


def main():
    parser = argparse.ArgumentParser(description="documented Sigil v2 monitor (reference for sigil's compat tests)")
    parser.add_argument("--session", required=True)
    parser.add_argument("--log-path")
    parser.add_argument("--mode", choices=["stream", "minimal"], default="stream")
    parser.add_argument("--refresh-rate", type=float, default=0.1)
    parser.add_argument("--no-follow", action="store_true")
    args = parser.parse_args()

    log_file = Path(args.log_path or str(Path.home() / ".sigil" / "logs")) / "sessions" / args.session / "execution.jsonl"
    state = Session(args.session)
    header(args.session)
    print(f"Waiting for session {args.session}...")
    while not log_file.exists():
        if args.no_follow:
            sys.exit(2)
        time.sleep(0.5)
    print(f"Found log file: {log_file}")

    position = 0
    read_any = False
    while True:
        entries, position = read_new(log_file, position)
        for entry in entries:
            read_any = True
            state.add(entry)
            if args.mode == "stream":
                stream_line(entry)
        if entries and args.mode == "minimal":
            minimal_line(state)
        if state.status in ("complete", "error"):
            summary(state)
            return
        if args.no_follow:
            if read_any:
                summary(state, incomplete=True)
            return
        time.sleep(args.refresh_rate)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("\nMonitor stopped.")
