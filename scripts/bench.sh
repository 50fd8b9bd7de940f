#!/usr/bin/env bash
# Times the real otium binary as whole processes at 100k and 1M sessions and prints a
# table of every verb: median wall time and peak resident memory of each run (read from
# wait4's rusage of that one child). With bartib on PATH (`cargo install bartib`), the
# same operations run on the same history in bartib's format, interleaved with otium's
# (otium, bartib, otium, bartib, ...), and the table adds bartib's median and the ratio.
# Usage: scripts/bench.sh [SIZES...]   (default: 100000 1000000)
# Needs python3. Nothing here runs in CI: timings never go into tests.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin otium --example seed
bin=$PWD/target/release/otium
seed=$PWD/target/release/examples/seed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OTIUM_TZ=Europe/Berlin OTIUM_CONFIG="$work/none.toml"
: > "$OTIUM_CONFIG"
# balance and limits need targets and limits; the other verbs run without them, as a
# new user's do.
printf 'daily_target_hours = 8\nlimits = "eu"\n' > "$work/rules.toml"
bartib=$(command -v bartib || true)

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)

cat > "$work/bench.py" <<'EOF'
"""Runs each operation N times (interleaved with bartib's when given) and prints rows."""
import os, shlex, statistics, subprocess, sys, time

def prepare_for(prepare):
    if prepare:
        subprocess.run(prepare, shell=True, check=True, stdout=subprocess.DEVNULL)

def run(cmd, prepare):
    """Wall seconds of one run of cmd (prepared first, not timed)."""
    prepare_for(prepare)
    # stderr too: a note ("created a new database at …") would land in the table. A
    # failed run is run again with its stderr shown.
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        pid = os.posix_spawn(cmd[0], cmd, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, null.fileno(), 1),
                                           (os.POSIX_SPAWN_DUP2, null.fileno(), 2)])
        _, status, _ = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        prepare_for(prepare)
        shown = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        raise SystemExit(f"failed ({status}): {shlex.join(cmd)}: {shown.stderr.strip()}")
    return wall

def peak(cmd, prepare):
    """Peak RSS in MiB of one more run, read by GNU time: a child spawned from this
    Python process would report Python's own pages as its peak."""
    prepare_for(prepare)
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], check=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(out.stderr.strip().splitlines()[-1]) / 1024

def main():
    size, runs, name, otium, prep, bartib, bprep = sys.argv[1:8]
    runs = int(runs)
    a, b = [], []
    for i in range(runs + 1):  # the first pair warms the cache and is not counted
        ra = run(shlex.split(otium), prep)
        rb = run(shlex.split(bartib), bprep) if bartib else None
        if i:
            a.append(ra)
            if rb is not None:
                b.append(rb)
    ms = lambda xs: statistics.median(xs) * 1000
    row = f"| {name} | {size} | {ms(a):.1f} ms | {peak(shlex.split(otium), prep):.1f} MiB |"
    if b:
        ratio = statistics.median(y / x for x, y in zip(a, b))
        row += f" {ms(b):.1f} ms | {peak(shlex.split(bartib), bprep):.1f} MiB | {ratio:.1f}× |"
    elif os.environ.get("BARTIB"):
        row += " | | |"
    print(row, flush=True)

main()
EOF

# otium export CSV -> a bartib activity file (local times in the sessions' zone).
cat > "$work/to_bartib.py" <<'EOF'
import csv, sys
from datetime import datetime
out = open(sys.argv[2], "w")
for r in csv.DictReader(open(sys.argv[1])):
    s = datetime.fromisoformat(r["start"]); e = datetime.fromisoformat(r["end"])
    note = (r["note"] or r["project"]).replace("|", "/")
    out.write(f"{s:%Y-%m-%d %H:%M} - {e:%Y-%m-%d %H:%M} | {r['project']} | {note}\n")
EOF

header='| operation | sessions | median wall | peak RSS |'
rule='|---|---:|---:|---:|'
if [ -n "$bartib" ]; then
  export BARTIB=1
  header="$header bartib median | bartib peak | bartib ÷ otium |"
  rule="$rule---:|---:|---:|"
fi
printf '%s\n%s\n' "$header" "$rule"

# The floor: an empty Rust program (`fn main() {}`, release, linked as rustc links by
# default), the same way: what no process can start faster than on this machine.
printf 'fn main() {}\n' > "$work/bare.rs"
rustc -C opt-level=3 -o "$work/bare" "$work/bare.rs"
python3 "$work/bench.py" 0 15 "bare Rust process (floor)" "$work/bare" "" "" ""

for n in "${sizes[@]}"; do
  db="$work/s$n.db"
  "$seed" --db "$db" --sessions "$n" >/dev/null
  "$bin" --db "$db" export --all --format csv -o "$work/s$n.csv"
  bfile="$work/s$n.bartib"
  [ -z "$bartib" ] || python3 "$work/to_bartib.py" "$work/s$n.csv" "$bfile"
  # Let the seed's writes reach the disk first, or the timed fsyncs wait for them.
  sync
  o="$bin --db $db"
  b="$bartib -f $bfile"
  # Prepare steps run before each timed run and are not timed. None sleeps: a virtual
  # CPU that slept is slow to wake (40 ms here), and that would be timed.
  # rm-added: removes the session the previous `add` run made (ids are never reused,
  # so it is looked up by its day). running: leaves a `bench` session running since a
  # minute ago for `stop` (earlier ones removed first, so the minute is free).
  cat > "$work/rm-added" <<EOS
#!/bin/sh
for id in \$($o log --from 2026-11-28 --to 2026-11-28 --json |
    python3 -c 'import json, sys; print(*[s["id"] for s in json.load(sys.stdin)])'); do
  $o rm "\$id" >/dev/null
done
EOS
  cat > "$work/running" <<EOS
#!/bin/sh
for id in \$($o log --today --json |
    python3 -c 'import json, sys; print(*[s["id"] for s in json.load(sys.stdin) if s["project"] == "bench"])'); do
  $o rm "\$id" >/dev/null
done
$o start bench --at "1 min ago" >/dev/null
EOS
  chmod +x "$work/rm-added" "$work/running"
  rm_added="$work/rm-added"
  running="$work/running"
  fresh="rm -f $work/import.db $work/import.db-wal $work/import.db-shm"
  # name | otium args | otium prepare | bartib args (empty: none) | bartib prepare
  ops=(
    "process start (--version)|--version||--version|"
    "status|status||current|"
    "status (zh-CN)|status --lang zh-CN|||"
    "add|add bench --from 2026-11-28T10:00:00Z --for 1m|$rm_added||"
    "start|start bench +b|||"
    "stop|stop|$running||"
    "week report|report --week 2026-W47||report --from 2026-11-16 --to 2026-11-22|"
    "full report by project|report --all --by project||report|"
    "report by day for a year|report --from 2025-11-27 --to 2026-11-26 --by day|||"
    "csv export of everything|export --all --format csv||list --no_grouping|"
    "json export of everything|export --all --json|||"
    "dividend|dividend|||"
    "balance --all|--config $work/rules.toml balance --all|||"
    "limits --all|--config $work/rules.toml limits --all|||"
    "import of everything (csv)|import csv $work/s$n.csv|$fresh||"
  )
  for op in "${ops[@]}"; do
    IFS='|' read -r name args prep bargs bprep <<<"$op"
    runs=15
    case "$name" in import*) runs=3 ;; *report*|csv*|json*|balance*|limits*) runs=7 ;; esac
    cmd="$o $args"
    # The import writes a new database each run (its prepare step removes it).
    case "$name" in import*) cmd="$bin --db $work/import.db $args" ;; esac
    bcmd=""
    [ -z "$bartib" ] || [ -z "$bargs" ] || bcmd="$b $bargs"
    python3 "$work/bench.py" "$n" "$runs" "$name" "$cmd" "$prep" "$bcmd" "$bprep" ||
      printf '| %s | %s | FAILED | |\n' "$name" "$n"
  done
done
