"""Fast repeated scoring of one document, in whole numbers.

Every weight and effect is scaled by the least common multiple of their
denominators, so the many evaluations behind lint's scenarios, score ranges,
decisive answers and robustness are integer sums. Who leads depends only on
each option's weighted sum (every option shares the denominator), so exact
fractions are made only where a score is shown.
"""

from __future__ import annotations

from math import lcm
from typing import TYPE_CHECKING

from fwchoice.criteria.answers import Answers, applicable_answers
from fwchoice.criteria.model import RATING_MAX, Document
from fwchoice.decide.musthaves import shipped_by_none

if TYPE_CHECKING:
    from fractions import Fraction


class Scorer:
    """Fast repeated scoring of one document, in whole numbers.

    Every weight and effect is scaled by the least common multiple of their
    denominators, so the thousands of evaluations behind ranges and decisive
    answers are integer sums; the winner only needs each option's weighted sum
    (all share the denominator), and scores become exact fractions at the end.
    Must-haves are judged as ``decide.musthaves`` does, from precomputed tables.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.criteria = list(document.criteria)
        self.options = list(document.options)
        index = {c: i for i, c in enumerate(self.criteria)}
        fractions = [document.criteria[c].weight for c in self.criteria]
        for question in document.questions.values():
            for choice in question.choices.values():
                fractions.extend(choice.weights.values())
        scale = 1
        for value in fractions:
            scale = lcm(scale, value.denominator)
        self.base = [int(document.criteria[c].weight * scale) for c in self.criteria]
        self.ratings = [
            [document.criteria[c].ratings.get(o, 0) for c in self.criteria] for o in self.options
        ]
        self.effects: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for question in document.questions.values():
            for choice in question.choices.values():
                self.effects[(question.id, choice.id)] = [
                    (index[c], int(d * scale))
                    for c, d in choice.weights.items()
                    if c in index and d
                ]
        # Must-haves: what each choice requires, and which options lack each feature
        # (with whether an add-on can fill the gap).
        self.must: dict[tuple[str, str], tuple[str, ...]] = {}
        self.add_ons: dict[tuple[str, str], bool] = {}
        for question in document.questions.values():
            for choice in question.choices.values():
                if choice.must_have:
                    self.must[(question.id, choice.id)] = choice.must_have
                if choice.accepts_add_ons is not None:
                    self.add_ons[(question.id, choice.id)] = choice.accepts_add_ons
        self.lacking: dict[str, list[tuple[int, bool]]] = {}
        for fid, feature in document.features.items():
            if shipped_by_none(document, fid):
                continue  # no option ships it: it excludes none of them
            for i, option in enumerate(self.options):
                offered = feature.values.get(option)
                if offered is not None and offered.builtin is False:
                    self.lacking.setdefault(fid, []).append((i, bool(offered.fill)))
        # Questions whose conditions or defaults depend on each question: changing an
        # answer without dependents changes only its own effects.
        self.dependents: dict[str, set[str]] = {q: set() for q in document.questions}
        for question in document.questions.values():
            named = [*question.when, *(q for rule in question.default_when for q in rule.when)]
            for other in named:
                if other in self.dependents:
                    self.dependents[other].add(question.id)

    def raw_weights(self, answers: Answers, *, counted: bool = False) -> list[int]:
        """The weights before clamping at 0. ``counted``: the answers are already the
        applicable ones (conditions worked out), so they are not worked out again."""
        weights = list(self.base)
        applicable = answers if counted else applicable_answers(self.document, answers)
        for qid, answer in applicable.items():
            for choice in answer.choices:
                for i, delta in self.effects.get((qid, choice), ()):
                    weights[i] += delta
        return weights

    def excluded(self, answers: Answers, *, counted: bool = False) -> frozenset[int]:
        """Indices of the options that lack a must-have no accepted add-on fills."""
        if not self.must:
            return frozenset()
        applicable = answers if counted else applicable_answers(self.document, answers)
        wanted: set[str] = set()
        accepted = False
        for qid, answer in applicable.items():
            for choice in answer.choices:
                wanted.update(self.must.get((qid, choice), ()))
                accepted = self.add_ons.get((qid, choice), accepted)
        return frozenset(
            i
            for fid in wanted
            for i, fillable in self.lacking.get(fid, ())
            if not (accepted and fillable)
        )

    def weights(self, answers: Answers) -> list[int]:
        return [max(w, 0) for w in self.raw_weights(answers)]

    def sums(self, weights: list[int]) -> list[int]:
        return [sum(w * r for w, r in zip(weights, row, strict=True)) for row in self.ratings]

    def scores(self, weights: list[int]) -> list[Fraction]:
        """Each option's score, exact, in points of 100."""
        from fractions import Fraction

        total = sum(weights)
        if not total:
            return [Fraction(0) for _ in self.options]
        return [Fraction(s * 100, RATING_MAX * total) for s in self.sums(weights)]

    def winner(self, weights: list[int], excluded: frozenset[int] = frozenset()) -> str:
        """The first option: the best eligible one (ties: the file's order); when every
        option is excluded, the best of all, as ``scoring.rank`` orders them."""
        sums = self.sums(weights)
        best = max(range(len(sums)), key=lambda i: (i not in excluded, sums[i], -i))
        return self.options[best]

    def first(self, weights: list[int], excluded: frozenset[int] = frozenset()) -> str | None:
        """The option a verdict puts first: the best eligible one (ties: the file's
        order), or None when every option lacks a must-have."""
        if len(excluded) >= len(self.options):
            return None
        return self.winner(weights, excluded)

    def outcome(self, answers: Answers) -> tuple[list[int], frozenset[int]]:
        """The clamped weights and the excluded options for resolved answers."""
        return self.weights(answers), self.excluded(answers)
