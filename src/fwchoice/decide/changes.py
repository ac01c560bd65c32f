"""Which answers the verdict hangs on: the smallest changes that put another option first.

A change is evaluated as running fwchoice with it would evaluate it: from the
answers given (also those to questions that did not apply), with the
conditions worked out again, so a follow-up question that becomes applicable
counts, with its given answer or else its default; must-haves are judged again
too. For a multiple-choice question the smallest change is one choice added or
removed, then two.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from itertools import combinations

from fwchoice.criteria.answers import Answer, Answers, applicable_answers, complete, display
from fwchoice.criteria.model import Document, Question
from fwchoice.decide.questionnaire import ReviewNotes
from fwchoice.decide.scorer import Scorer
from fwchoice.record import NamedTuple


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


# --- evaluating changed answers ---------------------------------------------------


class Change(NamedTuple):
    """One question's answer changed to ``choices``."""

    question: str
    choices: tuple[str, ...]


class _Changes:
    """Evaluates changed answers exactly, and cheaply where nothing else can move.

    An answer that no condition looks at, and that names no must-have or add-on,
    changes only its own weight effects: the weights are adjusted in place. Any
    other change is run in full (conditions and defaults again, must-haves
    again), once: a pair of it and a simple change adjusts that run's weights.
    """

    def __init__(self, document: Document, answers: Answers, given: Answers | None) -> None:
        self.document = document
        self.given = answers if given is None else given
        self.scorer = Scorer(document)
        self.counted = applicable_answers(document, answers)
        self.raw = self.scorer.raw_weights(self.counted, counted=True)
        self.excluded = self.scorer.excluded(self.counted, counted=True)
        self.current = self.scorer.winner([max(w, 0) for w in self.raw], self.excluded)
        self._runs: dict[Change, tuple[list[int], frozenset[int], Answers]] = {}

    @cache  # noqa: B019 (one instance per report, dropped with it)
    def _simple(self, change: Change) -> bool:
        scorer = self.scorer
        old = self.counted[change.question].choices
        touched = (*old, *change.choices)
        return not scorer.dependents[change.question] and not any(
            (change.question, c) in scorer.must or (change.question, c) in scorer.add_ons
            for c in touched
        )

    def _run(self, changes: tuple[Change, ...]) -> tuple[list[int], frozenset[int], Answers]:
        """Raw weights, exclusions and counted answers, as a rerun with ``changes``
        would work them out."""
        changed = dict(self.given)
        for change in changes:
            changed[change.question] = Answer(change.choices, "asked")
        resolved, _ = complete(self.document, changed, fill_defaults=True)
        counted = applicable_answers(self.document, resolved)
        scorer = self.scorer
        return (
            scorer.raw_weights(counted, counted=True),
            scorer.excluded(counted, counted=True),
            counted,
        )

    def run(self, change: Change) -> tuple[list[int], frozenset[int], Answers]:
        """``_run`` of one change, kept: pairs reuse it."""
        if change not in self._runs:
            self._runs[change] = self._run((change,))
        return self._runs[change]

    def outcome(self, changes: tuple[Change, ...]) -> tuple[list[int], frozenset[int]]:
        scorer = self.scorer
        full = tuple(c for c in changes if not self._simple(c))
        if len(full) > 1:
            raw, excluded, _ = self._run(full + tuple(c for c in changes if c not in full))
            return [max(w, 0) for w in raw], excluded
        if full:
            raw, excluded, counted = self.run(full[0])
        else:
            raw, excluded, counted = self.raw, self.excluded, self.counted
        weights = list(raw)
        for change in changes:
            if change in full:
                continue
            current = counted.get(change.question)
            if current is None:  # the other change made the question not apply
                continue
            for choice in current.choices:
                for i, delta in scorer.effects.get((change.question, choice), ()):
                    weights[i] -= delta
            for choice in change.choices:
                for i, delta in scorer.effects.get((change.question, choice), ()):
                    weights[i] += delta
        return [max(w, 0) for w in weights], excluded

    def winner(self, changes: tuple[Change, ...]) -> str:
        return self.scorer.winner(*self.outcome(changes))

    def linear(self, change: Change) -> dict[int, int] | None:
        """A simple change's net effect on each weight (whole numbers), or None for a
        change that must be run in full."""
        if not self._simple(change):
            return None
        net: dict[int, int] = {}
        for choice in self.counted[change.question].choices:
            for i, delta in self.scorer.effects.get((change.question, choice), ()):
                net[i] = net.get(i, 0) - delta
        for choice in change.choices:
            for i, delta in self.scorer.effects.get((change.question, choice), ()):
                net[i] = net.get(i, 0) + delta
        return {i: d for i, d in net.items() if d}

    def lead(self, changes: tuple[Change, ...]) -> int:
        """How far the current winner's weighted sum is ahead of its closest rival's
        (scaled whole numbers; below zero when another option leads)."""
        weights, excluded = self.outcome(changes)
        sums = self.scorer.sums(weights)
        mine = self.scorer.options.index(self.current)
        others = [s for i, s in enumerate(sums) if i != mine and i not in excluded]
        return sums[mine] - max(others) if others else sums[mine]


# --- decisive answers -------------------------------------------------------------


class Decisive(NamedTuple):
    question: str
    flips_to: tuple[tuple[tuple[str, ...], str], ...]
    """(alternative answer, the winner it gives), for each smallest change that flips."""


def decisive_answers(
    document: Document, answers: Answers, given: Answers | None = None
) -> list[Decisive]:
    """Answers whose change alone puts another option first, with the smallest changes
    that do it. ``given`` holds every answer given (also to questions that did not
    apply); ``answers`` are those the run resolved to."""
    changes = _Changes(document, answers, given)
    result = []
    for qid, answer in changes.counted.items():
        if answer.unsure:
            continue
        flips: list[tuple[tuple[str, ...], str]] = []
        for alternatives in smallest_changes(document.questions[qid], answer.choices):
            for alternative in alternatives:
                winner = changes.winner((Change(qid, alternative),))
                if winner != changes.current:
                    flips.append((alternative, winner))
            if flips:
                break
        if flips:
            result.append(Decisive(qid, tuple(flips)))
    return result


class PairFlip(NamedTuple):
    changes: tuple[Change, Change]
    winner: str


MAX_PAIRS = 5_000
"""Pairs of changed answers tried when no single change flips the verdict."""


def flipping_pairs(
    document: Document, answers: Answers, given: Answers | None = None
) -> tuple[list[PairFlip], bool]:
    """Pairs of answer changes (the smallest change to each of two questions) that put
    another option first; and whether every pair was tried (``MAX_PAIRS``).

    The most promising pairs are tried first: those whose two changes, each on its
    own, cut the winner's lead the most.
    """
    changes = _Changes(document, answers, given)
    singles: list[tuple[int, Change]] = []
    for qid, answer in changes.counted.items():
        if answer.unsure:
            continue
        for alternative in smallest_changes(document.questions[qid], answer.choices)[0]:
            change = Change(qid, alternative)
            singles.append((changes.lead((change,)), change))
    base = changes.lead(())
    pairs = [
        (lead_a + lead_b - base, a, b)
        for i, (lead_a, a) in enumerate(singles)
        for lead_b, b in singles[i + 1 :]
        if a.question != b.question
    ]
    pairs.sort(key=lambda p: p[0])
    complete_search = len(pairs) <= MAX_PAIRS
    # A simple change moves each option's weighted sum by the same amount whatever
    # else changed, as long as no weight it touches is or becomes negative (clamped
    # at 0): then a pair costs one addition per option instead of a rescoring.
    scorer = changes.scorer
    moves: dict[Change, tuple[dict[int, int], list[int]] | None] = {}
    for _, change in singles:
        net = changes.linear(change)
        moves[change] = (
            None
            if net is None
            else (net, [sum(d * row[k] for k, d in net.items()) for row in scorer.ratings])
        )
    states: dict[Change | None, tuple[list[int], list[int], list[int], Answers]] = {}

    def state(change: Change | None) -> tuple[list[int], list[int], list[int], Answers]:
        """Raw weights, weighted sums, eligible options and counted answers, with
        ``change`` (run in full) or without."""
        if change not in states:
            if change is None:
                raw, excluded, counted = changes.raw, changes.excluded, changes.counted
            else:
                raw, excluded, counted = changes.run(change)
            n = len(scorer.options)
            eligible = [i for i in range(n) if i not in excluded] or list(range(n))
            states[change] = (raw, scorer.sums([max(w, 0) for w in raw]), eligible, counted)
        return states[change]

    found = []
    for _, a, b in pairs[:MAX_PAIRS]:
        winner = None
        simple = [c for c in (a, b) if moves[c] is not None]
        if simple:
            other = None if len(simple) == 2 else (b if simple[0] is a else a)
            raw, sums, eligible, counted = state(other)
            applied = [moves[c] for c in simple]
            if all(
                counted.get(c.question) == changes.counted[c.question] for c in simple
            ) and _unclamped(raw, applied):
                moved = [s + sum(m[1][i] for m in applied if m) for i, s in enumerate(sums)]
                winner = scorer.options[max(eligible, key=lambda i: (moved[i], -i))]
        if winner is None:
            winner = changes.winner((a, b))
        if winner != changes.current:
            found.append(PairFlip((a, b), winner))
    return found, complete_search


def _unclamped(raw: list[int], moves: list[tuple[dict[int, int], list[int]] | None]) -> bool:
    """Whether every weight the moves touch stays at or above 0, before and after."""
    total: dict[int, int] = {}
    for move in moves:
        for k, d in (move[0] if move else {}).items():
            total[k] = total.get(k, 0) + d
    return all(raw[k] >= 0 and raw[k] + d >= 0 for k, d in total.items())


def ties(
    document: Document, answers: Answers, given: Answers, change_sets: list[tuple[Change, ...]]
) -> list[bool]:
    """For each set of changes: whether its new winner only ties on score with the next
    eligible option (first by the file's order, not by a lead)."""
    changes = _Changes(document, answers, given)
    result = []
    for change_set in change_sets:
        weights, excluded = changes.outcome(change_set)
        sums = changes.scorer.sums(weights)
        eligible = sorted(
            (i for i in range(len(sums)) if i not in excluded), key=lambda i: -sums[i]
        )
        result.append(len(eligible) > 1 and sums[eligible[0]] == sums[eligible[1]])
    return result


# --- what would settle a close call ---------------------------------------------------


class Lean(NamedTuple):
    """With ``choices`` for the question, ``leader`` comes first by ``margin`` points."""

    choices: tuple[str, ...]
    leader: str
    margin: Fraction


FIRM: tuple[str, ...] = ("asked", "flag", "file")
"""How an answer the user stated was given (a default or a preset's is a guess)."""


class TieBreaker(NamedTuple):
    question: str
    leans: tuple[Lean, ...]
    """The answers that lean most each way: one per option that can lead."""


def tie_breaker(
    document: Document, answers: Answers, given: Answers | None = None
) -> TieBreaker | None:
    """The question whose answer would settle a close call: the one whose answers move
    the margin between the first two options the most, preferring a question the user
    has not firmly answered (left at its default, a preset's, or unsure), then one
    whose answers put different options first."""
    changes = _Changes(document, answers, given)
    scorer = changes.scorer
    best: tuple[tuple[bool, bool, object], TieBreaker] | None = None
    for qid, question in document.questions.items():
        if qid not in changes.counted:
            continue
        current = changes.counted[qid]
        alternatives = (
            [(c,) for c in question.choices]
            if not question.multiple
            else [
                current.choices if not current.unsure else (),
                *smallest_changes(question, () if current.unsure else current.choices)[0],
            ]
        )
        leans: dict[str, Lean] = {}
        spread = []
        for alternative in alternatives:
            weights, excluded = changes.outcome((Change(qid, alternative),))
            scores = scorer.scores(weights)
            order = sorted(
                (i for i in range(len(scores)) if i not in excluded),
                key=lambda i: (-scores[i], i),
            )
            if len(order) < 2:
                continue
            leader, second = order[0], order[1]
            margin = scores[leader] - scores[second]
            option = scorer.options[leader]
            spread.append(margin if option == changes.current else -margin)
            if option not in leans or margin > leans[option].margin:
                leans[option] = Lean(alternative, option, margin)
        if len(spread) < 2:
            continue
        firm = current.how in FIRM and not current.unsure
        key = (not firm, len(leans) > 1, max(spread) - min(spread))
        if best is None or key > best[0]:
            ordered = sorted(leans.values(), key=lambda lean: lean.leader != changes.current)
            best = (key, TieBreaker(qid, tuple(ordered)))
    return best[1] if best else None


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
