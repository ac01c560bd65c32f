"""``fwchoice questions``: every question's id, text, choices, default and condition."""

from __future__ import annotations

from typing import Literal

from fwchoice.commands.output import finish, json_text
from fwchoice.console import write
from fwchoice.criteria.loader import resolve_source
from fwchoice.errors import EXIT_OK
from fwchoice.lint.runner import load_criteria
from fwchoice.outputs import OutputPlan

QuestionsFormat = Literal["text", "json"]


def run(
    *, criteria: str | None, output_format: QuestionsFormat, output: str | None, force: bool
) -> int:
    from fwchoice.decide.questionnaire import questions_data

    source = resolve_source(criteria)
    plan = OutputPlan(inputs=[("criteria file", source.path)])
    plan.add(output, "--output", force=force)
    loaded = load_criteria(source)
    data = questions_data(loaded.document, criteria_file=loaded.file_info())
    if output_format == "json":
        text = json_text(data)
    else:
        from fwchoice.render.questions_text import questions_text

        text = questions_text(data)
    if output:
        finish(plan, {output: text})
    else:
        write(text)
    return EXIT_OK
