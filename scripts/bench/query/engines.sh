#!/bin/sh
# The engine comparison of ADR 0155: each engine's jar size, its start-up (a JVM that opens an in-memory database and
# creates the table) and 200,000 rows loaded and aggregated. Jars from the local Maven repository
# (./mvnw dependency:get -Dartifact=GROUP:ARTIFACT:VERSION -Dtransitive=false fetches them).
set -eu
ROWS=${ROWS:-200000}
M2=${M2:-$HOME/.m2/repository}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${TMPDIR:-/tmp}/sigil-query-engines.$$
mkdir -p "$OUT"
javac -d "$OUT" "$HERE/QueryEngines.java"
run() { # name jar url
  size=$(wc -c < "$2")
  for rows in 1 "$ROWS"; do
    start=$(date +%s%N)
    res=$(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$OUT:$2" QueryEngines "$3" "$rows")
    end=$(date +%s%N)
    echo "$1 jar_bytes=$size rows=$rows wall_ms=$(( (end - start) / 1000000 )) $res"
  done
}
run h2 "$M2/com/h2database/h2/2.5.252/h2-2.5.252.jar" "jdbc:h2:mem:q"
run sqlite "$M2/org/xerial/sqlite-jdbc/3.54.1.0/sqlite-jdbc-3.54.1.0.jar" "jdbc:sqlite::memory:"
run duckdb "$M2/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar" "jdbc:duckdb:"
rm -rf "$OUT"
