"""``type: multiple``: any set of the listed choices, none included."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import combinations
from typing import Any

from fwchoice.criteria.answers import NONE_WORD, NOT_SURE_WORDS, AnswerProblem
from fwchoice.criteria.model import UNSURE, PromptKind, Question, ShapeProblem
from fwchoice.criteria.question_types.base import ChoiceKind, by_id_or_label
from fwchoice.sanitize import quote

MAX_CHOICES = 8
"""A multiple-choice question's answers are every subset of its choices: 256 at most."""


class Multiple(ChoiceKind):
    name = "multiple"
    wording = "any number of choices"
    prompt: PromptKind = "checkbox"
    multiple = True

    def unanswered_default(self) -> tuple[str, ...] | None:
        return ()  # nothing picked

    def parse(self, question: Question, raw: object) -> tuple[str, ...]:
        if isinstance(raw, str):
            if " ".join(raw.split()).casefold() == NONE_WORD:
                return ()
            parts: list[object] = [part.strip() for part in raw.split(",")]
        elif isinstance(raw, list):
            parts = list(raw)
        else:
            parts = []
        for part in parts:
            word = " ".join(part.split()).casefold() if isinstance(part, str) else None
            if word in NOT_SURE_WORDS | {NONE_WORD}:
                raise AnswerProblem(
                    f"{quote(word)} goes alone, not in a list of choices: answer question "
                    f"{quote(question.id)} with just {word}, or list the choices"
                )
        if isinstance(raw, str):
            chosen = set(self._split(question, raw))
        elif isinstance(raw, list):
            chosen = {self.one_choice(question, item) for item in raw}
        else:
            raise AnswerProblem(
                f"question {quote(question.id)} takes a list of choices; {self.accepted(question)}"
            )
        # File order, so the same selection always reads (and hashes) the same.
        return tuple(c for c in question.choices if c in chosen)

    def _split(self, question: Question, text: str) -> list[str]:
        """Choices from 'a,b' or from labels as reports list them ('User accounts, login
        and sessions, Caching'): a label may hold commas, so the longest run of
        comma-separated parts that names a choice is taken first. A run is never longer
        than the label with the most commas, so the work is linear in the parts (a
        100,000-part answer is read in one pass, never tried as every run of parts)."""
        parts = [part.strip() for part in text.split(",")]
        parts = [p for p in parts if p] if all(not p for p in parts) else parts
        longest = 1 + max((c.label.count(",") for c in question.choices.values()), default=0)
        found: list[str] = []
        start = 0
        while start < len(parts):
            if not parts[start]:
                start += 1
                continue
            for end in range(min(len(parts), start + longest), start, -1):
                choice = by_id_or_label(question, ", ".join(parts[start:end]))
                if choice is not None:
                    found.append(choice)
                    start = end
                    break
            else:
                found.append(self.one_choice(question, parts[start]))  # raises, naming it
        return found

    def accepted(self, question: Question) -> str:
        ids = ", ".join(question.choices)
        return f"use a comma-separated list of {ids}; or {NONE_WORD}, or {UNSURE}"

    def raw_value(self, question: Question, choices: tuple[str, ...]) -> object:
        return list(choices)

    def every_answer(self, question: Question) -> list[tuple[str, ...]]:
        ids = list(question.choices)
        return [subset for size in range(len(ids) + 1) for subset in combinations(ids, size)]

    def answer_count(self, question: Question) -> int:
        return 1 << len(question.choices)

    def shape_problems(
        self, qid: str, raw: Mapping[str, Any], question: Question
    ) -> Iterator[ShapeProblem]:
        if "choices" in raw and len(question.choices) > MAX_CHOICES:
            yield ShapeProblem(
                "FWC114",
                ("choices",),
                f"a multiple-choice question offers at most {MAX_CHOICES} choices "
                f"(its answers are every subset of them); this one has {len(question.choices)}",
            )
        yield from super().shape_problems(qid, raw, question)

    def schema_rules(self) -> list[dict[str, Any]]:
        return [
            {
                "if": {"properties": {"type": {"const": self.name}}, "required": ["type"]},
                "then": {"properties": {"choices": {"maxProperties": MAX_CHOICES}}},
            }
        ]


KIND = Multiple()
