"""Planning step: plain text output; sigil counts its tokens with tiktoken's encoding."""
import json
import sys

request = json.load(sys.stdin)
print("1. Find the company's size and sector.")
print("2. Check budget, authority, need and timing (BANT).")
print("3. Recommend a next action for: " + request["task"])
