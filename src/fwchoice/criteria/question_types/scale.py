"""``type: scale``: a point on a labelled scale of 2 to 10 points.

The file gives ``scale: {labels, baseline, weights_per_step}``; the points become
choices "1".."n", each weighing every listed criterion by its distance from the
baseline (the neutral point, by default the middle).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from fwchoice.criteria.answers import AnswerProblem
from fwchoice.criteria.model import (
    UNSURE,
    Choice,
    ChoiceReader,
    Question,
    Reference,
    ShapeProblem,
    exact,
)
from fwchoice.criteria.question_types.base import ChoiceKind
from fwchoice.hints import did_you_mean, then
from fwchoice.sanitize import quote

if TYPE_CHECKING:
    from fwchoice.criteria.schema import Field, Spec


def baseline(scale: Mapping[str, Any]) -> int:
    labels = scale.get("labels", [])
    return int(scale.get("baseline", (len(labels) + 1) // 2))


class Scale(ChoiceKind):
    name = "scale"
    wording = "a point on a scale"
    written_choices = False

    def choices(self, raw: Mapping[str, Any], choice: ChoiceReader) -> dict[str, Choice]:
        scale = raw.get("scale", {})
        neutral = baseline(scale)
        per_step = {k: exact(v) for k, v in scale.get("weights_per_step", {}).items()}
        points = {}
        for point, label in enumerate(scale.get("labels", []), start=1):
            steps = point - neutral
            weights = {k: v * steps for k, v in per_step.items() if steps}
            points[str(point)] = Choice(id=str(point), label=label, weights=weights)
        return points

    def one_choice(self, question: Question, raw: object) -> str:
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
            + then(hint, self.accepted(question))
        )

    def accepted(self, question: Question) -> str:
        ids = list(question.choices)
        first, last = question.choices[ids[0]], question.choices[ids[-1]]
        return f"use 1 to {len(ids)} ({first.label} … {last.label}) or {UNSURE}"

    def raw_value(self, question: Question, choices: tuple[str, ...]) -> object:
        return int(choices[0])

    def title(self, choice: Choice) -> str:
        return f"{choice.id} · {choice.label}"

    def shape_problems(
        self, qid: str, raw: Mapping[str, Any], question: Question
    ) -> Iterator[ShapeProblem]:
        if "choices" in raw:
            yield ShapeProblem(
                "FWC301", ("choices",), "a scale question takes `scale:`, not `choices:`"
            )
        elif "scale" not in raw:
            yield ShapeProblem("FWC301", (), f"question {quote(qid)} of type scale needs `scale:`")
        scale = raw.get("scale")
        labels = scale.get("labels") if isinstance(scale, dict) else None
        point = scale.get("baseline") if isinstance(scale, dict) else None
        if isinstance(labels, list) and isinstance(point, int) and not 1 <= point <= len(labels):
            yield ShapeProblem(
                "FWC306",
                ("scale", "baseline"),
                f"baseline {point} is not a point of the scale; use 1 to {len(labels)}",
            )

    def references(self, raw: Mapping[str, Any], question: Question) -> Iterator[Reference]:
        scale = raw.get("scale")
        per_step = scale.get("weights_per_step") if isinstance(scale, dict) else None
        if isinstance(per_step, dict):
            for cid in per_step:
                if isinstance(cid, str):
                    yield Reference("criterion", cid, ("scale", "weights_per_step", cid))

    def schema_fields(self, effect: Spec) -> dict[str, Field]:
        # The format's spec classes are needed only to read a file the slow way.
        from fwchoice.criteria.schema import Field, IdMap, ListOf, Number, Record, Text

        points = Record(
            description="For the scale type: labelled points 1..n and a per-step effect.",
            fields={
                "labels": Field(ListOf(Text(max_length=80), min_items=2, max_items=10), True),
                "baseline": Field(
                    Number(
                        integer=True,
                        minimum=1,
                        maximum=10,
                        description="The neutral point (no effect); default: the middle.",
                    )
                ),
                "weights_per_step": Field(
                    IdMap(
                        effect,
                        what="criterion",
                        description="Weight change per point above the baseline.",
                    )
                ),
            },
        )
        return {"scale": Field(points)}

    def schema_rules(self) -> list[dict[str, Any]]:
        return [
            {
                "if": {"properties": {"type": {"const": self.name}}, "required": ["type"]},
                "then": {"required": ["scale"]},
            }
        ]


KIND = Scale()
