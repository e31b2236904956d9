"""Routing step: reads the request on stdin, answers with a decision and the usage of its model call."""
import json
import sys

request = json.load(sys.stdin)
task = request["task"]
intent = "execute_task" if len(task.split()) > 3 else "simple_query"
decision = {"intent": intent, "complexity": 0.6, "strategy": "chain_of_thought"}
print(json.dumps({
    "output": json.dumps(decision),
    "usage": {"model": "anthropic:claude-haiku-4-5-20251001", "input_tokens": 40 + len(task) // 4, "output_tokens": 24},
    "metadata": {"intent": intent},
}))
