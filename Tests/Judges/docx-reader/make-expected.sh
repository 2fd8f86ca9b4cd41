#!/usr/bin/env bash
# Writes pandoc's expected reading of each DOCX in pandoc/ projected onto GitHub Markdown, the shape both
# sides share: NAME.native (pandoc's own test expectation; NAME_accept or NAME_minus when that is the
# default reading) → HTML → `pandoc -f html -t gfm --wrap=none`. Where there is no .native, or it is in
# pandoc 3's AST (Figure blocks) that the installed pandoc cannot read, the installed pandoc reads the
# .docx itself; where that fails too, expected/NAME.failed says so and the file is not scored.
# presskit's side goes through the same HTML → gfm step (DOCXPandocJudgeTests), so only the readers differ.
# Run again after changing pandoc; the outputs are committed so the test needs pandoc only for its side.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf expected && mkdir -p expected
for docx in pandoc/*.docx; do
  name=$(basename "$docx" .docx)
  native=""
  for candidate in "$name" "${name}_accept" "${name}_minus"; do
    [ -f "pandoc/$candidate.native" ] && { native="pandoc/$candidate.native"; break; }
  done
  if [ -z "$native" ] || ! html=$(pandoc -f native -t html "$native" 2>/dev/null); then
    if ! html=$(pandoc -f docx -t html "$docx" 2>&1); then
      printf 'pandoc %s cannot read it: %s\n' "$(pandoc --version | head -1 | cut -d' ' -f2)" "$html" > "expected/$name.failed"
      continue
    fi
  fi
  printf '%s\n' "$html" | pandoc -f html -t gfm --wrap=none > "expected/$name.md"
done
echo "wrote $(ls expected/*.md | wc -l) expected projections ($(ls expected/*.failed 2>/dev/null | wc -l) unreadable) with $(pandoc --version | head -1)"
