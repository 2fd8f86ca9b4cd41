#!/usr/bin/env bash
# Markdown parse speed: presskit (whole process) against cmark-gfm on the same generated 1 MB file, same run.
#
#   bench/markdown-speed.sh [SIZE_MB] [RUNS]     (defaults: 1 MB, 9 runs; needs a release build:
#                                                 swift build -c release --static-swift-stdlib)
#
# Prints the median wall time of RUNS whole-process runs for each command and the MB/s it implies.
# The file is made of the Markdown samples (front matter removed) repeated: headings, paragraphs,
# emphasis, links, lists, task lists, tables, footnotes and non-ASCII text.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZE_MB=${1:-1}
RUNS=${2:-9}
PRESSKIT=${PRESSKIT:-$ROOT/.build/release/presskit}
[ -x "$PRESSKIT" ] || { echo "no release build at $PRESSKIT (swift build -c release --static-swift-stdlib)" >&2; exit 2; }
command -v cmark-gfm >/dev/null || { echo "cmark-gfm is not installed (make deps)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BIG=$WORK/big.md

python3 - "$ROOT/Samples/markdown" "$BIG" "$SIZE_MB" <<'EOF'
import glob, os, re, sys
folder, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
parts = []
for path in sorted(glob.glob(os.path.join(folder, "*.md"))):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)   # front matter: once per file only
    parts.append(text)
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
EOF
BYTES=$(stat -c %s "$BIG")

# median wall seconds of RUNS runs of a command (output discarded)
median() {
    python3 - "$RUNS" "$@" <<'EOF'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - start)
print("%.4f" % statistics.median(times))
EOF
}

EXT="-e table -e strikethrough -e autolink -e tasklist"
printf 'input: %s bytes of generated Markdown; median of %s whole-process runs each\n' "$BYTES" "$RUNS"
printf '%-52s %10s %10s\n' command seconds MB/s
declare -A T
for name in "presskit -f gfm -t json" "presskit -f gfm -t html" "presskit -f gfm -t gfm" \
            "cmark-gfm $EXT" "cmark-gfm $EXT -t commonmark" "cmark-gfm"; do
    case $name in
        presskit*) cmd=("$PRESSKIT" "$BIG" ${name#presskit }) ;;
        *) cmd=($name "$BIG") ;;
    esac
    t=$(median "${cmd[@]}")
    T[$name]=$t
    printf '%-52s %10s %10.1f\n' "$name" "$t" "$(python3 -c "print($BYTES / 1e6 / $t)")"
done
python3 - "${T[presskit -f gfm -t html]}" "${T[cmark-gfm $EXT]}" "${T[presskit -f gfm -t json]}" <<'EOF'
import sys
ours, cmark, js = map(float, sys.argv[1:])
print("presskit -t html / cmark-gfm (same extensions): %.2fx the time" % (ours / cmark))
print("presskit -t json / cmark-gfm (same extensions): %.2fx the time" % (js / cmark))
EOF
