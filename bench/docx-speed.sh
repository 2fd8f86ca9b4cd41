#!/usr/bin/env bash
# A 1 MB HTML press page -> DOCX: presskit against pandoc in the same run, whole process,
# median wall time and median peak memory (RSS) of RUNS runs each (`command time -f '%e %M'`).
#
#   bench/docx-speed.sh [INPUT]      default input: a generated 1 MB page (bench-out/docx/big.html)
#   RUNS=5 SIZE_MB=1 PRESSKIT_BIN=.build/release/presskit bench/docx-speed.sh
#   FROM=markdown bench/docx-speed.sh   the same with a generated 1 MB Markdown file
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SIZE_MB=${SIZE_MB:-1}
FROM=${FROM:-html}
BIN=${PRESSKIT_BIN:-.build/release/presskit}
OUT=bench-out/docx
mkdir -p "$OUT"
if [ ! -x "$BIN" ]; then
  echo "building $BIN (release, static Swift runtime)..." >&2
  make -s release >/dev/null
fi
command -v pandoc >/dev/null || { echo "pandoc is not installed (make deps)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (apt-get install time)" >&2; exit 2; }

EXT=$([ "$FROM" = markdown ] && echo md || echo html)
INPUT=${1:-$OUT/big.$EXT}
if [ ! -f "$INPUT" ]; then
  python3 - "$INPUT" "$SIZE_MB" "$FROM" <<'PY'
import sys, html
path, megabytes, kind = sys.argv[1], float(sys.argv[2]), sys.argv[3]
words = ("the ministry announced programme digital infrastructure partners coalition development "
         "telecommunications services investment network citizens regions growth agreement").split()
def sentence(i, n=22):
    return " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(n)).capitalize() + "."
parts, i, size = [], 0, 0
if kind == "html":
    parts.append('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Archive of releases | Ministry</title>'
                 '<meta property="og:title" content="A large press archive"><meta name="date" content="2021-09-21"></head><body>'
                 '<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav></header>'
                 '<main><article><h1>A large press archive</h1><p class="dateline">MINSK, September 21, 2021</p>')
    while size < megabytes * 1_000_000:
        s = (f'<h2 id="s{i}">Section {i + 1}</h2>'
             + "".join(f"<p>{html.escape(sentence(i + k))} See <a href=\"https://example.org/news/{i}-{k}\">the "
                       f"<em>full</em> statement</a> and <strong>{html.escape(sentence(i + k + 1, 6))}</strong></p>" for k in range(6))
             + "<ul>" + "".join(f"<li>{html.escape(sentence(i + k, 8))}</li>" for k in range(4)) + "</ul>"
             + "<ol start=\"3\">" + "".join(f"<li>{html.escape(sentence(i + k, 6))}</li>" for k in range(3)) + "</ol>"
             + "<table><caption>Indicators</caption><thead><tr><th>Indicator</th><th align=\"right\">2020</th><th align=\"right\">2021</th></tr></thead><tbody>"
             + "".join(f"<tr><td>{html.escape(sentence(k, 3))}</td><td align=\"right\">{k * 17 % 100}</td><td align=\"right\">{k * 31 % 100}</td></tr>" for k in range(5))
             + "</tbody></table><blockquote><p>" + html.escape(sentence(i, 30)) + "</p></blockquote>")
        parts.append(s)
        size += len(s.encode())
        i += 1
    parts.append('</article></main><footer><p>&copy; 2021 Ministry. <a href="/contacts">Contacts</a></p></footer></body></html>\n')
else:
    parts.append("---\ntitle: A large press archive\ndate: 2021-09-21\nlanguage: en\n---\n")
    while size < megabytes * 1_000_000:
        s = (f"\n## Section {i + 1}\n\n"
             + "".join(f"{sentence(i + k)} See [the *full* statement](https://example.org/news/{i}-{k}) and **{sentence(i + k + 1, 6)}**\n\n" for k in range(6))
             + "".join(f"- {sentence(i + k, 8)}\n" for k in range(4)) + "\n"
             + "".join(f"{3 + k}. {sentence(i + k, 6)}\n" for k in range(3))
             + "\n| Indicator | 2020 | 2021 |\n|---|--:|--:|\n"
             + "".join(f"| {sentence(k, 3)} | {k * 17 % 100} | {k * 31 % 100} |\n" for k in range(5))
             + "\n> " + sentence(i, 30) + "\n")
        parts.append(s)
        size += len(s.encode())
        i += 1
open(path, "w", encoding="utf-8").write("".join(parts))
PY
fi

# median of the first (seconds) and second (KB) columns of a file of "SECONDS KB" lines
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{v[NR]=$c} END {print v[int((NR+1)/2)]}'; }

measure() {
  local name=$1; shift
  : > "$OUT/$name.times"
  for _ in $(seq "$RUNS"); do
    command time -f '%e %M' -o "$OUT/$name.one" "$@" >/dev/null 2>"$OUT/$name.err" || { cat "$OUT/$name.err" >&2; exit 1; }
    tail -n 1 "$OUT/$name.one" >> "$OUT/$name.times"
  done
  echo "$(median "$OUT/$name.times" 1) $(median "$OUT/$name.times" 2)"
}

# Interleave nothing: each tool runs RUNS times back to back, presskit first, pandoc right after.
read -r p_s p_kb < <(measure presskit "$BIN" "$INPUT" -f "$FROM" -t docx -o "$OUT/presskit.docx")
read -r d_s d_kb < <(measure pandoc pandoc "$INPUT" -f "$([ "$FROM" = markdown ] && echo markdown || echo html)" -o "$OUT/pandoc.docx")

bytes=$(wc -c < "$INPUT")
printf 'input   %s (%s bytes, %s)\n' "$INPUT" "$bytes" "$FROM"
printf 'presskit %6.2f s  %6.0f MB   (median of %s)\n' "$p_s" "$(echo "$p_kb / 1024" | bc -l)" "$RUNS"
printf 'pandoc   %6.2f s  %6.0f MB   (median of %s)\n' "$d_s" "$(echo "$d_kb / 1024" | bc -l)" "$RUNS"
printf 'ratio    %.1fx faster, %.1fx less memory\n' "$(echo "$d_s / ($p_s + 0.000001)" | bc -l)" "$(echo "$d_kb / $p_kb" | bc -l)"
