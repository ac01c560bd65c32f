"""Pure scoring: answers to weights, weights to a ranking, and what would change it.

A criterion's weight is its default weight plus the effects of the answers
given, never below zero. An option's score is

    score(o) = sum_k W_k * r_o,k / (R_max * sum_k W_k)

shown as 0-100. Every option shares the denominator, so who leads depends only
on the numerators N_o = sum_k W_k * r_o,k. Options that lack a must-have
(``decide.musthaves``) cannot come first: the winner is the best of the
others, and ties are decided by the order the file lists the options in.

When one weight W_k alone moves to t, each numerator is a straight line in t
(slope r_o,k), so the weight at which the lead changes hands, and who takes
it, is read off where the lines cross: the "weight thresholds" are exact, with
no search.

All arithmetic is exact (``Fraction``): ties are real ties, and the result does
not depend on the order the file lists criteria in.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from fwchoice.criteria.answers import Answer, applicable_answers, condition_holds
from fwchoice.criteria.model import RATING_MAX, ConfidenceLevel, Document, Hybrid
from fwchoice.decide.musthaves import Gap, gaps
from fwchoice.record import NamedTuple

if TYPE_CHECKING:
    from fwchoice.criteria.model import Exact

HUNDRED = Fraction(100)
ZERO = Fraction(0)


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
        return self.base + sum((c.delta for c in self.changes), ZERO) < 0


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
        total = Fraction(criterion.weight) + sum((c.delta for c in changes[cid]), ZERO)
        result[cid] = CriterionWeight(cid, criterion.weight, tuple(changes[cid]), max(total, ZERO))
    return result


class Ranking(NamedTuple):
    weights: dict[str, Fraction]
    scores: dict[str, Fraction]
    """Each option's score as a fraction of the best possible (0..1)."""
    order: tuple[str, ...]
    """Options that may come first, best first, then the excluded ones, best first;
    exact ties keep the file's order."""
    excluded: frozenset[str] = frozenset()

    @property
    def winner(self) -> str:
        return self.order[0]

    @property
    def runner_up(self) -> str | None:
        return self.order[1] if len(self.order) > 1 else None

    @property
    def eligible(self) -> tuple[str, ...]:
        return tuple(o for o in self.order if o not in self.excluded)

    def points(self, option: str) -> Fraction:
        return self.scores[option] * HUNDRED

    @property
    def margin(self) -> Fraction:
        """Points (of 100) between the first two options (negative when the winner
        came first only because the option above it is excluded)."""
        if self.runner_up is None:
            return self.points(self.winner)
        return self.points(self.winner) - self.points(self.runner_up)


def rank(
    document: Document, weights: Mapping[str, Fraction], excluded: frozenset[str] = frozenset()
) -> Ranking:
    total = sum(weights.values(), ZERO)
    scores: dict[str, Fraction] = {}
    for oid in document.options:
        raw = sum(
            (w * document.criteria[cid].ratings.get(oid, 0) for cid, w in weights.items()),
            ZERO,
        )
        scores[oid] = raw / (RATING_MAX * total) if total else ZERO
    position = {oid: i for i, oid in enumerate(document.options)}
    order = tuple(sorted(scores, key=lambda oid: (oid in excluded, -scores[oid], position[oid])))
    return Ranking(dict(weights), scores, order, frozenset(excluded) & set(scores))


def _rating(document: Document, cid: str, oid: str) -> int:
    return document.criteria[cid].ratings.get(oid, 0)


VerdictKind = Literal["clear", "close", "tie", "only", "none"]
"""clear: a winner by at least the file's hybrid margin; close: below it; tie:
the first two score the same (the file's order puts one first); only: one
option meets every must-have; none: no option does."""


def close_to_winner(ranking: Ranking, hybrid_margin: Exact) -> set[str]:
    """The winner and every eligible option whose score is below the winner's by less
    than ``hybrid_margin`` points, or not at all: the options a hybrid may combine."""
    top = ranking.points(ranking.winner)
    return {
        o
        for o in ranking.eligible
        if ranking.points(o) == top or top - ranking.points(o) < hybrid_margin
    } | {ranking.winner}


class Verdict(NamedTuple):
    winner: str
    runner_up: str | None
    margin: Fraction
    kind: VerdictKind
    confidence: ConfidenceLevel | None
    hybrids: tuple[Hybrid, ...]
    """On a close call or a tie: the hybrids whose `when` the answers meet (an unsure
    answer never meets it) and whose options are the winner and options close to it
    (``close_to_winner``), in file order."""


def decide(
    document: Document, ranking: Ranking, answers: Mapping[str, Answer] | None = None
) -> Verdict:
    margin = ranking.margin
    runner_up = ranking.runner_up
    eligible = ranking.eligible
    rules = document.decision
    if not eligible:
        kind: VerdictKind = "none"
    elif len(eligible) == 1 and runner_up is not None:
        kind = "only"
    elif runner_up is not None and ranking.scores[ranking.winner] == ranking.scores[runner_up]:
        kind = "tie"
    elif runner_up is not None and margin < rules.hybrid_margin:
        kind = "close"
    else:
        kind = "clear"
    confidence = (
        next((c for c in rules.confidence if margin >= c.min_margin), None)
        if kind in ("clear", "close", "tie")
        else None
    )
    hybrids: tuple[Hybrid, ...] = ()
    if kind in ("close", "tie") and runner_up is not None:
        contenders = close_to_winner(ranking, rules.hybrid_margin)
        counted = applicable_answers(document, answers or {})
        hybrids = tuple(
            h
            for h in document.hybrids.values()
            if ranking.winner in h.options
            and set(h.options) <= contenders
            and h.when
            and condition_holds(h.when, counted, unsure_matches=False)
        )
    return Verdict(ranking.winner, runner_up, margin, kind, confidence, hybrids)


class Contribution(NamedTuple):
    """How much one criterion adds to the winner's lead over the runner-up, in points."""

    criterion: str
    weight: Fraction
    points: Fraction


def contributions(document: Document, ranking: Ranking) -> list[Contribution]:
    """Each criterion's share of the margin, largest first (ties in file order)."""
    runner_up = ranking.runner_up
    total = sum(ranking.weights.values(), ZERO)
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
    """Moving ``criterion``'s weight from ``current`` past ``threshold`` hands the lead
    to ``challenger``: the option first just past ``shown``, the threshold rounded
    outward to at most two decimals, so the sentence a report makes of it is true
    as written."""

    criterion: str
    challenger: str
    current: Fraction
    threshold: Fraction
    direction: Literal["raise", "lower"]
    shown: Fraction

    @property
    def distance(self) -> Fraction:
        return abs(self.threshold - self.current)


def _outward(value: Fraction, direction: Literal["raise", "lower"]) -> Fraction:
    """``value`` to two decimals, rounded away from the current weight (up when
    raising, down when lowering), with more decimals where two would round to 0."""
    if value.denominator == 1:
        return value
    for decimals in (2, 3, 4):
        scale = 10**decimals
        scaled = value * scale
        whole = (
            -((-scaled.numerator) // scaled.denominator)
            if direction == "raise"
            else (scaled.numerator // scaled.denominator)
        )
        shown = Fraction(whole, scale)
        if shown > 0 or direction == "raise":
            return shown
    return value


def flips(document: Document, ranking: Ranking) -> list[Flip]:
    """For each criterion, the weight at which the lead changes hands first, up and down.

    With the weight of criterion k at t, option o's numerator is the line
    N_o + (t - W_k) * r_o,k. Raising t, the winner keeps the lead until the first
    crossing with a steeper line; just past it, the option on top is the one with
    the highest value there, then the steepest slope, then the earliest in the
    file: that is the one named, even when several cross at nearly the same
    weight. Lowering is the mirror image, down to a weight of 0. Excluded options
    cannot take the lead. Nearest threshold first.
    """
    winner = ranking.winner
    eligible = ranking.eligible
    if winner not in eligible or len(eligible) < 2:
        return []
    position = {oid: i for i, oid in enumerate(document.options)}
    sums = {
        o: sum((w * _rating(document, cid, o) for cid, w in ranking.weights.items()), ZERO)
        for o in eligible
    }
    result: list[Flip] = []
    for cid, w in ranking.weights.items():
        slope = {o: _rating(document, cid, o) for o in eligible}

        def value(o: str, t: Fraction, w: Fraction = w, slope: dict[str, int] = slope) -> Fraction:
            """Option o's numerator with this criterion's weight at t."""
            return sums[o] + (t - w) * slope[o]

        raise_at = [
            w + (sums[winner] - sums[b]) / (slope[b] - slope[winner])
            for b in eligible
            if slope[b] > slope[winner]
        ]
        if raise_at:
            t = min(raise_at)
            shown = _outward(t, "raise")
            # first just past the weight shown: highest there, then steepest, then earliest
            leader = max(eligible, key=lambda o: (value(o, shown), slope[o], -position[o]))
            if leader != winner:
                result.append(Flip(cid, leader, w, t, "raise", shown))
        lower_at = [
            w - (sums[winner] - sums[b]) / (slope[winner] - slope[b])
            for b in eligible
            if slope[b] < slope[winner]
        ]
        lower_at = [t for t in lower_at if t >= 0]
        if lower_at:
            t = max(lower_at)
            shown = _outward(t, "lower")
            if shown > 0:
                leader = max(eligible, key=lambda o: (value(o, shown), -slope[o], -position[o]))
            else:  # at a weight of exactly 0: the file's order breaks a tie
                shown = ZERO
                leader = max(eligible, key=lambda o: (value(o, shown), -position[o]))
            if leader != winner:
                result.append(Flip(cid, leader, w, t, "lower", shown))
    order = {cid: i for i, cid in enumerate(document.criteria)}
    result.sort(key=lambda f: (f.distance, order[f.criterion], f.direction))
    return result


class Caveat(NamedTuple):
    """A feature the answers need that the winner does not ship built in."""

    feature: str
    needed_by: tuple[str, ...]


def needs(document: Document, answers: Mapping[str, Answer]) -> dict[str, list[str]]:
    """Feature ids the answers make necessary (needs and must-haves), with the questions."""
    result: dict[str, list[str]] = {}
    for qid, answer in applicable_answers(document, answers).items():
        question = document.questions[qid]
        for choice_id in answer.choices:
            choice = question.choices.get(choice_id)
            for feature in (*choice.needs, *choice.must_have) if choice else ():
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
    gaps: list[Gap]
    """Must-haves the options lack: excluded (not filled) or filled by an add-on."""


def evaluate(document: Document, answers: Mapping[str, Answer]) -> Evaluation:
    counted = applicable_answers(document, answers)
    weights = weigh(document, counted)
    missing = gaps(document, counted)
    excluded = frozenset(g.option for g in missing if g.excludes)
    ranking = rank(document, {cid: w.value for cid, w in weights.items()}, excluded)
    verdict = decide(document, ranking, counted)
    return Evaluation(
        answers=counted,
        weights=weights,
        ranking=ranking,
        verdict=verdict,
        contributions=contributions(document, ranking),
        flips=flips(document, ranking),
        caveats=caveats(document, counted, ranking.winner),
        needs=needs(document, counted),
        gaps=missing,
    )
