#!/usr/bin/env python3
"""Validates ninjs items against an IPTC ninjs JSON Schema (1.6: draft-07; 2.2 and 3.1: draft 2020-12) with
the jsonschema package, checking `date-time` formats too (rfc3339-validator).

usage: validate_ninjs.py VERSION FILE...   (VERSION: 1.6, 2.2 or 3.1; a file may hold one item or an array)
Prints one line per error ("FILE: path: message") and exits 1 if any item is invalid, 0 otherwise.
"""
import json
import os
import sys

import jsonschema


def main():
    version, files = sys.argv[1], sys.argv[2:]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, f"ninjs-schema_{version}.json"), encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    checker = jsonschema.FormatChecker(formats=["date-time"])
    validator = cls(schema, format_checker=checker)
    failures = 0
    items = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for index, item in enumerate(data if isinstance(data, list) else [data]):
            items += 1
            for error in sorted(validator.iter_errors(item), key=lambda e: list(e.absolute_path)):
                failures += 1
                where = "/".join(str(p) for p in error.absolute_path)
                print(f"{path}[{index}]: {where or '(top)'}: {error.message[:300]}")
    print(f"ninjs {version}: validated {items} item(s) in {len(files)} file(s), {failures} error(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
