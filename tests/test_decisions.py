"""Unsure answers, decisive answers, early finish and teams: by hand, then by property."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fwchoice.criteria.answers import Answer, applicable_answers
from fwchoice.criteria.model import Choice, Criterion, Document, Option, Question
from fwchoice.criteria.question_types import KINDS
from fwchoice.decide import uncertainty as decisions
from fwchoice.decide.changes import decisive_answers
from fwchoice.decide.scoring import evaluate
from fwchoice.decide.team import Member, agenda, combined_evaluation
from fwchoice.decide.uncertainty import (
    analyse_uncertainty,
    early_finish_check,
    question_alternatives,
    uncertainty_for,
)
from strategies import answers, documents

# a: strong on x, weak on y; b the reverse. x starts heavier (2 against 1).
SMALL = Document(
    version=1,
    title="small",
    options={"a": Option("a", "A"), "b": Option("b", "B")},
    criteria={
        "x": Criterion("x", "X", "d", Fraction(2), {"a": 5, "b": 1}),
        "y": Criterion("y", "Y", "d", Fraction(1), {"a": 1, "b": 5}),
    },
    questions={
        "q1": Question(
            "q1",
            "Which matters more?",
            KINDS["single"],
            {
                "more_x": Choice("more_x", "X", weights={"x": Fraction(2)}),
                "more_y": Choice("more_y", "Y", weights={"y": Fraction(2)}),
            },
        ),
        "q2": Question(
            "q2",
            "Need y a little?",
            KINDS["yes_no"],
            {
                "yes": Choice("yes", "Yes", weights={"y": Fraction(1)}),
                "no": Choice("no", "No"),
            },
        ),
    },
)
UNSURE = Answer.not_sure("file")


def pts(numerator: int, denominator: int) -> Fraction:
    return Fraction(numerator * 100, denominator)


def test_one_unsure_answer_gives_ranges_by_hand() -> None:
    # q1=more_x: x 4, y 1 -> a 21/25, b 9/25; q1=more_y: x 2, y 3 -> a 13/25, b 17/25.
    result = uncertainty_for(SMALL, {"q1": UNSURE, "q2": Answer(("no",))})
    assert result.exact
    assert result.ranges == {"a": (pts(13, 25), pts(21, 25)), "b": (pts(9, 25), pts(17, 25))}
    assert result.possible_winners == {"a", "b"}
    assert result.winner_can_change
    assert result.settle_first == "q1"


def test_two_unsure_answers_and_the_question_to_settle_first() -> None:
    result = uncertainty_for(SMALL, {"q1": UNSURE, "q2": UNSURE})
    # Worlds: (x,yes) a 22/30; (x,no) a 21/25; (y,yes) a 14/30; (y,no) a 13/25.
    assert result.ranges["a"] == (pts(14, 30), pts(21, 25))
    assert result.ranges["b"] == (pts(9, 25), pts(22, 30))
    assert result.worlds == 4
    # Alone, q1 swings a's margin from +48 to -16 (64 points); q2 from 26.7 to 0.
    assert result.swings["q1"] == Fraction(64)
    assert result.swings["q2"] == pts(8, 30)
    assert result.settle_first == "q1"


def test_unsure_answer_that_cannot_change_the_winner() -> None:
    result = uncertainty_for(SMALL, {"q1": Answer(("more_x",)), "q2": UNSURE})
    assert result.possible_winners == {"a"}
    assert not result.winner_can_change
    assert result.settle_first is None


def test_decisive_answers_by_hand() -> None:
    given_answers = {"q1": Answer(("more_x",)), "q2": Answer(("no",))}
    found = decisive_answers(SMALL, given_answers)
    # more_y alone: a 13/25 against b 17/25. q2=yes alone: a 22/30, still first.
    assert [(d.question, d.flips_to) for d in found] == [("q1", ((("more_y",), "b"),))]


def test_robust_when_no_single_change_flips() -> None:
    heavy = Document(
        version=1,
        title="t",
        options=SMALL.options,
        questions=SMALL.questions,
        criteria={**SMALL.criteria, "x": Criterion("x", "X", "d", Fraction(20), {"a": 5, "b": 1})},
    )
    assert decisive_answers(heavy, {"q1": Answer(("more_x",)), "q2": Answer(("no",))}) == []


def test_early_finish_by_hand() -> None:
    check = early_finish_check(SMALL)
    # After q1=more_x, q2 can only move a between 22/30 and 21/25: a stays first.
    assert check({"q1": Answer(("more_x",))}, ["q2"])
    # Nothing answered: q1 decides it, so stopping is not safe.
    assert not check({}, ["q1", "q2"])


def test_bounded_path_is_sound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decisions, "MAX_WORLDS", 1)
    bounded = analyse_uncertainty(SMALL, {"q1": UNSURE, "q2": UNSURE}, ["q1", "q2"])
    assert not bounded.exact
    exact_low_a, exact_high_a = pts(14, 30), pts(21, 25)
    assert bounded.ranges["a"][0] <= exact_low_a
    assert bounded.ranges["a"][1] >= exact_high_a
    assert bounded.winner_can_change


# --- properties ----------------------------------------------------------------------

SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("FWCHOICE_EXAMPLES", "120")), deadline=None
)


def _completions(document, given_answers, open_questions):
    fixed = {q: a for q, a in given_answers.items() if q not in open_questions}
    options = [question_alternatives(document.questions[q]) for q in open_questions]
    for combo in product(*options):
        world = dict(fixed)
        world.update({q: Answer(c) for q, c in zip(open_questions, combo, strict=True)})
        yield {q: world[q] for q in document.questions if q in world}


@SETTINGS
@given(data=st.data(), bounded=st.booleans())
def test_a_range_contains_every_concrete_answers_score(data, bounded: bool) -> None:
    document = data.draw(documents())
    given_answers = data.draw(answers(document, unsure_rate=0.5))
    unsure = [q for q, a in applicable_answers(document, given_answers).items() if a.unsure]
    if not unsure:
        return
    limit = 1 if bounded else decisions.MAX_WORLDS
    original = decisions.MAX_WORLDS
    decisions.MAX_WORLDS = limit
    try:
        result = analyse_uncertainty(document, given_answers, unsure)
    finally:
        decisions.MAX_WORLDS = original
    winners = set()
    for world in _completions(document, given_answers, unsure):
        ranking = evaluate(document, world).ranking
        winners.add(ranking.winner)
        for option in document.options:
            low, high = result.ranges[option]
            assert low <= ranking.points(option) <= high
    assert winners <= result.possible_winners
    if result.exact:
        assert winners == result.possible_winners


@SETTINGS
@given(data=st.data())
def test_early_finish_never_stops_when_a_completion_changes_the_winner(data) -> None:
    document = data.draw(documents())
    full = data.draw(answers(document))
    cut = data.draw(st.integers(0, len(document.questions)))
    so_far = dict(list(full.items())[:cut])
    remaining = [q for q in document.questions if q not in so_far]
    if not remaining or not early_finish_check(document)(so_far, remaining):
        return
    winner = evaluate(document, so_far).ranking.winner
    for world in _completions(document, so_far, remaining):
        assert evaluate(document, world).ranking.winner == winner


@SETTINGS
@given(data=st.data())
def test_a_person_combined_with_themselves_is_that_person(data) -> None:
    document = data.draw(documents())
    person = data.draw(answers(document))
    alone = evaluate(document, person)
    together = combined_evaluation(document, [Member("p", person), Member("p2", person)])
    assert together.ranking.scores == alone.ranking.scores
    assert together.verdict.winner == alone.verdict.winner
    assert agenda(document, [Member("p", person), Member("p2", person)]) == ()


def test_team_agenda_orders_by_swing() -> None:
    alice = {"q1": Answer(("more_x",)), "q2": Answer(("no",))}
    bob = {"q1": Answer(("more_y",)), "q2": Answer(("yes",))}
    items = agenda(SMALL, [Member("alice", alice), Member("bob", bob)])
    assert [i.question for i in items] == ["q1", "q2"]
    assert items[0].can_change_winner
    assert items[0].swing > items[1].swing
