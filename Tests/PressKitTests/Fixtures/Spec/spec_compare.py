#!/usr/bin/env python3
"""Compares rendered HTML with the spec's expected HTML, normalised by specnorm.py (next to this file),
the way the spec runner does: normalize(actual) == normalize(expected) after CRLF -> LF.

stdin: a JSON list of {"example": N, "expected": HTML, "actual": HTML}.
stdout: a JSON list of the example numbers that do not match.
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from specnorm import normalize_html  # noqa: E402

failed = []
for case in json.load(sys.stdin):
    expected = case["expected"].replace("\r\n", "\n")
    actual = case["actual"].replace("\r\n", "\n")
    if expected.strip() == "<IGNORE>":
        continue
    try:
        ok = normalize_html(actual) == normalize_html(expected)
    except Exception:
        ok = False
    if not ok:
        failed.append(case["example"])
json.dump(failed, sys.stdout)
