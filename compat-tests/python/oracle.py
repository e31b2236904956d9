#!/usr/bin/env python3
"""The CPython side of sigil's cross-language tests: one long-running process that answers batched requests.

Written from the documented behaviour (docs/contract.md), using only the real oracles: CPython's json module and
the jsonschema package. The Java tests start this program once per test class and talk to it over stdin/stdout.

Protocol: a request is one header line, then its payload lines; the answer is exactly one line per payload line
(or one line for requests without payload). The whole batch is read before anything is written, so the Java side
can write a batch and then read the answers without a deadlock.

  version                   -> "python=<v> jsonschema=<v>"
  dumps N    + N neutral    -> "OK <bytes of json.dumps(value, separators=(',', ':'))>" or "ERR <exception>: <text>"
  loads N    + N hex lines  -> "OK <neutral>\t<dumps>" or "ERR <exception>\t<character column or 0>\t<text>"
  validate N + N hex lines  -> "VALID" or "INVALID <json|non-finite|schema|usage>\t<detail>" (for non-finite lines a
                               third field "jsonschema=VALID|INVALID" tells what jsonschema alone says; "usage" names
                               the broken rules of the usage record, docs/contract.md section 5)
  generate SEED N           -> N lines "<neutral>\t<dumps>" of values made by random.Random(SEED)
  isoformat N + N lines     -> datetime(...).isoformat() for "Y M D h m s us" or "Y M D h m s us OFFSET_SECONDS"
  quit

The neutral form carries values without going through any JSON encoder under test: an ASCII JSON array tree where
null/true/false are "n"/"t"/"f", integers ["i","<decimal>"], floats ["d","<16 hex digits of the IEEE-754 bits>"],
strings ["s","<UTF-16 code units, 4 hex digits each>"] (lone surrogates survive), lists ["a",[...]] and objects
["o",[["<key as UTF-16 hex>",<value>],...]] in insertion order.
"""

import datetime
import json
import math
import random
import struct
import sys

try:
    import jsonschema
except ImportError:  # reported to the Java side, which fails with a message saying what to install
    jsonschema = None

NAN_BITS = "7ff8000000000000"


# --- the neutral form -------------------------------------------------------------------------------------------

def utf16_hex(s):
    return s.encode("utf-16-be", "surrogatepass").hex()


def from_utf16_hex(h):
    return bytes.fromhex(h).decode("utf-16-be", "surrogatepass")


def to_neutral(v):
    if v is None:
        return "n"
    if v is True:
        return "t"
    if v is False:
        return "f"
    if isinstance(v, int):
        return ["i", str(v)]
    if isinstance(v, float):
        return ["d", NAN_BITS if math.isnan(v) else struct.pack(">d", v).hex()]
    if isinstance(v, str):
        return ["s", utf16_hex(v)]
    if isinstance(v, list):
        return ["a", [to_neutral(x) for x in v]]
    if isinstance(v, dict):
        return ["o", [[utf16_hex(k), to_neutral(x)] for k, x in v.items()]]
    raise TypeError("no neutral form for %r" % type(v))


def from_neutral(n):
    if n == "n":
        return None
    if n == "t":
        return True
    if n == "f":
        return False
    tag, body = n
    if tag == "i":
        return int(body)
    if tag == "d":
        return struct.unpack(">d", bytes.fromhex(body))[0]
    if tag == "s":
        return from_utf16_hex(body)
    if tag == "a":
        return [from_neutral(x) for x in body]
    if tag == "o":
        return {from_utf16_hex(k): from_neutral(x) for k, x in body}
    raise ValueError("unknown neutral tag %r" % tag)


def neutral_text(v):
    return json.dumps(to_neutral(v), separators=(",", ":"))


def dumps(v):
    return json.dumps(v, separators=(",", ":"))


def one_line(text):
    return str(text).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


# --- requests -----------------------------------------------------------------------------------------------------

def do_dumps(line):
    try:
        return "OK " + dumps(from_neutral(json.loads(line)))
    except Exception as e:  # noqa: BLE001 - every failure is an answer
        return "ERR %s: %s" % (type(e).__name__, one_line(e))


def do_loads(line):
    raw = bytes.fromhex(line)
    try:
        value = json.loads(raw.decode("utf-8"))
    except json.JSONDecodeError as e:
        # e.pos counts characters from the start of the line (colno restarts after a raw newline).
        return "ERR JSONDecodeError\t%d\t%s" % (e.pos + 1, one_line(e.msg))
    except UnicodeDecodeError as e:
        column = len(raw[:e.start].decode("utf-8", "replace")) + 1
        return "ERR UnicodeDecodeError\t%d\t%s" % (column, one_line(e))
    except (ValueError, RecursionError) as e:
        return "ERR %s\t0\t%s" % (type(e).__name__, one_line(e))
    # json.loads ran at the default recursion limit (its depth limit is part of what is compared); the answer
    # for a deep value needs more room than that.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20000)
    try:
        return "OK %s\t%s" % (neutral_text(value), dumps(value))
    finally:
        sys.setrecursionlimit(limit)


def first_non_finite(v, pointer=""):
    if isinstance(v, float) and not math.isfinite(v):
        return pointer or "/"
    if isinstance(v, list):
        items = ((str(i), x) for i, x in enumerate(v))
    elif isinstance(v, dict):
        items = ((k.replace("~", "~0").replace("/", "~1"), x) for k, x in v.items())
    else:
        return None
    for token, x in items:
        found = first_non_finite(x, pointer + "/" + token)
        if found:
            return found
    return None


def usage_rules(usage_validator, value):
    """The contract's rules on metadata.tokens_used beyond JSON Schema (docs/contract.md section 5), as rule names.

    Checked only on a record that conforms to #/definitions/token_usage (otherwise jsonschema reports it); absent
    optional counts are 0. Python's integers are exact, so no sum can overflow here.
    """
    record = value.get("metadata", {}).get("tokens_used") if isinstance(value, dict) and isinstance(value.get("metadata"), dict) else None
    if not isinstance(record, dict) or not usage_validator.is_valid(record):
        return []
    count = lambda k: int(record.get(k, 0))  # 5.0 is an integer to JSON Schema
    broken = []
    if count("input_tokens") + count("output_tokens") != count("total_tokens"):
        broken.append("usage-total")
    if count("cache_read_tokens") + count("cache_write_tokens") > count("input_tokens"):
        broken.append("usage-cache")
    if count("cache_write_1h_tokens") > count("cache_write_tokens"):
        broken.append("usage-cache-1h")
    if count("reasoning_tokens") > count("output_tokens"):
        broken.append("usage-reasoning")
    return broken


def do_validate(validator, usage_validator, line):
    raw = bytes.fromhex(line)
    try:
        value = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as e:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return "INVALID json\t%s" % one_line(e)
    # The contract's one rule beyond the schema (docs/contract.md section 6): no NaN or infinities.
    pointer = first_non_finite(value)
    errors = sorted(validator.iter_errors(value), key=lambda e: list(map(str, e.absolute_path)))
    if pointer:
        # What jsonschema alone says is reported too: contract/examples/README.md lists it as an exception.
        return "INVALID non-finite\t%s\tjsonschema=%s" % (pointer, "INVALID" if errors else "VALID")
    rules = usage_rules(usage_validator, value) if usage_validator is not None else []
    if not errors and not rules:
        return "VALID"
    if not errors:
        return "INVALID usage\t%s" % ",".join(rules)
    details = ["/" + "/".join(str(p) for p in e.absolute_path) + " " + e.validator for e in errors]
    return "INVALID schema\t%s" % one_line("; ".join(details + rules))


def do_isoformat(line):
    parts = line.split()
    y, mo, d, h, mi, s, us = (int(p) for p in parts[:7])
    tz = None
    if len(parts) > 7:
        tz = datetime.timezone(datetime.timedelta(seconds=int(parts[7])))
    return datetime.datetime(y, mo, d, h, mi, s, us, tzinfo=tz).isoformat()


# --- values generated on the Python side ------------------------------------------------------------------------------

class Generator:
    """Random JSON values as CPython holds them, for the Python -> Java direction."""

    SPECIAL_FLOATS = [0.0, -0.0, 5e-324, -5e-324, 1e-5, 1e-4, 0.0001, 0.00001, 1e16, 1e15, 9999999999999998.0,
                      1e22, 1e23, 2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 1.7976931348623157e308, 2.2250738585072014e-308,
                      2.225073858507201e-308, 0.1, 0.3, 0.30000000000000004, 1 / 3, 100.0, 1100.0, 123456789.0,
                      float("nan"), float("inf"), float("-inf")]

    def __init__(self, seed):
        self.r = random.Random(seed)

    def value(self, depth=0):
        r = self.r
        roll = r.random()
        if depth < 4 and roll < 0.12:
            return [self.value(depth + 1) for _ in range(r.randrange(6))]
        if depth < 4 and roll < 0.24:
            return {self.string(): self.value(depth + 1) for _ in range(r.randrange(6))}
        roll = r.random()
        if roll < 0.05:
            return None
        if roll < 0.10:
            return r.random() < 0.5
        if roll < 0.35:
            return self.integer()
        if roll < 0.65:
            return self.floating()
        return self.string()

    def integer(self):
        r = self.r
        roll = r.random()
        if roll < 0.4:
            return r.randrange(-1000, 1000)
        if roll < 0.8:
            return r.randrange(-2 ** 63, 2 ** 63)
        if roll < 0.98:
            return r.randrange(-10 ** 60, 10 ** 60)
        digits = r.randrange(1, 4301)
        return r.choice((1, -1)) * r.randrange(10 ** (digits - 1), 10 ** digits)

    def floating(self):
        r = self.r
        roll = r.random()
        if roll < 0.15:
            return r.choice(self.SPECIAL_FLOATS)
        if roll < 0.45:
            return struct.unpack(">d", struct.pack(">Q", r.getrandbits(64)))[0]
        if roll < 0.6:
            # subnormals
            return struct.unpack(">d", struct.pack(">Q", r.getrandbits(52) | (r.getrandbits(1) << 63)))[0]
        if roll < 0.8:
            # short decimals, the values people write
            return float("%s%d.%de%d" % (r.choice("-+"), r.randrange(1000), r.randrange(1000), r.randrange(-30, 30)))
        # around the exponent boundaries of repr: 1e-4/1e-5 and 1e16
        base = r.choice((1e-5, 1e-4, 1e16, 1e15, 1e17))
        x = base * (1 + r.uniform(-1e-3, 1e-3))
        for _ in range(r.randrange(4)):
            x = math.nextafter(x, r.choice((0.0, math.inf)))
        return x

    def string(self):
        r = self.r
        out = []
        for _ in range(r.randrange(12)):
            roll = r.random()
            if roll < 0.4:
                out.append(chr(r.randrange(0x20, 0x7F)))
            elif roll < 0.5:
                out.append(chr(r.randrange(0x00, 0x20)))
            elif roll < 0.6:
                out.append(r.choice('"\\/\x7f\u2028\u2029\ufeff\ufffd'))
            elif roll < 0.7:
                out.append(chr(r.randrange(0xD800, 0xE000)))  # lone surrogates
            elif roll < 0.85:
                out.append(chr(r.randrange(0x80, 0x10000)))
            else:
                out.append(chr(r.randrange(0x10000, 0x110000)))
        return "".join(out)


def do_generate(seed, count, write):
    g = Generator(seed)
    for _ in range(count):
        v = g.value()
        write("%s\t%s" % (neutral_text(v), dumps(v)))


# --- the loop ---------------------------------------------------------------------------------------------------------

def versions():
    py = "%d.%d.%d" % sys.version_info[:3]
    if jsonschema is None:
        return "python=%s jsonschema=missing" % py
    from importlib.metadata import version
    return "python=%s jsonschema=%s" % (py, version("jsonschema"))


def main():
    schema_path = sys.argv[1] if len(sys.argv) > 1 else None
    validator = None
    usage_validator = None
    if schema_path and jsonschema is not None:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        validator = jsonschema.Draft7Validator(schema)
        if "token_usage" in schema.get("definitions", {}):
            usage_validator = jsonschema.Draft7Validator(schema["definitions"]["token_usage"])
    stdin = sys.stdin
    out = []
    write = out.append
    while True:
        header = stdin.readline()
        if not header:
            return
        words = header.split()
        command = words[0]
        if command == "quit":
            return
        if command == "version":
            write(versions())
        elif command == "generate":
            do_generate(int(words[1]), int(words[2]), write)
        else:
            handler = {
                "dumps": do_dumps,
                "loads": do_loads,
                "validate": lambda line: do_validate(validator, usage_validator, line),
                "isoformat": do_isoformat,
            }[command]
            payload = [stdin.readline().rstrip("\n") for _ in range(int(words[1]))]
            for line in payload:
                write(handler(line))
        sys.stdout.write("\n".join(out) + "\n")
        sys.stdout.flush()
        out.clear()


if __name__ == "__main__":
    # Answers are ASCII; anything else (an odd error text) is escaped rather than left to the locale.
    sys.stdout.reconfigure(encoding="ascii", errors="backslashreplace", newline="\n")
    main()
