#!/bin/sh
# Validation step: a shell script works too; it ignores its input and prints a score. Its model call's usage goes on
# a marked line (docs/orchestrate.md, "Usage of a command step"), here in the shape OpenAI's API returns it.
cat >/dev/null
printf 'SIGIL_USAGE {"model": "openai:gpt-4.1-mini-2025-04-14", "prompt_tokens": 310, "completion_tokens": 12}\n'
printf '{"output": "quality verified", "metadata": {"quality_score": 0.86}}\n'
