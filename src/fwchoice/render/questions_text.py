"""``fwchoice questions`` as plain text: one block per question, ids first.

Plain lines, no tables or colour: the listing is read by people looking up an id
for ``--set`` and by screen readers alike, and it pipes cleanly into grep.
"""

from __future__ import annotations

from typing import Any

from fwchoice.criteria.question_types import kind_named
from fwchoice.sanitize import visible


def questions_text(data: dict[str, Any]) -> str:
    lines = [
        "Answer any question with --set ID=VALUE: a choice's id or its label; for",
        "several choices, a comma-separated list (or none); unsure for not sure.",
        "",
    ]
    kinds = {q["id"]: kind_named(q["type"]) for q in data["questions"]}

    def holds(when: list[dict[str, Any]]) -> str:
        return " and ".join(
            f"{c['question']} "
            + ("includes any of " if kinds[c["question"]].multiple else "is ")
            + " or ".join(c["answers"])
            for c in when
        )

    for question in data["questions"]:
        kind = kinds[question["id"]].wording
        default = _value(question["default"])
        shown = "no default" if default is None else f"default {default}"
        lines.append(f"{question['id']}: {visible(question['text'])} ({kind}; {shown})")
        if question["when"]:
            lines.append(f"  asked only when {holds(question['when'])}")
        for rule in question.get("default_when", []):
            lines.append(f"  default {_value(rule['default'])} when {holds(rule['when'])}")
        width = max(len("unsure"), *(len(c["id"]) for c in question["choices"]))
        for choice in question["choices"]:
            lines.append(f"  {choice['id'].ljust(width)}  {visible(choice['label'])}")
        lines.append(f"  {'unsure'.ljust(width)}  Not sure")
        lines.append("")
    lines.append(f"Criteria: {visible(data['criteria_file']['described_as'])}")
    return "\n".join(lines) + "\n"


def _value(default: object) -> str | None:
    """A default as --set takes it: a list comma-separated, or none."""
    if isinstance(default, list):
        return ",".join(default) or "none"
    return None if default is None else str(default)
