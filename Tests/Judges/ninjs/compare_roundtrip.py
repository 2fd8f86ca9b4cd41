#!/usr/bin/env python3
"""Compares a wire item with the ninjs presskit wrote after reading it (`-f ninjs … -t ninjs`): the same main
headline, the same dates (firstcreated and versioncreated, when the item has them) and the same body text
(the text of its HTML body, else of its plain body; white space ignored).

usage: compare_roundtrip.py ORIGINAL WRITTEN [ORIGINAL WRITTEN ...]
Prints the differences and exits 1 if there are any.
"""
import json
import re
import sys
from html.parser import HTMLParser


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def squeeze(s):
    return re.sub(r"\s+", "", s or "")


def get(item, *names):
    for n in names:
        if n in item:
            return item[n]
    return None


def headline(item):
    if "headline" in item:
        return item["headline"]
    hs = get(item, "headlines") or []
    main = [h for h in hs if h.get("role") == "main"] or hs
    return main[0]["value"] if main else None


def body_text(item):
    if "body_html" in item:
        html = item["body_html"]
    else:
        bodies = get(item, "bodies") or []
        kinds = lambda b: (b.get("contenttype") or b.get("contentType") or b.get("role") or "").lower()
        html_bodies = [b for b in bodies if "html" in kinds(b)]
        if not html_bodies:
            return bodies[0]["value"] if bodies else item.get("body_text")
        html = html_bodies[0]["value"]
    parser = Text()
    parser.feed(html)
    return "".join(parser.parts)


def written_text(item):
    if "body_text" in item:
        return item["body_text"]
    for b in get(item, "bodies") or []:
        if (b.get("contenttype") or b.get("contentType")) == "text/plain":
            return b["value"]
    return None


def main():
    args = sys.argv[1:]
    results = [compare(args[i], args[i + 1]) for i in range(0, len(args) - 1, 2)]
    return 1 if any(results) else 0


def compare(original_path, written_path):
    original = json.load(open(original_path, encoding="utf-8"))
    written = json.load(open(written_path, encoding="utf-8"))
    problems = []
    if headline(original) != headline(written):
        problems.append(f"headline: {headline(original)!r} became {headline(written)!r}")
    first = get(original, "firstcreated", "firstCreated")
    version = get(original, "versioncreated", "versionCreated")
    if first and get(written, "firstcreated", "firstCreated") != first:
        problems.append(f"firstcreated: {first!r} became {get(written, 'firstcreated', 'firstCreated')!r}")
    if version and get(written, "versioncreated", "versionCreated") != version:
        problems.append(f"versioncreated: {version!r} became {get(written, 'versioncreated', 'versionCreated')!r}")
    if squeeze(body_text(original)) != squeeze(written_text(written)):
        a, b = squeeze(body_text(original)), squeeze(written_text(written))
        at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        problems.append(f"body text differs at {at}: {a[at - 20:at + 40]!r} / {b[at - 20:at + 40]!r}")
    for p in problems:
        print(f"{original_path}: {p}")
    print(f"{original_path} -> {written_path}: {'same' if not problems else 'different'}")
    return bool(problems)


if __name__ == "__main__":
    sys.exit(main())
