"""``fwchoice schema``: the criteria format as JSON Schema (draft 2020-12)."""

from __future__ import annotations

from fwchoice.commands.output import deliver, json_text
from fwchoice.criteria.fileformat import json_schema
from fwchoice.errors import EXIT_OK


def render_schema() -> str:
    return json_text(json_schema())


def run(output: str | None, *, force: bool) -> int:
    deliver(render_schema(), output, force=force)
    return EXIT_OK
