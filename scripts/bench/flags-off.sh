#!/usr/bin/env bash
# Seed 000 §9.2, "no monitoring overhead if not used": sigil orchestrate with the three feature flags on and off,
# RUNS times each, interleaved (on, off, on, off, ...: a busy machine's drift hits both alike), on the built-in
# pipeline at --speed 0 (no pacing: the run is all sigil's own work), each mode in a fresh HOME of its own. Prints the
# median wall time of each mode, and the files each left in a session directory and in the log root.
#
#   scripts/bench/flags-off.sh [RUNS]      (default 15; needs target/dist/sigil.jar: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-15}"
base="$(mktemp -d)"
trap 'rm -rf "$base"' EXIT
OFF=(SIGIL_ENABLE_MONITORING=false SIGIL_ENABLE_TOKEN_TRACKING=false SIGIL_ENABLE_BUDGET_ALERTS=false)

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

run() { # $1: on|off, $2: session; prints the wall time in ms
  local flags=()
  [ "$1" = off ] && flags=("${OFF[@]}")
  local start end
  start=$(date +%s%N)
  env ${flags[@]+"${flags[@]}"} HOME="$base/$1" SIGIL_NO_BUILD=1 scripts/sigil orchestrate --speed 0 --session "$2" \
    "Qualify this lead: John Smith, CEO at Acme Corp" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

mkdir -p "$base/on" "$base/off"
run on warm >/dev/null; run off warm >/dev/null  # the launcher's AOT cache, the page cache
: > "$base/on.times"; : > "$base/off.times"
for i in $(seq "$runs"); do
  run on "run-$i" >> "$base/on.times"
  run off "run-$i" >> "$base/off.times"
done
for mode in on off; do
  logs="$base/$mode/.sigil/logs"
  echo "flags $mode: median $(median < "$base/$mode.times") ms over $runs runs;" \
    "session: $(ls -A "$logs/sessions/run-1" | tr '\n' ' '); log root: $(ls -A "$logs" | tr '\n' ' ')"
done
