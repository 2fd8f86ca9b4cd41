#!/usr/bin/env python3
"""Writes SIZE_MB of GitHub Flavored Markdown made of the Markdown samples repeated (front matter removed):
headings, paragraphs, emphasis, links, lists, task lists, tables, footnotes and non-ASCII text.

Usage: bench/gfm_corpus.py OUT.md [SIZE_MB]   (bench/bench.py and bench/markdown-speed.sh use it)
"""
import glob, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    out, mb = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    parts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Samples", "markdown", "*.md"))):
        text = open(path, encoding="utf-8").read()
        parts.append(re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S))   # front matter: once per file only
    if not parts:
        sys.exit("gfm_corpus: no Samples/markdown/*.md")
    body, chunks, size, i = "\n\n".join(parts), [], 0, 0
    while size < mb * 1_000_000:
        # Footnote labels and link reference labels made unique per copy.
        chunk = re.sub(r"\[\^(\w+)\]", lambda m: "[^%s-%d]" % (m.group(1), i), body)
        chunk = re.sub(r"\]\[(\w+)\]", lambda m: "][%s-%d]" % (m.group(1), i), chunk)
        chunk = re.sub(r"^\[(\w+)\]:", lambda m: "[%s-%d]:" % (m.group(1), i), chunk, flags=re.M)
        chunk += "\n\n"
        chunks.append(chunk)
        size += len(chunk.encode())
        i += 1
    open(out, "w", encoding="utf-8").write("".join(chunks))


if __name__ == "__main__":
    main()
