"""Delivering a command's result: to stdout, and to the files its flags name.

A command renders everything first (the text for ``--output``, the picture for
``--export``), prints what goes to stdout, and only then writes its files,
all together (``fwchoice.outputs``): a command that fails writes nothing.
``--output`` and ``--export`` may be given together; each gets its file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from fwchoice import console
from fwchoice.errors import UsageError
from fwchoice.outputs import OutputPlan
from fwchoice.render.json_text import json_text
from fwchoice.sanitize import quote

if TYPE_CHECKING:
    from rich.console import RenderableType

    from fwchoice.commands.record import RecordFiling

__all__ = ["EXPORT_SUFFIXES", "check_export_name", "emit", "finish", "json_text"]

View = Callable[..., Sequence["RenderableType"]]


def print_rich(
    build: View, *, no_color: bool, closing: View | None = None, accessible: bool = False
) -> None:
    """Render rich output to stdout: in colour on a terminal, trimmed plain text in a pipe.

    ``closing`` is added at the end when the output is taller than the terminal
    (a pipe counts as 25 lines): the eye lands on the last line, so a long report
    repeats its verdict there.
    """
    import sys

    if sys.stdout is None:
        raise UsageError("standard output is closed; redirect it to a file or use --output")
    console.write(rendered(build, no_color=no_color, closing=closing, accessible=accessible))


def rendered(
    build: View, *, no_color: bool, closing: View | None = None, accessible: bool = False
) -> str:
    """What ``print_rich`` prints, as text (for a pager too)."""
    from rich.console import Group

    from fwchoice.render.terminal import make_console

    terminal, style = make_console(no_color=no_color, accessible=accessible)
    with terminal.capture() as captured:
        # One print of a group: each print has its own fixed cost.
        terminal.print(Group(*build(terminal, style)), crop=False)
    text = captured.get()
    if closing is not None and text.count("\n") > terminal.height:
        with terminal.capture() as last:
            terminal.print(Group(*closing(terminal, style)), crop=False)
        text += last.get()
    if not terminal.is_terminal or style.accessible:
        # Tables pad every line to the full width; a file, a pipe or a screen reader
        # (which would read the blanks out) gets no trailing blanks.
        text = "".join(line.rstrip() + "\n" for line in text.splitlines())
    return text


EXPORT_WIDTH = 120
EXPORT_SUFFIXES = (".svg", ".html", ".htm")


def check_export_name(path: str) -> str:
    """The picture format --export PATH asks for, by its extension; a usage error if none.

    Commands call this before any work (and before the first question), so a
    typo does not cost the user their answers."""
    from pathlib import Path

    suffix = Path(path).suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise UsageError(f"--export writes .svg or .html files, not {quote(path)}")
    return suffix


def picture(build: View, path: str, *, title: str) -> str:
    """What the terminal would show, as an SVG or HTML document (by the file's extension).

    ``build`` is the view as it is shared: naming no path of this machine (commands
    give it their data with ``LoadedCriteria.shared_file_info()``), so the picture is
    laid out, measured (each text's ``textLength``) and identified (rich's ids hash
    the content) from the very text it shows."""
    import io

    from fwchoice.render.terminal import make_console
    from fwchoice.sanitize import visible

    suffix = check_export_name(path)
    recorder, style = make_console(file=io.StringIO(), width=EXPORT_WIDTH, record=True)
    for part in build(recorder, style):
        recorder.print(part, crop=False)
    if suffix == ".svg":
        picture = recorder.export_svg(title=visible(title))
    else:
        from fwchoice.render.html_page import html_page

        picture = html_page(recorder, title=visible(title))
    return picture


def emit(
    view: View,
    *,
    text: Callable[[], str] | None,
    output: str | None,
    export: str | None,
    no_color: bool,
    title: str,
    closing: View | None = None,
    accessible: bool = False,
    export_view: View | None = None,
) -> dict[str, str]:
    """Render a result. Returns the files' contents by path (to commit with the plan);
    with neither --output nor --export, the result goes to stdout now.

    ``text`` gives the text formats (JSON, Markdown, CSV); without it the
    result is the terminal view, laid out at a fixed width in a file.
    ``export_view`` is the view for ``--export`` when it differs (a picture names
    no path of this machine).
    """
    contents: dict[str, str] = {}
    if export:
        contents[export] = picture(export_view or view, export, title=title)
    if output:
        if text is not None:
            contents[output] = text()
        else:
            from fwchoice.render.text_export import render_plain

            contents[output] = render_plain(view, accessible=accessible)
    if not output and not export:
        if text is not None:
            console.write(text())
        else:
            print_rich(view, no_color=no_color, closing=closing, accessible=accessible)
    return contents


def finish(
    plan: OutputPlan,
    contents: dict[str, str],
    *,
    saved: str | None = None,
    record: RecordFiling | None = None,
) -> None:
    """Write the planned files (and the decision record ``record`` files, if any) and
    say so on stderr (``saved`` is the saved-answers file)."""
    written = record.commit(plan, contents) if record else plan.commit(contents)
    for path in written:
        console.info_line(f"saved answers to {path}" if path == saved else f"wrote {path}")
