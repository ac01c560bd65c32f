"""Building rich consoles that behave: colour only on a terminal, ASCII where needed.

Every string that comes from a criteria or answers file goes through ``data()``,
which makes a ``Text`` (never markup) with control characters made visible, so
data can neither style itself nor move the cursor.
"""

import os
import re
import sys
from typing import IO, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from fwchoice.record import NamedTuple
from fwchoice.render.formatting import GLYPH_PROBE, PLAIN, Glyphs
from fwchoice.sanitize import visible

# rich's SIMPLE_HEAD (a single rule under the header) drawn with ASCII only.
ASCII_SIMPLE_HEAD = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


class TerminalStyle(NamedTuple):
    glyphs: Glyphs
    box: box.Box
    color: bool
    accessible: bool = False
    """A linear report for screen readers: no bars, no box drawing, no star glyphs."""


def data(text: str, style: str = "") -> Text:
    """Text from a data file, shown literally, on one line (the renderer wraps it)."""
    return Text(visible(text), style=style)


def make_console(
    *,
    file: IO[str] | None = None,
    no_color: bool = False,
    width: int | None = None,
    record: bool = False,
    accessible: bool = False,
) -> tuple[Console, TerminalStyle]:
    """A console for ``file`` (stdout by default); ``record=True`` for SVG/HTML export,
    which always keeps colour and Unicode whatever the real terminal can do;
    ``accessible`` for a screen reader: no colour, no bars, tables or star glyphs."""
    stream = file if file is not None else sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        GLYPH_PROBE.encode(encoding)
        unicode_ok = True
    except (UnicodeEncodeError, LookupError):
        unicode_ok = False
    is_dumb = os.environ.get("TERM", "") in ("dumb", "unknown")
    # --no-color and NO_COLOR mean no escape codes at all: rich's no_color alone
    # still emits bold and dim, so the colour system is switched off instead.
    plain = not record and (no_color or accessible or bool(os.environ.get("NO_COLOR")) or is_dumb)
    if record:
        unicode_ok = True
    console = Console(
        file=stream,
        width=width,
        record=record,
        force_terminal=True if record else None,
        color_system="truecolor" if record else (None if plain else "auto"),
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    if width is None:
        # Fix the size once: left open, rich works it out again (reading the
        # environment) for every cell of every table.
        size = console.size
        console.width, console.height = size.width, size.height
    color = console.is_terminal and console.color_system is not None
    if accessible:
        return console, TerminalStyle(PLAIN, ASCII_SIMPLE_HEAD, color=False, accessible=True)
    style = TerminalStyle(
        glyphs=Glyphs.for_terminal(unicode_ok),
        box=box.SIMPLE_HEAD if unicode_ok else ASCII_SIMPLE_HEAD,
        color=color,
    )
    return console, style


def tabular(console: Console, style: TerminalStyle, table: Table) -> bool:
    """Whether to show ``table`` as a table: it fits, and no screen reader reads it."""
    return not style.accessible and fits(console, table)


class Unwrapped:
    """A line that is never wrapped or cut (a URL): the terminal wraps it, keeping it whole."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.text.render(console)
        yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


class FileLine:
    """'Criteria: FILE', dim: broken between words and, inside a path too long for a
    line, only after a '/' (rich would cut the path wherever the edge falls)."""

    def __init__(self, lead: str, name: str) -> None:
        self.text = f"{lead}{visible(name)}"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in path_lines(self.text, options.max_width):
            yield Text(line, style="dim")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, min(options.max_width, cell_len(self.text)))


def path_lines(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken where a space is, or after
    a path separator; only a run with neither that is wider than a line is split."""
    width = max(width, 1)
    pieces: list[tuple[str, bool]] = []
    """(piece, whether a space comes before it)"""
    for word in text.split(" "):
        parts = re.findall(r"[^/\\]*[/\\]|[^/\\]+", word) or [""]
        pieces += [(part, i == 0) for i, part in enumerate(parts)]
    lines: list[str] = []
    line = ""
    for piece, spaced in pieces:
        joined = f"{line} {piece}" if spaced and line else line + piece
        if cell_len(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        line = piece
        while cell_len(line) > width:  # no space or separator to break at
            lines.append(line[:width])
            line = line[width:]
    lines.append(line)
    return lines


def hanging(lead: str, body: Text, *, indent: int = 0) -> RenderableType:
    """``lead`` then ``body``, with the body's wrapped lines aligned under its start."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    if indent:
        grid.add_column(width=indent - 1)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(*([""] if indent else []), lead, body)
    return grid


# With show_edge=False and pad_edge=False, each boundary between two columns
# takes three cells: padding, the box's divider, padding.
_BOUNDARY = 3


def fits(console: Console, table: Table) -> bool:
    """Whether ``table`` lays out in the console's width without squashing words.

    Estimated from the cells' text (the longest word of each wrapping column,
    the whole text of a column that must not wrap) rather than by rich's
    measurement, which would lay every table out twice.
    """
    minimum = [
        max(_cell_width(c, column.no_wrap, longest_word=True) for c in _cells(column))
        for column in table.columns
    ]
    return sum(minimum) + _BOUNDARY * (len(minimum) - 1) <= console.width


def size_columns(console: Console, table: Table) -> None:
    """Give every column a fixed width, so rich need not measure each cell again.

    Columns get their natural width (their longest line); when that is too
    wide, the widest wrapping column gives up a cell at a time (as rich does,
    so short columns such as notes stay on one line), never below its longest
    word.
    """
    columns = table.columns
    natural = [
        max(_cell_width(c, col.no_wrap, longest_word=False) for c in _cells(col)) for col in columns
    ]
    minimum = [
        n if col.no_wrap else max(_cell_width(c, False, longest_word=True) for c in _cells(col))
        for n, col in zip(natural, columns, strict=True)
    ]
    available = console.width - _BOUNDARY * (len(columns) - 1)
    excess = sum(natural) - available
    widths = list(natural)
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > minimum[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    for column, width in zip(columns, widths, strict=True):
        column.width = max(width, 1)


def _cells(column: Any) -> list[object]:
    return [column.header, *column._cells]


def _cell_width(cell: object, no_wrap: bool | None, *, longest_word: bool) -> int:
    if isinstance(cell, Text):
        text = cell.plain
    elif isinstance(cell, str):
        text = cell
    else:
        return 0
    lines = text.splitlines() or [""]
    if no_wrap or not longest_word:
        return max(cell_len(line) for line in lines)
    return max((cell_len(word) for line in lines for word in line.split()), default=0)
