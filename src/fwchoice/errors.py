"""Exceptions that carry what went wrong; they never print.

The CLI's one error boundary turns them into a single line on stderr and a
fixed exit code (see ``fwchoice.cli``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fwchoice.diagnostics import Diagnostic

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_ABORTED = 130


class FwchoiceError(Exception):
    """A problem the user can cause and fix. ``str()`` is the one line shown."""

    exit_code = EXIT_PROBLEMS


class UsageError(FwchoiceError):
    """A bad flag, path or value on the command line."""

    exit_code = EXIT_USAGE


class InvalidDocument(FwchoiceError):
    """The criteria file has errors; carries every diagnostic found."""

    exit_code = EXIT_PROBLEMS

    def __init__(self, diagnostics: list[Diagnostic], *, errors: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        self.errors = errors
        first = errors[0]
        more = len(errors) - 1
        suffix = ""
        if more:
            plural = "s" if more > 1 else ""
            suffix = f" (and {more} more error{plural}; run `fwchoice lint {first.file}`)"
        super().__init__(first.format_text() + suffix)


class Aborted(FwchoiceError):
    """The user pressed Ctrl-C or closed the input at a prompt."""

    exit_code = EXIT_ABORTED
