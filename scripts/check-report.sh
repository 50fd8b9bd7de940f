#!/usr/bin/env bash
# Renders the weekly HTML report in headless Chromium (Debian's `chromium`) and fails
# on any console message (a page with no scripts has none unless something is wrong:
# a refused load, a parse error), an empty DOM, or a print that gives no PDF.
#
#   scripts/check-report.sh [OTIUM_BINARY]     (default: builds target/debug/otium)
#
# It first renders a page that logs to the console on purpose and fails unless that is
# caught, so the check itself cannot pass by seeing nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=""
for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null 2>&1; then
        browser="$candidate"
        break
    fi
done
if [ -z "$browser" ]; then
    echo "check-report: chromium is not installed (Debian: apt-get install chromium)" >&2
    exit 2
fi

bin="${1:-}"
if [ -z "$bin" ]; then
    cargo build --quiet
    bin="target/debug/otium"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs the browser on a file: DOM to $2, browser log to $3, PDF to $4.
render() {
    local page="$1" dom="$2" log="$3" pdf="$4"
    # A fresh profile each time, and nothing that reaches the network.
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
        --disable-background-networking --disable-component-update --disable-sync \
        --no-first-run --user-data-dir="$work/profile-$(basename "$page")" \
        --enable-logging=stderr --v=0 \
        --dump-dom "file://$page" >"$dom" 2>"$log"
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
        --disable-background-networking --disable-component-update --disable-sync \
        --no-first-run --user-data-dir="$work/profile-pdf-$(basename "$page")" \
        --no-pdf-header-footer --print-to-pdf="$pdf" "file://$page" >/dev/null 2>>"$log"
}

console_lines() {
    grep -E ':CONSOLE[:(]' "$1" || true
}

# 1. The check must catch a console message.
printf '<!DOCTYPE html><html><body><script>console.error("planted")</script></body></html>' \
    >"$work/planted.html"
render "$work/planted.html" "$work/planted.dom" "$work/planted.log" "$work/planted.pdf"
if ! console_lines "$work/planted.log" | grep -q planted; then
    echo "check-report: the browser log did not show a planted console error; the check cannot see errors" >&2
    exit 1
fi

# 2. A week with everything the report can show: name, client, rates in two
# currencies, a target, EU limits (one 12 h day breaks the 10 h rule), notes with markup.
export OTIUM_DB="$work/otium.sqlite" OTIUM_CONFIG="$work/config.toml"
export OTIUM_TZ="Europe/Berlin" OTIUM_NOW="2026-11-27T18:00:00+01:00"
cat >"$OTIUM_CONFIG" <<'TOML'
daily_target_hours = 8
limits = "eu"
[report]
name = "Ada Lovelace"
client = "Acme <GmbH> & Co"
[rates]
writing = "60 EUR"
TOML
"$bin" add coding --from "2026-11-23 08:00" --to "20:00" -n 'API & <tests> "quoted"' >/dev/null 2>&1
"$bin" add writing --from "2026-11-24 09:00" --for 1h >/dev/null
"$bin" add ops --from "2026-11-25 09:00" --for 1h30m -n "deploy" >/dev/null
"$bin" project coding --rate 85 --currency EUR >/dev/null
"$bin" project ops --rate 100 --currency USD >/dev/null
"$bin" report --week --format html --sessions --title "Week 48" -o "$work/week.html"

render "$work/week.html" "$work/week.dom" "$work/week.log" "$work/week.pdf"
errors="$(console_lines "$work/week.log")"
if [ -n "$errors" ]; then
    echo "check-report: the browser logged console messages:" >&2
    echo "$errors" >&2
    exit 1
fi
for needle in "<h1>Week 48</h1>" "<svg" "section class=\"limits\"" "section class=\"dividend\""; do
    if ! grep -qF "$needle" "$work/week.dom"; then
        echo "check-report: the rendered DOM has no $needle" >&2
        exit 1
    fi
done
if [ "$(head -c 4 "$work/week.pdf" 2>/dev/null)" != "%PDF" ]; then
    echo "check-report: printing to PDF gave no PDF" >&2
    exit 1
fi
echo "check-report: the weekly report renders in $("$browser" --version 2>/dev/null | head -n 1) with no console message and prints to PDF"
