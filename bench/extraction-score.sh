#!/usr/bin/env bash
# Scores the HTML reader's main-content extraction on the article-extraction development set.
#   bench/extraction-score.sh [EXTRACTION_DIR]      (default: $EXTRACTION_DIR or ../shared/extraction)
# Writes <id>.txt for every page of EXTRACTION_DIR/scrapinghub/html/*.html.gz into a temporary folder, then
# runs EXTRACTION_DIR/score.py on it. MODE=cli (the default) runs `presskit HTML_DIR -o OUT -f html -t text --fragment --jobs 1`
# (the whole pipeline in one process: reader, press-release pass, plain-text writer; --fragment writes the
# body text only, as an extractor does; TEXT_FLAGS overrides it); MODE=library runs the
# HTML reader over all pages in one process and writes the article text only (HTMLReader.articleText: what
# the benchmark's gold holds, so no title/date lines, link targets, image descriptions or captions). PER_PAGE=file.tsv keeps the per-page scores; KEEP=dir keeps the texts.
# PRESSKIT_BIN=path scores that binary instead of building one (MODE=cli only).
# It also prints pages per second (CPU time of one thread) for presskit, for libxml2's bare parse of the
# same pages (bench/floor.c, the floor) and for trafilatura when it is installed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${1:-${EXTRACTION_DIR:-$ROOT/../shared/extraction}}"
# A git worktree sits one level deeper than the main checkout.
[ -f "$DIR/score.py" ] || [ -n "${1:-${EXTRACTION_DIR:-}}" ] || DIR="$ROOT/../../shared/extraction"
MODE="${MODE:-cli}"
[ -f "$DIR/score.py" ] || { echo "no score.py in $DIR (give the extraction folder as argument or EXTRACTION_DIR)" >&2; exit 2; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/html" "$WORK/pred"
for f in "$DIR"/scrapinghub/html/*.html.gz; do
  id="$(basename "$f" .html.gz)"
  gzip -dc "$f" > "$WORK/html/$id.html"
done
cd "$ROOT"
if [ "$MODE" = cli ]; then
  if [ -n "${PRESSKIT_BIN:-}" ]; then
    BIN="$PRESSKIT_BIN"   # a presskit already built: no rebuild
  else
    # The release build as `make release` makes it (static runtimes): a plain `swift build -c release` here
    # relinked .build/release/presskit another way under every other benchmark's feet.
    make -s release >/dev/null
    BIN=.build/release/presskit
  fi
  start=$(date +%s.%N)
  # One process for all pages (a batch over the folder), one job: pages per second on one core.
  "$BIN" "$WORK/html" -o "$WORK/pred" -f html -t text ${TEXT_FLAGS:---fragment} --jobs 1 -q 2>&1 | grep -v '^presskit: converted' || true
  end=$(date +%s.%N)
  n=$(ls "$WORK"/html | wc -l)
  echo "cli: $n pages in $(echo "$end - $start" | bc) s ($(echo "scale=1; $n / ($end - $start)" | bc) pages/s, one process, --jobs 1)"
else
  [ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && export PRESSKIT_EXTRACTION_META="$KEEP"
  PRESSKIT_EXTRACTION_IN="$WORK/html" PRESSKIT_EXTRACTION_OUT="$WORK/pred" \
    swift test -c "${CONFIG:-release}" --disable-swift-testing --filter ExtractionDumpTests 2>&1 | grep -E '^extraction:|error|failed' || true
fi
# The floor: libxml2's bare parse of the same pages (bench/floor.c), CPU time of one process, best of 3.
if command -v cc >/dev/null && pkg-config --exists libxml-2.0 zlib 2>/dev/null; then
  cc -O2 -o "$WORK/floor" "$ROOT/bench/floor.c" $(pkg-config --cflags --libs libxml-2.0 zlib)
  FLOOR_REPEAT=3 "$WORK/floor" "$WORK"/html/*.html | python3 -c '
import json, sys
f = json.load(sys.stdin)
s = f["parse_seconds"] / f["repeat"]
print("floor: libxml2 bare parse of %d pages (%.2f MB): %.3f s CPU, %.1f pages/s" % (f["files"], f["bytes"] / 1e6, s, f["files"] / s))'
fi
# trafilatura on the same pages, CPU time of one thread, best of 2 (when it is installed).
if python3 -c 'import trafilatura' 2>/dev/null; then
  python3 - "$WORK/html" <<'PY'
import glob, sys, time, trafilatura
data = [open(f, "rb").read() for f in sorted(glob.glob(sys.argv[1] + "/*.html"))]
best = float("inf")
for _ in range(2):
    t = time.thread_time()
    for d in data: trafilatura.extract(d)
    best = min(best, time.thread_time() - t)
print("trafilatura %s: %d pages in %.3f s CPU: %.1f pages/s" % (trafilatura.__version__, len(data), best, len(data) / best))
PY
fi
args=("$WORK/pred")
[ -n "${PER_PAGE:-}" ] && args+=(--per-page "$PER_PAGE")
python3 "$DIR/score.py" "${args[@]}" --name "presskit-$MODE"
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP"; cp "$WORK"/pred/*.txt "$KEEP"/; fi
