"""``fwchoice questions``, and answering by what the reports show."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO, SHIPPED, assert_golden
from fwchoice.lint.runner import analyse

SCHEMA = json.loads((REPO / "docs" / "schemas" / "questions.schema.json").read_text("utf-8"))
THREE = REPO / "examples" / "fastapi-django-ninja.yaml"


@pytest.mark.parametrize("criteria", [SHIPPED, THREE], ids=lambda p: p.stem)
def test_every_question_and_choice_id_is_listed(cli, criteria: Path) -> None:
    result = cli("questions", "--criteria", str(criteria), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    document = analyse(criteria.read_bytes(), criteria.name, full=False).document
    listed = {q["id"]: [c["id"] for c in q["choices"]] for q in data["questions"]}
    assert listed == {qid: list(q.choices) for qid, q in document.questions.items()}
    for question in data["questions"]:
        expected = document.questions[question["id"]]
        assert question["text"] == expected.text
        assert {c["question"] for c in question["when"]} == set(expected.when)


def test_text_listing(cli, in_repo) -> None:
    result = cli("questions", "--criteria", "criteria.yaml")
    assert result.exit_code == 0
    assert "api_clients: Will other teams or customers build on your API?" in result.stdout
    assert "  asked only when app_kind is fullstack or content" in result.stdout
    assert_golden("questions/shipped.txt", result.stdout)


def test_questions_is_in_the_overview_and_help(cli) -> None:
    assert "fwchoice questions" in cli().stdout
    assert "questions" in cli("--help").stdout


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("none", []),
        ("NONE", []),
        ("accounts,caching", ["accounts", "caching"]),
        # As a report shows it: labels, and a label that holds a comma.
        ("User accounts, login and sessions, Caching", ["accounts", "caching"]),
        ("caching, user accounts, login and sessions", ["accounts", "caching"]),
    ],
)
def test_a_multiple_choice_answer_as_the_report_shows_it(cli, value: str, expected) -> None:
    result = cli("advise", "--defaults", "--set", f"security={value}", "--format", "json")
    assert result.exit_code == 0, result.stderr
    answers = {a["question"]: a["answer"] for a in json.loads(result.stdout)["answers"]}
    assert answers["security"] == expected


@pytest.mark.parametrize(
    ("setting", "question", "expected"),
    [
        ("team=DJANGO", "team", "django"),
        ("team=FastAPI, or typed async Python", "team", "fastapi"),
        ("performance=Very Important", "performance", 4),
        ("admin=not sure", "admin", "unsure"),
        ("admin=Not  Sure", "admin", "unsure"),
    ],
)
def test_labels_and_not_sure_are_accepted(cli, setting: str, question: str, expected) -> None:
    result = cli("advise", "--defaults", "--set", setting, "--format", "json")
    assert result.exit_code == 0, result.stderr
    answers = {a["question"]: a["answer"] for a in json.loads(result.stdout)["answers"]}
    assert answers[question] == expected


def test_a_set_for_a_question_that_does_not_apply_warns(cli) -> None:
    result = cli("advise", "--defaults", "--set", "api_clients=yes", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr.startswith("fwchoice: warning: --set api_clients=yes has no effect")
    assert '"What are you building?" is "A full-stack site' in result.stderr
    assert 'not "An API-only service or microservice"' in result.stderr
    applied = cli(
        "advise", "--defaults", "--set", "app_kind=content", "--set", "api_clients=yes",
        "--format", "json",
    )  # fmt: skip
    assert applied.stderr == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["advise", "--defaults", "--set", "admn=yes"],
            "unknown question 'admn'; did you mean 'admin'? Questions are: app_kind,",
        ),
        (
            ["advise", "--defaults", "--set", "team=djnago"],
            "'djnago' is not a choice of question 'team'; did you mean 'django'? Use one of",
        ),
        (
            ["advise", "--preset", "cmss"],
            "unknown preset 'cmss'; did you mean 'cms'? Presets are:",
        ),
        (
            ["matrix", "--section", "benchmark"],
            "unknown section 'benchmark'; did you mean 'benchmarks'? Use one of",
        ),
        (["advise", "--answers", "nope.yaml"], "answers file 'nope.yaml' not found"),
    ],
)
def test_mistakes_name_the_fix_in_one_sentence_each(cli, in_tmp, args, message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "?;" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
