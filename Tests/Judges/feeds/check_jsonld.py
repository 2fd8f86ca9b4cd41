#!/usr/bin/env python3
"""Reads schema.org JSON-LD with JSON-LD-aware readers: pyld expands the document (or each
<script type="application/ld+json"> of an HTML page, found by extruct) and the NewsArticles' headline and
datePublished are taken from the expanded graph, as a search engine's parser sees them.

usage: check_jsonld.py FILE...   (.html pages are read with extruct; other files are JSON-LD documents)
Prints one JSON line per file: {"file", "articles": [{"headline", "datePublished", "inLanguage"}], "ok"};
exits 1 if a file has no NewsArticle with a headline and a datePublished.
"""
import json
import sys

import extruct
from pyld import jsonld

SCHEMA = "http://schema.org/"


def local_loader(url, options=None):
    """schema.org's context, as far as these documents use it, without the network."""
    if url.rstrip("/").replace("https://", "http://") == "http://schema.org":
        return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}
    raise jsonld.JsonLdError("no network in tests", "loading document failed", {"url": url})


def articles(doc):
    expanded = jsonld.expand(doc, {"documentLoader": local_loader})
    found = []
    for node in expanded:
        for item in node.get("@graph", [node]):
            if SCHEMA + "NewsArticle" not in item.get("@type", []):
                continue

            def first(key):
                values = item.get(SCHEMA + key) or []
                return values[0].get("@value") if values else None

            found.append({"headline": first("headline"), "datePublished": first("datePublished"),
                          "inLanguage": first("inLanguage")})
    return found


def main():
    failed = False
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if path.endswith((".html", ".htm")):
            docs = extruct.extract(text, syntaxes=["json-ld"], uniform=False)["json-ld"]
        else:
            docs = [json.loads(text)]
        found = [a for doc in docs for a in articles(doc)]
        ok = bool(found) and all(a["headline"] and a["datePublished"] for a in found)
        failed = failed or not ok
        print(json.dumps({"file": path, "articles": found, "ok": ok}, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
