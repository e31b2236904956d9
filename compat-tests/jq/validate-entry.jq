# validate-entry.jq: checks execution-log lines against sigil's contract, by hand, in jq 1.6.
#
#   jq -R -c -f compat-tests/jq/validate-entry.jq execution.jsonl
#
# Reads raw lines (-R) and prints one verdict per line: {"valid":true} or {"valid":false,"rule":...,"errors":[...]}.
# It implements contract/execution-entry.schema.json and docs/contract.md by hand (jq has no JSON Schema), so that
# a third implementation, independent of Java and Python, reaches the same verdicts on contract/examples.
#
# jq 1.6 is more lenient than CPython's json module in places, and stricter in others; the raw line is checked first:
#   - jq silently replaces invalid UTF-8 with U+FFFD: a raw U+FFFD in the line is taken as invalid UTF-8;
#   - jq accepts a UTF-8 byte order mark, and numbers such as 01, +1, 1. and .5: a lexical check refuses them;
#   - jq refuses lone surrogates in \u escapes, which CPython accepts: they are replaced by \ufffd before parsing
#     (no rule of the contract looks inside a free-text string, so the verdict is the same).
# Known limits (compat-tests/README.md): numbers are doubles (2^63-1 and 2^63 are the same number), nesting deeper
# than 256 levels is refused, and a valid line holding a raw (unescaped) U+FFFD is refused.

def max_int: 9223372036854775807;

def event_types: ["session_start", "session_complete", "session_error", "step_start", "step_complete", "step_error",
  "token_consumption", "budget_warning", "budget_exceeded", "retry_attempt", "memory_retrieved", "plan_created",
  "reasoning_step", "contract_validated", "error", "alert"];

def components: ["orchestrator", "routing", "memory", "planning", "reasoning", "contracts", "validation"];

def top_keys: ["timestamp", "session_id", "event_type", "component", "message", "tokens", "metadata"];

# \A and \z, never ^ and $: in jq's regex library (Oniguruma, Ruby syntax) ^ and $ match at every line break.
def timestamp_re:
  "\\A[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{6})?)?)?\\z";

def session_id_re: "\\A[A-Za-z0-9_-]{1,64}\\z";

# One JSON token of CPython's grammar (plus NaN and the infinities, which CPython reads).
def token_re:
  "\"(?:[^\"\\\\\\x00-\\x1f]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4})*\"|-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null|NaN|-?Infinity|[\\[\\]{}:,]|[ \\t\\r\\n]+";

def member($list): . as $x | any($list[]; . == $x);

# Lexically valid for CPython: every character belongs to a token, and no two values touch ("01", "1true").
def lexically_valid($tokens):
  ($tokens | join("")) == .
  and ([$tokens[] | if test("\\A[ \\t\\r\\n]") then "w" elif test("\\A[\\[\\]{}:,]") then "p" else "v" end]
       | join("") | test("vv") | not);

# NaN, an infinity, or a float literal beyond the double range (CPython reads 1e400 as inf). Decided on the tokens,
# not on the parsed value: jq also turns huge integer literals into infinity, where CPython keeps an exact int.
def non_finite($tokens):
  any($tokens[]; test("\\A-?(NaN|Infinity)\\z") or (test("\\A-?[0-9].*[.eE]") and (tonumber | isinfinite)));

# Lone surrogate escapes become \ufffd (an escaped backslash before "u" is not an escape).
def without_lone_surrogates:
  gsub("(?<!\\\\)(?<p>(?:\\\\\\\\)*)\\\\u(?<h>[dD][89aAbB][0-9a-fA-F]{2})(?!\\\\u[dD][c-fC-F][0-9a-fA-F]{2})"; "\(.p)\\ufffd")
  | gsub("(?<!\\\\)(?<p>(?:\\\\\\\\)*)(?<!\\\\u[dD][89aAbB][0-9a-fA-F]{2})\\\\u(?<l>[dD][c-fC-F][0-9a-fA-F]{2})"; "\(.p)\\ufffd");

def pointer_token: tostring | gsub("~"; "~0") | gsub("/"; "~1");

def is_integer: type == "number" and . == floor;

def count_errors($ptr):
  if is_integer | not then ["\($ptr): expected an integer"]
  elif . < 0 then ["\($ptr): below the minimum 0"]
  elif . > max_int then ["\($ptr): above the maximum \(max_int)"]
  else [] end;

# The usage record (#/definitions/token_usage) and its rules beyond JSON Schema (docs/contract.md section 5).
def usage_model_re: "\\A[A-Za-z0-9][A-Za-z0-9_.-]{0,63}:[!-~]";

# The attribution ids of docs/contract.md section 5.2: printable ASCII without spaces, 1 to 256 characters.
def attribution_id_re: "\\A[!-~]{1,256}\\z";

def usage_counts: ["input_tokens", "output_tokens", "total_tokens", "cache_read_tokens", "cache_write_tokens",
  "cache_write_1h_tokens", "reasoning_tokens"];

def usage_errors:
  if type != "object" then ["/metadata/tokens_used: expected an object"]
  else . as $u
    | [ (["input_tokens", "output_tokens", "total_tokens", "model"][] as $k | select($u | has($k) | not)
          | "/metadata/tokens_used: missing required key \($k)"),
        (keys_unsorted[] | select(member(usage_counts + ["model"]) | not) | "/metadata/tokens_used/\(pointer_token): no other keys are allowed"),
        (usage_counts[] as $k | select($u | has($k)) | $u[$k] | count_errors("/metadata/tokens_used/\($k)")[]),
        (select(has("model")) | .model
          | if type != "string" then "/metadata/tokens_used/model: expected a string"
            elif test(usage_model_re) | not then "/metadata/tokens_used/model: does not match the pattern"
            else empty end)
      ]
  end;

# The rules a conforming record breaks, by name; absent optional counts are 0. Sums are doubles (exact below 2^53).
def usage_rules:
  (.cache_read_tokens // 0) as $read | (.cache_write_tokens // 0) as $write
  | [ (select(.input_tokens + .output_tokens != .total_tokens) | "usage-total"),
      (select($read + $write > .input_tokens) | "usage-cache"),
      (select((.cache_write_1h_tokens // 0) > $write) | "usage-cache-1h"),
      (select((.reasoning_tokens // 0) > .output_tokens) | "usage-reasoning") ];

def entry_usage_rules:
  if type == "object" and (.metadata | type) == "object" and (.metadata | has("tokens_used"))
     and (.metadata.tokens_used | usage_errors) == []
  then .metadata.tokens_used | usage_rules else [] end;
# #/definitions/error_context and #/definitions/error_info (metadata.error_info).
def error_context_errors($ptr):
  if type != "object" then ["\($ptr): expected an object"]
  else . as $c
    | [ (keys_unsorted[] | select(member(["last_component", "last_operation", "attempt", "max_attempts",
          "partial_result_available"]) | not) | "\($ptr)/\(pointer_token): no other keys are allowed"),
        (["last_component", "last_operation"][] as $k | select($c | has($k))
          | select($c[$k] | type != "string") | "\($ptr)/\($k): expected a string"),
        (["attempt", "max_attempts"][] as $k | select($c | has($k)) | $c[$k]
          | if is_integer | not then "\($ptr)/\($k): expected an integer"
            elif . < 1 then "\($ptr)/\($k): below the minimum 1"
            elif . > max_int then "\($ptr)/\($k): above the maximum \(max_int)" else empty end),
        (select(has("partial_result_available")) | select(.partial_result_available | type != "boolean")
          | "\($ptr)/partial_result_available: expected a boolean")
      ]
  end;

def error_info_errors($ptr):
  if type != "object" then ["\($ptr): expected an object"]
  else . as $e
    | [ (["error_type", "error_message", "error_code", "recoverable"][] as $k | select($e | has($k) | not)
          | "\($ptr): missing required key \($k)"),
        (keys_unsorted[] | select(member(["error_type", "error_message", "error_code", "recoverable", "category",
          "severity", "retry_after_ms", "suggestion", "context"]) | not) | "\($ptr)/\(pointer_token): no other keys are allowed"),
        (["error_type", "error_message", "error_code", "suggestion"][] as $k | select($e | has($k))
          | select($e[$k] | type != "string") | "\($ptr)/\($k): expected a string"),
        (select(.error_code | type == "string") | select(.error_code | test("\\A[A-Z][A-Z0-9]*_[0-9]{3}\\z") | not)
          | "\($ptr)/error_code: does not match the pattern"),
        (select(has("recoverable")) | select(.recoverable | type != "boolean") | "\($ptr)/recoverable: expected a boolean"),
        (select(has("category")) | select(.category | member(["transient", "logic", "config", "system"]) | not)
          | "\($ptr)/category: not one of the categories"),
        (select(has("severity")) | select(.severity | member(["debug", "info", "warning", "error", "critical"]) | not)
          | "\($ptr)/severity: not one of the severities"),
        (select(has("retry_after_ms")) | .retry_after_ms | count_errors("\($ptr)/retry_after_ms")[]),
        (select(has("context")) | .context | error_context_errors("\($ptr)/context")[])
      ]
  end;

# metadata.alert: the alert an alert entry records (docs/alerts.md §5).
def alert_errors($ptr):
  if type != "object" then ["\($ptr): expected an object"]
  else . as $a
    | [ (["rule", "severity", "metric", "value", "threshold", "session_id", "timestamp"][] as $k | select($a | has($k) | not)
          | "\($ptr): missing required key \($k)"),
        (["rule", "metric", "op", "window", "session_id", "timestamp", "file"][] as $k | select($a | has($k))
          | select($a[$k] | type != "string") | "\($ptr)/\($k): expected a string"),
        (["value", "threshold"][] as $k | select($a | has($k))
          | select($a[$k] | type != "number") | "\($ptr)/\($k): expected a number"),
        (select(has("severity")) | select(.severity | member(["info", "warning", "critical"]) | not)
          | "\($ptr)/severity: not one of the severities"),
        (keys_unsorted[] | select(member(["rule", "severity", "metric", "value", "op", "threshold", "window", "scope",
          "session_id", "timestamp", "file", "line"]) | not) | "\($ptr)/\(pointer_token): no other keys are allowed"),
        (select(has("scope")) | .scope | if type != "object" then "\($ptr)/scope: expected an object"
          else (to_entries[] | if (.key | member(["component", "model", "event_type", "level", "session"]) | not)
            then "\($ptr)/scope/\(.key): no other keys are allowed"
            elif (.value | type) != "string" then "\($ptr)/scope/\(.key): expected a string" else empty end) end),
        (select(has("line")) | .line | count_errors("\($ptr)/line")[])
      ]
  end;

def metadata_errors:
  if type != "object" then ["/metadata: expected an object"]
  else . as $m
    | [ (["latency_ms", "total_latency_ms", "quality_score"][] as $k | select($m | has($k))
          | select($m[$k] | type != "number") | "/metadata/\($k): expected a number"),
        (["error", "error_type", "task", "operation", "phase"][] as $k | select($m | has($k))
          | select($m[$k] | type != "string") | "/metadata/\($k): expected a string"),
        (["event_id", "parent_id", "correlation_id"][] as $k | select($m | has($k)) | $m[$k]
          | if type != "string" then "/metadata/\($k): expected a string"
            elif test(attribution_id_re) | not then "/metadata/\($k): does not match the pattern" else empty end),
        (["budget_usd", "cost_usd"][] as $k | select($m | has($k)) | $m[$k]
          | if type != "number" then "/metadata/\($k): expected a number"
            elif . < 0 then "/metadata/\($k): below the minimum 0" else empty end),
        (["budget", "budget_remaining", "steps_completed", "total_tokens", "total_used", "total_remaining",
          "component_used", "retry_count", "max_retries"][] as $k | select($m | has($k))
          | $m[$k] | count_errors("/metadata/\($k)")[]),
        (select(has("agent")) | select(.agent | type != "string" and type != "null") | "/metadata/agent: expected a string or null"),
        (select(has("should_retry")) | select(.should_retry | type != "boolean") | "/metadata/should_retry: expected a boolean"),
        (select(has("warning_level")) | select(.warning_level | member(["normal", "elevated", "critical", "exceeded"]) | not)
          | "/metadata/warning_level: not one of the warning levels"),
        (select(has("category")) | select(.category | member(["transient", "logic", "config", "system"]) | not)
          | "/metadata/category: not one of the categories"),
        (select(has("severity")) | select(.severity | member(["debug", "info", "warning", "error", "critical"]) | not)
          | "/metadata/severity: not one of the severities"),
        (select(has("tokens_used")) | .tokens_used | usage_errors[]),
        (select(has("error_info")) | .error_info | error_info_errors("/metadata/error_info")[]),
        (select(has("alert")) | .alert | alert_errors("/metadata/alert")[])
      ]
  end;

def string_errors($key; $re):
  if has($key) | not then []
  elif .[$key] | type != "string" then ["/\($key): expected a string"]
  elif $re != null and (.[$key] | test($re) | not) then ["/\($key): does not match the pattern"]
  else [] end;

def enum_errors($key; $values):
  if has($key) and (.[$key] | member($values) | not) then ["/\($key): not one of the allowed values"] else [] end;

def entry_errors:
  if type != "object" then ["/: expected an object, found \(type)"]
  else
    [ (["timestamp", "session_id", "event_type", "component", "message"][] as $k | select(has($k) | not)
        | "/: missing required key \($k)"),
      (keys_unsorted[] | select(member(top_keys) | not) | "/\(pointer_token): no other keys are allowed"),
      string_errors("timestamp"; timestamp_re)[],
      string_errors("session_id"; session_id_re)[],
      enum_errors("event_type"; event_types)[],
      enum_errors("component"; components)[],
      string_errors("message"; null)[],
      (select(has("tokens")) | .tokens | count_errors("/tokens")[]),
      (select(has("metadata")) | .metadata | metadata_errors[])
    ]
  end;

def verdict:
  if test("\\A[ \\t\\r\\n]*\\z") then {valid: true, blank: true}
  elif startswith("\ufeff") then {valid: false, rule: "json", errors: ["a UTF-8 byte order mark"]}
  elif test("\ufffd") then {valid: false, rule: "json", errors: ["invalid UTF-8 (jq shows it as U+FFFD)"]}
  else [scan(token_re)] as $tokens
  | if lexically_valid($tokens) | not then {valid: false, rule: "json", errors: ["not JSON as CPython reads it"]}
  else
    # [value] on success, the error text on failure: a parsed value can be anything, a one-element array is not text.
    (try [if test("\\\\u[dD][89a-fA-F]") then without_lone_surrogates else . end | fromjson] catch .) as $parsed
    | if ($parsed | type) == "string" then {valid: false, rule: "json", errors: [$parsed]}
      elif non_finite($tokens) then {valid: false, rule: "non-finite", errors: ["NaN and infinities are not JSON"]}
      else ($parsed[0] | entry_errors) as $errors | ($parsed[0] | entry_usage_rules) as $rules
        | if $errors != [] then {valid: false, rule: "schema", errors: ($errors + $rules)}
          elif $rules != [] then {valid: false, rule: "usage", errors: $rules}
          else {valid: true} end
      end
  end end;

verdict
