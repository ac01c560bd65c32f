"""How sure a recommendation is while answers are unsure (or not given yet).

An unsure answer stands for every answer its question allows. The *worlds* are
all the concrete completions of the unsure (or not yet asked) questions; each
option's score over them becomes a range, and the winner "can change" if some
world has another winner (must-haves included). Worlds are enumerated exactly
up to ``MAX_WORLDS``; beyond that, each criterion's weight is bounded by an
interval and the bounds are solved exactly (a weighted average over a box of
weights is maximised at a vertex; Dinkelbach's iteration finds it), which is
sound: the ranges may be wider, never narrower, and "cannot change" is only
ever claimed when it is true.

While asking, once no answer to the remaining questions can change the winner,
the questionnaire may stop early (``early_finish_check``).

Everything is exact (``Fraction``) and computed from the file and the answers.
"""

from collections.abc import Iterator, Mapping
from fractions import Fraction
from itertools import product

from fwchoice.criteria.answers import Answer, Answers, applicable_answers, complete
from fwchoice.criteria.model import EMPTY, RATING_MAX, Document, Question
from fwchoice.decide.questionnaire import EarlyFinish
from fwchoice.decide.scorer import Scorer
from fwchoice.decide.scoring import HUNDRED
from fwchoice.record import NamedTuple

MAX_WORLDS = 4096

ZERO = Fraction(0)


def question_alternatives(question: Question) -> list[tuple[str, ...]]:
    """Every concrete answer a question allows (every subset for multiple choice;
    the format allows at most 8 choices there, so at most 256 subsets)."""
    return question.kind.every_answer(question)


def alternative_count(question: Question) -> int:
    return question.kind.answer_count(question)


# --- ranges over unsure answers ---------------------------------------------------


class Uncertainty(NamedTuple):
    open_questions: tuple[str, ...]
    ranges: dict[str, tuple[Fraction, Fraction]]
    """Each option's lowest and highest score (points) over the worlds."""
    exact: bool
    possible_winners: frozenset[str]
    winner_can_change: bool
    worlds: int
    settle_first: str | None = None
    swings: Mapping[str, Fraction] = EMPTY
    deciding: frozenset[str] = frozenset()
    """The open questions whose answer alone can change who comes first."""


def _worlds(document: Document, answers: Answers, open_questions: list[str]) -> Iterator[Answers]:
    fixed = {q: a for q, a in answers.items() if q not in open_questions}
    choices = [question_alternatives(document.questions[q]) for q in open_questions]
    for combo in product(*choices):
        world = dict(fixed)
        for qid, picked in zip(open_questions, combo, strict=True):
            world[qid] = Answer(picked, "asked")
        # Keep file order, so conditions are evaluated as in the questionnaire.
        yield {q: world[q] for q in document.questions if q in world}


def world_count(document: Document, open_questions: list[str]) -> int:
    """How many combinations of answers the open questions allow (exact, however large)."""
    count = 1
    for qid in open_questions:
        count *= alternative_count(document.questions[qid])
    return count


def analyse_uncertainty(
    document: Document, answers: Answers, open_questions: list[str]
) -> Uncertainty:
    """Score ranges and possible winners over every completion of ``open_questions``."""
    scorer = Scorer(document)
    neutral = {q: a for q, a in answers.items() if q not in open_questions}
    current = scorer.first(*scorer.outcome(neutral))
    count = world_count(document, open_questions)
    if count <= MAX_WORLDS:
        lows = [Fraction(100)] * len(scorer.options)
        highs = [ZERO] * len(scorer.options)
        winners: set[str | None] = set()  # None: no option eligible in that world
        for world in _worlds(document, answers, open_questions):
            weights, excluded = scorer.outcome(world)
            scores = scorer.scores(weights)
            lows = [min(a, b) for a, b in zip(lows, scores, strict=True)]
            highs = [max(a, b) for a, b in zip(highs, scores, strict=True)]
            winners.add(scorer.first(weights, excluded))
        ranges = {o: (lows[i], highs[i]) for i, o in enumerate(scorer.options)}
        return Uncertainty(
            tuple(open_questions),
            ranges,
            True,
            frozenset(w for w in winners if w is not None),
            winners != {current},
            count,
        )
    return _bounded(document, scorer, answers, open_questions, current, count)


def _weight_box(
    document: Document, scorer: Scorer, answers: Answers, open_questions: list[str]
) -> tuple[list[Fraction], list[Fraction]]:
    """Each criterion's lowest and highest possible weight (clamped), question by question.

    An answer whose question might not apply (its condition depends on an open
    question) counts as "maybe": anywhere between no effect and its effect.
    """
    uncertain = set(open_questions)
    changed = True
    while changed:  # questions whose conditions depend on uncertain ones are uncertain too
        changed = False
        for question in document.questions.values():
            if question.id not in uncertain and uncertain.intersection(question.when):
                uncertain.add(question.id)
                changed = True
    low = [Fraction(b) for b in scorer.base]
    high = [Fraction(b) for b in scorer.base]
    counted = applicable_answers(document, {q: a for q, a in answers.items() if q not in uncertain})
    for qid, answer in counted.items():
        for choice in answer.choices:
            for i, delta in scorer.effects.get((qid, choice), ()):
                low[i] += delta
                high[i] += delta
    for qid in uncertain:
        question = document.questions[qid]
        given = answers.get(qid)
        if given is not None and not given.unsure and qid not in open_questions:
            picks = [given.choices]  # known, but it may or may not apply
        else:  # one choice each (a multiple-choice answer is any set of them)
            picks = [(c,) for c in question.choices]
        lowest: dict[int, int] = {}
        highest: dict[int, int] = {}
        for pick in picks:
            totals: dict[int, int] = {}
            for choice in pick:
                for i, delta in scorer.effects.get((qid, choice), ()):
                    totals[i] = totals.get(i, 0) + delta
            for i, total in totals.items():
                if question.multiple and len(picks) > 1:
                    # Subsets: the lowest sum takes every negative effect, the highest
                    # every positive one.
                    lowest[i] = lowest.get(i, 0) + min(total, 0)
                    highest[i] = highest.get(i, 0) + max(total, 0)
                else:
                    # One of the choices, or none (the question may not apply).
                    lowest[i] = min(lowest.get(i, 0), total)
                    highest[i] = max(highest.get(i, 0), total)
        for i, total in lowest.items():
            low[i] += total
        for i, total in highest.items():
            high[i] += total
    return [max(w, ZERO) for w in low], [max(w, ZERO) for w in high]


def _extreme_average(
    ratings: list[int], low: list[Fraction], high: list[Fraction], *, maximise: bool
) -> Fraction:
    """Max (or min) of sum(w*r)/sum(w) over the box low <= w <= high (Dinkelbach)."""
    sign = 1 if maximise else -1
    weights = list(high)
    if not sum(weights, ZERO):
        return ZERO
    value = sum((w * r for w, r in zip(weights, ratings, strict=True)), ZERO) / sum(weights, ZERO)
    for _ in range(len(ratings) + 2):
        weights = [
            (hi if sign * (r - value) > 0 else lo)
            for r, lo, hi in zip(ratings, low, high, strict=True)
        ]
        total = sum(weights, ZERO)
        if not total:
            return value
        new = sum((w * r for w, r in zip(weights, ratings, strict=True)), ZERO) / total
        if new == value:
            break
        value = new
    return value


def _bounded(
    document: Document,
    scorer: Scorer,
    answers: Answers,
    open_questions: list[str],
    current: str | None,
    count: int,
) -> Uncertainty:
    low, high = _weight_box(document, scorer, answers, open_questions)
    # Must-haves that open answers may add or add-ons they may refuse can exclude any
    # option in some world: then any option might come first.
    touches_must_haves = any(
        (qid, c) in scorer.must or (qid, c) in scorer.add_ons
        for qid in open_questions
        for c in document.questions[qid].choices
    )
    # If every weight can be zero at once, every score can be 0 (and the
    # options tie, which the file's first option wins).
    all_zero_possible = not any(low)
    ranges = {}
    for i, option in enumerate(scorer.options):
        row = scorer.ratings[i]
        lo = _extreme_average(row, low, high, maximise=False)
        hi = _extreme_average(row, low, high, maximise=True)
        if all_zero_possible:
            lo = ZERO
        ranges[option] = (lo * HUNDRED / RATING_MAX, hi * HUNDRED / RATING_MAX)
    if current is None:  # no option is eligible now: only open must-haves can change that
        possible = frozenset(scorer.options) if touches_must_haves else frozenset()
        return Uncertainty(
            tuple(open_questions), ranges, False, possible, touches_must_haves, count
        )
    winners = {current}
    if all_zero_possible:
        winners.add(scorer.options[0])
    a = scorer.options.index(current)
    for b, option in enumerate(scorer.options):
        if b == a:
            continue
        worst = sum(
            ((lo if ra - rb > 0 else hi) * (ra - rb))
            for ra, rb, lo, hi in zip(scorer.ratings[a], scorer.ratings[b], low, high, strict=True)
        )
        if worst <= 0 or touches_must_haves:  # ``option`` may draw level or lead
            winners.add(option)
    return Uncertainty(
        tuple(open_questions), ranges, False, frozenset(winners), len(winners) > 1, count
    )


class Settling(NamedTuple):
    """What settling one unsure question alone (the others left unsure) can do."""

    swing: Fraction
    """How far the margin between the first two eligible options moves over its
    answers, signed by the verdict's winner (0 with fewer than two margins)."""
    changes_winner: bool
    """Whether some answer puts another option first (or none, or from none, one)."""


def settle_first(document: Document, answers: Answers, unsure: list[str]) -> dict[str, Settling]:
    """Each unsure question settled alone, every answer it allows rerun as fwchoice
    would (conditions, defaults and must-haves again): how far the margin moves, and
    whether the winner can change."""
    scorer = Scorer(document)
    current = scorer.first(*scorer.outcome(answers))
    result: dict[str, Settling] = {}
    for qid in unsure:
        margins: list[Fraction] = []
        changes = False
        for alternative in question_alternatives(document.questions[qid]):
            resolved, _ = complete(
                document, {**answers, qid: Answer(alternative, "asked")}, fill_defaults=True
            )
            weights, excluded = scorer.outcome(resolved)
            scores = scorer.scores(weights)
            eligible = sorted(
                (i for i in range(len(scores)) if i not in excluded), key=lambda i: -scores[i]
            )
            first = scorer.options[eligible[0]] if eligible else None
            changes = changes or first != current
            if len(eligible) > 1:
                margin = scores[eligible[0]] - scores[eligible[1]]
                margins.append(margin if first == current else -margin)
        swing = max(margins) - min(margins) if len(margins) > 1 else ZERO
        result[qid] = Settling(swing, changes)
    return result


def uncertainty_for(document: Document, answers: Answers) -> Uncertainty | None:
    unsure = [q for q, a in applicable_answers(document, answers).items() if a.unsure]
    if not unsure:
        return None
    result = analyse_uncertainty(document, answers, unsure)
    settling = settle_first(document, answers, unsure)
    # The one to find out first: one whose answer can change the winner, then the one
    # that moves the margin most, then the earliest.
    first = (
        max(
            unsure,
            key=lambda q: (settling[q].changes_winner, settling[q].swing, -unsure.index(q)),
        )
        if result.winner_can_change
        else None
    )
    return Uncertainty(
        result.open_questions,
        result.ranges,
        result.exact,
        result.possible_winners,
        result.winner_can_change,
        result.worlds,
        first,
        {q: s.swing for q, s in settling.items()},
        frozenset(q for q, s in settling.items() if s.changes_winner),
    )


# --- early finish -------------------------------------------------------------------


def early_finish_check(document: Document) -> EarlyFinish:
    """A check for the questionnaire: can the questions not yet answered be skipped?"""

    def can_finish(answers: Answers, missing: list[str]) -> str | None:
        remaining = [q for q in document.questions if q not in answers]
        if not remaining:
            return None
        # Anything not answered yet is open: the missing ones and those that may apply later.
        uncertainty = analyse_uncertainty(document, dict(answers), remaining)
        if uncertainty.winner_can_change:
            return None
        return next(iter(uncertainty.possible_winners))

    return can_finish
