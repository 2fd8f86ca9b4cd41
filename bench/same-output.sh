#!/usr/bin/env bash
# Checks that an optimisation changed no output byte.
#   bench/same-output.sh save    DIR   writes every output into DIR (the baseline)
#   bench/same-output.sh compare DIR   writes them again into a temporary folder and `cmp`s each against DIR
# Outputs: every file in Samples/ (html, markdown, text) converted to json, markdown, html, text, epub, docx,
# and the extraction pages (EXTRACTION_HTML: a folder of unpacked *.html; by default ../shared/extraction's
# scrapinghub/html/*.html.gz are unpacked) -> text --fragment and -> json, in one batch process each.
#   PRESSKIT_BIN=.build-perf/release/presskit bench/same-output.sh compare /tmp/baseline
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MODE=${1:?save or compare}
DEST=${2:?folder}
BIN=${PRESSKIT_BIN:-$ROOT/.build/release/presskit}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1600000000}
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
if [ "$MODE" = save ]; then OUT="$DEST"; mkdir -p "$OUT"; else OUT="$WORK/out"; mkdir -p "$OUT"; fi

PAGES=${EXTRACTION_HTML:-}
if [ -z "$PAGES" ]; then
  EX="$ROOT/../shared/extraction"; [ -d "$EX" ] || EX="$ROOT/../../shared/extraction"
  PAGES="$WORK/pages"; mkdir -p "$PAGES"
  for f in "$EX"/scrapinghub/html/*.html.gz; do gzip -dc "$f" > "$PAGES/$(basename "$f" .gz)"; done
fi

for f in "$ROOT"/Samples/html/*.html "$ROOT"/Samples/markdown/*.md "$ROOT"/Samples/text/*.txt; do
  name="$(basename "$(dirname "$f")")-$(basename "$f")"
  for t in json markdown html text epub docx; do
    "$BIN" "$f" -t "$t" -o "$OUT/$name.$t" -q 2>"$OUT/$name.$t.err" || echo "exit $?" >> "$OUT/$name.$t.err"
  done
done
mkdir -p "$OUT/pages-text" "$OUT/pages-json"
"$BIN" "$PAGES" -o "$OUT/pages-text" -f html -t text --fragment --jobs 1 -q >/dev/null 2>&1 || true
"$BIN" "$PAGES" -o "$OUT/pages-json" -f html -t json --jobs 1 -q >/dev/null 2>&1 || true

if [ "$MODE" = compare ]; then
  bad=0; n=0
  while IFS= read -r rel; do
    n=$((n + 1))
    if [ ! -f "$OUT/$rel" ] || ! cmp -s "$DEST/$rel" "$OUT/$rel"; then echo "DIFFERS: $rel"; bad=$((bad + 1)); fi
  done < <(cd "$DEST" && find . -type f | sort)
  extra=$(cd "$OUT" && find . -type f | wc -l)
  [ "$extra" -eq "$n" ] || { echo "file count differs: baseline $n, now $extra"; bad=$((bad + 1)); }
  if [ "$bad" -eq 0 ]; then echo "same: all $n files identical"; else echo "$bad of $n files differ"; exit 1; fi
else
  echo "saved $(find "$OUT" -type f | wc -l) files in $OUT"
fi
