"""``fwchoice matrix``: the comparison itself, as tables, Markdown, JSON or CSV."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from fwchoice.commands.output import emit, json_text
from fwchoice.comparison import SECTIONS, Section, comparison_data
from fwchoice.criteria.loader import load_criteria, resolve_source
from fwchoice.errors import EXIT_OK, UsageError

if TYPE_CHECKING:  # rich is imported only when the terminal view is shown
    from rich.console import Console, RenderableType

    from fwchoice.render.terminal import TerminalStyle

MatrixFormat = Literal["table", "markdown", "json", "csv"]


def sections_from(names: list[str]) -> list[Section]:
    chosen: list[Section] = []
    for name in names or ["all"]:
        expanded = list(SECTIONS) if name == "all" else [name]
        for section in expanded:
            if section not in SECTIONS:
                raise UsageError(
                    f"unknown section '{section}'; use one of {', '.join(SECTIONS)} or all"
                )
            if section not in chosen:
                chosen.append(section)
    return chosen


def run(
    *,
    criteria: str | None,
    sections: list[str],
    output_format: MatrixFormat,
    no_color: bool,
    output: str | None,
    force: bool,
    export: str | None = None,
) -> int:
    loaded = load_criteria(resolve_source(criteria))
    data = comparison_data(
        loaded.document, sections_from(sections), criteria_file=loaded.file_info()
    )

    def view(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.comparison_table import comparison_renderables

        return comparison_renderables(data, terminal, style)

    emit(
        view,
        text=None if output_format == "table" else (lambda: _text(data, output_format, output)),
        output=output,
        force=force,
        no_color=no_color,
        export=export,
        title=f"fwchoice matrix: {data['title']}",
    )
    return EXIT_OK


def _text(data: dict[str, object], output_format: MatrixFormat, output: str | None) -> str:
    if output_format == "json":
        return json_text(data)
    if output_format == "csv":
        from fwchoice.render.comparison_csv import comparison_csv

        return comparison_csv(data)
    from fwchoice.console import can_encode
    from fwchoice.render.comparison_markdown import comparison_markdown
    from fwchoice.render.formatting import ASCII, GLYPH_PROBE, UNICODE

    # Stars stay Unicode in a file; on a terminal that cannot show them, ASCII.
    glyphs = UNICODE if output or can_encode(GLYPH_PROBE) else ASCII
    return comparison_markdown(data, glyphs)
