#!/usr/bin/env python3
"""Peer of `sigil validate`: one compiled validator, every line of the file, verdict counts on stdout.

  py_validate.py --impl jsonschema|fastjsonschema|jsonschema_rs [--orjson] SCHEMA FILE

Prints "valid N invalid M" and the 1-based numbers of the first invalid lines (to compare verdicts).
"""
import argparse
import json
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--impl", required=True, choices=["jsonschema", "fastjsonschema", "jsonschema_rs"])
    p.add_argument("--orjson", action="store_true")
    p.add_argument("schema")
    p.add_argument("file")
    a = p.parse_args()
    with open(a.schema, encoding="utf-8") as f:
        schema = json.load(f)
    if a.orjson:
        import orjson
        loads = orjson.loads
    else:
        loads = json.loads
    if a.impl == "jsonschema":
        import jsonschema
        check = jsonschema.Draft7Validator(schema).is_valid
    elif a.impl == "fastjsonschema":
        import fastjsonschema
        compiled = fastjsonschema.compile(schema)

        def check(value):
            try:
                compiled(value)
                return True
            except fastjsonschema.JsonSchemaException:
                return False
    else:
        import jsonschema_rs
        check = jsonschema_rs.Draft7Validator(schema).is_valid
    valid = invalid = 0
    bad = []
    with open(a.file, "rb") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                ok = check(loads(line))
            except ValueError:
                ok = False
            if ok:
                valid += 1
            else:
                invalid += 1
                if len(bad) < 20:
                    bad.append(number)
    print("valid %d invalid %d first-invalid %s" % (valid, invalid, bad))


main()
