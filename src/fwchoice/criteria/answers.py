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

_TRUE_WORDS = {"yes", "y", "true", "on"}
_FALSE_WORDS = {"no", "n", "false", "off"}


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


def accepted_values(question: Question) -> str:
    """A one-line list of what the question accepts, for error messages."""
    ids = list(question.choices)
    if question.type == "scale":
        first, last = question.choices[ids[0]], question.choices[ids[-1]]
        return f"use 1 to {len(ids)} ({first.label} … {last.label}) or {UNSURE}"
    if question.type == "multiple":
        return f"use a comma-separated list of {', '.join(ids)}; or {NONE_WORD}, or {UNSURE}"
    return f"use one of {', '.join(ids)}, or {UNSURE}"


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
    if question.type == "multiple":
        return _multiple(question, raw)
    if isinstance(raw, list):
        raise AnswerProblem(
            f"question {quote(question.id)} takes one answer, not a list; "
            f"{accepted_values(question)}"
        )
    if question.type == "yes_no":
        return (_yes_no(question, raw),)
    if question.type == "scale":
        return (_scale(question, raw),)
    return (_single(question, raw),)


def _by_id_or_label(question: Question, text: str) -> str | None:
    if text in question.choices:
        return text
    folded = " ".join(text.split()).casefold()
    for choice in question.choices.values():
        if choice.label.casefold() == folded or choice.id.casefold() == folded:
            return choice.id
    return None


def _single(question: Question, raw: object) -> str:
    text = raw if isinstance(raw, str) else str(raw).lower()
    found = _by_id_or_label(question, text)
    if found is not None:
        return found
    raise AnswerProblem(
        f"{quote(text)} is not a choice of question {quote(question.id)}"
        + then(did_you_mean(text, list(question.choices)), accepted_values(question))
    )


def _yes_no(question: Question, raw: object) -> str:
    # YAML 1.1 reads an unquoted yes/no as a boolean; accept both spellings.
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, str):
        word = raw.strip().lower()
        if word in _TRUE_WORDS:
            return "yes"
        if word in _FALSE_WORDS:
            return "no"
    hint = did_you_mean(raw, ["yes", "no", UNSURE]) if isinstance(raw, str) else ""
    raise AnswerProblem(
        f"{quote(raw)} is not an answer to yes/no question {quote(question.id)}"
        + then(hint, f"use yes, no, or {UNSURE}")
    )


def _scale(question: Question, raw: object) -> str:
    if isinstance(raw, str):
        word = raw.strip()
        # ASCII digits only: str.isdigit() also accepts '²' and '①', which int()
        # rejects, and a scale has at most ten points.
        if word.isascii() and word.isdigit() and len(word) <= 3:
            raw = int(word)
        else:
            for choice in question.choices.values():
                if choice.label.casefold() == word.casefold():
                    return choice.id
    if isinstance(raw, int) and not isinstance(raw, bool) and str(raw) in question.choices:
        return str(raw)
    labels = [c.label for c in question.choices.values()]
    hint = did_you_mean(raw, labels) if isinstance(raw, str) else ""
    raise AnswerProblem(
        f"{quote(raw)} is not a point on the scale of question {quote(question.id)}"
        + then(hint, accepted_values(question))
    )


def _multiple(question: Question, raw: object) -> tuple[str, ...]:
    if isinstance(raw, str):
        if " ".join(raw.split()).casefold() == NONE_WORD:
            return ()
        parts: list[object] = [part.strip() for part in raw.split(",")]
    elif isinstance(raw, list):
        parts = list(raw)
    else:
        parts = []
    for part in parts:
        if isinstance(part, str) and " ".join(part.split()).casefold() in NOT_SURE_WORDS | {
            NONE_WORD
        }:
            word = " ".join(part.split()).casefold()
            raise AnswerProblem(
                f"{quote(word)} goes alone, not in a list of choices: answer question "
                f"{quote(question.id)} with just {word}, or list the choices"
            )
    if isinstance(raw, str):
        chosen = set(_split_choices(question, raw))
    elif isinstance(raw, list):
        chosen = {_single(question, item) for item in raw}
    else:
        raise AnswerProblem(
            f"question {quote(question.id)} takes a list of choices; {accepted_values(question)}"
        )
    # File order, so the same selection always reads (and hashes) the same.
    return tuple(c for c in question.choices if c in chosen)


def _split_choices(question: Question, text: str) -> list[str]:
    """Choices from 'a,b' or from labels as reports list them ('User accounts, login
    and sessions, Caching'): a label may hold commas, so the longest run of
    comma-separated parts that names a choice is taken first."""
    parts = [part.strip() for part in text.split(",")]
    parts = [p for p in parts if p] if all(not p for p in parts) else parts
    found: list[str] = []
    start = 0
    while start < len(parts):
        if not parts[start]:
            start += 1
            continue
        for end in range(len(parts), start, -1):
            choice = _by_id_or_label(question, ", ".join(parts[start:end]))
            if choice is not None:
                found.append(choice)
                start = end
                break
        else:
            found.append(_single(question, parts[start]))  # raises, naming the part
    return found


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
    if question.type == "multiple":
        return list(answer.choices)
    if question.type == "scale":
        return int(answer.choices[0])
    return answer.choices[0]


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


def default_answers(document: Document) -> dict[str, tuple[str, ...]]:
    return {q.id: q.default for q in document.questions.values() if q.default is not None}


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
        elif fill_defaults and question.default is not None:
            answers[question.id] = Answer(question.default, "default")
        else:
            missing.append(question.id)
    return answers, missing
