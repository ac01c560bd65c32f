"""Every width, down to 20 columns: numbers stay whole, nothing crashes.

Golden files at 20, 40, 60 and 80 columns for a personal report, a team report
and a replay; and for each, the figures the report is about (scores, margins)
appear whole at every width, never cut or broken across lines.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, SHIPPED, TESTS, assert_golden

WIDTHS = [20, 40, 60, 80]
TEAM = TESTS / "fixtures" / "team"
THREE = TESTS / "fixtures" / "three_options.yaml"


def _whole(number: str, text: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", text) is not None


def _figures(advice: dict) -> list[str]:
    figures = [f"{s['score']:.1f}" for s in advice["scores"]]
    if advice["verdict"]["kind"] in ("clear", "close"):  # the headline states the lead
        figures.append(f"{advice['verdict']['margin']:.1f}")
    return figures


@pytest.mark.parametrize("width", WIDTHS)
def test_personal_report(cli, in_repo, width: int) -> None:
    args = ("advise", "--criteria", "criteria.yaml", "--preset", "ml-serving")
    result = cli(*args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    advice = json.loads(cli(*args, "--format", "json").stdout)
    for figure in _figures(advice):
        assert _whole(figure, result.stdout), figure
    assert max(len(line) for line in result.stdout.splitlines()) <= max(width, 60)
    assert_golden(f"narrow/advise-{width}.txt", result.stdout)


@pytest.fixture
def team_files(in_tmp: Path) -> list[str]:
    for name in ("alice.yaml", "bob.yaml"):
        shutil.copy(TEAM / name, in_tmp / name)
    shutil.copy(SHIPPED, in_tmp / "criteria.yaml")
    return ["--answers", "alice.yaml", "--answers", "bob.yaml"]


@pytest.mark.parametrize("width", WIDTHS)
def test_team_report(cli, team_files: list[str], width: int) -> None:
    result = cli("advise", *team_files, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    team = json.loads(cli("advise", *team_files, "--format", "json").stdout)
    figures = _figures(team["combined"])
    figures += [f"{m['margin']:.1f}" for m in team["members"]]
    figures += [f"{item['swing']:.1f}" for item in team["agenda"] if item["swing"] is not None]
    for figure in figures:
        assert _whole(figure, result.stdout), figure
    assert_golden(f"narrow/team-{width}.txt", result.stdout)


@pytest.fixture
def replay_args(cli, in_tmp: Path) -> list[str]:
    shutil.copy(THREE, in_tmp / "then.yaml")
    saved = cli(
        "advise", "--criteria", "then.yaml", "--preset", "small", "--save-answers", "saved.yaml",
        "--format", "json",
    )  # fmt: skip
    assert saved.exit_code == 0, saved.stderr
    edited = THREE.read_text("utf-8").replace(
        "ratings: {celery: 2, rq: 5, dramatiq: 4}", "ratings: {celery: 2, rq: 3, dramatiq: 4}"
    )
    (in_tmp / "now.yaml").write_text(edited, encoding="utf-8")
    return ["advise", "--criteria", "now.yaml", "--answers", "saved.yaml"]


@pytest.mark.parametrize("width", WIDTHS)
def test_replay_report(cli, replay_args: list[str], width: int) -> None:
    result = cli(*replay_args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    advice = json.loads(cli(*replay_args, "--format", "json").stdout)
    replay = advice["replay"]
    assert replay["criteria_changed"]
    figures = [*_figures(advice), f"{replay['then']['margin']:.1f}"]
    figures += [f"{abs(m['margin_change']):.1f}" for m in replay["moved_by"]]
    for figure in figures:
        assert _whole(figure, result.stdout), figure
    assert_golden(f"narrow/replay-{width}.txt", result.stdout)


def test_repository_fixture_paths_exist() -> None:
    assert (REPO / "tests" / "fixtures" / "team" / "alice.yaml").is_file()


@pytest.mark.parametrize("width", [20, 40, 80])
@pytest.mark.parametrize(
    "name",
    [
        "built-in criteria (fwchoice 0.2.0)",
        "/home/someone/projects/decisions/web-framework/criteria-2026.yaml",
        "decisions/criteria.yaml (found in the current directory)",
    ],
)
def test_the_criteria_line_breaks_between_words_or_after_a_slash(width: int, name: str) -> None:
    from fwchoice.render.terminal import path_lines

    text = f"Criteria: {name}"
    lines = path_lines(text, width)
    assert all(len(line) <= width for line in lines)
    rebuilt = lines[0]
    for line in lines[1:]:
        # Each break is where a space was, or just after a path separator.
        assert rebuilt.endswith("/") or f"{rebuilt} {line}" in text, (rebuilt, line)
        rebuilt = rebuilt + line if rebuilt.endswith("/") else f"{rebuilt} {line}"
    assert rebuilt == text


def test_the_built_in_file_is_named_by_version_not_by_install_path(cli, in_tmp) -> None:
    from fwchoice import __version__

    shown = cli("advise", "--preset", "cms", env={"COLUMNS": "80"}).stdout
    assert f"Criteria: built-in criteria (fwchoice {__version__})" in shown
    assert "site-packages" not in shown
    assert "/criteria.yaml" not in shown
