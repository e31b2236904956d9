#!/usr/bin/env python3
"""Runs seed 002's MonitorClient (seed_monitor_client.py) against a sigil serve for a while, then writes what it saw.

Usage: seed_monitor_probe.py URL SESSION SECONDS OUT.json
The client is used as the seed wrote it; only its address is pointed at the server under test (the seed's default is
ws://localhost:8000/...). Its dashboard is drawn on stdout; OUT.json gets its state when the time is up: the status it
keeps from the heartbeats, how many entries it received, the last of them, and the errors it recorded.
"""

import asyncio
import json
import sys

from seed_monitor_client import MonitorClient


async def main(url, session, seconds, out):
    client = MonitorClient(session_id=session)
    client.ws_url = url
    received = []
    original = client._process_log_entry

    def counting(entry):
        received.append(entry)
        original(entry)

    client._process_log_entry = counting
    try:
        await asyncio.wait_for(client.connect(), seconds)
        ended = "closed by the server"
    except asyncio.TimeoutError:
        ended = "timeout"
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"ended": ended, "status": client.current_status, "received": len(received),
                   "last": received[-1] if received else None, "errors": len(client.errors)}, f)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]))
