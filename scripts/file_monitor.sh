#!/usr/bin/env bash
# file_monitor.sh - follow sigil execution logs with tail and jq, one line per entry:
#
#     HH:MM:SS [LEVEL] component/operation: message
#
# The jq tail of the Sigil v2 design (seed 002, "File-Based Monitoring"), made robust: one jq process for the whole
# stream, lines read raw (backslashes and quotes intact), lines that are not JSON objects skipped, and fields that
# execution entries lack (level, operation) derived as docs/contract.md §8 says. `sigil tail --format line` prints the
# same bytes for the same input.
#
# Usage: scripts/file_monitor.sh [--no-follow] [SESSION_DIR] [SESSION]
#   SESSION_DIR  directory of sessions (default: ~/.sigil/logs/sessions)
#   SESSION      a session: SESSION_DIR/SESSION.jsonl if that file exists (the seed-002 layout), otherwise
#                SESSION_DIR/SESSION/execution.jsonl (sigil's layout; waited for if it does not exist yet).
#                Without SESSION, every session log found in SESSION_DIR, each introduced by a --- ==> FILE <== --- line.
#   --no-follow  print what the logs hold now and exit, instead of following them like tail -F
#
# Environment: SIGIL_MAX_LINE_BYTES (default 1048576): longer lines are skipped, as sigil tail skips them.
# Needs: bash, GNU coreutils tail, jq 1.6 or later.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { printf 'file_monitor.sh: %s\n' "$*" >&2; exit 2; }

follow=1
args=()
for arg in "$@"; do
  case "$arg" in
    --no-follow) follow=0 ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $arg (try --help)" ;;
    *) args+=("$arg") ;;
  esac
done
[ "${#args[@]}" -le 2 ] || die "too many arguments (try --help)"
command -v jq >/dev/null 2>&1 || die "jq is not installed (apt-get install jq)"

session_dir="${args[0]:-$HOME/.sigil/logs/sessions}"
session="${args[1]:-}"
max_line_bytes="${SIGIL_MAX_LINE_BYTES:-1048576}"
case "$max_line_bytes" in ''|*[!0-9]*) die "SIGIL_MAX_LINE_BYTES must be a number of bytes" ;; esac

files=()
if [ -n "$session" ]; then
  case "$session" in */*|.|..) die "SESSION must be a session name, not a path: $session" ;; esac
  if [ -f "$session_dir/$session.jsonl" ]; then
    files=("$session_dir/$session.jsonl")
  else
    files=("$session_dir/$session/execution.jsonl")
  fi
else
  shopt -s nullglob
  files=("$session_dir"/*/execution.jsonl "$session_dir"/*.jsonl)
  shopt -u nullglob
  [ "${#files[@]}" -gt 0 ] || die "no session logs in $session_dir (expected */execution.jsonl or *.jsonl)"
fi

# The line format, defined once (docs/contract.md §8). Where the seed's expression
#   "\(.timestamp | split("T")[1] | split(".")[0]) [\(.level | ascii_upcase)] \(.component)/\(.operation): \(.message)"
# works (a string timestamp with a T, a string level), this prints exactly what it prints; elsewhere it derives
# instead of failing. Leading NUL bytes (left by a copy-truncate rotation) are dropped before parsing.
# shellcheck disable=SC2016
program='
def clock:
  tostring as $t
  | ($t | split("T")) as $p
  | (if ($p | length) > 1 then $p[1]
     else ($t | split(" ")) as $w | (if ($w | length) > 1 then $w[1] else $t end)
     end)
  | split(".")[0];
def level_of($type):
  {"budget_exceeded": "critical", "session_error": "error", "step_error": "error", "error": "error",
   "budget_warning": "warning", "retry_attempt": "warning"}[$type] // "info";
def level:
  (if (.level | type) == "string" then .level
   elif (.event_type | type) == "string" then level_of(.event_type)
   else "info" end) | ascii_upcase;
def operation:
  if .operation == null and (.event_type | type) == "string" then .event_type else .operation end;
def without_nuls:
  if startswith("\u0000") then explode | .[((map(. != 0) | index(true)) // length):] | implode else . end;
if startswith("==> ") and endswith(" <==") then "--- \(.) ---"
else
  select(utf8bytelength <= $max)
  | without_nuls
  | fromjson?
  | select(type == "object")
  | "\(.timestamp | clock) [\(level)] \(.component)/\(operation): \(.message)"
end
'

if [ "$follow" = 1 ]; then
  tail -n +1 -F -- "${files[@]}" | jq --unbuffered -R -r --argjson max "$max_line_bytes" "$program"
else
  for f in "${files[@]}"; do [ -e "$f" ] || die "no such file: $f"; done
  tail -n +1 -- "${files[@]}" | jq -R -r --argjson max "$max_line_bytes" "$program"
fi
