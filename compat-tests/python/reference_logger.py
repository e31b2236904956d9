#!/usr/bin/env python3
"""A reference execution logger, written from docs/logging.md and docs/contract.md alone (stdlib + jsonschema).

It writes what sigil's Java logger must write for the same entries: the compat test
(src/test/java/dev/sigil/log/ReferenceLoggerCompatTest.java) runs both on the same script and compares the files
byte for byte. Buffering, threads, rotation and faults are out of its scope: it writes the documented bytes.

Usage: reference_logger.py --log-path DIR --session ID --schema SCHEMA SCRIPT

SCRIPT holds one JSON object per line (read with json.loads, so NaN and Infinity are allowed):
  {"op": "log", "at_micros": N, "event_type": ..., "component": ..., "message": ..., "tokens": N, "metadata": {...}}
  {"op": "summaries", "tokens": {...} or null, "metrics": {...} or null}
  {"op": "close", "at_micros": N}
at_micros is the time of the entry in microseconds since the epoch; timestamps are naive isoformat() of that
instant in UTC (the Java side runs its clock in UTC too).
"""

import argparse
import datetime
import json
import math
import os
import re
import sys

import jsonschema

# --------------------------------------------------------------------------------------------- sanitization
# docs/logging.md, "Sanitization". re.ASCII everywhere: \s and case folding mean the same as in Java.

REDACTED = "***REDACTED***"
API_KEY = "***API_KEY***"
CARD_NUMBER = "***CARD_NUMBER***"
EMAIL = "***EMAIL***"

URL_CREDENTIALS = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://[^\s/:@]*:)([^\s/@]+)@", re.ASCII)
SECRET_WORDS = (r"api[_-]?key|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret"
                r"|passw(?:or)?d|passphrase|secret|(?:access|refresh|auth|api|session|id)[_-]?token|authorization")
ASSIGNMENT = re.compile(
    r"((?:" + SECRET_WORDS + r")[\"']?[ \t]*(?::=|[:=](?!=))[ \t]*)"
    r"((?:bearer|basic|token|digest)[ \t]+)?(?:\"([^\"\r\n]*)\"|'([^'\r\n]*)'|([^\s\"',;&)\]}]+))",
    re.ASCII | re.IGNORECASE)
BEARER = re.compile(r"(?<![A-Za-z0-9_-])(bearer[ \t]+)[A-Za-z0-9._~+/-]{16,}=*", re.ASCII | re.IGNORECASE)
SK_KEY = re.compile(r"(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}", re.ASCII | re.IGNORECASE)
CARD = re.compile(r"(?<![0-9A-Za-z_])(?<![0-9][.,])([2-6][0-9]{3})([ -]?)([0-9]{4})\2([0-9]{4})\2([0-9]{4})"
                  r"(?![0-9A-Za-z_])(?![.,][0-9])", re.ASCII)
EMAIL_ADDRESS = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
                           r"\.([A-Za-z]{2,})(?![A-Za-z0-9-])", re.ASCII)
FILE_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff"}
NO_SECRET = re.compile(r"null|none|nil|undefined|true|false|\**|\*{3}[A-Z_]+\*{3}", re.ASCII | re.IGNORECASE)
CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
SECRET_KEY = re.compile(r"(?:[\s\S]*[^a-z0-9])?(?:passw(?:or)?d|passphrase|secret|(?:api|access|secret|private)_?key"
                        r"|client_?secret|(?:access|refresh|auth|api|session|id)_?token|authorization)")


def ascii_lower(s):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


def holds_no_secret(value):
    return NO_SECRET.fullmatch(value) is not None


def luhn(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return len(digits) > 0 and total % 10 == 0


def _url(m):
    return m.group(0) if holds_no_secret(m.group(2)) else m.group(1) + REDACTED + "@"


def _assignment(m):
    if m.group(3) is not None:
        quote, value = '"', m.group(3)
    elif m.group(4) is not None:
        quote, value = "'", m.group(4)
    else:
        quote, value = "", m.group(5)
    if holds_no_secret(value):
        return m.group(0)
    return m.group(1) + (m.group(2) or "") + quote + REDACTED + quote


def _card(m):
    return CARD_NUMBER if luhn(m.group(1) + m.group(3) + m.group(4) + m.group(5)) else m.group(0)


def _email(m):
    return m.group(0) if ascii_lower(m.group(1)) in FILE_EXTENSIONS else EMAIL


RULES = [
    (URL_CREDENTIALS, _url),
    (ASSIGNMENT, _assignment),
    (BEARER, lambda m: m.group(1) + REDACTED),
    (SK_KEY, lambda m: API_KEY),
    (CARD, _card),
    (EMAIL_ADDRESS, _email),
]


MAX_PASSES = 4  # a mask can make a boundary before the next match: run again until nothing changes (as sigil)


def clean_text(text):
    for _ in range(MAX_PASSES):
        before = text
        for pattern, replace in RULES:
            text = pattern.sub(replace, text)
        if text == before:
            break
    return text


def is_secret_key(key):
    normalized = ascii_lower(CAMEL.sub("_", key).replace("-", "_"))
    return SECRET_KEY.fullmatch(normalized) is not None


def is_card_int(value):
    digits = str(value)
    return re.fullmatch(r"[2-6][0-9]{15}", digits, re.ASCII) is not None and luhn(digits)


def clean_value(value, secret):
    if isinstance(value, str):
        return REDACTED if secret and not holds_no_secret(value) else clean_text(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        if secret:
            return REDACTED
        return CARD_NUMBER if isinstance(value, int) and is_card_int(value) else value
    if isinstance(value, list):
        return [clean_value(v, secret and not isinstance(v, (list, dict))) for v in value]
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            clean_key = clean_text(k)
            key, n = clean_key, 2
            while key in out:
                key = "%s (%d)" % (clean_key, n)
                n += 1
            out[key] = clean_value(v, is_secret_key(k))
        return out
    return value


# --------------------------------------------------------------------------------------------- checking

def pointer_token(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def non_finite(value, pointer=""):
    if isinstance(value, float) and not math.isfinite(value):
        return pointer
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for k, v in items:
        found = non_finite(v, pointer + "/" + pointer_token(k))
        if found is not None:
            return found
    return None


def usage_violations(entry, usage_validator):
    """The rules of metadata.tokens_used beyond JSON Schema (docs/contract.md section 5), on a conforming record."""
    record = entry["metadata"].get("tokens_used") if isinstance(entry["metadata"], dict) else None
    if not isinstance(record, dict) or not usage_validator.is_valid(record):
        return []
    n = lambda k: int(record.get(k, 0))
    at = "/metadata/tokens_used/"
    found = []
    if n("input_tokens") + n("output_tokens") != n("total_tokens"):
        found.append((at + "total_tokens", "usage-total", "total_tokens is not input_tokens + output_tokens"))
    if n("cache_read_tokens") + n("cache_write_tokens") > n("input_tokens"):
        found.append((at + "input_tokens", "usage-cache", "the cache counts are more than input_tokens"))
    if n("cache_write_1h_tokens") > n("cache_write_tokens"):
        found.append((at + "cache_write_1h_tokens", "usage-cache-1h", "more one-hour writes than writes"))
    if n("reasoning_tokens") > n("output_tokens"):
        found.append((at + "reasoning_tokens", "usage-reasoning", "more reasoning tokens than output tokens"))
    return found


def violations(entry, validator, usage_validator):
    """NaN and infinities first (docs/logging.md), then the schema and the usage rules, as (pointer, rule, message)."""
    pointer = non_finite(entry)
    if pointer is not None:
        return [(pointer, "non-finite", "NaN and infinities are not JSON; the log refuses them")]
    found = []
    for error in validator.iter_errors(entry):
        path = "".join("/" + pointer_token(p) for p in error.absolute_path)
        found.append((path, error.validator, error.message))
    return found + usage_violations(entry, usage_validator)


# --------------------------------------------------------------------------------------------- writing

def compact(value):
    return json.dumps(value, separators=(",", ":"))


def timestamp(at_micros):
    return (datetime.datetime(1970, 1, 1) + datetime.timedelta(microseconds=at_micros)).isoformat()


class ReferenceLogger:
    def __init__(self, log_path, session, schema):
        self.session = session
        self.dir = os.path.join(log_path, "sessions", session)
        os.makedirs(self.dir, mode=0o700, exist_ok=True)
        self.validator = jsonschema.Draft7Validator(schema)
        self.usage_validator = jsonschema.Draft7Validator(schema["definitions"]["token_usage"])
        self.lines = []
        self.errors = []
        self.stats = {"entries_accepted": 0, "entries_written": 0, "entries_rejected": 0, "entries_dropped": 0,
                      "entries_unwritten": 0, "entries_unconfirmed": 0, "rotations": 0, "error_records_lost": 0,
                      "entries_in_deleted_logs": 0}
        self.tokens = None
        self.metrics = None

    def log(self, op):
        entry = {
            "timestamp": timestamp(op["at_micros"]),
            "session_id": self.session,
            "event_type": op["event_type"],
            "component": op["component"],
            "message": clean_text(op["message"]),
            "tokens": op.get("tokens", 0),
            "metadata": clean_value(op.get("metadata", {}), False),
        }
        self.stats["entries_accepted"] += 1
        found = violations(entry, self.validator, self.usage_validator)
        if found:
            self.stats["entries_rejected"] += 1
            reason = "%s entry rejected, not written to the log: %s" % (entry["event_type"], "; ".join(
                "%s: %s (rule %s)" % (p or "/", m, r) for p, r, m in found))
            self.errors.append(compact({"kind": "rejected", "reason": reason,
                                        "violations": [{"pointer": p, "rule": r, "message": m} for p, r, m in found],
                                        "entry": entry}))
            return
        line = compact(entry)
        self.lines.append(line)
        self.stats["entries_written"] += 1
        if entry["event_type"] in ("step_error", "session_error", "error"):
            self.errors.append('{"kind":"event","entry":' + line + "}")

    def close(self, op):
        write(os.path.join(self.dir, "execution.jsonl"), "".join(l + "\n" for l in self.lines))
        if self.errors:
            write(os.path.join(self.dir, "errors.jsonl"), "".join(l + "\n" for l in self.errors))
        if self.tokens is not None:
            write(os.path.join(self.dir, "tokens.json"), json.dumps(self.tokens, indent=2) + "\n")
        metrics = dict(self.metrics) if self.metrics is not None else {
            "session_id": self.session, "timestamp": timestamp(op["at_micros"])}
        metrics["logger"] = self.stats
        write(os.path.join(self.dir, "metrics.json"), json.dumps(metrics, indent=2) + "\n")


def write(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii", newline="") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log-path", required=True)
    parser.add_argument("--session", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("script")
    args = parser.parse_args()
    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    logger = ReferenceLogger(args.log_path, args.session, schema)
    with open(args.script, encoding="utf-8") as f:
        for number, text in enumerate(f, 1):
            if not text.strip():
                continue
            op = json.loads(text)
            if op["op"] == "log":
                logger.log(op)
            elif op["op"] == "summaries":
                logger.tokens, logger.metrics = op.get("tokens"), op.get("metrics")
            elif op["op"] == "close":
                logger.close(op)
            else:
                sys.exit("%s:%d: unknown op %r" % (args.script, number, op["op"]))


if __name__ == "__main__":
    main()
