"""``type: yes_no``: the choices "yes" and "no", answered with any usual spelling of either."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fwchoice.criteria.answers import AnswerProblem
from fwchoice.criteria.model import UNSURE, Question, ShapeProblem
from fwchoice.criteria.question_types.base import ChoiceKind
from fwchoice.hints import did_you_mean, then
from fwchoice.sanitize import quote

TRUE_WORDS = {"yes", "y", "true", "on"}
FALSE_WORDS = {"no", "n", "false", "off"}


class YesNo(ChoiceKind):
    name = "yes_no"
    wording = "yes or no"

    def one_choice(self, question: Question, raw: object) -> str:
        # YAML 1.1 reads an unquoted yes/no as a boolean; accept both spellings.
        if isinstance(raw, bool):
            return "yes" if raw else "no"
        if isinstance(raw, str):
            word = raw.strip().lower()
            if word in TRUE_WORDS:
                return "yes"
            if word in FALSE_WORDS:
                return "no"
        hint = did_you_mean(raw, ["yes", "no", UNSURE]) if isinstance(raw, str) else ""
        raise AnswerProblem(
            f"{quote(raw)} is not an answer to yes/no question {quote(question.id)}"
            + then(hint, f"use yes, no, or {UNSURE}")
        )

    def shape_problems(
        self, qid: str, raw: Mapping[str, Any], question: Question
    ) -> Iterator[ShapeProblem]:
        yield from super().shape_problems(qid, raw, question)
        if "choices" in raw and set(question.choices) != {"yes", "no"}:
            yield ShapeProblem(
                "FWC301",
                ("choices",),
                'a yes_no question has exactly the choices "yes" and "no" (quoted)',
            )


KIND = YesNo()
