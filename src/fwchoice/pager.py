"""The details one key away: after a summary on a terminal, a pager on request.

What is on the screen when a command ends is what gets read (git and gh page long
output for that reason), so on a terminal ``advise`` prints the summary, which
fits the screen, and then asks for one key: ``d`` opens the details in a pager,
anything else finishes. The answers are not asked again. The pager is ``$PAGER``,
else ``less`` (with ``LESS=R`` unless ``LESS`` is set, so colours pass through
and quitting brings the summary back), else the details are printed. A screen
reader gets a line to type instead of a key press, and the details as lines.

Only for a terminal on both sides: the caller checks ``interactive()`` first.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable

from fwchoice import console

KEY_PROMPT = "Press d for the details, Enter to finish."
LINE_PROMPT = "Type d and press Enter for the details, or press Enter to finish."


def interactive() -> bool:
    """Whether a key can be asked for: stdin and stdout are both terminals."""
    return bool(
        sys.stdin is not None
        and sys.stdin.isatty()
        and sys.stdout is not None
        and sys.stdout.isatty()
    )


def offer_details(render: Callable[[], str], *, accessible: bool) -> bool:
    """Ask for the details; show them if asked. True when they were shown.

    Ctrl-C or the end of input here finishes like Enter: the report is shown and
    its files are written, so there is nothing left to abort."""
    if accessible:
        console.write(LINE_PROMPT + "\n> ")
        try:
            wanted = sys.stdin.readline().strip().casefold() == "d"
        except KeyboardInterrupt:
            wanted = False
            console.write("\n")
        if wanted:
            console.write(render())
        return wanted
    console.write(f"\x1b[2m{KEY_PROMPT}\x1b[0m")
    key = _read_key()
    # The prompt goes, so the summary is the last thing on the screen.
    console.write("\r\x1b[2K")
    if key not in ("d", "D"):
        return False
    page(render())
    return True


def _read_key() -> str:
    """One key press, without waiting for Enter and without echoing it."""
    try:
        import termios
        import tty
    except ImportError:  # no termios (Windows): a line will do
        return sys.stdin.readline()[:1]
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        return os.read(fd, 1).decode("utf-8", "replace")
    except KeyboardInterrupt:
        return ""
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def page(text: str) -> None:
    """``text`` in the user's pager; printed when there is none or it cannot start."""
    command = os.environ.get("PAGER", "").strip()
    if not command:
        command = "less" if shutil.which("less") else ""
    if not command:
        console.write(text)
        return
    environment = dict(os.environ)
    environment.setdefault("LESS", "R")
    try:
        process = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=environment)
    except (OSError, ValueError):
        console.write(text)
        return
    try:
        process.communicate(text.encode(sys.stdout.encoding or "utf-8", "replace"))
    except (BrokenPipeError, KeyboardInterrupt):  # the pager was quit before the end
        process.wait()
