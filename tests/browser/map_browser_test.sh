#!/usr/bin/env bash
# The map page in a real browser: builds a small store (three languages,
# labels that try to inject markup), runs `dipmine map`, opens map.html#selftest
# in headless Chromium and checks the page's own report of its interaction
# checks (nodes drawn, hover, search, colour switch, click, zoom), then saves
# screenshots of map.html and map.svg into OUT_DIR for a person to look at.
# Usage: map_browser_test.sh DIPMINE OUT_DIR. Exit 77 (skip) without chromium.
set -euo pipefail
dipmine=$1
out_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v chromium >/dev/null || { echo "chromium is not installed: skipped"; exit 77; }
command -v sqlite3 >/dev/null || { echo "FAIL: the sqlite3 shell is needed to fill the test store"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/texts" "$out_dir"
for i in $(seq 1 24); do
  printf 'Text %d about city diplomacy.\n\nSecond paragraph %d.\n' "$i" "$i" > "$work/texts/en$i.txt"
done
printf 'دیپلماسی شهری و شهرهای خواهرخوانده.\n' > "$work/texts/fa1.txt"
printf '都市外交と姉妹都市。\n' > "$work/texts/ja1.txt"
"$dipmine" --db "$work/m.db" ingest "$work/texts" >/dev/null
sqlite3 "$work/m.db" < "$here/map_fixture.sql"
"$dipmine" --db "$work/m.db" map --out "$work/out" --seed 3 --unit paragraph \
  --title 'Browser test <b>&"'"'" >/dev/null

"$here/chromium.sh" dom "$work/out/map.html#selftest" > "$work/dom.html" || true
sed -n '/id="selftest"/,/<\/pre>/p' "$work/dom.html"
status=0
# (The page's script holds the words too: the report is the <pre>'s text.)
grep -q '<pre id="selftest">SELFTEST PASS' "$work/dom.html" || { echo "FAIL: the page did not report SELFTEST PASS"; status=1; }
# Labels must be text: escaped in the serialised DOM, never elements.
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$work/dom.html" || { echo "FAIL: <script> label not shown as text"; status=1; }
if grep -q '<script>alert(1)' "$work/dom.html"; then echo "FAIL: a label became a script element"; status=1; fi
if grep -q '<b>&amp;' "$work/dom.html"; then echo "FAIL: the title became markup"; status=1; fi

# A real keyword map (241 Web of Science records, tests/data/map): with the
# defaults, and with every keyword up to the 1,000 nodes of --top, the first
# view must hold every node and no two shown labels may overlap.
"$dipmine" --db "$work/kw.db" ingest "$here/../data/map/wos_management.txt" >/dev/null
for run in "kw:" "kw1000:--min-occurrences 1"; do
  name=${run%%:*}
  # shellcheck disable=SC2086
  "$dipmine" --db "$work/kw.db" map --nodes keywords --out "$work/$name" ${run#*:} >/dev/null
  "$here/chromium.sh" dom "$work/$name/map.html#selftest" > "$work/$name.html" || true
  echo "== keyword map ($name)"
  sed -n '/id="selftest"/,/<\/pre>/p' "$work/$name.html" | grep -E 'SELFTEST|fits|overlap|zoom shows'
  grep -q '<pre id="selftest">SELFTEST PASS' "$work/$name.html" || { echo "FAIL: the keyword map ($name) did not report SELFTEST PASS"; status=1; }
done
"$here/chromium.sh" screenshot "$work/kw1000/map.html" "$out_dir/map-keywords-1000.png"

"$here/chromium.sh" screenshot "$work/out/map.html" "$out_dir/map.png"
"$here/chromium.sh" screenshot "$work/out/map.svg" "$out_dir/map-svg.png"
for png in "$out_dir/map.png" "$out_dir/map-svg.png"; do
  if [ "$(head -c 4 "$png" | od -An -c | tr -d ' ')" != '211PNG' ] || [ "$(stat -c %s "$png")" -lt 20000 ]; then
    echo "FAIL: $png is not a screenshot"; status=1
  else
    echo "screenshot: $png ($(stat -c %s "$png") bytes)"
  fi
done
exit $status
