"""``fwchoice matrix``: the comparison itself, as tables, Markdown, JSON or CSV."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fwchoice.commands.output import check_export_name, emit, finish, json_text
from fwchoice.comparison import SECTIONS, Section, comparison_data
from fwchoice.criteria.loader import resolve_source
from fwchoice.errors import EXIT_OK, UsageError
from fwchoice.hints import did_you_mean, then
from fwchoice.lint.runner import load_criteria
from fwchoice.outputs import OutputPlan
from fwchoice.sanitize import quote

if TYPE_CHECKING:  # rich is imported only when the terminal view is shown
    from rich.console import Console, RenderableType

    from fwchoice.commands.output import View
    from fwchoice.render.terminal import TerminalStyle

TextRenderer = Callable[[dict[str, Any], "str | None"], str]
"""Renders the comparison as text, given where it goes (None: stdout)."""


def sections_from(names: list[str]) -> list[Section]:
    chosen: list[Section] = []
    for name in names or ["all"]:
        expanded = list(SECTIONS) if name == "all" else [name]
        for section in expanded:
            if section not in SECTIONS:
                hint = did_you_mean(section, [*SECTIONS, "all"])
                raise UsageError(
                    f"unknown section {quote(section)}"
                    + then(hint, f"use one of {', '.join(SECTIONS)} or all")
                )
            if section not in chosen:
                chosen.append(section)
    return chosen


def run(
    *,
    criteria: str | None,
    sections: list[str],
    output_format: str,
    no_color: bool,
    output: str | None,
    force: bool,
    export: str | None = None,
    accessible: bool = False,
) -> int:
    chosen = sections_from(sections)
    source = resolve_source(criteria)
    plan = OutputPlan(inputs=[("criteria file", source.path)])
    if export:
        check_export_name(export)
    plan.add(output, "--output", force=force)
    plan.add(export, "--export", force=force)
    loaded = load_criteria(source)
    data = comparison_data(loaded.document, chosen, criteria_file=loaded.file_info())
    render = FORMATS[output_format]

    shared = {**data, "criteria_file": loaded.shared_file_info()}

    def view_of(shown: dict[str, object]) -> View:
        def view(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
            from fwchoice.render.comparison_table import comparison_renderables
            from fwchoice.sanitize import visible_data

            return comparison_renderables(visible_data(shown), terminal, style)

        return view

    contents = emit(
        view_of(data),
        text=None if render is None else (lambda: render(data, output)),
        output=output,
        export=export,
        no_color=no_color,
        title=f"fwchoice matrix: {data['title']}",
        accessible=accessible,
        export_view=view_of(shared),
    )
    finish(plan, contents)
    return EXIT_OK


def _json(data: dict[str, Any], output: str | None) -> str:
    return json_text(data)


def _csv(data: dict[str, Any], output: str | None) -> str:
    from fwchoice.render.comparison_csv import comparison_csv

    return comparison_csv(data)


def _markdown(data: dict[str, Any], output: str | None) -> str:
    from fwchoice.console import can_encode
    from fwchoice.render.comparison_markdown import comparison_markdown
    from fwchoice.render.formatting import ASCII, GLYPH_PROBE, UNICODE

    # Stars stay Unicode in a file; on a terminal that cannot show them, ASCII.
    glyphs = UNICODE if output or can_encode(GLYPH_PROBE) else ASCII
    return comparison_markdown(data, glyphs)


FORMATS: dict[str, TextRenderer | None] = {
    "table": None,
    "markdown": _markdown,
    "json": _json,
    "csv": _csv,
}
"""Each ``--format`` and what renders it (None: the terminal view); the CLI's choices."""
