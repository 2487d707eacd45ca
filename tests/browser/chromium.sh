#!/usr/bin/env bash
# Headless Chromium for dipmine's pages, with no network, no profile and no
# GPU: `chromium.sh dom FILE.html[#hash]` prints the DOM after the page's
# scripts ran; `chromium.sh screenshot FILE.html OUT.png [WIDTH,HEIGHT]` saves a
# screenshot (default 1400,1000). scripts/run uses the second to put
# reports/map/map.png next to reports/map/map.html.
set -euo pipefail
mode=$1
page=$2
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --disable-sync --no-first-run --user-data-dir="$profile" --virtual-time-budget=5000)
url="file://$(realpath "${page%%#*}")"
[[ "$page" == *"#"* ]] && url="$url#${page#*#}"
case "$mode" in
  dom) timeout 120 chromium "${flags[@]}" --dump-dom "$url" 2>/dev/null ;;
  screenshot)
    timeout 120 chromium "${flags[@]}" --hide-scrollbars --screenshot="$(realpath -m "$3")" \
      --window-size="${4:-1400,1000}" "$url" >/dev/null 2>&1 ;;
  *) echo "usage: chromium.sh dom|screenshot FILE ..." >&2; exit 2 ;;
esac
