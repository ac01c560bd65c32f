"""What every question type whose file lists its choices shares: the ``single`` type's
behaviour, which the others refine (``multiple``, ``yes_no``) or replace (``scale``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from fwchoice.criteria.answers import AnswerProblem
from fwchoice.criteria.model import (
    UNSURE,
    Choice,
    ChoiceReader,
    PromptKind,
    Question,
    Reference,
    ShapeProblem,
)
from fwchoice.hints import did_you_mean, then
from fwchoice.sanitize import quote

if TYPE_CHECKING:
    from fwchoice.criteria.schema import Field, Spec


class ChoiceKind:
    """A question answered with one of the choices its file lists."""

    name = "single"
    wording = "one choice"
    prompt: PromptKind = "select"
    multiple = False
    written_choices = True

    def choices(self, raw: Mapping[str, Any], choice: ChoiceReader) -> dict[str, Choice]:
        return {cid: choice(cid, c) for cid, c in raw.get("choices", {}).items()}

    def unanswered_default(self) -> tuple[str, ...] | None:
        return None

    def parse(self, question: Question, raw: object) -> tuple[str, ...]:
        if isinstance(raw, list):
            raise AnswerProblem(
                f"question {quote(question.id)} takes one answer, not a list; "
                f"{self.accepted(question)}"
            )
        return (self.one_choice(question, raw),)

    def one_choice(self, question: Question, raw: object) -> str:
        """The choice a value names, by id or label (any case)."""
        text = raw if isinstance(raw, str) else str(raw).lower()
        found = by_id_or_label(question, text)
        if found is not None:
            return found
        raise AnswerProblem(
            f"{quote(text)} is not a choice of question {quote(question.id)}"
            + then(did_you_mean(text, list(question.choices)), self.accepted(question))
        )

    def accepted(self, question: Question) -> str:
        return f"use one of {', '.join(question.choices)}, or {UNSURE}"

    def raw_value(self, question: Question, choices: tuple[str, ...]) -> object:
        return choices[0]

    def every_answer(self, question: Question) -> list[tuple[str, ...]]:
        return [(c,) for c in question.choices]

    def answer_count(self, question: Question) -> int:
        return len(question.choices)

    def title(self, choice: Choice) -> str:
        return choice.label

    def shape_problems(
        self, qid: str, raw: Mapping[str, Any], question: Question
    ) -> Iterator[ShapeProblem]:
        if "choices" not in raw:
            if "type" in raw:
                yield ShapeProblem("FWC301", (), f"question {quote(qid)} needs `choices:`")
            return
        if UNSURE in question.choices:
            yield ShapeProblem(
                "FWC309",
                ("choices", UNSURE),
                f"{quote(UNSURE)} is the answer 'not sure'; give the choice another id",
            )

    def references(self, raw: Mapping[str, Any], question: Question) -> Iterator[Reference]:
        for choice_id, choice in question.choices.items():
            base = ("choices", choice_id)
            for cid in choice.weights:
                yield Reference("criterion", cid, (*base, "weights", cid))
            for key, features in (("needs", choice.needs), ("must_have", choice.must_have)):
                for i, fid in enumerate(features):
                    yield Reference("feature", fid, (*base, key, i))

    def schema_fields(self, effect: Spec) -> dict[str, Field]:
        return {}

    def schema_rules(self) -> list[dict[str, Any]]:
        return []


def by_id_or_label(question: Question, text: str) -> str | None:
    if text in question.choices:
        return text
    folded = " ".join(text.split()).casefold()
    for choice in question.choices.values():
        if choice.label.casefold() == folded or choice.id.casefold() == folded:
            return choice.id
    return None
