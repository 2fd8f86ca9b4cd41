#!/usr/bin/env bash
# epub-speed.sh -- time and peak memory of a 1 MB web page -> EPUB, whole process, presskit against
# pandoc on the same file in the same run (runs alternate; medians of RUNS runs each; peak memory is the
# process's maximum resident set size).
#
# Usage: bench/epub-speed.sh [--markdown] [--runs N] [--size BYTES] [--out DIR]
#   --markdown   use a 1 MB Markdown file instead of an HTML page
# Env: PRESSKIT (default .build/release/presskit; build it with `make release`),
#      PANDOC (default pandoc).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PRESSKIT=${PRESSKIT:-$ROOT/.build/release/presskit}
PANDOC=${PANDOC:-pandoc}
KIND=html; RUNS=5; SIZE=1000000; OUT=$ROOT/bench-out/epub-speed
while [ $# -gt 0 ]; do
  case "$1" in
    --markdown) KIND=md ;;
    --runs) RUNS=$2; shift ;;
    --size) SIZE=$2; shift ;;
    --out) OUT=$2; shift ;;
    *) echo "usage: $0 [--markdown] [--runs N] [--size BYTES] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$PRESSKIT" ] || { echo "no presskit at $PRESSKIT (make release)" >&2; exit 2; }
command -v "$PANDOC" >/dev/null || { echo "pandoc not found" >&2; exit 2; }
mkdir -p "$OUT"
IN=$OUT/big.$KIND

# A deterministic press archive page: site chrome around an article of many releases with headings,
# paragraphs, links (absolute and site-relative), lists, tables, quotes and remote images.
python3 - "$IN" "$KIND" "$SIZE" <<'PY'
import sys
path, kind, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
words = ("the company said on tuesday that its new plant in leipzig will employ five hundred people and run "
         "on solar power from its own roof while output is expected to grow by a fifth next year according "
         "to the annual report published by the board of directors").split()
def sentence(i, n=24):
    w = [words[(i * 7 + k * 3) % len(words)] for k in range(n)]
    return " ".join(w).capitalize() + "."
out, i = [], 0
if kind == "html":
    out.append('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Acme press archive</title>'
               '<meta name="description" content="All press releases of Acme Corp"></head><body>\n'
               '<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav></header>\n'
               '<main><article><h1>Acme press archive</h1>\n<p class="date">September 21, 2021</p>\n')
    while sum(map(len, out)) < size - 200:
        out.append(f'<section><h2>Release {i + 1}: Acme expands in region {i % 17}</h2>\n')
        for p in range(4):
            out.append(f'<p>{sentence(i + p)} Read <a href="https://acme.example/news/{i}-{p}">the full story</a> '
                       f'or <a href="/archive/{i}">the archive</a>, <em>{sentence(i + p + 1, 6)}</em> <strong>{sentence(i, 4)}</strong></p>\n')
        out.append(f'<ul><li>{sentence(i, 8)}</li><li>{sentence(i + 1, 8)}</li><li>{sentence(i + 2, 8)}</li></ul>\n')
        if i % 3 == 0:
            out.append(f'<table><tr><th>Year</th><th>Units</th></tr><tr><td>2021</td><td>{i * 13}</td></tr>'
                       f'<tr><td>2022</td><td>{i * 17}</td></tr></table>\n')
        if i % 5 == 0:
            out.append(f'<blockquote><p>“{sentence(i + 3, 16)}” said the chief executive.</p></blockquote>\n')
        if i % 7 == 0:
            out.append(f'<figure><img src="https://cdn.acme.example/img/{i}.jpg" alt="Plant photo {i}">'
                       f'<figcaption>The plant, photo {i}</figcaption></figure>\n')
        out.append('</section>\n')
        i += 1
    out.append('</article></main><footer><p>© 2021 Acme Corp</p></footer></body></html>\n')
else:
    out.append('---\ntitle: Acme press archive\ndate: 2021-09-21\nlanguage: en\n---\n\n')
    while sum(map(len, out)) < size - 200:
        out.append(f'## Release {i + 1}: Acme expands in region {i % 17}\n\n')
        for p in range(4):
            out.append(f'{sentence(i + p)} Read [the full story](https://acme.example/news/{i}-{p}) or '
                       f'[the archive](/archive/{i}), *{sentence(i + p + 1, 6)}* **{sentence(i, 4)}**\n\n')
        out.append(f'- {sentence(i, 8)}\n- {sentence(i + 1, 8)}\n- {sentence(i + 2, 8)}\n\n')
        if i % 3 == 0:
            out.append(f'| Year | Units |\n|---|---:|\n| 2021 | {i * 13} |\n| 2022 | {i * 17} |\n\n')
        if i % 5 == 0:
            out.append(f'> “{sentence(i + 3, 16)}” said the chief executive.\n\n')
        if i % 7 == 0:
            out.append(f'![Plant photo {i}](https://cdn.acme.example/img/{i}.jpg)\n\n')
        i += 1
open(path, "w", encoding="utf-8").write("".join(out))
PY
echo "input: $IN ($(wc -c <"$IN") bytes), $RUNS runs each, alternating"

measure() {  # prints "seconds peak_kb" for one whole-process run (wall time, peak RSS from wait4)
  python3 -c '
import os, subprocess, sys, time
start = time.perf_counter()
with open(os.devnull, "wb") as null:
    p = subprocess.Popen(sys.argv[1:], stdout=null, stderr=null)
    _, status, usage = os.wait4(p.pid, 0)
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit("failed: " + " ".join(sys.argv[1:]))
print("%.3f %d" % (time.perf_counter() - start, usage.ru_maxrss))
' "$@"
}
: >"$OUT/presskit.txt"; : >"$OUT/pandoc.txt"
for _ in $(seq "$RUNS"); do
  measure "$PRESSKIT" -q "$IN" -o "$OUT/big.presskit.epub" >>"$OUT/presskit.txt"
  measure "$PANDOC" "$IN" -o "$OUT/big.pandoc.epub" >>"$OUT/pandoc.txt"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
report() {
  local name=$1 file=$2
  local t m
  t=$(awk '{print $1}' "$file" | median)
  m=$(awk '{print $2}' "$file" | median)
  printf '%-9s median %6.2f s   peak RSS median %6.0f MB   (runs: %s)\n' "$name" "$t" "$(awk -v m="$m" 'BEGIN {print m / 1024}')" \
    "$(awk '{printf "%s s/%d MB  ", $1, $2/1024}' "$file")"
}
report presskit "$OUT/presskit.txt"
report pandoc "$OUT/pandoc.txt"
