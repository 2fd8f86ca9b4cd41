#!/usr/bin/env python3
"""Reads Atom or RSS feeds with feedparser and checks what a feed reader needs.

usage: check_feed.py FILE...
For each file: bozo must be 0 and every entry must have an id, a title, a date (updated or published) and
content. Prints one JSON line per file: {"file", "version", "bozo", "title", "entries": [{"id", "title",
"updated", "content_length"}], "problems": [...]}; exits 1 if any file has a problem.
"""
import json
import sys

import feedparser


def main():
    failed = False
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            feed = feedparser.parse(f.read())
        problems = []
        if feed.bozo:
            problems.append(f"bozo: {feed.get('bozo_exception')}")
        entries = []
        for index, entry in enumerate(feed.entries):
            content = entry.get("content") or []
            record = {
                "id": entry.get("id"),
                "title": entry.get("title"),
                "updated": entry.get("updated") or entry.get("published"),
                "content_length": len(content[0].value) if content else 0,
            }
            for key in ("id", "title", "updated"):
                if not record[key]:
                    problems.append(f"entry {index + 1}: no {key}")
            if not record["content_length"]:
                problems.append(f"entry {index + 1}: no content")
            entries.append(record)
        failed = failed or bool(problems)
        print(json.dumps({"file": path, "version": feed.version, "bozo": int(bool(feed.bozo)),
                          "title": feed.feed.get("title"), "entries": entries, "problems": problems},
                         ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
