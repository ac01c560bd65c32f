"""Delivering a command's text: to stdout, or atomically to ``--output FILE``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from fwchoice import console
from fwchoice.errors import UsageError

if TYPE_CHECKING:
    from rich.console import RenderableType


def json_text(data: object) -> str:
    """The JSON every command writes: indented, UTF-8 kept readable, newline-ended."""
    import json

    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def deliver(text: str, output: str | None, *, force: bool) -> None:
    if output:
        from fwchoice.atomicfile import write_atomic

        write_atomic(output, text, force=force)
        console.info_line(f"wrote {output}")
    else:
        console.write(text)


def print_rich(build: Callable[..., Sequence[RenderableType]], *, no_color: bool) -> None:
    """Render rich output to stdout: live on a terminal, trimmed plain text in a pipe."""
    import sys

    from rich.console import Group

    from fwchoice.render.terminal import make_console

    if sys.stdout is None:
        raise UsageError("standard output is closed; redirect it to a file or use --output")
    terminal, style = make_console(no_color=no_color)
    try:
        if terminal.is_terminal:
            terminal.print(Group(*build(terminal, style)), crop=False)
            sys.stdout.flush()
            return
        with terminal.capture() as captured:
            # One print of a group: each print has its own fixed cost.
            terminal.print(Group(*build(terminal, style)), crop=False)
    except BrokenPipeError:
        raise console.OutputClosed("") from None
    # Tables pad every line to the full width; a file or pipe gets no trailing blanks.
    console.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


EXPORT_WIDTH = 120
EXPORT_SUFFIXES = (".svg", ".html", ".htm")


def check_export_name(path: str) -> str:
    """The picture format --export PATH asks for, by its extension; a usage error if none.

    Commands that prompt call this before the first question, so a typo does not
    cost the user their answers."""
    from pathlib import Path

    from fwchoice.sanitize import quote

    suffix = Path(path).suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise UsageError(f"--export writes .svg or .html files, not {quote(path)}")
    return suffix


def export_picture(
    build: Callable[..., Sequence[RenderableType]], path: str, *, title: str, force: bool
) -> None:
    """Write what the terminal would show as an SVG or HTML file (by its extension)."""
    import io

    from fwchoice.atomicfile import write_atomic
    from fwchoice.render.terminal import make_console

    suffix = check_export_name(path)
    recorder, style = make_console(file=io.StringIO(), width=EXPORT_WIDTH, record=True)
    for part in build(recorder, style):
        recorder.print(part, crop=False)
    if suffix == ".svg":
        text = recorder.export_svg(title=title)
    else:
        text = recorder.export_html(inline_styles=True)
    write_atomic(path, text, force=force)
    console.info_line(f"wrote {path}")


def emit(
    view: Callable[..., Sequence[RenderableType]],
    *,
    text: Callable[[], str] | None,
    output: str | None,
    force: bool,
    no_color: bool,
    export: str | None,
    title: str,
) -> None:
    """Show a result: as a picture (--export), as text (JSON, Markdown, CSV), or as
    the terminal view, live on stdout or laid out at a fixed width in --output."""
    if export:
        export_picture(view, export, title=title, force=force)
    elif text is not None:
        deliver(text(), output, force=force)
    elif output is None:
        print_rich(view, no_color=no_color)
    else:
        from fwchoice.render.text_export import render_plain

        deliver(render_plain(view), output, force=force)
