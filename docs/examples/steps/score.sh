#!/bin/sh
# Validation step: a shell script works too; it ignores its input and prints a score.
cat >/dev/null
printf '{"output": "quality verified", "metadata": {"quality_score": 0.86}}\n'
