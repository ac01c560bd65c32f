"""``fwchoice questions``: every question's id, text, choices, default and condition."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fwchoice.commands.output import finish, json_text
from fwchoice.console import write
from fwchoice.criteria.loader import resolve_source
from fwchoice.errors import EXIT_OK
from fwchoice.lint.runner import load_criteria
from fwchoice.outputs import OutputPlan


def _text(data: dict[str, Any]) -> str:
    from fwchoice.render.questions_text import questions_text

    return questions_text(data)


FORMATS: dict[str, Callable[[dict[str, Any]], str]] = {"text": _text, "json": json_text}
"""Each ``--format`` and what renders it; the CLI's choices."""


def run(*, criteria: str | None, output_format: str, output: str | None, force: bool) -> int:
    from fwchoice.decide.questionnaire import questions_data

    source = resolve_source(criteria)
    plan = OutputPlan(inputs=[("criteria file", source.path)])
    plan.add(output, "--output", force=force)
    loaded = load_criteria(source)
    data = questions_data(loaded.document, criteria_file=loaded.file_info())
    text = FORMATS[output_format](data)
    if output:
        finish(plan, {output: text})
    else:
        write(text)
    return EXIT_OK
