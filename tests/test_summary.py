"""On a terminal the report is its summary, sized to the screen; the whole report is
one flag (or, interactively, one key) away. Files, pipes, Markdown and JSON keep
everything. The pseudo-terminal runs are in test_screen_end.py."""

from __future__ import annotations

import json

import pytest

from conftest import assert_golden
from fwchoice.commands.advise import DETAILS_HINT

WIDTHS = [20, 40, 80, 120]
CASES = {
    "clear": ["--preset", "cms"],
    "close": ["--defaults", "--set", "team=django", "--set", "performance=5"],
}


def advise(cli, *args: str, columns: int = 80, lines: int = 24):
    result = cli(
        "advise",
        "--criteria",
        "criteria.yaml",
        *args,
        env={"COLUMNS": str(columns), "LINES": str(lines)},
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("case", list(CASES))
def test_golden_summary(cli, in_repo, case: str, columns: int) -> None:
    shown = advise(cli, *CASES[case], "--summary", columns=columns)
    assert_golden(f"advise/summary-{case}-{columns}.txt", shown)


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize(("columns", "lines"), [(80, 24), (100, 30), (120, 40)])
def test_the_summary_fits_the_screen_and_holds_the_advice(
    cli, in_repo, case: str, columns: int, lines: int
) -> None:
    shown = advise(cli, *CASES[case], "--summary", columns=columns, lines=lines)
    rows = shown.splitlines()
    # The summary and the hint under it, with a line left for the shell's prompt.
    assert len(rows) <= lines - 1
    assert rows[-1] == DETAILS_HINT
    advice = json.loads(advise(cli, *CASES[case], "--format", "json"))
    flat = " ".join(shown.split())
    for score in advice["scores"]:
        assert f"{score['label']} {score['score']:.1f}" in flat
    assert "What would change it" in flat
    assert f"comes first in {advice['robustness']['percent']}% of" in flat
    assert "Details" not in flat


def test_a_pipe_gets_everything_and_details_says_so_anywhere(cli, in_repo) -> None:
    piped = advise(cli, "--preset", "cms")
    assert "Details" in piped
    assert "Your answers" in piped
    assert piped.splitlines()[-1].startswith("Verdict: Django + DRF")
    assert advise(cli, "--preset", "cms", "--details") == piped


@pytest.mark.parametrize("output_format", ["json", "markdown"])
def test_summary_leaves_json_and_markdown_whole(cli, in_repo, output_format: str) -> None:
    whole = advise(cli, "--preset", "cms", "--format", output_format)
    assert advise(cli, "--preset", "cms", "--format", output_format, "--summary") == whole


def test_help_says_which_report_a_terminal_gets(cli) -> None:
    text = " ".join(cli("advise", "--help", env={"COLUMNS": "200"}).stdout.split())
    assert "--details" in text
    assert "--summary" in text
    assert "d opens the details in a pager" in text
