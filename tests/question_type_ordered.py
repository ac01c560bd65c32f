"""A question type written outside fwchoice, as a new one would be written inside it:
``ordered``, one of the listed choices, which may also be answered by its place in
the list (1, 2, 3...). ``tests/test_question_types.py`` registers it and follows a
question of this type through every command."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fwchoice.criteria.model import UNSURE, Choice, Question, ShapeProblem
from fwchoice.criteria.question_types.base import ChoiceKind

MIN_CHOICES = 3


class Ordered(ChoiceKind):
    name = "ordered"
    wording = "one choice, or its place in the list"

    def one_choice(self, question: Question, raw: object) -> str:
        ids = list(question.choices)
        text = raw.strip() if isinstance(raw, str) else raw
        if isinstance(text, str) and text.isascii() and text.isdigit():
            text = int(text)
        if isinstance(text, int) and not isinstance(text, bool) and 1 <= text <= len(ids):
            return ids[text - 1]
        return super().one_choice(question, raw)

    def accepted(self, question: Question) -> str:
        ids = ", ".join(question.choices)
        return f"use one of {ids}, its place from 1 to {len(question.choices)}, or {UNSURE}"

    def title(self, choice: Choice) -> str:
        return f"{choice.label} [{choice.id}]"

    def shape_problems(
        self, qid: str, raw: Mapping[str, Any], question: Question
    ) -> Iterator[ShapeProblem]:
        yield from super().shape_problems(qid, raw, question)
        if "choices" in raw and len(question.choices) < MIN_CHOICES:
            yield ShapeProblem(
                "FWC301",
                ("choices",),
                f"an ordered question lists at least {MIN_CHOICES} choices",
            )


KIND = Ordered()
