"""Completion in a real bash: the generated script, readline and the program together.

Each test starts ``bash --norc --noprofile -i`` on a pty, loads the script the
program emits, types a command line, presses Tab, then Ctrl-T, which is bound to
print readline's buffer between markers, so the test sees the exact line
(trailing blanks included) without scraping the screen.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

SCRIPT = Path(sys.executable).parent / "fwchoice"
pytestmark = [
    pytest.mark.skipif(not SCRIPT.exists(), reason="fwchoice is not installed"),
    pytest.mark.skipif(shutil.which("bash") is None, reason="no bash"),
]
PROMPT = "PROMPT> "
LINE = re.compile(r"<<(.*?)>>")


@pytest.fixture
def bash(tmp_path: Path):
    env = {
        "PATH": f"{SCRIPT.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path),
        "TERM": "dumb",
        "LANG": "C.UTF-8",
        "PS1": PROMPT,
    }
    child = pexpect.spawn(
        "bash",
        ["--norc", "--noprofile", "-i"],
        env=env,
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=30,
        dimensions=(24, 200),
    )
    setup = [
        "bind 'set bell-style none'",
        "bind 'set enable-bracketed-paste off'",
        # Ctrl-T prints readline's buffer between << and >>
        """bind -x '"\\C-t": printf "<<%s>>\\n" "$READLINE_LINE"'""",
        'eval "$(_FWCHOICE_COMPLETE=source_bash fwchoice)"',
    ]
    for command in setup:
        child.sendline(command)
    child.sendline("echo READY")
    child.expect("\r\nREADY")
    child.expect_exact(PROMPT)
    yield child
    child.sendcontrol("c")
    child.sendline("exit")
    child.close(force=True)


def complete(child, text: str, tabs: int = 1) -> tuple[str, str]:
    """Type ``text``, press Tab ``tabs`` times; return (printed output, readline line)."""
    child.send(text + "\t" * tabs)
    child.sendcontrol("t")
    child.expect(LINE)
    shown, line = child.before, child.match.group(1)
    child.sendcontrol("u")  # clear the line for the next test
    return shown, line


def test_values_after_id_equals_are_listed(bash) -> None:
    shown, line = complete(bash, "fwchoice advise --set admin=", tabs=2)
    assert line == "fwchoice advise --set admin="
    listed = shown.split("admin=", 1)[-1].split()
    assert {"yes", "no", "unsure"} <= set(listed)


def test_partial_value_completes_with_a_space(bash) -> None:
    _, line = complete(bash, "fwchoice advise --set admin=y")
    assert line == "fwchoice advise --set admin=yes "


def test_id_completes_to_id_equals_without_a_space(bash) -> None:
    _, line = complete(bash, "fwchoice advise --set adm")
    assert line == "fwchoice advise --set admin="


def test_id_then_value_in_two_tabs(bash) -> None:
    _, line = complete(bash, "fwchoice advise --set adm\ty")
    assert line == "fwchoice advise --set admin=yes "


def test_option_equals_value(bash) -> None:
    _, line = complete(bash, "fwchoice advise --format=m")
    assert line == "fwchoice advise --format=markdown "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fwchoice ma", "fwchoice matrix "),
        ("fwchoice advise --preset ecom", "fwchoice advise --preset ecommerce "),
        ("fwchoice advise --format ma", "fwchoice advise --format markdown "),
        ("fwchoice advise --set admin=yes --pre", "fwchoice advise --set admin=yes --preset "),
    ],
)
def test_other_completions_still_work(bash, text: str, expected: str) -> None:
    _, line = complete(bash, text)
    assert line == expected


def test_lists_for_options_and_commands(bash) -> None:
    shown, _ = complete(bash, "fwchoice advise --format ", tabs=2)
    assert {"rich", "json", "markdown"} <= set(shown.split())
    shown, _ = complete(bash, "fwchoice ", tabs=2)
    assert {"advise", "matrix", "lint", "init", "schema"} <= set(shown.split())
