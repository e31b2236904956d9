#!/usr/bin/env python3
"""Peer of sigil's ExecutionLogger: a Python logger written to docs/logging.md's behaviour, synchronous as the
seed's logger is: each log_event sanitizes, validates (jsonschema, Draft 7), encodes and buffers the entry; a batch
is written when it holds 4096 bytes or 100 entries or its oldest entry waited 100 ms, then fsync'd (fdatasync).

  py_logger.py SCHEMA DIR N     logs N entries; prints entries/s and log_event latency percentiles in microseconds
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "compat-tests", "python"))
import jsonschema  # noqa: E402
import reference_logger as ref  # noqa: E402


class Logger:
    def __init__(self, path, schema):
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self.validator = jsonschema.Draft7Validator(schema)
        self.usage_validator = jsonschema.Draft7Validator(schema["definitions"]["token_usage"])
        self.batch = []
        self.size = 0
        self.oldest = 0.0

    def log_event(self, event_type, component, message, tokens, metadata):
        entry = {"timestamp": ref.timestamp(int(time.time() * 1e6)), "session_id": "bench", "event_type": event_type,
                 "component": component, "message": ref.clean_text(message), "tokens": tokens,
                 "metadata": ref.clean_value(metadata, False)}
        if ref.violations(entry, self.validator, self.usage_validator):
            return False
        line = (json.dumps(entry, separators=(",", ":")) + "\n").encode("ascii")
        if not self.batch:
            self.oldest = time.monotonic()
        self.batch.append(line)
        self.size += len(line)
        if self.size >= 4096 or len(self.batch) >= 100 or time.monotonic() - self.oldest >= 0.1:
            self.flush()
        return True

    def flush(self):
        if self.batch:
            os.write(self.fd, b"".join(self.batch))
            os.fdatasync(self.fd)
            self.batch = []
            self.size = 0

    def close(self):
        self.flush()
        os.close(self.fd)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    n = int(sys.argv[3])
    logger = Logger(os.path.join(sys.argv[2], "execution.jsonl"), schema)
    lat = []
    start = time.perf_counter()
    for i in range(n):
        t0 = time.perf_counter_ns()
        logger.log_event("step_complete", "reasoning", "Step %d complete: analysis of the lead" % i, 120,
                         {"latency_ms": 1234.5, "operation": "reason", "context": {"items": i % 40}})
        lat.append(time.perf_counter_ns() - t0)
    logger.close()
    elapsed = time.perf_counter() - start
    lat.sort()
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] / 1000.0
    print(json.dumps({"entries_per_s": n / elapsed, "p50_us": q(0.5), "p99_us": q(0.99), "p999_us": q(0.999)}))


main()
