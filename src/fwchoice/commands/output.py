"""Delivering a command's text: to stdout, or atomically to ``--output FILE``."""

from __future__ import annotations

from collections.abc import Callable

from fwchoice import console
from fwchoice.errors import UsageError


def deliver(text: str, output: str | None, *, force: bool) -> None:
    if output:
        from fwchoice.atomicfile import write_atomic

        write_atomic(output, text, force=force)
        console.info_line(f"wrote {output}")
    else:
        console.write(text)


def print_rich(build: Callable[..., list[object]], *, no_color: bool) -> None:
    """Render rich output to stdout: live on a terminal, trimmed plain text in a pipe."""
    import sys

    from fwchoice.render.terminal import make_console

    if sys.stdout is None:
        raise UsageError("standard output is closed; redirect it to a file or use --output")
    terminal, style = make_console(no_color=no_color)
    try:
        if terminal.is_terminal:
            for part in build(terminal, style):
                terminal.print(part, crop=False)
            sys.stdout.flush()
            return
        with terminal.capture() as captured:
            for part in build(terminal, style):
                terminal.print(part, crop=False)
    except BrokenPipeError:
        raise console.OutputClosed("") from None
    # Tables pad every line to the full width; a file or pipe gets no trailing blanks.
    console.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
