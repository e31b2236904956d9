"""Reasoning step: the first try fails with exit status 75 (EX_TEMPFAIL, a transient error), the retry works."""
import json
import os
import sys

request = json.load(sys.stdin)
if request["attempt"] == 1:
    print("search service busy, try again later", file=sys.stderr)
    sys.exit(75)
plan = request["inputs"].get("plan", "")
memories = request["inputs"].get("recall", "")
print(json.dumps({
    "output": "Findings for '" + request["task"] + "': mid-size company, budget confirmed, the CEO decides. "
              + "Plan followed: " + plan.replace("\n", " ") + " Memories used: " + str(len(memories.splitlines())),
    "usage": {"model": "anthropic:claude-sonnet-4-5-20250929", "input_tokens": 900, "output_tokens": 350,
              "cache_read_tokens": 600},
}))
