"""Which answers the verdict hangs on: the changes that put another option first.

One change is one question's answer replaced by any other answer the question
allows: another choice; for a multiple-choice question any other set of its
choices, however many it adds or drops (the format allows at most 8 choices, so
at most 255 other sets); for an unsure answer, any answer that settles it (every
answer the question allows). A change's size is how many choices it adds or
drops on a multiple-choice question (at least 1), and 1 on any other question:
smaller changes are listed first.

A change is evaluated as running fwchoice with it would evaluate it: from the
answers given (also those to questions that did not apply), with the
conditions worked out again, so a follow-up question that becomes applicable
counts, with its given answer or else its default; must-haves are judged again
too. The option a verdict puts first is the best eligible one, or none when no
option has every must-have: a change flips the verdict when the option it puts
first is another, or none, or (from none) any option.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from itertools import combinations
from typing import Literal

from fwchoice.criteria.answers import Answer, Answers, applicable_answers, complete, display
from fwchoice.criteria.model import Document, Question
from fwchoice.decide.questionnaire import ReviewNotes
from fwchoice.decide.scorer import Scorer
from fwchoice.decide.uncertainty import question_alternatives
from fwchoice.record import NamedTuple


def answer_changes(question: Question, current: Answer) -> list[tuple[str, ...]]:
    """Every other answer to a question, smallest change first (then in the order
    ``question_alternatives`` lists them); for an unsure answer, every answer."""
    others = [a for a in question_alternatives(question) if current.unsure or a != current.choices]
    return sorted(others, key=lambda a: change_size(question, current, a))


def change_size(question: Question, current: Answer, to: tuple[str, ...]) -> int:
    """Choices added or dropped on a multiple-choice question (at least 1); else 1."""
    if not question.multiple:
        return 1
    return max(1, len(set(current.choices).symmetric_difference(to)))


def smallest_changes(question: Question, current: tuple[str, ...]) -> list[list[tuple[str, ...]]]:
    """Other answers to a question one step away: for a single-choice, yes/no or
    scale question every other choice; for a multiple-choice question every answer
    one choice away (one added or removed), then two (what settles a close call
    looks at these)."""
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
    ``evaluations`` counts the outcomes worked out (the work a report costs).
    """

    def __init__(self, document: Document, answers: Answers, given: Answers | None) -> None:
        self.document = document
        self.given = answers if given is None else given
        self.scorer = Scorer(document)
        self.counted = applicable_answers(document, answers)
        self.raw = self.scorer.raw_weights(self.counted, counted=True)
        self.excluded = self.scorer.excluded(self.counted, counted=True)
        self.current = self.scorer.first([max(w, 0) for w in self.raw], self.excluded)
        self.evaluations = 0
        self._runs: dict[
            tuple[tuple[str, tuple[bool, ...]], ...], tuple[list[int], frozenset[int], Answers]
        ] = {}
        self._dependents = {q: sorted(d) for q, d in self.scorer.dependents.items()}

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
        """``_run`` of one change, cheaply (see ``_patterned``)."""
        return self._patterned((change,))

    def _patterned(self, changes: tuple[Change, ...]) -> tuple[list[int], frozenset[int], Answers]:
        """``_run``, cheaply: which later questions apply depends only on which of the
        conditions naming a changed question its new answer meets, so one full run
        per such pattern serves every answer that gives it (a question with 8
        choices has 255 other answers, and few patterns). From that run, the
        changed answers' own weight effects are swapped in, and must-haves judged
        again if any answer swapped names one or an add-on."""
        key = tuple((c.question, self._pattern(c.question, c.choices)) for c in changes)
        if key not in self._runs:
            now = [self.counted[c.question] for c in changes]
            if all(
                pattern == self._pattern(qid, a.choices, unsure=a.unsure)
                for (qid, pattern), a in zip(key, now, strict=True)
            ):
                self._runs[key] = (self.raw, self.excluded, self.counted)
            else:
                self._runs[key] = self._run(changes)
        raw, excluded, counted = self._runs[key]
        scorer = self.scorer
        swapped: list[tuple[str, str]] = []
        copied = False
        for change in changes:
            before = counted.get(change.question)
            if before is None:  # it does not apply with the other changes
                continue
            if before.choices == change.choices and not before.unsure:
                continue
            if not copied:  # the kept run stays as it is
                raw, counted, copied = list(raw), dict(counted), True  # the same order
            counted[change.question] = Answer(change.choices, "asked")
            for choice in before.choices:
                for i, delta in scorer.effects.get((change.question, choice), ()):
                    raw[i] -= delta
            for choice in change.choices:
                for i, delta in scorer.effects.get((change.question, choice), ()):
                    raw[i] += delta
            swapped += [(change.question, c) for c in (*before.choices, *change.choices)]
        if any(pick in scorer.must or pick in scorer.add_ons for pick in swapped):
            excluded = scorer.excluded(counted, counted=True)
        return raw, excluded, counted

    def _pattern(
        self, qid: str, choices: tuple[str, ...], *, unsure: bool = False
    ) -> tuple[bool, ...]:
        """Which conditions naming ``qid`` an answer meets: the ``when`` of later
        questions (an unsure answer meets them all, as a question is asked when its
        answer might matter) and of their ``default_when`` rules (an unsure answer
        meets none: it cannot pick a default)."""
        pattern = []
        for d in self._dependents[qid]:
            question = self.document.questions[d]
            if qid in question.when:
                pattern.append(unsure or bool(question.when[qid].intersection(choices)))
            for rule in question.default_when:
                if qid in rule.when:
                    pattern.append(not unsure and bool(rule.when[qid].intersection(choices)))
        return tuple(pattern)

    def outcome(self, changes: tuple[Change, ...]) -> tuple[list[int], frozenset[int]]:
        self.evaluations += 1
        scorer = self.scorer
        full = tuple(c for c in changes if not self._simple(c))
        if len(full) > 1:
            raw, excluded, _ = self._patterned(full + tuple(c for c in changes if c not in full))
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

    def winner(self, changes: tuple[Change, ...]) -> str | None:
        """The option a rerun with ``changes`` puts first (None: none is eligible)."""
        return self.scorer.first(*self.outcome(changes))

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

    def judge(self, changes: tuple[Change, ...]) -> tuple[str | None, int]:
        """The option a rerun with ``changes`` puts first (None: none is eligible), and
        how far the current winner's weighted sum is then ahead of its closest
        eligible rival's (scaled whole numbers; below zero when another option
        leads; 0 when no option is eligible now, so every change is as promising)."""
        weights, excluded = self.outcome(changes)
        sums = self.scorer.sums(weights)
        eligible = [i for i in range(len(sums)) if i not in excluded]
        best = max(eligible, key=lambda i: (sums[i], -i)) if eligible else None
        first = None if best is None else self.scorer.options[best]
        if self.current is None:
            return first, 0
        mine = self.scorer.options.index(self.current)
        others = [s for i, s in enumerate(sums) if i != mine and i not in excluded]
        return first, sums[mine] - max(others) if others else sums[mine]

    def tie(self, changes: tuple[Change, ...]) -> bool:
        """Whether the option ``changes`` put first only ties on score with the next
        eligible option (first by the file's order, not by a lead)."""
        weights, excluded = self.outcome(changes)
        sums = self.scorer.sums(weights)
        eligible = sorted(
            (i for i in range(len(sums)) if i not in excluded), key=lambda i: -sums[i]
        )
        return len(eligible) > 1 and sums[eligible[0]] == sums[eligible[1]]


# --- the changes that flip the verdict -------------------------------------------------


class AnswerFlip(NamedTuple):
    """Answer changes (one, or a pair) that put ``winner`` first (None: no option is
    eligible then)."""

    changes: tuple[Change, ...]
    winner: str | None
    size: int
    """Choices added or dropped, summed over the changes (see ``change_size``)."""
    tie: bool = False


class AnswerFlips(NamedTuple):
    kind: Literal["single", "pair", "none"]
    flips: tuple[AnswerFlip, ...]
    """Smallest first; among equal sizes in the questions' order."""
    searched_all: bool
    evaluations: int
    """Outcomes worked out to find them."""


class _Single(NamedTuple):
    change: Change
    size: int
    winner: str | None
    lead: int
    """``_Changes.judge``'s lead: what makes a pair of it promising."""


def _singles(changes: _Changes) -> list[_Single]:
    """Every single change, each worked out once (smallest first within a question)."""
    result = []
    for qid, answer in changes.counted.items():
        question = changes.document.questions[qid]
        for alternative in answer_changes(question, answer):
            change = Change(qid, alternative)
            winner, lead = changes.judge((change,))
            result.append(_Single(change, change_size(question, answer, alternative), winner, lead))
    return result


def _single_flips(changes: _Changes, singles: list[_Single]) -> list[AnswerFlip]:
    found = [
        AnswerFlip((s.change,), s.winner, s.size) for s in singles if s.winner != changes.current
    ]
    found.sort(key=lambda f: f.size)  # stable: the questions' order within a size
    return found


def answer_flips(document: Document, answers: Answers, given: Answers | None = None) -> AnswerFlips:
    """Every single change that flips the verdict; when none does, the pairs that do
    (``flipping_pairs``). Each marked ``tie`` when its new first option only draws
    level on score."""
    changes = _Changes(document, answers, given)
    singles = _singles(changes)
    found = _single_flips(changes, singles)
    kind: Literal["single", "pair", "none"] = "single"
    searched_all = True
    if not found:
        found, searched_all = _pairs(changes, singles)
        kind = "pair" if found else "none"
    flips = tuple(f._replace(tie=f.winner is not None and changes.tie(f.changes)) for f in found)
    return AnswerFlips(kind, flips, searched_all, changes.evaluations)


class Decisive(NamedTuple):
    question: str
    flips_to: tuple[tuple[tuple[str, ...], str | None], ...]
    """(alternative answer, the option it puts first), for every change to this
    question that flips the verdict, smallest first."""


def decisive_answers(
    document: Document, answers: Answers, given: Answers | None = None
) -> list[Decisive]:
    """Answers whose change alone flips the verdict, with every change that does it.
    ``given`` holds every answer given (also to questions that did not apply);
    ``answers`` are those the run resolved to."""
    changes = _Changes(document, answers, given)
    flips = _single_flips(changes, _singles(changes))
    grouped: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
    for flip in flips:
        grouped.setdefault(flip.changes[0].question, []).append(
            (flip.changes[0].choices, flip.winner)
        )
    return [Decisive(q, tuple(grouped[q])) for q in document.questions if q in grouped]


class PairFlip(NamedTuple):
    changes: tuple[Change, Change]
    winner: str | None


MAX_PAIRS = 5_000
"""Pairs of changed answers tried when no single change flips the verdict."""


def flipping_pairs(
    document: Document, answers: Answers, given: Answers | None = None
) -> tuple[list[PairFlip], bool]:
    """Pairs of answer changes to two questions that flip the verdict; and whether
    every pair was tried (``MAX_PAIRS``)."""
    changes = _Changes(document, answers, given)
    found, searched_all = _pairs(changes, _singles(changes))
    return [PairFlip((f.changes[0], f.changes[1]), f.winner) for f in found], searched_all


def _candidates(
    changes: _Changes, singles: list[_Single]
) -> tuple[list[tuple[int, Change, Change, int]], bool]:
    """The pairs to try, most promising first: those whose two changes, each on its own,
    cut the winner's lead the most; at most ``MAX_PAIRS`` of them (about as many, of
    the singles that cut the lead most), and whether that is every pair."""
    base = changes.judge(())[1]
    per_question: dict[str, int] = {}
    for single in singles:
        per_question[single.change.question] = per_question.get(single.change.question, 0) + 1
    total = (len(singles) ** 2 - sum(n * n for n in per_question.values())) // 2
    complete_search = total <= MAX_PAIRS
    # Pairs are made from the singles that cut the lead most, taken in that order
    # until they make MAX_PAIRS pairs (all of them when there are no more): a file
    # at the limits has 10,000 singles, and 50 million pairs must not be listed.
    ranked = sorted(range(len(singles)), key=lambda i: singles[i].lead)
    taken: list[int] = []
    made = 0
    seen: dict[str, int] = {}
    for i in ranked:
        if made >= MAX_PAIRS and not complete_search:
            break
        question = singles[i].change.question
        made += len(taken) - seen.get(question, 0)
        seen[question] = seen.get(question, 0) + 1
        taken.append(i)
    taken.sort()  # each pair in the questions' order
    pairs = [
        (a.lead + b.lead - base, a.change, b.change, a.size + b.size)
        for n, i in enumerate(taken)
        for a in (singles[i],)
        for b in (singles[j] for j in taken[n + 1 :])
        if a.change.question != b.change.question
    ]
    pairs.sort(key=lambda p: p[0])
    return pairs, complete_search


def _pairs(changes: _Changes, singles: list[_Single]) -> tuple[list[AnswerFlip], bool]:
    """Pairs of single changes (any two to different questions) that flip the verdict,
    smallest first; and whether every pair was tried (``_candidates``)."""
    pairs, complete_search = _candidates(changes, singles)
    # A simple change moves each option's weighted sum by the same amount whatever
    # else changed, as long as no weight it touches is or becomes negative (clamped
    # at 0): then a pair costs one addition per option instead of a rescoring.
    scorer = changes.scorer
    moves: dict[Change, tuple[dict[int, int], list[int]] | None] = {}
    for single in singles:
        net = changes.linear(single.change)
        moves[single.change] = (
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
            eligible = [i for i in range(len(scorer.options)) if i not in excluded]
            states[change] = (raw, scorer.sums([max(w, 0) for w in raw]), eligible, counted)
        return states[change]

    found = []
    for _, a, b, size in pairs[:MAX_PAIRS]:
        winner: str | None = None
        done = False
        simple = [c for c in (a, b) if moves[c] is not None]
        if simple:
            other = None if len(simple) == 2 else (b if simple[0] is a else a)
            raw, sums, eligible, counted = state(other)
            applied = [moves[c] for c in simple]
            if all(
                counted.get(c.question) == changes.counted[c.question] for c in simple
            ) and _unclamped(raw, applied):
                changes.evaluations += 1
                moved = [s + sum(m[1][i] for m in applied if m) for i, s in enumerate(sums)]
                done = True
                if eligible:
                    winner = scorer.options[max(eligible, key=lambda i: (moved[i], -i))]
        if not done:
            winner = changes.winner((a, b))
        if winner != changes.current:
            found.append(AnswerFlip((a, b), winner, size))
    found.sort(key=lambda f: f.size)
    return found, complete_search


def _unclamped(raw: list[int], moves: list[tuple[dict[int, int], list[int]] | None]) -> bool:
    """Whether every weight the moves touch stays at or above 0, before and after."""
    total: dict[int, int] = {}
    for move in moves:
        for k, d in (move[0] if move else {}).items():
            total[k] = total.get(k, 0) + d
    return all(raw[k] >= 0 and raw[k] + d >= 0 for k, d in total.items())


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
    the margin between the first two options the most, preferring a question whose
    answers put different options first (one that settles it), then one the user has
    not firmly answered (left at its default, a preset's, or unsure)."""
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
        # First a question whose answers put different options first (one that
        # really settles it), then one the user has not firmly answered.
        key = (len(leans) > 1, not firm, max(spread) - min(spread))
        if best is None or key > best[0]:
            ordered = sorted(leans.values(), key=lambda lean: lean.leader != changes.current)
            best = (key, TieBreaker(qid, tuple(ordered)))
    return best[1] if best else None


def review_notes(document: Document) -> ReviewNotes:
    """For the review step: mark each decisive answer with the smallest change that
    flips it."""
    labels = {o: opt.label for o, opt in document.options.items()}

    def notes(answers: Answers) -> dict[str, str]:
        result = {}
        for item in decisive_answers(document, answers):
            question = document.questions[item.question]
            alternative, winner = item.flips_to[0]
            outcome = labels[winner] if winner is not None else "no option qualifies"
            result[item.question] = (
                f"decisive: {display(question, Answer(alternative))!s} -> {outcome}"
            )
        return result

    return notes
