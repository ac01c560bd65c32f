"""Real key presses into the real prompts, through prompt_toolkit's pipe input.

The command runs as in a terminal (``stdin_is_interactive`` is forced), while
questionary reads keys from a pipe and draws to a dummy output, so these tests
need no terminal. The pipe is closed after the last key: a missing key then
ends the prompt with end-of-input instead of waiting forever.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from fwchoice.commands import advise

ENTER, DOWN, SPACE, CTRL_C = "\r", "\x1b[B", " ", "\x03"
THREE = "tests/fixtures/three_options.yaml"


@contextmanager
def keyboard(keys: str) -> Iterator[None]:
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        with create_app_session(input=pipe, output=DummyOutput()):
            yield


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(advise, "stdin_is_interactive", lambda: True)


def advise_json(cli, keys: str, *args: str):
    with keyboard(keys):
        return cli("advise", "--criteria", THREE, "--format", "json", *args)


def test_enter_accepts_defaults_then_review(cli, in_repo, terminal) -> None:
    result = advise_json(cli, ENTER + ENTER + ENTER)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"]["winner"] == "rq"
    assert [(a["question"], a["answer"], a["how"]) for a in data["answers"]] == [
        ("scale", "few", "asked"),
        ("safety", "no", "asked"),
    ]


def test_arrow_keys_choose_and_early_finish_is_offered(cli, in_repo, terminal) -> None:
    # 'many' settles it: whatever 'safety' is, Dramatiq stays first, so the
    # questionnaire offers to stop; Enter accepts, Enter leaves the review.
    result = advise_json(cli, DOWN + ENTER + ENTER + ENTER)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"]["winner"] == "dramatiq"
    assert [s["question"] for s in data["insights"]["skipped"]] == ["safety"]


def test_change_an_answer_at_review(cli, in_repo, terminal) -> None:
    # few, no; at review move to the first question and change it to 'many'.
    keys = ENTER + ENTER + DOWN + ENTER + DOWN + ENTER + ENTER
    result = advise_json(cli, keys)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {a["question"]: a["answer"] for a in data["answers"]} == {
        "scale": "many",
        "safety": "no",
    }
    assert data["verdict"]["winner"] == "dramatiq"


def test_not_sure_gives_score_ranges(cli, in_repo, terminal) -> None:
    # few; safety starts on its default 'No', one down is 'Not sure'; leave the review.
    result = advise_json(cli, ENTER + DOWN + ENTER + ENTER)
    assert result.exit_code == 0, result.stderr
    insights = json.loads(result.stdout)["insights"]["uncertainty"]
    assert [q["question"] for q in insights["questions"]] == ["safety"]
    assert insights["winner_can_change"]
    assert insights["settle_first"]["question"] == "safety"


def test_checkbox_with_space(cli, in_repo, terminal) -> None:
    sets = [
        "app_kind=api",
        "performance=3",
        "concurrency=moderate",
        "workload=none",
        "admin=no",
        "data_model=simple",
        "team=neither",
        "timeline=balanced",
        "api_docs=3",
        "type_safety=3",
    ]
    args = [arg for s in sets for arg in ("--set", s)]
    # Pick two; the follow-up on add-ons then applies: pick "No"; leave the review.
    with keyboard(SPACE + DOWN * 3 + SPACE + ENTER + DOWN + ENTER + ENTER):
        result = cli("advise", "--criteria", "criteria.yaml", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    answers = {a["question"]: a for a in json.loads(result.stdout)["answers"]}
    assert answers["security"]["answer"] == ["accounts", "permissions"]
    assert answers["add_ons"]["answer"] == "no"
    assert answers["security"]["how"] == "asked"
    assert answers["admin"]["how"] == "flag"


def test_ctrl_c_aborts_with_130_and_writes_nothing(cli, in_repo, terminal, tmp_path) -> None:
    saved = tmp_path / "answers.yaml"
    result = advise_json(
        cli, ENTER + CTRL_C, "--save-answers", str(saved), "--output", str(tmp_path / "out.json")
    )
    assert result.exit_code == 130
    assert result.stderr == "fwchoice: Aborted.\n"
    assert not saved.exists()
    assert not (tmp_path / "out.json").exists()


def test_end_of_input_mid_questionnaire_aborts(cli, in_repo, terminal) -> None:
    result = advise_json(cli, ENTER)  # the pipe closes before the second answer
    assert result.exit_code == 130
    assert "Aborted" in result.stderr
    assert result.stdout == ""


UP = "\x1b[A"
SHIPPED_DEFAULTS = {
    # Follow-ups are set too: an unsure answer lets them apply (they might matter).
    "app_kind": "api",
    "api_clients": "no",
    "performance": "3",
    "concurrency": "moderate",
    "workload": "none",
    "admin": "no",
    "data_model": "simple",
    "security": "none",
    "add_ons": "yes",
    "team": "neither",
    "timeline": "balanced",
    "upgrades": "steady",
    "api_docs": "3",
    "type_safety": "3",
}


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        # Not sure is the last choice; Up from the default wraps round to it.
        ("app_kind", UP + ENTER),  # single choice, default first
        ("admin", UP + UP + ENTER),  # yes/no, default "no" second
        ("performance", UP * 3 + ENTER),  # scale, default 3 third
        ("security", UP + SPACE + ENTER),  # multiple: Not sure is the last box
    ],
    ids=["single", "yes_no", "scale", "multiple"],
)
def test_not_sure_on_every_question_type(cli, in_repo, terminal, question, keys) -> None:
    sets = [a for q, v in SHIPPED_DEFAULTS.items() if q != question for a in ("--set", f"{q}={v}")]
    with keyboard(keys + ENTER):  # the last Enter leaves the review
        result = cli("advise", "--criteria", "criteria.yaml", "--format", "json", *sets)
    assert result.exit_code == 0, result.stderr
    answers = {a["question"]: a for a in json.loads(result.stdout)["answers"]}
    assert answers[question]["answer"] == "unsure"
    assert answers[question]["how"] == "asked"


def test_not_sure_goes_alone_on_a_checkbox(cli, in_repo, terminal) -> None:
    sets = [
        a for q, v in SHIPPED_DEFAULTS.items() if q != "security" for a in ("--set", f"{q}={v}")
    ]
    # Tick the first box and Not sure: Enter is refused (were it taken, the answer
    # would be unsure); untick Not sure, and Enter takes the first box alone.
    keys = SPACE + UP + SPACE + ENTER + SPACE + ENTER + ENTER
    with keyboard(keys):
        result = cli("advise", "--criteria", "criteria.yaml", "--format", "json", *sets)
    assert result.exit_code == 0, result.stderr
    answers = {a["question"]: a for a in json.loads(result.stdout)["answers"]}
    assert answers["security"]["answer"] == ["accounts"]
