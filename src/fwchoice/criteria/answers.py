"""Answers to the questionnaire: reading raw values and recording where each came from.

Raw values arrive from YAML or JSON answers files, presets, ``--set ID=VALUE``
flags and prompts. ``normalize`` turns any of them into the selected choice
ids, or says in one line what the question accepts.
"""

from collections.abc import Mapping
from typing import Literal

from fwchoice.criteria.model import UNSURE, Document, Question
from fwchoice.hints import did_you_mean, then
from fwchoice.record import NamedTuple
from fwchoice.sanitize import quote

Provenance = Literal["asked", "default", "preset", "flag", "file"]


class Answer(NamedTuple):
    """The selected choice ids (several for a multiple-choice question), or unsure."""

    choices: tuple[str, ...]
    how: Provenance = "asked"
    unsure: bool = False

    @classmethod
    def not_sure(cls, how: Provenance = "asked") -> "Answer":
        return cls((), how, unsure=True)


Answers = dict[str, Answer]


class AnswerProblem(ValueError):
    """A value that does not fit its question; the message names what would."""


NOT_SURE_WORDS = {UNSURE, "not sure"}
"""How 'not sure' may be written: the answers-file word, and what reports show."""
NONE_WORD = "none"
"""A multiple-choice answer with nothing picked, as reports show it."""


def normalize(question: Question, raw: object) -> tuple[str, ...] | None:
    """The choice ids a raw value selects; ``None`` means 'not sure'.

    Choice ids, choice labels (any case) and 'not sure' are accepted, so an
    answer can be typed as a report shows it. Raises ``AnswerProblem`` with a
    message listing what the question accepts.
    """
    if isinstance(raw, str) and " ".join(raw.split()).casefold() in NOT_SURE_WORDS:
        return None
    if not question.choices:
        raise AnswerProblem(f"question {quote(question.id)} has no choices to answer with")
    return question.kind.parse(question, raw)


def display(question: Question, answer: Answer) -> str:
    """The answer as a person reads it: choice labels, 'not sure' or 'none'."""
    if answer.unsure:
        return "not sure"
    if not answer.choices:
        return "none"
    labels = [question.choices[c].label for c in answer.choices if c in question.choices]
    return ", ".join(labels)


def raw_value(question: Question, answer: Answer) -> object:
    """The answer as an answers file writes it (the inverse of ``normalize``)."""
    if answer.unsure:
        return UNSURE
    return question.kind.raw_value(question, answer.choices)


def applies(question: Question, answers: Answers) -> bool:
    """Whether the question's ``when`` holds for the answers given so far.

    An unsure earlier answer counts as possibly matching: the question is asked,
    because its answer matters in some of the worlds the user is unsure between.
    """
    return condition_holds(question.when, answers, unsure_matches=True)


def condition_holds(
    when: Mapping[str, frozenset[str]], answers: Answers, *, unsure_matches: bool
) -> bool:
    """Whether every question a condition names has one of the answers it allows.

    A question not answered fails it. An unsure answer matches when
    ``unsure_matches``: a question is asked if its answer might matter, while a
    hybrid is suggested only for needs the user is sure of.
    """
    for other, allowed in when.items():
        answer = answers.get(other)
        if answer is None:
            return False
        if answer.unsure:
            if unsure_matches:
                continue
            return False
        if not allowed.intersection(answer.choices):
            return False
    return True


def applicable_answers(document: Document, answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """The answers that count: those to questions whose conditions hold, in file order."""
    counted: dict[str, Answer] = {}
    for question in document.questions.values():
        answer = answers.get(question.id)
        if answer is not None and applies(question, counted):
            counted[question.id] = answer
    return counted


class Unmet(NamedTuple):
    """A part of a question's condition that the answers do not meet."""

    question: str
    allowed: tuple[str, ...]
    """The choice ids that would meet it."""
    answer: Answer | None
    """The answer given to it, if any."""


def unmet_conditions(document: Document, qid: str, answers: Answers) -> list[Unmet]:
    """Why a question does not apply: the parts of its ``when`` the answers fail."""
    question = document.questions[qid]
    result = []
    for other, allowed in question.when.items():
        answer = answers.get(other)
        if answer is None or not (answer.unsure or set(answer.choices) & allowed):
            ordered = tuple(c for c in document.questions[other].choices if c in allowed)
            result.append(Unmet(other, ordered, answer))
    return result


def default_for(question: Question, earlier: Answers) -> tuple[str, ...] | None:
    """The question's default given the earlier answers: the first ``default_when``
    rule they meet (an unsure answer meets none: it cannot pick a default), else
    the plain default."""
    for rule in question.default_when:
        if rule.when and condition_holds(rule.when, earlier, unsure_matches=False):
            return rule.default
    return question.default


Layer = tuple[Provenance, dict[str, object]]


def collect(document: Document, layers: list[Layer]) -> Answers:
    """Read every given value (later layers win); raise ``AnswerProblem`` on the first bad one."""
    given: Answers = {}
    for how, values in layers:
        for qid, raw in values.items():
            question = document.questions.get(qid)
            if question is None:
                hint = did_you_mean(str(qid), list(document.questions))
                raise AnswerProblem(
                    f"unknown question {quote(qid)}"
                    + then(hint, "questions are: " + ", ".join(document.questions))
                    + " (`fwchoice questions` shows them)"
                )
            choices = normalize(question, raw)
            given[qid] = Answer.not_sure(how) if choices is None else Answer(choices, how)
    return given


def complete(
    document: Document, given: Answers, *, fill_defaults: bool
) -> tuple[Answers, list[str]]:
    """Walk the questionnaire in order and keep the answers to questions that apply.

    Conditions see only earlier answers. Returns those answers (defaults filled
    in where asked) and the ids of applicable questions still unanswered; a
    question after an unanswered one may depend on it, so callers that prompt
    ask the first missing question and call again.
    """
    answers: Answers = {}
    missing: list[str] = []
    for question in document.questions.values():
        if not applies(question, answers):
            continue
        if question.id in given:
            answers[question.id] = given[question.id]
        elif fill_defaults and (default := default_for(question, answers)) is not None:
            answers[question.id] = Answer(default, "default")
        else:
            missing.append(question.id)
    return answers, missing
