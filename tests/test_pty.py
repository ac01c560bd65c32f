"""The installed command in a pseudo-terminal, as a person runs it (pexpect)."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from conftest import REPO  # noqa: E402

SCRIPT = Path(sys.executable).parent / "fwchoice"
THREE = str(REPO / "tests" / "fixtures" / "three_options.yaml")
pytestmark = [
    pytest.mark.skipif(not SCRIPT.exists(), reason="fwchoice is not installed"),
    pytest.mark.skipif(os.name == "nt", reason="pseudo-terminals are POSIX"),
]
ENTER, DOWN = "\r", "\x1b[B"


def spawn(*args: str, cwd: Path, env: dict[str, str] | None = None):
    environment = {
        k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FWCHOICE_CRITERIA")
    }
    environment.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"})
    environment.update(env or {})
    return pexpect.spawn(
        str(SCRIPT),
        list(args),
        cwd=str(cwd),
        env=environment,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 100),
    )


def test_questionnaire_review_change_and_report(tmp_path: Path) -> None:
    child = spawn(
        "advise", "--criteria", THREE, "--output", "report.json", "--format", "json", cwd=tmp_path
    )
    child.expect(r"How many jobs per day\?")
    child.send(ENTER)  # a few thousand (the default)
    child.expect(r"Must every job run exactly once\?")
    child.send(ENTER)  # no (the default)
    child.expect("Review your answers")
    child.send(DOWN + ENTER)  # change the first answer
    child.expect(r"How many jobs per day\?")
    child.send(DOWN + ENTER)  # millions
    child.expect("Review your answers")
    child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["verdict"]["winner"] == "dramatiq"
    assert {a["question"]: a["answer"] for a in report["answers"]}["scale"] == "many"


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    child = spawn("advise", "--criteria", THREE, "--save-answers", "a.yaml", cwd=tmp_path)
    child.expect(r"How many jobs per day\?")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 130
    assert "Aborted." in output
    assert "Traceback" not in output
    assert not (tmp_path / "a.yaml").exists()


def test_rich_report_in_a_terminal_has_colour(tmp_path: Path) -> None:
    child = spawn("advise", "--criteria", THREE, "--preset", "small", cwd=tmp_path)
    child.expect("Press d for the details")
    shown = child.before
    child.send(ENTER)  # the summary is the report; Enter finishes
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "\x1b[" in shown
    assert "Recommendation" in shown


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--no-color"], {}), ([], {"NO_COLOR": "1"}), ([], {"TERM": "dumb"})],
)
def test_no_colour_on_request(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    child = spawn("matrix", "--section", "benchmarks", *args, cwd=tmp_path, env=env)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "\x1b[" not in child.before.replace("\x1b[?", "")  # terminal mode queries aside
    assert "15,000" in child.before


def test_the_last_line_of_a_tall_report_names_the_winner(tmp_path: Path) -> None:
    # With --details the whole report is printed: on a 100x40 screen it is taller
    # than that, so the verdict comes again at the bottom.
    child = spawn("advise", "--preset", "cms", "--details", cwd=tmp_path)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    plain = re.sub(r"\x1b\[[0-9;]*m", "", child.before)
    lines = [line for line in plain.splitlines() if line.strip()]
    assert len(lines) > 40
    assert lines[0].startswith("Recommendation: Django + DRF")
    assert lines[-1].startswith("Verdict: Django + DRF")


def test_accessible_questionnaire_review_and_report_move_no_cursor(tmp_path: Path) -> None:
    # A screen reader follows lines: plain numbered prompts, typed answers, the
    # review step by number, and a report with no escape sequence at all (no
    # cursor movement, no clearing, no colour), from the first byte to the last.
    child = spawn("advise", "--criteria", THREE, cwd=tmp_path, env={"ACCESSIBLE": "1"})
    log: list[str] = []
    child.logfile_read = _Collect(log)
    child.expect(r"Question 1, (about )?\d+ left: How many jobs per day\?")
    child.expect("Enter keeps the default")
    child.sendline("?")  # help, then the same question again
    child.expect("Enter keeps the default")
    child.sendline("lots")  # not a choice: said so, asked again
    child.expect("Not a choice")
    child.sendline("")  # the default
    child.expect(r"Must every job run exactly once\?")
    child.sendline("0")  # not sure
    child.expect("type a number to change that answer")
    child.sendline("1")
    child.expect(r"How many jobs per day\?")
    child.sendline("2")
    child.expect("type a number to change that answer")
    child.sendline("")
    child.expect("Type d and press Enter for the details")  # a line to type, not a key
    child.sendline("d")
    child.expect(pexpect.EOF)
    child.close()
    everything = "".join(log)
    assert child.exitstatus == 0, everything
    assert "Recommendation" in everything
    assert "Details" in everything.split("Type d and press Enter", 1)[1]
    assert "\x1b" not in everything


class _Collect:
    def __init__(self, into: list[str]) -> None:
        self.into = into

    def write(self, text: str) -> None:
        self.into.append(text)

    def flush(self) -> None:
        pass
