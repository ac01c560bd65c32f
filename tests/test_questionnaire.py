"""The questionnaire's flow with a scripted prompter: order, conditions, review, early finish."""

from __future__ import annotations

import itertools

import pytest

from conftest import SHIPPED
from fwchoice.criteria.answers import Answer
from fwchoice.criteria.loader import CriteriaSource
from fwchoice.decide.questionnaire import (
    UNSURE_VALUE,
    Progress,
    PromptSpec,
    ReviewItem,
    progress_text,
    prompt_spec,
    run_questionnaire,
)
from fwchoice.lint.runner import load_criteria

DOC = load_criteria(CriteriaSource(SHIPPED, "criteria.yaml", "argument")).document


class Scripted:
    """Answers prompts from a script; records what it was shown."""

    def __init__(
        self,
        answers: dict[str, object],
        reviews: list[str | None] | None = None,
        finish_early: bool = False,
    ) -> None:
        self.answers = dict(answers)
        self.reviews = list(reviews or [None])
        self.finish_early = finish_early
        self.asked: list[PromptSpec] = []
        self.reviewed: list[list[ReviewItem]] = []
        self.offers: list[int] = []

    def ask(self, spec: PromptSpec) -> str | list[str]:
        self.asked.append(spec)
        value = self.answers.get(spec.question_id)
        if isinstance(value, list):
            return value
        if value is None:  # take what the prompt preselects
            if spec.kind == "checkbox":
                return [c.value for c in spec.choices if c.checked]
            return spec.default or spec.choices[0].value
        return str(value)

    def review(self, items: list[ReviewItem]) -> str | None:
        self.reviewed.append(items)
        return self.reviews.pop(0) if self.reviews else None

    def offer_early_finish(self, skipped: int, leader: str) -> bool:
        self.offers.append(skipped)
        return self.finish_early


def test_asks_in_order_and_skips_conditional_questions() -> None:
    prompter = Scripted({"app_kind": "api"})
    result = run_questionnaire(DOC, {}, prompter, fill_defaults=False)
    asked = [s.question_id for s in prompter.asked]
    # api_clients is for full-stack sites; add_ons only when something must be built in;
    # upgrades only for a long-lived system
    assert asked == [q for q in DOC.questions if q not in ("api_clients", "add_ons", "upgrades")]
    assert "api_clients" not in result.answers
    assert all(a.how == "asked" for a in result.answers.values())


def test_a_condition_that_holds_asks_the_follow_up() -> None:
    prompter = Scripted({"app_kind": "fullstack", "api_clients": "yes"})
    result = run_questionnaire(DOC, {}, prompter, fill_defaults=False)
    assert result.answers["api_clients"].choices == ("yes",)
    assert [s.question_id for s in prompter.asked][:2] == ["app_kind", "api_clients"]


def test_given_answers_are_not_asked_again() -> None:
    prompter = Scripted({})
    given = {"app_kind": Answer(("ml",), "flag"), "admin": Answer(("no",), "file")}
    result = run_questionnaire(DOC, given, prompter, fill_defaults=False)
    assert "app_kind" not in [s.question_id for s in prompter.asked]
    assert result.answers["app_kind"].how == "flag"


def test_review_changes_an_answer_and_asks_newly_applicable_questions() -> None:
    prompter = Scripted({"app_kind": "api"}, reviews=["app_kind", None])
    # At review, change app_kind; the prompt preselects the current answer.
    original_ask = prompter.ask
    changed = []

    def ask(spec: PromptSpec):
        if prompter.reviewed and spec.question_id == "app_kind":
            changed.append(spec.default)
            return "content"
        if spec.question_id == "api_clients":
            return "no"
        return original_ask(spec)

    prompter.ask = ask  # type: ignore[method-assign]
    result = run_questionnaire(DOC, {}, prompter, fill_defaults=False)
    assert changed == ["api"]
    assert result.answers["app_kind"].choices == ("content",)
    assert result.answers["api_clients"].choices == ("no",)  # now applies, so it was asked
    assert len(prompter.reviewed) == 2


def test_not_sure_is_offered_and_recorded() -> None:
    spec = prompt_spec(DOC.questions["admin"], None, Progress(1, 0))
    assert spec.choices[-1].value == UNSURE_VALUE
    prompter = Scripted({"admin": UNSURE_VALUE})
    result = run_questionnaire(DOC, {}, prompter, fill_defaults=False)
    assert result.answers["admin"].unsure


def test_scale_prompt_shows_points_and_labels() -> None:
    spec = prompt_spec(DOC.questions["performance"], None, Progress(3, 7))
    assert [c.title for c in spec.choices][:2] == ["1 · not important", "2 · nice to have"]
    assert spec.default == "3"


def test_checkbox_preselects_current_answer() -> None:
    current = Answer(("accounts", "caching"), "asked")
    spec = prompt_spec(DOC.questions["security"], current, Progress(7, 3))
    assert spec.kind == "checkbox"
    assert [c.value for c in spec.choices if c.checked] == ["accounts", "caching"]


def test_early_finish_is_offered_once_and_skips_the_rest() -> None:
    prompter = Scripted(
        {"app_kind": "content", "api_clients": "no", "admin": "yes"}, finish_early=True
    )
    result = run_questionnaire(
        DOC,
        {},
        prompter,
        fill_defaults=False,
        can_finish_early=lambda answers, missing: "fastapi" if "admin" in answers else None,
    )
    assert len(prompter.offers) == 1
    assert result.skipped
    assert not set(result.skipped) & set(result.answers)


def test_declining_early_finish_asks_everything() -> None:
    prompter = Scripted({}, finish_early=False)
    result = run_questionnaire(
        DOC, {}, prompter, fill_defaults=False, can_finish_early=lambda a, m: "fastapi"
    )
    assert len(prompter.offers) == 1
    assert not result.skipped
    # api_clients, add_ons and upgrades do not apply to the default answers
    assert len(result.answers) == len(DOC.questions) - 3


# --- progress: forward only, and why a follow-up is asked ---------------------------


def _progress_through(script: dict[str, object], **kw: object) -> list[Progress]:
    prompter = Scripted(script, **kw)  # type: ignore[arg-type]
    run_questionnaire(DOC, {}, prompter, fill_defaults=False)
    return [s.progress for s in prompter.asked]


@pytest.mark.parametrize(
    "script",
    [
        {"app_kind": "api"},
        {"app_kind": "content", "api_clients": "yes", "security": ["accounts", "caching"]},
        {"app_kind": "fullstack", "security": []},
        {"app_kind": UNSURE_VALUE, "security": [UNSURE_VALUE]},
    ],
)
def test_progress_only_moves_forward_and_ends_at_the_last(script) -> None:
    shown = _progress_through(script)
    numbers = [p.number for p in shown]
    assert numbers == list(range(1, len(shown) + 1))
    lefts = [p.left for p in shown]
    # Each answer takes one question off at least; none is ever added back.
    assert all(after <= before - 1 for before, after in itertools.pairwise(lefts))
    assert shown[-1].left == 0
    assert shown[-1].exact
    assert progress_text(shown[-1]).endswith("the last")
    # Never more questions left than are actually asked after it.
    assert all(p.left >= len(shown) - p.number for p in shown)


def test_a_follow_up_says_which_answer_called_for_it() -> None:
    shown = {
        s.question_id: s.progress
        for s in _asked({"app_kind": "content", "security": ["accounts", "caching"]})
    }
    assert shown["api_clients"].because == (
        'you answered "An admin- or content-heavy application (CMS, shop, back office)" '
        'to "What are you building?"'
    )
    assert shown["add_ons"].because == (
        'you picked "User accounts, login and sessions" and "Caching" in '
        '"Which of these must come with the framework?"'
    )
    assert shown["app_kind"].because == ""
    assert not shown["app_kind"].exact  # follow-ups may or may not come
    assert progress_text(shown["app_kind"]) == f"1, about {shown['app_kind'].left} left"


def _asked(script: dict[str, object]) -> list[PromptSpec]:
    prompter = Scripted(script)
    run_questionnaire(DOC, {}, prompter, fill_defaults=False)
    return prompter.asked


def test_changing_an_answer_at_review_says_so() -> None:
    prompter = Scripted({"app_kind": "api"}, reviews=["admin", None])
    run_questionnaire(DOC, {}, prompter, fill_defaults=False)
    changed = prompter.asked[-1]
    assert changed.question_id == "admin"
    assert progress_text(changed.progress) == "changing an answer"


# --- defaults that follow the answers (`default_when`) -------------------------------


@pytest.mark.parametrize(
    ("app_kind", "preselected"),
    [("content", "yes"), ("api", "no"), ("fullstack", "no"), (UNSURE_VALUE, "no")],
)
def test_the_admin_question_defaults_by_the_kind_of_application(app_kind, preselected) -> None:
    prompter = Scripted({"app_kind": app_kind, "api_clients": "no"})
    run_questionnaire(DOC, {}, prompter, fill_defaults=False)
    admin = next(s for s in prompter.asked if s.question_id == "admin")
    assert admin.default == preselected


def test_a_current_answer_wins_over_the_answer_dependent_default() -> None:
    current = Answer(("no",), "asked")
    earlier = {"app_kind": Answer(("content",), "asked")}
    spec = prompt_spec(DOC.questions["admin"], current, Progress(1, 0, changing=True), earlier)
    assert spec.default == "no"


def test_defaults_flag_takes_the_answer_dependent_default(cli, in_repo) -> None:
    import json

    def admin(*sets: str) -> tuple[str, str]:
        args = [a for s in sets for a in ("--set", s)]
        result = cli("advise", "--defaults", *args, "--format", "json")
        assert result.exit_code == 0, result.stderr
        found = {a["question"]: a for a in json.loads(result.stdout)["answers"]}["admin"]
        return found["answer"], found["how"]

    assert admin("app_kind=content") == ("yes", "default")
    assert admin("app_kind=api") == ("no", "default")
    assert admin("app_kind=content", "admin=no") == ("no", "flag")
