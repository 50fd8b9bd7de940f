#!/usr/bin/env bash
# Times the real otium binary as whole processes at 100k and 1M sessions and prints a
# table: median wall time (hyperfine) and peak resident memory (/usr/bin/time).
# Usage: scripts/bench.sh [SIZES...]   (default: 100000 1000000)
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time); installs them if
# missing and apt-get is available. Nothing here runs in CI: timings never go into tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { command -v apt-get >/dev/null && apt-get install -y "$2" >/dev/null; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || need /usr/bin/time time

cargo build --release --quiet --bin otium --example seed
bin=target/release/otium
seed=target/release/examples/seed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OTIUM_TZ=Europe/Berlin OTIUM_CONFIG="$work/none.toml"
: > "$OTIUM_CONFIG"

# Prepare steps, run before each timed run (not timed).
# rm-added DB: removes the session the previous `add` run made (ids are never reused,
# so it is looked up by its day).
cat > "$work/rm-added" <<EOF
#!/bin/sh
for id in \$("$bin" --db "\$1" log --from 2026-11-28 --to 2026-11-28 --json |
    python3 -c 'import json, sys; print(*[s["id"] for s in json.load(sys.stdin)])'); do
  "$bin" --db "\$1" rm "\$id" >/dev/null
done
"$bin" --db "\$1" status >/dev/null
EOF
# running DB: leaves a `bench` session running since a minute ago, for `stop` to stop.
# The earlier ones are removed first (so the minute is free); no sleep, because a
# virtual CPU that slept is slow to wake (40 ms here), and that would be timed.
cat > "$work/running" <<EOF
#!/bin/sh
for id in \$("$bin" --db "\$1" log --today --json |
    python3 -c 'import json, sys; print(*[s["id"] for s in json.load(sys.stdin) if s["project"] == "bench"])'); do
  "$bin" --db "\$1" rm "\$id" >/dev/null
done
"$bin" --db "\$1" start bench --at "1 min ago" >/dev/null
EOF
chmod +x "$work/rm-added" "$work/running"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)

# name | command (DB is substituted) | prepare command or empty
# The seeder's history is fixed (it ends 2026-11-27), so fixed dates here always hit the
# same rows: 2026-W47 is its last full week and 2026-11-28 is free for the added session.
ops=(
  "status|status|"
  "status (zh-CN)|status --lang zh-CN|"
  "add|add bench --from 2026-11-28T10:00:00Z --for 1m|rm-added"
  "start|start bench +b|"
  "stop|stop|running"
  "week report|report --week 2026-W47|"
  "full report by project|report --all --by project|"
  "report by day for a year|report --from 2025-11-27 --to 2026-11-26 --by day|"
  "csv export of everything|export --all --format csv|"
  "dividend|dividend|"
)

printf '| operation | sessions | median wall | peak RSS |\n|---|---:|---:|---:|\n'
for n in "${sizes[@]}"; do
  db="$work/s$n.db"
  "$seed" --db "$db" --sessions "$n" >/dev/null
  # Let the seed's writes reach the disk first, or the timed fsyncs wait for them.
  sync; sleep 2
  for op in "${ops[@]}"; do
    IFS='|' read -r name args prep <<<"$op"
    prepare=""
    case "$prep" in
      "") ;;
      rm-added) prepare="$work/rm-added $db" ;;
      running) prepare="$work/running $db" ;;
    esac
    runs=20; [ -n "$prepare" ] && runs=10
    json="$work/h.json"
    if [ -n "$prepare" ]; then
      hyperfine -N --runs "$runs" --warmup 1 --prepare "$prepare" --export-json "$json" "$bin --db $db $args" >/dev/null 2>"$work/err" || true
    else
      hyperfine -N --runs "$runs" --warmup 2 --export-json "$json" "$bin --db $db $args" >/dev/null 2>"$work/err" || true
    fi
    median=$(python3 -c "import json,sys; r=json.load(open('$json'))['results'][0]; print(f\"{r['median']*1000:.1f} ms\")" 2>/dev/null || echo "FAILED: $(head -c 200 "$work/err")")
    rm -f "$json"
    # Peak RSS of one more run, prepared like the timed ones (a failed run says so).
    [ -n "$prepare" ] && sh -c "$prepare"
    if rss=$(/usr/bin/time -f '%M' "$bin" --db "$db" $args 2>&1 >/dev/null | tail -1) && [ "$rss" -eq "$rss" ] 2>/dev/null; then
      rss="$((rss / 1024)) MB"
    else
      rss="FAILED"
    fi
    printf '| %s | %s | %s | %s |\n' "$name" "$n" "$median" "$rss"
  done
done
