"""How sure a recommendation is, and which answers it hangs on.

- **Unsure answers.** An unsure answer stands for every answer its question
  allows. The *worlds* are all the concrete completions of the unsure (or
  not yet asked) questions; each option's score over them becomes a range, and
  the winner "can change" if some world has another winner. Worlds are
  enumerated exactly up to ``MAX_WORLDS``; beyond that, each criterion's weight
  is bounded by an interval and the bounds are solved exactly (a weighted
  average over a box of weights is maximised at a vertex; Dinkelbach's
  iteration finds it), which is sound: the ranges may be wider, never narrower,
  and "cannot change" is only ever claimed when it is true.
- **Decisive answers.** An answer is decisive when changing it alone (every
  other answer kept) changes the winner; each is listed with the alternatives
  that do it.
- **Early finish.** While asking, once no answers to the remaining questions
  can change the winner, the questionnaire may stop.

Everything is exact (``Fraction``) and computed from the file and the answers.
"""

from collections.abc import Iterator, Mapping
from fractions import Fraction
from itertools import combinations, product
from typing import Any

from fwchoice.criteria.answers import Answer, Answers, applicable_answers, complete, display
from fwchoice.criteria.model import EMPTY, RATING_MAX, Document, Question
from fwchoice.decide.questionnaire import EarlyFinish, ReviewNotes
from fwchoice.decide.scorer import Scorer
from fwchoice.decide.scoring import HUNDRED
from fwchoice.record import NamedTuple

MAX_WORLDS = 4096

ZERO = Fraction(0)


def question_alternatives(question: Question) -> list[tuple[str, ...]]:
    """Every concrete answer a question allows (every subset for multiple choice;
    the format allows at most 8 choices there, so at most 256 subsets)."""
    ids = list(question.choices)
    if not question.multiple:
        return [(c,) for c in ids]
    return [subset for size in range(len(ids) + 1) for subset in combinations(ids, size)]


def alternative_count(question: Question) -> int:
    return 2 ** len(question.choices) if question.multiple else len(question.choices)


def smallest_changes(question: Question, current: tuple[str, ...]) -> list[list[tuple[str, ...]]]:
    """Other answers to a question, in rounds of growing size: for a single-choice,
    yes/no or scale question one round (every other choice); for a multiple-choice
    question, first every answer one choice away (one added or removed), then two.

    "What would change it" looks for the smallest change that flips the winner,
    so a larger change is only tried when no smaller one flips it.
    """
    if not question.multiple:
        return [[(c,) for c in question.choices if (c,) != current]]
    ids = list(question.choices)
    chosen = set(current)

    def toggled(flip: tuple[str, ...]) -> tuple[str, ...]:
        picked = chosen.symmetric_difference(flip)
        return tuple(c for c in ids if c in picked)

    return [[toggled((c,)) for c in ids], [toggled(pair) for pair in combinations(ids, 2)]]


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
    current = scorer.winner(scorer.weights(neutral))
    count = world_count(document, open_questions)
    if count <= MAX_WORLDS:
        lows = [Fraction(100)] * len(scorer.options)
        highs = [ZERO] * len(scorer.options)
        winners: set[str] = set()
        for world in _worlds(document, answers, open_questions):
            weights = scorer.weights(world)
            scores = scorer.scores(weights)
            lows = [min(a, b) for a, b in zip(lows, scores, strict=True)]
            highs = [max(a, b) for a, b in zip(highs, scores, strict=True)]
            winners.add(scorer.winner(weights))
        ranges = {o: (lows[i], highs[i]) for i, o in enumerate(scorer.options)}
        return Uncertainty(
            tuple(open_questions),
            ranges,
            True,
            frozenset(winners),
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
    current: str,
    count: int,
) -> Uncertainty:
    low, high = _weight_box(document, scorer, answers, open_questions)
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
        if worst <= 0:  # some weights in the box let ``option`` draw level or lead
            winners.add(option)
    return Uncertainty(
        tuple(open_questions), ranges, False, frozenset(winners), len(winners) > 1, count
    )


def settle_first(document: Document, answers: Answers, unsure: list[str]) -> dict[str, Fraction]:
    """How far each unsure question alone moves the leader's margin (others left neutral)."""
    scorer = Scorer(document)
    neutral = {q: a for q, a in answers.items() if q not in unsure}
    current = scorer.winner(scorer.weights(neutral))
    leader = scorer.options.index(current)
    swings: dict[str, Fraction] = {}
    for qid in unsure:
        margins = []
        for alternative in question_alternatives(document.questions[qid]):
            world = {q: a for q, a in answers.items() if q not in unsure or q == qid}
            world[qid] = Answer(alternative, "asked")
            world = {q: world[q] for q in document.questions if q in world}
            scores = scorer.scores(scorer.weights(world))
            others = [s for i, s in enumerate(scores) if i != leader]
            margins.append(scores[leader] - max(others) if others else scores[leader])
        swings[qid] = max(margins) - min(margins)
    return swings


def uncertainty_for(document: Document, answers: Answers) -> Uncertainty | None:
    unsure = [q for q, a in applicable_answers(document, answers).items() if a.unsure]
    if not unsure:
        return None
    result = analyse_uncertainty(document, answers, unsure)
    swings = settle_first(document, answers, unsure)
    first = (
        max(unsure, key=lambda q: (swings[q], -unsure.index(q)))
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
        swings,
    )


# --- decisive answers -------------------------------------------------------------


class Decisive(NamedTuple):
    question: str
    flips_to: tuple[tuple[tuple[str, ...], str], ...]
    """(alternative answer, the winner it gives), for each alternative that flips."""


def decisive_answers(
    document: Document, answers: Answers, given: Answers | None = None
) -> list[Decisive]:
    """Answers whose change alone changes the winner, with the smallest changes that do it.

    A changed answer is evaluated as running fwchoice with it would evaluate it:
    from the answers given (``given``: also those to questions that did not
    apply), with the conditions worked out again, so a follow-up question that
    becomes applicable counts, with its given answer or else its default.
    """
    given = answers if given is None else given
    scorer = Scorer(document)
    counted = applicable_answers(document, answers)
    raw = scorer.raw_weights(counted)
    current = scorer.winner([max(w, 0) for w in raw])
    result = []
    for qid, answer in counted.items():
        if answer.unsure:
            continue
        question = document.questions[qid]
        flips: list[tuple[tuple[str, ...], str]] = []
        for alternatives in smallest_changes(question, answer.choices):
            for alternative in alternatives:
                if scorer.dependents[qid]:
                    changed = {**given, qid: Answer(alternative, answer.how)}
                    resolved, _ = complete(document, changed, fill_defaults=True)
                    weights = scorer.weights(resolved)
                else:  # nothing depends on this answer: only its own effects change
                    weights = list(raw)
                    for choice in answer.choices:
                        for i, delta in scorer.effects.get((qid, choice), ()):
                            weights[i] -= delta
                    for choice in alternative:
                        for i, delta in scorer.effects.get((qid, choice), ()):
                            weights[i] += delta
                    weights = [max(w, 0) for w in weights]
                winner = scorer.winner(weights)
                if winner != current:
                    flips.append((alternative, winner))
            if flips:
                break
        if flips:
            result.append(Decisive(qid, tuple(flips)))
    return result


def review_notes(document: Document) -> ReviewNotes:
    """For the review step: mark each decisive answer with the change that flips it."""
    labels = {o: opt.label for o, opt in document.options.items()}

    def notes(answers: Answers) -> dict[str, str]:
        result = {}
        for item in decisive_answers(document, answers):
            question = document.questions[item.question]
            alternative, winner = item.flips_to[0]
            result[item.question] = (
                f"decisive: {display(question, Answer(alternative))!s} -> {labels[winner]}"
            )
        return result

    return notes


# --- early finish -------------------------------------------------------------------


def early_finish_check(document: Document) -> EarlyFinish:
    """A check for the questionnaire: can the questions not yet answered be skipped?"""

    def can_finish(answers: Answers, missing: list[str]) -> bool:
        remaining = [q for q in document.questions if q not in answers]
        if not remaining:
            return False
        # Anything not answered yet is open: the missing ones and those that may apply later.
        uncertainty = analyse_uncertainty(document, dict(answers), remaining)
        return not uncertainty.winner_can_change

    return can_finish


# --- report data --------------------------------------------------------------------


def decision_insights(
    document: Document, answers: Answers, *, skipped: list[str]
) -> dict[str, Any]:
    """What the report says about certainty, decisive answers and skipped questions."""
    labels = {o: opt.label for o, opt in document.options.items()}
    insights: dict[str, Any] = {"uncertainty": None, "decisive": [], "robust": True, "skipped": []}
    working = dict(answers)
    for qid in skipped:
        working[qid] = Answer.not_sure("asked")
    uncertainty = (
        uncertainty_for(document, working)
        if (skipped or any(a.unsure for a in answers.values()))
        else None
    )
    if uncertainty is not None:
        settle = uncertainty.settle_first
        insights["uncertainty"] = {
            "questions": list(uncertainty.open_questions),
            "exact": uncertainty.exact,
            "worlds": uncertainty.worlds,
            "ranges": {
                o: {"low": round(float(lo), 2), "high": round(float(hi), 2)}
                for o, (lo, hi) in uncertainty.ranges.items()
            },
            "possible_winners": [o for o in document.options if o in uncertainty.possible_winners],
            "winner_can_change": uncertainty.winner_can_change,
            "settle_first": (
                {
                    "question": settle,
                    "text": document.questions[settle].text,
                    "swing": round(float(uncertainty.swings[settle]), 2),
                }
                if settle
                else None
            ),
        }
    decisive = decisive_answers(document, answers)
    insights["robust"] = not decisive
    for item in decisive:
        question = document.questions[item.question]
        insights["decisive"].append(
            {
                "question": item.question,
                "text": question.text,
                "answer": display(question, answers[item.question]),
                "flips_to": [
                    {
                        "answer": display(question, Answer(alt)),
                        "winner": winner,
                        "winner_label": labels[winner],
                    }
                    for alt, winner in item.flips_to
                ],
            }
        )
    if skipped:
        insights["skipped"] = [{"question": q, "text": document.questions[q].text} for q in skipped]
    return insights
