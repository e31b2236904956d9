#!/usr/bin/env bash
# The formats' read path (docs/benchmarks.md, "Formats"): 200,000 lines of other producers' logs (scripts/bench/
# genformats.py) read by `sigil tail --format line` and by one CPython process with orjson (and with json) that maps
# each line as the producer documents it (scripts/bench/peers/py_format_reader.py); and sigil's own two dialects
# (1M lines, scripts/bench/genlog.py) read by this build and, when given, by another build's launcher (main's),
# to see that the native fast paths lose nothing. Whole processes, warm page cache, medians of RUNS interleaved runs.
#
#   scripts/bench/formats.sh [RUNS] [OTHER_LAUNCHER [SECOND_LAUNCHER]]   (e.g. a copy of main: git archive main | tar -x -C DIR;
#   DIR/scripts/sigil)   (RUNS default 3; prints a markdown table; the other launchers read every file too, as "other" and "second")
#
# SIGIL_BENCH_PART=mapped runs only the mapped formats (a few minutes; the whole harness takes about 15), =native only
# sigil's own two dialects. Besides the generated pino, Claude Code and structlog files, the other mapped built-in
# formats (openai-chat, openai-responses, otel-logs, otel-spans) are read from their fixtures repeated to 200,000 lines.
set -euo pipefail

home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
B="$home/target/bench/formats"
runs="${1:-3}"
other="${2:-}"
second="${3:-}"
mkdir -p "$B"
cd "$home"
[ -f target/dist/sigil.jar ] || ./mvnw -B -q -DskipTests package

part="${SIGIL_BENCH_PART:-all}"
mapped=(pino claude-code structlog openai-chat openai-responses otel-logs otel-spans)
native=(s1m op1m)
[ "$part" = native ] && mapped=()
[ "$part" = mapped ] && native=()
for f in pino claude-code structlog; do
  [ -s "$B/$f.jsonl" ] || python3 scripts/bench/genformats.py --format "$f" --lines 200000 --seed 7 "$B/$f.jsonl"
done
for f in openai-chat openai-responses otel-logs otel-spans; do
  [ -s "$B/$f.jsonl" ] || python3 -c 'import itertools, sys
lines = open(sys.argv[1], "rb").read().splitlines(keepends=True)
sys.stdout.buffer.writelines(itertools.islice(itertools.cycle(lines), 200000))' "contract/formats/fixtures/$f.jsonl" > "$B/$f.jsonl"
done
[ "${#native[@]}" = 0 ] || [ -s "$B/s1m.jsonl" ] || python3 scripts/bench/genlog.py --lines 1000000 --dialect seed-001 "$B/s1m.jsonl"
[ "${#native[@]}" = 0 ] || [ -s "$B/op1m.jsonl" ] || python3 scripts/bench/genlog.py --lines 1000000 --dialect seed-002 "$B/op1m.jsonl"

# One measurement: "wall cpu rss_mb" of a whole process, its output to /dev/null.
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$B/time.txt" "$@" > /dev/null 2> "$B/stderr.txt" || { cat "$B/stderr.txt" >&2; exit 1; }
  awk '{ printf "%.3f %.2f %d\n", $1, $2 + $3, $4 / 1024 }' "$B/time.txt"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A wall cpu rss
row() { # key command...
  local key="$1"; shift
  local m; m="$(measure "$@")"
  wall[$key]+="$(cut -d' ' -f1 <<< "$m") "; cpu[$key]+="$(cut -d' ' -f2 <<< "$m") "; rss[$key]+="$(cut -d' ' -f3 <<< "$m") "
}

for r in $(seq "$runs"); do
  for f in ${mapped[@]+"${mapped[@]}"}; do
    row "sigil $f" scripts/sigil tail --format line "$B/$f.jsonl"
    [ -z "$other" ] || row "other $f" "$other" tail --format line "$B/$f.jsonl"
    row "orjson $f" python3 scripts/bench/peers/py_format_reader.py --orjson "$f" "$B/$f.jsonl"
    row "json $f" python3 scripts/bench/peers/py_format_reader.py "$f" "$B/$f.jsonl"
  done
  for f in ${native[@]+"${native[@]}"}; do
    row "sigil $f" scripts/sigil tail --format line "$B/$f.jsonl"
    [ -z "$other" ] || row "other $f" "$other" tail --format line "$B/$f.jsonl"
    [ -z "$second" ] || row "second $f" "$second" tail --format line "$B/$f.jsonl"
  done
done

printf '| file | reader | median wall s | CPU s | max RSS MB |\n|---|---|---:|---:|---:|\n'
keys=()
for f in pino claude-code structlog openai-chat openai-responses otel-logs otel-spans; do
  keys+=("sigil $f" "other $f" "orjson $f" "json $f")
done
keys+=("sigil s1m" "other s1m" "second s1m" "sigil op1m" "other op1m" "second op1m")
for key in "${keys[@]}"; do
  [ -n "${wall[$key]:-}" ] || continue
  file="${key#* }"; reader="${key%% *}"
  printf '| %s (%s lines, %s MB) | %s | %s | %s | %s |\n' "$file" "$(wc -l < "$B/$file.jsonl")" \
    "$(( $(stat -c %s "$B/$file.jsonl") / 1000000 ))" "$reader" \
    "$(tr ' ' '\n' <<< "${wall[$key]}" | grep . | median)" "$(tr ' ' '\n' <<< "${cpu[$key]}" | grep . | median)" \
    "$(tr ' ' '\n' <<< "${rss[$key]}" | grep . | median)"
done
