#!/usr/bin/env bash
# sigil's benchmarks: prepares target/bench (generated logs, the Python venv with the peers, the node peers, the
# tiktoken ranks), runs the JMH microbenchmarks, then the side-by-side comparison (scripts/bench/bench.py), which
# writes the results section of docs/benchmarks.md. Called by `./mvnw -Pbench verify`; can be run alone once the
# jar and target/bench/classpath.txt exist.
#
#   scripts/bench/run.sh [bench.py options]     (SIGIL_BENCH_ARGS adds more; SIGIL_BENCH_NO_JMH=1 skips JMH)
set -euo pipefail

home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
B="$home/target/bench"
mkdir -p "$B"
cd "$home"
say() { printf 'bench: %s\n' "$*" >&2; }

[ -f target/dist/sigil.jar ] || { say "building the jar"; ./mvnw -B -q -DskipTests package; }
command -v jq >/dev/null || { say "jq is missing (apt-get install jq)"; exit 2; }
command -v node >/dev/null || { say "node is missing (apt-get install nodejs npm)"; exit 2; }

# --- data: generated here, never committed; regenerated when the generator changes ------------------------------
stamp="$(sha256sum scripts/bench/genlog.py | cut -c1-16)"
if [ "$(cat "$B/data.stamp" 2>/dev/null)" != "$stamp" ]; then
  say "generating the logs (about a minute)"
  python3 scripts/bench/genlog.py --lines 1000000 --dialect seed-001 "$B/s1m.jsonl"
  python3 scripts/bench/genlog.py --lines 1000000 --dialect seed-002 "$B/op1m.jsonl"
  python3 scripts/bench/genlog.py --lines 10000 --dialect seed-001 "$B/s10k.jsonl"
  head -n 10 "$B/s10k.jsonl" > "$B/s10.jsonl"
  head -n 1 "$B/s10k.jsonl" > "$B/small.json"
  # The error path: every 100th line names a component the contract does not know.
  python3 - "$B/s1m.jsonl" "$B/s1m-errors.jsonl" <<'PY'
import sys
with open(sys.argv[1], "rb") as f, open(sys.argv[2], "wb") as o:
    for n, line in enumerate(f, 1):
        o.write(line.replace(b'"component":"', b'"component":"x', 1) if n % 100 == 0 else line)
PY
  python3 - "$B/s1m.jsonl" "$B/messages.txt" <<'PY'
import json, sys
with open(sys.argv[1], "rb") as f, open(sys.argv[2], "w", encoding="utf-8", newline="") as o:
    for line in f:
        o.write(json.loads(line)["message"].replace("\n", " ") + "\n")
PY
  # A log of about 1 GB for the monitor's memory: the 1M-line log four times over.
  for _ in 1 2 3 4; do cat "$B/s1m.jsonl"; done > "$B/s4m.jsonl"
  echo "$stamp" > "$B/data.stamp"
fi

# The sizes of issue 18 (bench.py's SIZES): the first lines of the 1M-line log.
for n in 0 1 1000 20000 200000; do
  if [ ! -f "$B/size-$n.jsonl" ] || [ "$B/data.stamp" -nt "$B/size-$n.jsonl" ]; then
    head -n "$n" "$B/s1m.jsonl" > "$B/size-$n.jsonl"
  fi
done

# --- peers ---------------------------------------------------------------------------------------------------------
if [ ! -x "$B/venv/bin/python" ]; then
  say "Python peers into target/bench/venv (from the local wheels)"
  python3 -m venv "$B/venv"
  "$B/venv/bin/pip" install -q --no-index --find-links /opt/pypi/files \
    jsonschema==4.25.1 fastjsonschema==2.22.2 jsonschema_rs==0.58.3 orjson==3.12.0 tiktoken==0.14.0
fi
if ! cmp -s scripts/bench/node/package-lock.json "$B/node/package-lock.json"; then
  say "node peers into target/bench/node (npm ci, pinned by scripts/bench/node/package-lock.json)"
  mkdir -p "$B/node"
  cp scripts/bench/node/package.json scripts/bench/node/package-lock.json "$B/node/"
  (cd "$B/node" && npm ci --no-audit --no-fund --silent)
fi
if [ ! -f "$B/cl100k_base.tiktoken" ]; then
  # tiktoken fetches its ranks from the network; jtokkit ships the same file.
  jar="$(tr ':' '\n' < "$B/classpath.txt" 2>/dev/null | grep 'jtokkit-.*\.jar$' | head -n 1 || true)"
  [ -n "$jar" ] || jar="$(find "$HOME/.m2" -name 'jtokkit-1.1.0.jar' | head -n 1)"
  unzip -p "$jar" com/knuddels/jtokkit/cl100k_base.tiktoken > "$B/cl100k_base.tiktoken"
fi

# --- JMH -----------------------------------------------------------------------------------------------------------
# The JDK the launcher prefers (its own choice, read from it).
java="$(bash -c 'die() { exit 2; }; source <(sed -n "/^read_release()/,/^pick_java$/p" scripts/sigil); echo "$java_home"')/bin/java"
[ -x "$java" ] || { say "could not read the launcher's choice of JDK from scripts/sigil"; exit 2; }
if [ "${SIGIL_BENCH_NO_JMH:-}" != 1 ] && [ -f "$B/classpath.txt" ] && [ -d target/test-classes/dev/sigil/bench ]; then
  say "JMH microbenchmarks ($java)"
  "$java" -cp "target/test-classes:target/classes:$(cat "$B/classpath.txt")" org.openjdk.jmh.Main HotPathsBench \
    -f 1 -wi 3 -w 1s -i 5 -r 1s -rf json -rff "$B/jmh.json" > "$B/jmh.txt"
fi
if [ -d target/test-classes/dev/sigil/bench ]; then
  say "logger"
  rm -rf "$B/logger-sigil" "$B/logger-python"
  mkdir -p "$B/logger-python"
  "$java" -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat "$B/classpath.txt")" dev.sigil.bench.LoggerBench "$B/logger-sigil" 500000 > "$B/logger-sigil.json"
  "$B/venv/bin/python" scripts/bench/peers/py_logger.py contract/execution-entry.schema.json "$B/logger-python" 100000 > "$B/logger-python.json"
fi

# shellcheck disable=SC2086
python3 scripts/bench/bench.py ${SIGIL_BENCH_ARGS:-} "$@"
