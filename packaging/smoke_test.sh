#!/usr/bin/env bash
# Smoke-test a built Entente binary offscreen: the CLI, the PNG export and the window's start-up.
#   packaging/smoke_test.sh dist/entente/entente
set -euo pipefail
bin=${1:?usage: smoke_test.sh PATH/TO/entente}
export QT_QPA_PLATFORM=offscreen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }

echo "-- $bin info"
"$bin" info | tee "$tmp/info.txt"
grep -q '^Events: *69$' "$tmp/info.txt" || fail "info does not report 69 events"

# an SPSS file: read by the binary started again as a child (stat_files), and a damaged one refused by name
fixtures="$(cd "$(dirname "$0")/.." && pwd)/tests/io/fixtures_tables"
echo "-- $bin info alliance_events.sav"
"$bin" info "$fixtures/alliance_events.sav" | tee "$tmp/sav.txt"
grep -q '^Events: *5$' "$tmp/sav.txt" || fail "info does not report the SPSS file's 5 events"
rc=0
"$bin" info "$fixtures/damaged.sav" >"$tmp/damaged.txt" 2>&1 || rc=$?
cat "$tmp/damaged.txt"
[ "$rc" = 1 ] && grep -q 'damaged.sav: a damaged SPSS file' "$tmp/damaged.txt" || fail "a damaged SPSS file: code $rc"

# a PDF: its text taken by the binary started again as a child (pdf.py), pypdf in the bundle
echo "-- $bin events chronology.pdf"
"$bin" events "$(dirname "$fixtures")/fixtures/chronology.pdf" | tee "$tmp/pdf.txt"
grep -q '^5 of 5 events' "$tmp/pdf.txt" || fail "events does not list the PDF chronology's 5 events"
echo "-- $bin events chronologie.rtf"
"$bin" events "$(dirname "$fixtures")/fixtures/chronologie.rtf" | tee "$tmp/rtf.txt"
grep -q '^3 of 3 events' "$tmp/rtf.txt" || fail "events does not list the Rich Text chronology's 3 events"

# a BibTeX bibliography: pybtex parses it, latexcodec's table (data files in the bundle) decodes its accents
echo "-- $bin events bibliography.bib"
"$bin" events "$(dirname "$fixtures")/fixtures/bibliography.bib" | tee "$tmp/bib.txt"
grep -q '^8 of 8 events' "$tmp/bib.txt" || fail "events does not list the bibliography's 8 references"
grep -q 'Über formal unentscheidbare Sätze' "$tmp/bib.txt" || fail "the bibliography's LaTeX accents were not decoded"

echo "-- $bin relations --at 2022-12-31 --format csv"
"$bin" relations --at 2022-12-31 --format csv >"$tmp/relations.csv"
head -3 "$tmp/relations.csv"
grep -q '^renault,nissan,equity_stake,43.4,' "$tmp/relations.csv" || fail "relations lack renault,nissan,equity_stake,43.4"

echo "-- $bin export --out $tmp/x.png"
"$bin" export --out "$tmp/x.png"
[ -s "$tmp/x.png" ] || fail "export wrote no PNG"
# PNG header: 8-byte signature, IHDR length + type, then width and height as big-endian 32-bit integers
read -r -a px < <(od -An -v -tu1 -j16 -N8 "$tmp/x.png")
width=$(( (px[0] << 24) | (px[1] << 16) | (px[2] << 8) | px[3] ))
height=$(( (px[4] << 24) | (px[5] << 16) | (px[6] << 8) | px[7] ))
echo "x.png: ${width}x${height}, $(stat -c %s "$tmp/x.png") bytes"
[ "$width" = 1600 ] && [ "$height" = 900 ] || fail "export is ${width}x${height}, expected 1600x900"

echo "-- $bin (window, offscreen, 8 s)"
rc=0
timeout 8 "$bin" >"$tmp/gui.log" 2>&1 || rc=$?
[ "$rc" = 124 ] || { cat "$tmp/gui.log" >&2; fail "the window exited with code $rc before the timeout"; }

echo "SMOKE OK: $bin"
