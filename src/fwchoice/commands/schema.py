"""``fwchoice schema``: the criteria format as JSON Schema (draft 2020-12)."""

from __future__ import annotations

from fwchoice import console
from fwchoice.commands.output import finish, json_text
from fwchoice.criteria.fileformat import json_schema
from fwchoice.errors import EXIT_OK
from fwchoice.outputs import OutputPlan


def render_schema() -> str:
    return json_text(json_schema())


def run(output: str | None, *, force: bool) -> int:
    plan = OutputPlan()
    plan.add(output, "--output", force=force)
    text = render_schema()
    if output:
        finish(plan, {output: text})
    else:
        console.write(text)
    return EXIT_OK
