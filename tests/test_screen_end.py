"""What is on the screen when ``advise`` ends, read as a person sees it.

The installed command runs in a pseudo-terminal of a fixed size; everything it
writes is drawn by a terminal emulator (pyte), which answers its cursor-position
requests as a real terminal does. What counts is the visible screen at the end,
not the byte stream: text that scrolled off the top is gone, as it is for the
person at the terminal.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")

from conftest import REPO  # noqa: E402

SCRIPT = Path(sys.executable).parent / "fwchoice"
pytestmark = [
    pytest.mark.skipif(not SCRIPT.exists(), reason="fwchoice is not installed"),
    pytest.mark.skipif(os.name == "nt", reason="pseudo-terminals are POSIX"),
]
SIZES = [(80, 24), (100, 30)]
ENTER, DOWN, SPACE = "\r", "\x1b[B", " "
KEY_PROMPT = "Press d for the details"


class Terminal:
    """fwchoice in a pseudo-terminal of ``columns`` x ``rows``, drawn by pyte."""

    def __init__(
        self, *args: str, size: tuple[int, int], cwd: Path, env: dict[str, str] | None = None
    ) -> None:
        columns, rows = size
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        environment = {
            k: v
            for k, v in os.environ.items()
            if k not in ("NO_COLOR", "FWCHOICE_CRITERIA", "COLUMNS", "LINES", "PAGER", "LESS")
        }
        environment.update({"TERM": "xterm-256color", **(env or {})})
        self.child = pexpect.spawn(
            str(SCRIPT),
            list(args),
            cwd=str(cwd),
            env=environment,
            encoding="utf-8",
            timeout=60,
            dimensions=(rows, columns),
        )
        self.child.logfile_read = self
        # A terminal answers "where is the cursor?"; prompt_toolkit asks it.
        self.screen.write_process_input = self.child.send

    def write(self, text: str) -> None:  # pexpect's log of what the command wrote
        self.stream.feed(text)

    def flush(self) -> None:
        pass

    def wait_for(self, *needles: str) -> str:
        """Read until the screen shows one of ``needles`` (a regular expression each);
        the first found. The screen, not the bytes: a prompt broken over two lines
        still reads as one sentence."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(pexpect.TIMEOUT):
                self.child.read_nonblocking(65536, timeout=0.2)
            shown = self.text()
            for needle in needles:
                if re.search(needle, shown):
                    return needle
        raise AssertionError(f"none of {needles} on the screen:\n" + "\n".join(self.screen.display))

    def text(self) -> str:
        """The visible screen, rows joined, every run of blanks one space."""
        return " ".join(" ".join(self.screen.display).split())

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return int(self.child.exitstatus)


def advice_json(*args: str) -> dict:
    result = subprocess.run(
        [str(SCRIPT), "advise", *args, "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={**os.environ, "FWCHOICE_CRITERIA": ""},
    )
    return json.loads(result.stdout)


def assert_the_advice_is_on_screen(shown: str, advice: dict) -> None:
    verdict = advice["verdict"]
    assert verdict["winner_label"] in shown.split("Why", maxsplit=1)[0]
    if verdict["kind"] == "clear":
        assert f"Recommendation: {verdict['winner_label']}, {verdict['margin']:.1f}" in shown
    for score in advice["scores"]:
        assert f"{score['label']} {score['score']:.1f}" in shown, score
    assert "What would change it" in shown
    robustness = advice["robustness"]
    assert f"{verdict['winner_label']} comes first in {robustness['percent']}% of" in shown
    assert "Details" not in shown  # the details are one key away, not in the way


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_preset_ends_with_the_advice_on_screen(tmp_path: Path, size) -> None:
    terminal = Terminal("advise", "--preset", "cms", size=size, cwd=tmp_path)
    terminal.child.expect(KEY_PROMPT)
    terminal.child.send(ENTER)
    assert terminal.finish() == 0
    shown = terminal.text()
    assert_the_advice_is_on_screen(shown, advice_json("--preset", "cms"))
    assert KEY_PROMPT not in shown  # the prompt went when it was answered


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_question_answered_ends_with_the_advice_on_screen(tmp_path: Path, size) -> None:
    terminal = Terminal("advise", "--save-answers", "a.yaml", size=size, cwd=tmp_path)
    child = terminal.child
    number, early = 1, True
    while True:
        security = rf"\[{number}, [^\]]*\] Which of these must"
        question = rf"\[{number}, "
        needles = [security, question, "Review your answers"]
        if early:
            needles.append(r"Show the result now\?")
        found = terminal.wait_for(*needles)
        if found == security:  # pick the first, so the follow-up on add-ons is asked too
            child.send(SPACE + ENTER)
            number += 1
        elif found == question:
            child.send(ENTER)
            number += 1
        elif early and found == needles[-1]:  # go through every question, not stop early
            child.send(DOWN + ENTER)
            early = False
        else:
            child.send(ENTER)
            break
    child.expect(KEY_PROMPT)
    child.send(ENTER)
    assert terminal.finish() == 0
    saved = (tmp_path / "a.yaml").read_text("utf-8")
    how = yaml.safe_load(saved)["how"]
    # Every question that applied was asked, one by one, each counted once.
    assert number - 1 == len(how) == sum(given == "asked" for given in how.values())
    assert "add_ons" in how
    answers = tmp_path / "a.yaml"
    assert_the_advice_is_on_screen(terminal.text(), advice_json("--answers", str(answers)))


def test_d_opens_the_details_in_the_pager_and_they_close(tmp_path: Path) -> None:
    # A pager that saves what it is given: the details reach it, it returns, and
    # the command ends with the summary still on the screen.
    pager = f"{sys.executable} -c \"import sys; open('paged.txt', 'w').write(sys.stdin.read())\""
    terminal = Terminal(
        "advise", "--preset", "cms", size=(80, 24), cwd=tmp_path, env={"PAGER": pager}
    )
    terminal.child.expect(KEY_PROMPT)
    terminal.child.send("d")
    assert terminal.finish() == 0
    paged = (tmp_path / "paged.txt").read_text("utf-8")
    for part in ("Details", "Weights", "How the weights were reached", "Your answers"):
        assert part in paged
    assert "Criteria: built-in criteria (fwchoice " in paged
    assert_the_advice_is_on_screen(terminal.text(), advice_json("--preset", "cms"))


def test_details_flag_prints_everything_and_asks_nothing(tmp_path: Path) -> None:
    terminal = Terminal("advise", "--preset", "cms", "--details", size=(80, 24), cwd=tmp_path)
    assert terminal.finish() == 0
    shown = terminal.text()
    assert KEY_PROMPT not in shown
    # A report taller than the screen: its end is on the screen, and ends on the verdict.
    assert "Criteria: built-in criteria (fwchoice " in shown
    verdict = advice_json("--preset", "cms")["verdict"]
    assert shown.endswith(
        f"Verdict: {verdict['winner_label']} ({verdict['margin']:.1f} points ahead, "
        f"{verdict['confidence']['label']} confidence)"
    )
