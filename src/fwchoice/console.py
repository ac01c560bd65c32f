"""Writing to the terminal: plain lines, closed pipes, and messages on stderr.

Kept free of rich so that commands which print plain text (lint, JSON, CSV)
never pay for importing it.
"""

from __future__ import annotations

import os
import sys

from fwchoice.errors import FwchoiceError, UsageError
from fwchoice.sanitize import visible


class OutputClosed(FwchoiceError):
    """The reader went away (``fwchoice matrix | head -n 1``): stop quietly, exit 0."""

    exit_code = 0


class OutputFailed(FwchoiceError):
    """Standard output cannot be written (a full disk, ``> /dev/full``): exit 1.

    Its stream is pointed at /dev/null once reported, so the interpreter's final
    flush does not fail a second time with a traceback."""


def output_failed(exc: OSError) -> OutputFailed:
    reason = exc.strerror or str(exc)
    return OutputFailed(f"cannot write to standard output: {reason[:1].lower()}{reason[1:]}")


def stdout_or_fail() -> object:
    if sys.stdout is None:
        raise UsageError("standard output is closed; redirect it to a file or use --output")
    return sys.stdout


def write(text: str) -> None:
    """Write ``text`` to stdout, turning a closed pipe into ``OutputClosed``."""
    stream = stdout_or_fail()
    try:
        stream.write(text)  # type: ignore[attr-defined]
        stream.flush()  # type: ignore[attr-defined]
    except BrokenPipeError:
        raise OutputClosed("") from None
    except OSError as exc:
        raise output_failed(exc) from None
    except UnicodeEncodeError:
        # A terminal that cannot show some character: degrade rather than crash.
        encoding = getattr(stream, "encoding", None) or "ascii"
        safe = text.encode(encoding, errors="replace").decode(encoding)
        try:
            stream.write(safe)  # type: ignore[attr-defined]
            stream.flush()  # type: ignore[attr-defined]
        except BrokenPipeError:
            raise OutputClosed("") from None
        except OSError as exc:
            raise output_failed(exc) from None


def silence_stdout() -> None:
    """After a broken pipe, point stdout at devnull so the exit flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def error_line(message: str) -> None:
    """One line on stderr, prefixed with the program name; nothing if stderr is closed."""
    line = visible(" ".join(message.split()))
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(f"fwchoice: {line}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def warning_line(message: str) -> None:
    """'fwchoice: warning: ...' on stderr: the run goes on, but something the user
    asked for had no effect."""
    error_line(f"warning: {message}")


def info_line(message: str) -> None:
    """A status line on stderr (never mixed into data on stdout); it may name files."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(visible(message) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def can_encode(text: str, stream: object | None = None) -> bool:
    stream = sys.stdout if stream is None else stream
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def accessible_requested(flag: bool = False) -> bool:
    """``--accessible``, or ACCESSIBLE set in the environment (as the GitHub CLI's
    accessible prompter and charmbracelet's huh read it); ``0`` or ``false`` is off."""
    value = os.environ.get("ACCESSIBLE", "").strip().lower()
    return flag or value not in ("", "0", "false", "no", "off")


def append_step_summary(markdown: str) -> None:
    """Append to the job summary GitHub Actions shows, when it asks for one
    (``GITHUB_STEP_SUMMARY`` names the file); never fails the command."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as summary:
            summary.write(markdown)
    except OSError:
        error_line(f"warning: could not write the job summary to {target}")
