"""``fwchoice matrix``: the comparison itself, as tables, Markdown, JSON or CSV."""

from __future__ import annotations

from typing import Literal

from fwchoice.commands.output import deliver, print_rich
from fwchoice.comparison import SECTIONS, Section, comparison_data
from fwchoice.errors import EXIT_OK, UsageError
from fwchoice.loader import load_criteria, resolve_source

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
                chosen.append(section)  # type: ignore[arg-type]
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
    if export:
        from fwchoice.commands.output import export_picture
        from fwchoice.render.comparison_table import comparison_renderables

        export_picture(
            lambda terminal, style: comparison_renderables(data, terminal, style),
            export,
            title=f"fwchoice matrix: {data['title']}",
            force=force,
        )
        return EXIT_OK
    if output_format == "table" and output is None:
        from fwchoice.render.comparison_table import comparison_renderables

        print_rich(
            lambda terminal, style: comparison_renderables(data, terminal, style), no_color=no_color
        )
        return EXIT_OK
    if output_format == "json":
        import json

        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    elif output_format == "csv":
        from fwchoice.render.comparison_csv import comparison_csv

        text = comparison_csv(data)
    elif output_format == "markdown":
        from fwchoice.console import can_encode
        from fwchoice.render.comparison_markdown import comparison_markdown
        from fwchoice.render.formatting import ASCII, GLYPH_PROBE, UNICODE

        glyphs = UNICODE if output or can_encode(GLYPH_PROBE) else ASCII
        text = comparison_markdown(data, glyphs)
    else:
        from fwchoice.render.comparison_table import comparison_renderables
        from fwchoice.render.text_export import render_plain

        text = render_plain(lambda terminal, style: comparison_renderables(data, terminal, style))
    deliver(text, output, force=force)
    return EXIT_OK
