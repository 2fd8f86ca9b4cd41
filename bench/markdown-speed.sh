#!/usr/bin/env bash
# Markdown parse speed: presskit (whole process) against cmark-gfm on the same generated 1 MB file, same run.
#
#   bench/markdown-speed.sh [SIZE_MB] [RUNS]     (defaults: 1 MB, 9 runs; needs a release build:
#                                                 make release)
#
# Prints the median wall time of RUNS whole-process runs for each command and the MB/s it implies.
# The file is made of the Markdown samples (front matter removed) repeated: headings, paragraphs,
# emphasis, links, lists, task lists, tables, footnotes and non-ASCII text.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZE_MB=${1:-1}
RUNS=${2:-9}
PRESSKIT=${PRESSKIT:-$ROOT/.build/release/presskit}
[ -x "$PRESSKIT" ] || { echo "no release build at $PRESSKIT (make release)" >&2; exit 2; }
command -v cmark-gfm >/dev/null || { echo "cmark-gfm is not installed (make deps)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BIG=$WORK/big.md

python3 "$ROOT/bench/gfm_corpus.py" "$BIG" "$SIZE_MB"
BYTES=$(stat -c %s "$BIG")

# median wall seconds and median CPU seconds (user + system) of RUNS runs of a command (output discarded);
# on a shared, loaded machine the CPU figure is the steadier one
median() {
    python3 - "$RUNS" "$@" <<'EOF'
import os, statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
walls, cpus = [], []
for _ in range(runs):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    walls.append(time.perf_counter() - start)
    cpus.append(usage.ru_utime + usage.ru_stime)
    assert os.waitstatus_to_exitcode(status) == 0, cmd
print("%.4f %.4f" % (statistics.median(walls), statistics.median(cpus)))
EOF
}

# The extensions presskit attaches for gfm (CMarkParser): tables, strikethrough, autolinks, task lists (and
# footnotes, which cmark-gfm 0.29's command line cannot switch on).
EXT="-e table -e strikethrough -e autolink -e tasklist"
printf 'input: %s bytes of generated Markdown; median of %s whole-process runs each\n' "$BYTES" "$RUNS"
printf '%-60s %8s %8s %8s %10s\n' command wall-s MB/s cpu-s MB/cpu-s
declare -A W C
for name in "presskit -f gfm -t json" "presskit -f gfm -t html" "presskit -f gfm -t gfm" \
            "cmark-gfm $EXT" "cmark-gfm $EXT -t commonmark" "cmark-gfm"; do
    case $name in
        presskit*) cmd=("$PRESSKIT" "$BIG" ${name#presskit }) ;;
        *) cmd=($name "$BIG") ;;
    esac
    read -r wall cpu < <(median "${cmd[@]}")
    W[$name]=$wall
    C[$name]=$cpu
    printf '%-60s %8s %8.1f %8s %10.1f\n' "$name" "$wall" "$(python3 -c "print($BYTES / 1e6 / $wall)")" \
        "$cpu" "$(python3 -c "print($BYTES / 1e6 / max($cpu, 1e-4))")"
done
python3 - "${W[presskit -f gfm -t html]}" "${W[cmark-gfm $EXT]}" "${C[presskit -f gfm -t html]}" "${C[cmark-gfm $EXT]}" \
    "${C[presskit -f gfm -t json]}" <<'EOF'
import sys
wall_ours, wall_cmark, cpu_ours, cpu_cmark, cpu_json = map(float, sys.argv[1:])
print("presskit -f gfm -t html against cmark-gfm (same extensions): %.2fx the wall time, %.2fx the CPU time"
      % (wall_ours / wall_cmark, cpu_ours / cpu_cmark))
print("presskit -f gfm -t json (parse and tree, no HTML) against cmark-gfm: %.2fx the CPU time" % (cpu_json / cpu_cmark))
EOF
