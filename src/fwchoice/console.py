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
    (``GITHUB_STEP_SUMMARY`` names the file); never fails the command.

    The summary follows the rule every written file does: only a regular file (a
    FIFO or a device is refused, and opening never waits: ``O_NONBLOCK``), and never
    a file this run read (``GITHUB_STEP_SUMMARY=criteria.yaml fwchoice lint
    criteria.yaml`` must not append Markdown to the file it lints, through a symlink
    or not)."""
    import stat

    from fwchoice.inputs import was_read
    from fwchoice.pathkind import describe

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        before = os.stat(target)
    except (OSError, ValueError):
        before = None
    if before is not None and not stat.S_ISREG(before.st_mode):
        warning_line(
            f"no job summary written: GITHUB_STEP_SUMMARY {target} is "
            f"{describe(before.st_mode)}, not a file"
        )
        return
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
    flags |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(target, flags, 0o666)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        warning_line(f"could not write the job summary to {target}: {reason}")
        return
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            warning_line(
                f"no job summary written: GITHUB_STEP_SUMMARY {target} is "
                f"{describe(info.st_mode)}, not a file"
            )
            return
        if was_read(info):
            warning_line(
                f"no job summary written: GITHUB_STEP_SUMMARY {target} is a file this command reads"
            )
            return
        data = markdown.encode("utf-8", errors="replace")
        while data:
            data = data[os.write(fd, data) :]
    except OSError as exc:
        warning_line(f"could not write the job summary to {target}: {exc.strerror or exc}")
    finally:
        os.close(fd)
