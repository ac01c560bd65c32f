"""The accessible prompter: typed lines in, plain lines out, every answer form."""

from __future__ import annotations

import io

import pytest

from conftest import SHIPPED
from fwchoice.criteria.loader import CriteriaSource
from fwchoice.decide.questionnaire import UNSURE_VALUE, Progress, ReviewItem, prompt_spec
from fwchoice.lint.runner import load_criteria
from fwchoice.plain_prompts import PlainPrompter

DOC = load_criteria(CriteriaSource(SHIPPED, "criteria.yaml", "argument")).document


def ask(question: str, typed: str) -> tuple[object, str]:
    out = io.StringIO()
    prompter = PlainPrompter(output=out, input=io.StringIO(typed))
    value = prompter.ask(prompt_spec(DOC.questions[question], None, Progress(1, 11)))
    return value, out.getvalue()


@pytest.mark.parametrize(
    ("question", "typed", "expected"),
    [
        ("app_kind", "2\n", "fullstack"),
        ("app_kind", "ML\n", "ml"),
        ("app_kind", "machine-learning model serving\n", "ml"),
        ("app_kind", "\n", "api"),  # Enter: the default
        ("admin", "y\n", "yes"),
        ("admin", "N\n", "no"),
        ("performance", "4\n", "4"),
        ("performance", "very important\n", "4"),  # a scale point by its label
        ("performance", "Critical\n", "5"),
        ("performance", "0\n", UNSURE_VALUE),
        ("admin", "not sure\n", UNSURE_VALUE),
        ("security", "1, 7\n", ["accounts", "admin"]),
        ("security", "none\n", []),
        ("security", "caching, User accounts, login and sessions\n", ["accounts", "caching"]),
        ("security", "0\n", [UNSURE_VALUE]),
    ],
)
def test_every_answer_form(question: str, typed: str, expected) -> None:
    value, _ = ask(question, typed)
    assert value == expected


@pytest.mark.parametrize(
    ("question", "typed", "message"),
    [
        ("security", "0,1\n0\n", "0 (not sure) goes alone"),
        ("app_kind", "1,2\n1\n", "This question takes one answer"),
        ("app_kind", "nine\n1\n", "Not a choice: 'nine'"),
        ("app_kind", "?\n1\n", "Pick the closest"),  # the question's help
    ],
)
def test_a_wrong_answer_says_why_and_asks_again(question: str, typed: str, message: str) -> None:
    _, shown = ask(question, typed)
    assert message in shown
    assert shown.count(f"Question 1, 11 left: {DOC.questions[question].text}") == 1


def test_scale_points_are_listed_once_each() -> None:
    _, shown = ask("performance", "\n")
    assert "  4. very important" in shown
    assert "4 · " not in shown


def test_end_of_input_aborts_on_a_line_of_its_own() -> None:
    out = io.StringIO()
    with pytest.raises(KeyboardInterrupt):
        PlainPrompter(output=out, input=io.StringIO("")).ask(
            prompt_spec(DOC.questions["admin"], None, Progress(1, 11))
        )
    assert out.getvalue().endswith("> \n")


def test_review_and_early_finish() -> None:
    items = [ReviewItem("admin", "Will staff need an admin?", "No", "asked")]
    out = io.StringIO()
    prompter = PlainPrompter(output=out, input=io.StringIO("7\n1\n"))
    assert prompter.review(items) == "admin"
    assert "Type a number from 1 to 1" in out.getvalue()
    out = io.StringIO()
    prompter = PlainPrompter(output=out, input=io.StringIO("maybe\nn\n"))
    assert prompter.offer_early_finish(2, "FastAPI") is False
    assert "FastAPI comes first whatever the answers to the 2 remaining questions" in out.getvalue()
    assert "Not an answer: 'maybe'" in out.getvalue()
