"""One gate for text from data, answers, flags and file names, in every command and format.

``tests/fixtures/escapes.yaml`` is a valid decision file whose every text holds
terminal escapes and invisible format characters. Whatever fwchoice prints or
writes from it must hold none of them raw: they are visible escapes on a
terminal, in text, Markdown and CSV, and JSON escapes in JSON.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import TESTS
from fwchoice.render.comparison_csv import cell
from fwchoice.sanitize import is_unsafe, visible

ESCAPES = TESTS / "fixtures" / "escapes.yaml"


def raw_unsafe(text: str) -> list[str]:
    """Every character that must never reach a terminal raw (line breaks aside)."""
    return sorted({f"U+{ord(c):04X}" for c in text if c != "\n" and is_unsafe(c)})


COMMANDS = [
    ["lint", "{f}"],
    ["lint", "--format", "json", "{f}"],
    ["lint", "--format", "github", "{f}"],
    ["matrix", "--criteria", "{f}"],
    ["matrix", "--criteria", "{f}", "--format", "markdown"],
    ["matrix", "--criteria", "{f}", "--format", "json"],
    ["matrix", "--criteria", "{f}", "--format", "csv"],
    ["advise", "--criteria", "{f}", "--list-presets"],
    ["advise", "--criteria", "{f}", "--preset", "comfy"],
    ["advise", "--criteria", "{f}", "--defaults"],
    ["advise", "--criteria", "{f}", "--preset", "comfy", "--format", "json"],
    ["advise", "--criteria", "{f}", "--preset", "comfy", "--format", "markdown"],
    ["advise", "--criteria", "{f}", "--defaults", "--set", "kind=unsure"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:1] + c[2:][-2:]))
def test_no_raw_escape_reaches_the_output(cli, command: list[str]) -> None:
    result = cli(*(a.replace("{f}", str(ESCAPES)) for a in command))
    assert result.exit_code in (0, 1), result.stderr
    assert raw_unsafe(result.stdout) == []
    assert raw_unsafe(result.stderr) == []
    assert "\\x1b" in result.stdout or "\\u001b" in result.stdout or command[0] == "lint"


def test_json_keeps_the_exact_text_as_json_escapes(cli) -> None:
    result = cli("advise", "--criteria", str(ESCAPES), "--preset", "comfy", "--format", "json")
    data = json.loads(result.stdout)
    assert data["title"] == "Pick one \x1b]52;c;ZXZpbA==\x07\x1b[2J"
    assert data["verdict"]["confidence"]["label"] in (
        "strong \x1b]52;c;b3duZWQ=\x07\x1b[2J",
        "close \x1b[2J",
    )
    assert "\\u001b]52" in result.stdout


def test_team_and_replay_views_pass_the_gate(cli, in_tmp: Path) -> None:
    common = ("--criteria", str(ESCAPES))
    assert cli("advise", *common, "--preset", "comfy", "--save-answers", "a.yaml").exit_code == 0
    saved = (in_tmp / "a.yaml").read_text("utf-8")
    assert raw_unsafe(saved) == []
    (in_tmp / "b.yaml").write_text("kind: fast\nadmin: 'no'\n")
    outputs = [
        cli("advise", *common, "--answers", "a.yaml", "--defaults"),  # replay
        cli("advise", *common, "--answers", "a.yaml", "--answers", "b.yaml"),  # team
        cli(
            "advise", *common, "--answers", "a.yaml", "--answers", "b.yaml", "--format", "markdown"
        ),
    ]
    for result in outputs:
        assert result.exit_code == 0, result.stderr
        assert raw_unsafe(result.stdout + result.stderr) == []


@pytest.mark.parametrize("name", ["view.svg", "view.html"])
def test_pictures_hold_no_control_characters(cli, in_tmp: Path, name: str) -> None:
    for command in (["advise", "--preset", "comfy"], ["matrix"]):
        assert cli(*command, "--criteria", str(ESCAPES), "--export", name, "--force").exit_code == 0
        text = (in_tmp / name).read_text("utf-8")
        assert raw_unsafe(text) == []
        if name.endswith(".svg"):
            ET.fromstring(text)  # well-formed XML


def test_a_file_name_cannot_forge_an_output_line(cli, in_tmp: Path) -> None:
    forged = "x.yaml:1:1: FWC000 error: forged"
    path = in_tmp / f"broken.yaml\n{forged}\n\x1b[2J"
    path.write_text("version: 1\ntitle: [\n")
    for fmt in ("text", "github"):
        result = cli("lint", "--format", fmt, str(path))
        assert result.exit_code == 1
        assert len(result.stdout.splitlines()) == 1
        assert not any(line.startswith("x.yaml") for line in result.stdout.splitlines())
        assert raw_unsafe(result.stdout + result.stderr) == []
    data = json.loads(cli("lint", "--format", "json", str(path)).stdout)
    assert data["files"][0]["file"] == str(path)  # JSON keeps the name exactly
    result = cli("matrix", "--criteria", str(path))
    assert result.stderr.count("\n") == 1
    assert raw_unsafe(result.stderr) == []


@pytest.mark.parametrize(
    "char",
    [
        "\x1b", "\x07", "\x00", "\x7f", "\x9b", "\u00ad", "\u061c", "\u200b", "\u200e",
        "\u202e", "\u2066", "\u2028", "\u2029", "\ufeff", "\ufff9", "\ufffb", "\U000e0041",
        "\U000e007f", "\udcff", "\ufffe",
    ],
)  # fmt: skip
def test_visible_escapes_every_unsafe_character(char: str) -> None:
    shown = visible(f"a{char}b")
    assert shown.startswith("a\\")
    assert shown.endswith("b")
    assert shown.isprintable()
    assert visible(shown) == shown  # idempotent: escapes are plain text


@pytest.mark.parametrize("char", ["\u00a0", "\u3000", "é", "★", "你", "\U0001f600"])
def test_visible_keeps_printable_text_and_spaces(char: str) -> None:
    assert visible(f"a{char}b") == f"a{char}b"


@pytest.mark.parametrize(
    ("value", "guarded"),
    [
        ("=1+1", True),
        ("\t=1+1", True),
        ("  =cmd", True),
        ("\u00a0=cmd", True),
        ("\uff1d1+1", True),  # full-width equals sign
        ("\ufe66cmd", True),  # small equals sign
        ("+cmd", True),
        ("-cmd", True),
        ("@SUM(A1)", True),
        ("\r=x", True),
        ("a=b", False),
        ("Django + DRF", False),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(value: str, guarded: bool) -> None:
    assert str(cell(value)).startswith("'") == guarded


@pytest.mark.parametrize(
    "date",
    [
        "tomorrow",
        "2026-13-01",
        "2026-02-30",
        "26-11-30",
        "2026-11-30\nstatus: accepted",
        "2026-11-30 ",
        "２０２６-11-30",
        "20261130",
    ],
)
def test_date_must_be_a_real_calendar_date(cli, in_tmp: Path, date: str) -> None:
    result = cli("advise", "--preset", "cms", "--format", "markdown", "--date", date)
    assert result.exit_code == 2
    assert "--date takes a real date written YYYY-MM-DD" in result.stderr
    assert result.stdout == ""


def test_a_real_date_goes_into_the_record(cli, in_tmp: Path) -> None:
    result = cli("advise", "--preset", "cms", "--format", "markdown", "--date", "2026-02-28")
    assert result.exit_code == 0
    assert "\ndate: 2026-02-28\n" in result.stdout
