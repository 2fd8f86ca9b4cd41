#!/usr/bin/env bash
# feed-speed.sh -- N releases (by default 1,000, made from the samples with distinct headlines and dates)
# to one Atom feed in one process: `presskit r0001.txt … rNNNN.md -t atom -o feed.atom`. Prints the median
# wall time and the median CPU time (user + system, from /usr/bin/time) of RUNS runs, the releases per second,
# peak memory, and checks the feed with feedparser
# (bozo 0, one entry per release) and that every run gave the same bytes.
#
# Usage: bench/feed-speed.sh [--count N] [--runs N] [--format atom|rss] [--out DIR]
# Env: PRESSKIT (default .build/release/presskit; build it with `make release`).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PRESSKIT=${PRESSKIT:-$ROOT/.build/release/presskit}
COUNT=1000; RUNS=5; FORMAT=atom; OUT=$ROOT/bench-out/feed-speed
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --format) FORMAT=$2; shift ;;
    --out) OUT=$2; shift ;;
    *) echo "usage: $0 [--count N] [--runs N] [--format atom|rss] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$PRESSKIT" ] || { echo "no presskit at $PRESSKIT (make release)" >&2; exit 2; }
rm -rf "$OUT"; mkdir -p "$OUT/in"

# N releases: the text and Markdown samples in turn, each with its own headline and date so that every
# entry is distinct and the feed has to be sorted.
python3 - "$ROOT/Samples" "$OUT/in" "$COUNT" <<'PY'
import os, sys
samples, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sources = []
for sub in ("text", "markdown"):
    for name in sorted(os.listdir(os.path.join(samples, sub))):
        if name.lower().startswith("readme") or "1251" in name:
            continue
        with open(os.path.join(samples, sub, name), encoding="utf-8") as f:
            sources.append((name.rsplit(".", 1)[1], f.read()))
for i in range(count):
    ext, text = sources[i % len(sources)]
    day = 1 + (i * 7) % 28
    month = 1 + (i * 5) % 12
    year = 2015 + i % 10
    if ext == "md" and text.startswith("---\n"):
        body = text.split("\n---\n", 1)[1]
        text = f"---\ntitle: Release {i + 1} of the archive\ndate: {year}-{month:02d}-{day:02d}\nlanguage: en\n---\n{body}"
    else:
        lines = text.splitlines()
        text = f"Release {i + 1} of the archive\n\nBERLIN, {year}-{month:02d}-{day:02d} -- " + "\n".join(lines[1:])
    with open(os.path.join(out, f"r{i + 1:04d}.{ext}"), "w", encoding="utf-8") as f:
        f.write(text)
PY

times=(); cpus=()
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  /usr/bin/time -f "%M %U %S" -o "$OUT/time.$run" "$PRESSKIT" "$OUT"/in/* -t "$FORMAT" -o "$OUT/feed.$run.$FORMAT" -q
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  cpus+=($(awk '{printf "%d", ($2 + $3) * 1000}' "$OUT/time.$run"))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
mem=$(awk '{print $1}' "$OUT"/time.* | sort -n | tail -1)
same=yes
for run in $(seq 2 "$RUNS"); do cmp -s "$OUT/feed.1.$FORMAT" "$OUT/feed.$run.$FORMAT" || same=no; done
check=$(python3 "$ROOT/Tests/Judges/feeds/check_feed.py" "$OUT/feed.1.$FORMAT" | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
print("bozo", r["bozo"], "-", len(r["entries"]), "entries -", len(r["problems"]), "problems")')
echo "$COUNT releases -> one $FORMAT feed ($(wc -c < "$OUT/feed.1.$FORMAT") bytes) in one process:"
echo "  median ${median} ms wall of ${RUNS} runs (${times[*]} ms); $(( COUNT * 1000 / (median > 0 ? median : 1) )) releases/s"
echo "  median ${cpu} ms of CPU, user + system (${cpus[*]} ms); peak RSS ${mem} KB"
echo "  feedparser: $check; identical bytes on every run: $same"
