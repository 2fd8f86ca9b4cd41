#!/usr/bin/env bash
# Batch benchmark: N copies of a ≈5 KB press release converted by presskit's folder mode against a shell
# loop of pandoc over the same files, side by side in one run; then presskit with --jobs 1 and --jobs 2.
#
#   bench/batch.sh [FORMAT] [N]        FORMAT: docx if presskit writes it, else html; N: 2000 files
#   PANDOC_N=300 (pandoc converts this many of the same files: one process each, so it is slow)
#   PRESSKIT_BIN=path (default: a release build, built here)   SEED=release.txt (the text copied)
#   RUNS=3 (presskit runs per setting; the median is shown)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${2:-2000}
PANDOC_N=${PANDOC_N:-$(( N < 300 ? N : 300 ))}
RUNS=${RUNS:-3}
if [ -z "${PRESSKIT_BIN:-}" ]; then
  make -s release >/dev/null
  PRESSKIT_BIN=.build/release/presskit
fi
BIN=$PRESSKIT_BIN

writes() { "$BIN" formats | awk -v f="$1" 'NR>1 && $1==f && $3=="yes" {ok=1} END {exit !ok}'; }
reads() { "$BIN" formats | awk -v f="$1" 'NR>1 && $1==f && $2=="yes" {ok=1} END {exit !ok}'; }
FORMAT=${1:-$(writes docx && echo docx || echo html)}
writes "$FORMAT" || { echo "presskit does not write $FORMAT" >&2; exit 2; }
EXT=$("$BIN" formats | awk -v f="$FORMAT" 'NR>1 && $1==f {sub(/^\./, "", $4); print $4}')
case $FORMAT in text) PANDOC_TO=plain ;; markdown) PANDOC_TO=gfm ;; *) PANDOC_TO=$FORMAT ;; esac
# Markdown input when presskit reads it (pandoc's own input), else the same text as .txt (pandoc reads it as Markdown).
IN_EXT=txt; reads markdown && IN_EXT=md

SEED=${SEED:-}
for candidate in ../shared/seeds/000_178ff21f5caf4cf0.txt /work/shared/seeds/000_178ff21f5caf4cf0.txt; do
  [ -z "$SEED" ] && [ -f "$candidate" ] && SEED=$candidate
done
[ -f "$SEED" ] || { echo "no seed release found: set SEED=FILE" >&2; exit 2; }

# Files live in memory (/dev/shm) when possible: on this VM's disk, creating a file costs 0.5–1 ms, the same
# for both tools, and would hide the conversion itself. BENCH_DIR=/tmp measures the disk instead.
BASE=${BENCH_DIR:-/dev/shm}
[ -d "$BASE" ] && [ -w "$BASE" ] || BASE=/tmp
WORK=$(mktemp -d "$BASE/presskit-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# A ≈5 KB release: the seed, then its body again as a background section; each copy numbered.
{ cat "$SEED"; printf '\n\nBackground\n\n'; tail -n +2 "$SEED"; } > "$WORK/release"
for ((i = 0; i < N; i++)); do
  dir="$WORK/src/d$(( i / 100 ))"
  [ $(( i % 100 )) -eq 0 ] && mkdir -p "$dir"
  { printf 'Release %05d: ' "$i"; cat "$WORK/release"; } > "$dir/release-$i.$IN_EXT"
done
SIZE=$(wc -c < "$WORK/src/d0/release-0.$IN_EXT")

now() { date +%s%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f\n", (b - a) / 1e9}'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN {printf "%.1f", n / s}'; }

# presskit: one process for the whole folder. Prints "seconds cpu-seconds" of the median of RUNS runs.
presskit_run() {
  for ((r = 0; r < RUNS; r++)); do
    rm -rf "$WORK/out"
    /usr/bin/time -f '%e %U %S' -o "$WORK/time" "$BIN" "$WORK/src" -o "$WORK/out" -t "$FORMAT" "$@" 2>/dev/null || true
    awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$WORK/time"
    [ "$(find "$WORK/out" -type f | wc -l)" -eq "$N" ] || echo "presskit wrote $(find "$WORK/out" -type f | wc -l) of $N" >&2
  done | sort -g | awk '{v[NR] = $0} END {print v[int((NR + 1) / 2)]}'
}

echo "$N copies of a $SIZE-byte release (.$IN_EXT) → $FORMAT in $BASE; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "presskit: $BIN ($("$BIN" --version)); pandoc $(pandoc --version | head -1 | cut -d' ' -f2)"

read -r T_DEFAULT C_DEFAULT <<< "$(presskit_run)"
read -r T_J1 C_J1 <<< "$(presskit_run --jobs 1)"
read -r T_J2 C_J2 <<< "$(presskit_run --jobs 2)"

# pandoc: one process per file, the way users loop in the shell; PANDOC_N of the same files.
mkdir -p "$WORK/pandoc"
t0=$(now)
find "$WORK/src" -name "*.$IN_EXT" | sort | awk -v n="$PANDOC_N" 'NR <= n' | while read -r f; do
  pandoc --quiet -f markdown -t "$PANDOC_TO" -s "$f" -o "$WORK/pandoc/$(basename "${f%.*}").$EXT"
done
T_PANDOC=$(seconds "$t0" "$(now)")

R_DEFAULT=$(rate "$N" "$T_DEFAULT"); R_J1=$(rate "$N" "$T_J1"); R_J2=$(rate "$N" "$T_J2")
R_PANDOC=$(rate "$PANDOC_N" "$T_PANDOC")
cpu() { awk -v c="$1" -v t="$2" 'BEGIN {printf "%.0f%%", 100 * c / t}'; }
printf '%-34s %6s files %8s s %9s files/s %6s CPU\n' \
  "presskit batch (default --jobs)" "$N" "$T_DEFAULT" "$R_DEFAULT" "$(cpu "$C_DEFAULT" "$T_DEFAULT")" \
  "presskit batch --jobs 1" "$N" "$T_J1" "$R_J1" "$(cpu "$C_J1" "$T_J1")" \
  "presskit batch --jobs 2" "$N" "$T_J2" "$R_J2" "$(cpu "$C_J2" "$T_J2")" \
  "pandoc, one process per file" "$PANDOC_N" "$T_PANDOC" "$R_PANDOC" "-"
awk -v a="$R_DEFAULT" -v b="$R_PANDOC" -v j1="$R_J1" -v j2="$R_J2" 'BEGIN {
  printf "ratio presskit batch / pandoc loop: %.0f×   (--jobs 2 / --jobs 1: %.2f×)\n", a / b, j2 / j1 }'
echo "(CPU = user+system time / wall time; on a loaded machine --jobs 2 cannot exceed the share the kernel gives this session)"
