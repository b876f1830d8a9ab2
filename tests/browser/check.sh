#!/usr/bin/env bash
# Renders the HTML page of every fixture (and a hostile article, and the index of them all)
# in headless Chromium and fails when a page
#   - makes the browser log anything to its console (a script error, a blocked load: the
#     pages log nothing of their own),
#   - is blank: its screenshot is (nearly) one colour, or its article has no height,
#   - shows other text than its input, or elements in the article that byline does not
#     write, or its hover script does not light up a speaker's quotations.
# Usage: tests/browser/check.sh [BYLINE]   (default: target/debug/byline, built if missing)
# Needs chromium-headless-shell (Debian package) or chromium, and python3. Exit 0 when
# every page passes, 1 when one fails, 2 when the browser is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=tests/browser

browser=""
for candidate in chromium-headless-shell chromium chromium-browser google-chrome; do
  if command -v "$candidate" > /dev/null; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
  echo "browser-check: no headless Chromium (apt-get install chromium-headless-shell)" >&2
  exit 2
fi
headless=()
[ "$browser" = chromium-headless-shell ] || headless=(--headless)

byline=${1:-target/debug/byline}
[ -x "$byline" ] || cargo build --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The network is closed and the profile fresh: nothing may load or phone home.
chrome() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  "$browser" "${headless[@]}" --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-default-apps \
    --hide-scrollbars --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    --window-size=1280,900 "$@"
}

printf '%s\n' \
  '<script>alert(1)</script> & <img src=x onerror="alert(2)"> </title></style>' '' \
  '“<b>Stop</b> & go,” said Jack O'"'"'Neil-"Smith" of Acme Corp., adding that 20% left.' '' \
  '"It is <iframe src=//x> fine," Maria Lopez told Reuters in Paris.' > "$work/hostile.txt"
inputs=(fixtures/*.txt "$work/hostile.txt")
"$byline" -f html -q -o "$work/pages" "${inputs[@]}"

failed=0
page_failed=0
fail() { echo "browser-check: $1" >&2; failed=1; page_failed=1; }
# report NAME DETAILS: the page's verdict.
report() { if [ $page_failed = 0 ]; then echo "ok    $1 ($2)"; else echo "FAIL  $1"; fi; }

# check_page PAGE INPUT: INPUT is the article the page shows, or empty for the index.
check_page() {
  local page=$1 input=$2 name
  name=$(basename "$page")
  page_failed=0
  # The console, and the screenshot (the page as it is).
  chrome --screenshot="$work/$name.png" "file://$page" > /dev/null 2> "$work/$name.log" \
    || fail "$name: the browser failed"
  if grep -q 'CONSOLE' "$work/$name.log"; then
    fail "$name: console output: $(grep 'CONSOLE' "$work/$name.log" | head -3)"
  fi
  local ink colours
  read -r ink colours < <(python3 "$here/png_ink.py" "$work/$name.png" | tr '=' ' ' | awk '{print $2, $4}')
  if awk -v ink="$ink" -v colours="$colours" 'BEGIN { exit !(ink < 0.02 || colours < 16) }'; then
    fail "$name: blank screenshot (ink $ink, $colours colours)"
  fi
  [ -n "$input" ] || { report "$name" "ink $ink"; return; }
  # The probe, on a copy of the page: what the browser made of it.
  { sed '/^<\/body>$/,$d' "$page"; echo '<script>'; cat "$here/probe.js"
    echo '</script></body></html>'; } > "$work/probe-$name"
  local probe
  probe=$(chrome --dump-dom "file://$work/probe-$name" 2> /dev/null \
    | grep -o 'data-probe="[^"]*"' | head -1 || true)
  local chars expected
  chars=$(sed -n 's/.*chars=\([0-9-]*\).*/\1/p' <<< "$probe")
  expected=$(LC_ALL=C.UTF-8 wc -m < "$input")
  [ "$chars" = "$expected" ] || fail "$name: article shows $chars characters, input has $expected"
  grep -q 'foreign=0' <<< "$probe" || fail "$name: unexpected elements in the article ($probe)"
  sed -n 's/.*height=\([0-9]*\).*/\1/p' <<< "$probe" | awk '{ exit !($1 > 50) }' \
    || fail "$name: the article has no height ($probe)"
  if grep -q 'lit=' <<< "$probe"; then
    grep -Eq 'lit=([0-9]+)/\1 ' <<< "$probe " || fail "$name: hover did not light every quotation ($probe)"
    grep -q 'label=yes' <<< "$probe" || fail "$name: no speaker label ($probe)"
  fi
  report "$name" "ink $ink; $probe"
}

for input in "${inputs[@]}"; do
  stem=$(basename "$input" .txt)
  check_page "$work/pages/$stem.html" "$input"
done
check_page "$work/pages/index.html" ""
exit $failed
