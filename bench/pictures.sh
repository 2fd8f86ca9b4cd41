#!/usr/bin/env bash
# make pictures: the README's pictures, made by presskit itself and rendered by independent tools.
#   docs/images/seed-docx.png        the seed release as presskit's DOCX (LibreOffice → PDF → PNG)
#   docs/images/seed-pandoc-docx.png the same input as pandoc's DOCX, rendered the same way
#   docs/images/seed-epub-title.png  the seed release's EPUB title page (XHTML + the EPUB's CSS, Chromium)
#   docs/images/seed-epub.png        its first chapter, rendered the same way
#   docs/images/page-before.png      a newsroom web page with its menus and banners (Chromium)
#   docs/images/page-after-docx.png  the same page through presskit, as DOCX (LibreOffice)
#   docs/images/bench.png            the chart of make bench's last results (bench-out/results.json), if any
# Every picture is reduced to a small palette PNG (bench/shrink_png.py, ≤ 150 KB each).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${PRESSKIT_BIN:-.build/debug/presskit}
OUT=docs/images
SEED=Samples/text/seed-partner2connect.txt
PAGE=Samples/html/company-newsroom.html
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
mkdir -p "$OUT"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

office_png() { # DOCX → first page PNG
  local docx=$1 png=$2 stem
  stem=$(basename "$docx" .docx)
  soffice -env:UserInstallation=file://"$W"/lo --headless --convert-to pdf --outdir "$W" "$docx" >/dev/null 2>&1
  pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$W/$stem.pdf" "$W/$stem"
  mv "$W/$stem.png" "$png"
}
shot() { # HTML file → PNG (no network: file:// only)
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$3" --screenshot="$2" "file://$(realpath "$1")" >/dev/null 2>&1
}

"$BIN" "$SEED" -o "$W/seed.docx" -q
pandoc -f markdown "$SEED" -o "$W/seed-pandoc.docx"
office_png "$W/seed.docx" "$OUT/seed-docx.png"
office_png "$W/seed-pandoc.docx" "$OUT/seed-pandoc-docx.png"

"$BIN" "$SEED" -o "$W/seed.epub" -q
mkdir -p "$W/epub" && (cd "$W/epub" && unzip -q ../seed.epub)
shot "$W/epub/OEBPS/titlepage.xhtml" "$OUT/seed-epub-title.png" 700,560
chapter=$(ls -S "$W"/epub/OEBPS/*.xhtml | grep -v -e nav.xhtml -e titlepage | head -1)
shot "$chapter" "$OUT/seed-epub.png" 700,1000

shot "$PAGE" "$OUT/page-before.png" 1100,1300
"$BIN" "$PAGE" -o "$W/page.docx" -q
office_png "$W/page.docx" "$OUT/page-after-docx.png"

if [ -f bench-out/results.json ]; then python3 bench/chart.py bench-out/results.json "$OUT/bench.png"; fi
python3 bench/shrink_png.py "$OUT"/*.png
ls -l "$OUT"
