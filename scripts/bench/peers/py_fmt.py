#!/usr/bin/env python3
"""Peer of `sigil fmt`: json.dumps(json.loads(line), separators=(',', ':')) for every line, to stdout."""
import json
import sys

out = sys.stdout.buffer
with open(sys.argv[1], "rb") as f:
    for line in f:
        if line.strip():
            out.write(json.dumps(json.loads(line), separators=(",", ":")).encode("ascii") + b"\n")
