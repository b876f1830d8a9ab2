#!/usr/bin/env bash
# Makes the README's screenshot of the seed article's page, docs/img/seed-page.png, with
# headless Chromium (see check.sh). Usage: tests/browser/screenshot.sh [BYLINE]
set -euo pipefail
cd "$(dirname "$0")/../.."
browser=$(command -v chromium-headless-shell || command -v chromium || true)
[ -n "$browser" ] || { echo "screenshot: no headless Chromium" >&2; exit 2; }
headless=()
[ "$(basename "$browser")" = chromium-headless-shell ] || headless=(--headless)
byline=${1:-target/release/byline}
[ -x "$byline" ] || cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$byline" -f html fixtures/seed-article.txt > "$work/seed.html"
mkdir -p docs/img
"$browser" "${headless[@]}" --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$work/profile" --force-device-scale-factor=1 --window-size=1280,1040 \
  --screenshot="$PWD/docs/img/seed-page.png" "file://$work/seed.html" 2> /dev/null
echo "docs/img/seed-page.png: $(wc -c < docs/img/seed-page.png) bytes"
