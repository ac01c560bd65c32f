"""Pure scoring: answers to weights, weights to a ranking, and what would change it.

A criterion's weight is its default weight plus the effects of the answers
given, never below zero. An option's score is

    score(o) = sum_k W_k * r_o,k / (R_max * sum_k W_k)

shown as 0-100. Every option shares the denominator, so who leads depends only
on the numerators: for the winner A and a challenger B, with
d_k = r_A,k - r_B,k, the raw margin is D = sum_k W_k * d_k, and B draws level
when W_k alone moves to W_k - D / d_k. That closed form gives the "what would
change it" lines without any search.

All arithmetic is exact (``Fraction``): ties are real ties, and the result does
not depend on the order the file lists options or criteria in.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from fwchoice.criteria.answers import Answer, applicable_answers
from fwchoice.criteria.model import RATING_MAX, ConfidenceLevel, Document, Hybrid
from fwchoice.record import NamedTuple

if TYPE_CHECKING:
    from fwchoice.criteria.model import Exact

HUNDRED = Fraction(100)


class WeightChange(NamedTuple):
    question: str
    choice: str
    delta: Exact


class CriterionWeight(NamedTuple):
    criterion: str
    base: Exact
    changes: tuple[WeightChange, ...]
    value: Fraction

    @property
    def clamped(self) -> bool:
        return self.base + sum((c.delta for c in self.changes), Fraction(0)) < 0


def weigh(document: Document, answers: Mapping[str, Answer]) -> dict[str, CriterionWeight]:
    """Each criterion's weight after the answers' effects; unsure answers change nothing."""
    changes: dict[str, list[WeightChange]] = {cid: [] for cid in document.criteria}
    for qid, answer in applicable_answers(document, answers).items():
        question = document.questions[qid]
        for choice_id in answer.choices:
            choice = question.choices.get(choice_id)
            if choice is None:
                continue
            for cid, delta in choice.weights.items():
                if cid in changes and delta:
                    changes[cid].append(WeightChange(qid, choice_id, delta))
    result = {}
    for cid, criterion in document.criteria.items():
        total = Fraction(criterion.weight) + sum((c.delta for c in changes[cid]), Fraction(0))
        result[cid] = CriterionWeight(
            cid, criterion.weight, tuple(changes[cid]), max(total, Fraction(0))
        )
    return result


class Ranking(NamedTuple):
    weights: dict[str, Fraction]
    scores: dict[str, Fraction]
    """Each option's score as a fraction of the best possible (0..1)."""
    order: tuple[str, ...]
    """Best first; exact ties keep the file's order (and are reported as ties)."""

    @property
    def winner(self) -> str:
        return self.order[0]

    @property
    def runner_up(self) -> str | None:
        return self.order[1] if len(self.order) > 1 else None

    def points(self, option: str) -> Fraction:
        return self.scores[option] * HUNDRED

    @property
    def margin(self) -> Fraction:
        """Points (of 100) between the first two options."""
        if self.runner_up is None:
            return self.points(self.winner)
        return self.points(self.winner) - self.points(self.runner_up)


def rank(document: Document, weights: Mapping[str, Fraction]) -> Ranking:
    total = sum(weights.values(), Fraction(0))
    scores: dict[str, Fraction] = {}
    for oid in document.options:
        raw = sum(
            (w * document.criteria[cid].ratings.get(oid, 0) for cid, w in weights.items()),
            Fraction(0),
        )
        scores[oid] = raw / (RATING_MAX * total) if total else Fraction(0)
    position = {oid: i for i, oid in enumerate(document.options)}
    order = tuple(sorted(scores, key=lambda oid: (-scores[oid], position[oid])))
    return Ranking(dict(weights), scores, order)


def raw_margin(document: Document, weights: Mapping[str, Fraction], a: str, b: str) -> Fraction:
    """sum_k W_k * (r_a,k - r_b,k): positive when ``a`` leads ``b``."""
    return sum(
        (w * (_rating(document, cid, a) - _rating(document, cid, b)) for cid, w in weights.items()),
        Fraction(0),
    )


def _rating(document: Document, cid: str, oid: str) -> int:
    return document.criteria[cid].ratings.get(oid, 0)


VerdictKind = Literal["clear", "hybrid", "tie"]


class Verdict(NamedTuple):
    winner: str
    runner_up: str | None
    margin: Fraction
    kind: VerdictKind
    confidence: ConfidenceLevel | None
    hybrids: tuple[Hybrid, ...]


def decide(document: Document, ranking: Ranking) -> Verdict:
    margin = ranking.margin
    runner_up = ranking.runner_up
    rules = document.decision
    if runner_up is not None and ranking.scores[ranking.winner] == ranking.scores[runner_up]:
        kind: VerdictKind = "tie"
    elif runner_up is not None and margin < rules.hybrid_margin:
        kind = "hybrid"
    else:
        kind = "clear"
    confidence = next((c for c in rules.confidence if margin >= c.min_margin), None)
    hybrids: tuple[Hybrid, ...] = ()
    if kind != "clear" and runner_up is not None:
        pair = {ranking.winner, runner_up}
        hybrids = tuple(h for h in document.hybrids.values() if pair <= set(h.options))
    return Verdict(ranking.winner, runner_up, margin, kind, confidence, hybrids)


class Contribution(NamedTuple):
    """How much one criterion adds to the winner's lead over the runner-up, in points."""

    criterion: str
    weight: Fraction
    points: Fraction


def contributions(document: Document, ranking: Ranking) -> list[Contribution]:
    """Each criterion's share of the margin, largest first (ties in file order)."""
    runner_up = ranking.runner_up
    total = sum(ranking.weights.values(), Fraction(0))
    if runner_up is None or not total:
        return []
    result = []
    for cid, w in ranking.weights.items():
        d = _rating(document, cid, ranking.winner) - _rating(document, cid, runner_up)
        result.append(Contribution(cid, w, w * d * HUNDRED / (RATING_MAX * total)))
    position = {cid: i for i, cid in enumerate(document.criteria)}
    result.sort(key=lambda c: (-c.points, position[c.criterion]))
    return result


class Flip(NamedTuple):
    """Moving ``criterion``'s weight from ``current`` past ``threshold`` hands the lead over."""

    criterion: str
    challenger: str
    current: Fraction
    threshold: Fraction
    direction: Literal["raise", "lower"]

    @property
    def distance(self) -> Fraction:
        return abs(self.threshold - self.current)


def flips(document: Document, ranking: Ranking) -> list[Flip]:
    """For each criterion, the weight at which the lead changes hands first, nearest first.

    Raising W_k can only help a challenger rated higher on k (d_k < 0); lowering
    it can only help where the winner is rated higher (d_k > 0) and only if the
    crossing point W_k - D/d_k is above zero (at exactly zero the best it gets
    is a tie). With several challengers the first crossing decides.
    """
    winner = ranking.winner
    margins = {b: raw_margin(document, ranking.weights, winner, b) for b in ranking.order[1:]}
    result: list[Flip] = []
    for cid, w in ranking.weights.items():
        best_raise: Flip | None = None
        best_lower: Flip | None = None
        for b, margin in margins.items():
            d = _rating(document, cid, winner) - _rating(document, cid, b)
            if d == 0:
                continue
            threshold = w - margin / d
            if d < 0 and (best_raise is None or threshold < best_raise.threshold):
                best_raise = Flip(cid, b, w, threshold, "raise")
            elif (
                d > 0 and threshold > 0 and (best_lower is None or threshold > best_lower.threshold)
            ):
                best_lower = Flip(cid, b, w, threshold, "lower")
        result.extend(f for f in (best_raise, best_lower) if f is not None)
    position = {cid: i for i, cid in enumerate(document.criteria)}
    result.sort(key=lambda f: (f.distance, position[f.criterion], f.direction))
    return result


class Caveat(NamedTuple):
    """A feature the answers need that the winner does not ship built in."""

    feature: str
    needed_by: tuple[str, ...]


def needs(document: Document, answers: Mapping[str, Answer]) -> dict[str, list[str]]:
    """Feature ids the answers make necessary, with the questions that asked for them."""
    result: dict[str, list[str]] = {}
    for qid, answer in applicable_answers(document, answers).items():
        question = document.questions[qid]
        for choice_id in answer.choices:
            choice = question.choices.get(choice_id)
            for feature in choice.needs if choice else ():
                result.setdefault(feature, [])
                if qid not in result[feature]:
                    result[feature].append(qid)
    return result


def caveats(document: Document, answers: Mapping[str, Answer], option: str) -> list[Caveat]:
    result = []
    for fid, asked_by in needs(document, answers).items():
        feature = document.features.get(fid)
        value = feature.values.get(option) if feature else None
        if value is not None and value.builtin is False:
            result.append(Caveat(fid, tuple(asked_by)))
    return result


class Evaluation(NamedTuple):
    answers: dict[str, Answer]
    """The answers that counted (conditions applied)."""
    weights: dict[str, CriterionWeight]
    ranking: Ranking
    verdict: Verdict
    contributions: list[Contribution]
    flips: list[Flip]
    caveats: list[Caveat]
    needs: dict[str, list[str]]


def evaluate(document: Document, answers: Mapping[str, Answer]) -> Evaluation:
    counted = applicable_answers(document, answers)
    weights = weigh(document, counted)
    ranking = rank(document, {cid: w.value for cid, w in weights.items()})
    verdict = decide(document, ranking)
    return Evaluation(
        answers=counted,
        weights=weights,
        ranking=ranking,
        verdict=verdict,
        contributions=contributions(document, ranking),
        flips=flips(document, ranking),
        caveats=caveats(document, counted, ranking.winner),
        needs=needs(document, counted),
    )
