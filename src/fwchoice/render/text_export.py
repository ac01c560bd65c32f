"""Rendering rich output to plain text at a fixed width (files, tests, golden output)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from rich.console import Console, RenderableType

from fwchoice.render.terminal import TerminalStyle, make_console


class _Utf8Buffer(io.StringIO):
    encoding = "utf-8"


class _AsciiBuffer(io.StringIO):
    encoding = "ascii"


def render_plain(
    build: Callable[[Console, TerminalStyle], Sequence[RenderableType]],
    *,
    width: int = 100,
    unicode_ok: bool = True,
    accessible: bool = False,
) -> str:
    buffer: io.StringIO = _Utf8Buffer() if unicode_ok else _AsciiBuffer()
    console, style = make_console(file=buffer, no_color=True, width=width, accessible=accessible)
    for part in build(console, style):
        console.print(part, crop=False)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
