"""Contract step: reports whether the deliverables are there; a failed check makes sigil retry with feedback."""
import json
import sys

request = json.load(sys.stdin)
research = request["inputs"].get("research", "")
passed = "budget" in research and "decides" in research
print(json.dumps({
    "output": "deliverables: summary, budget, authority" + ("" if passed else " (missing: authority)"),
    "metadata": {"validation_passed": passed, "feedback": "" if passed else "state who decides"},
}))
