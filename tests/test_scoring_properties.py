"""Rules of the scoring engine that hold for every document and every answer."""

from __future__ import annotations

import json
from collections.abc import Mapping
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from fwchoice.criteria.model import Criterion, Document, Option
from fwchoice.decide.advice import advice_report
from fwchoice.decide.scoring import evaluate, rank
from strategies import answers, documents

SETTINGS = settings(max_examples=150, deadline=None)


@SETTINGS
@given(data=st.data())
def test_scores_are_between_0_and_100(data) -> None:
    document = data.draw(documents())
    result = evaluate(document, data.draw(answers(document)))
    for option in document.options:
        assert 0 <= result.ranking.points(option) <= 100


def _renamed(document: Document, order: list[str]) -> Document:
    rename = {old: f"renamed_{old}" for old in order}
    options = {rename[o]: Option(rename[o], document.options[o].label) for o in order}
    criteria = {
        cid: c._replace(ratings={rename[o]: c.ratings[o] for o in order})
        for cid, c in document.criteria.items()
    }
    return document._replace(options=options, criteria=criteria)


@SETTINGS
@given(data=st.data())
def test_renaming_or_reordering_options_changes_nothing(data) -> None:
    document = data.draw(documents())
    given_answers = data.draw(answers(document))
    order = data.draw(st.permutations(list(document.options)))
    before = evaluate(document, given_answers).ranking
    after = evaluate(_renamed(document, list(order)), given_answers).ranking
    assert {f"renamed_{o}": s for o, s in before.scores.items()} == after.scores
    top = max(before.scores.values())
    if list(before.scores.values()).count(top) == 1:  # exact ties are reported as ties
        assert after.winner == f"renamed_{before.winner}"


def raw_margin(document: Document, weights: Mapping[str, Fraction], a: str, b: str) -> Fraction:
    """sum_k W_k * (r_a,k - r_b,k): positive when ``a`` leads ``b`` (before dividing by the
    total weight, which every option shares)."""
    ratings = {cid: c.ratings for cid, c in document.criteria.items()}
    return sum(
        (w * (ratings[c].get(a, 0) - ratings[c].get(b, 0)) for c, w in weights.items()),
        Fraction(0),
    )


@SETTINGS
@given(data=st.data())
def test_raising_a_weight_where_a_outrates_b_never_lowers_a_over_b(data) -> None:
    document = data.draw(documents())
    weights = {cid: c.weight for cid, c in document.criteria.items()}
    a, b = data.draw(st.permutations(list(document.options)))[:2]
    cid = data.draw(st.sampled_from(list(document.criteria)))
    assume(document.criteria[cid].ratings[a] > document.criteria[cid].ratings[b])
    raised = {**weights, cid: weights[cid] + data.draw(st.integers(1, 10))}
    assert raw_margin(document, raised, a, b) > raw_margin(document, weights, a, b)
    # and so it can never turn A's lead over B into B's lead over A
    if raw_margin(document, weights, a, b) > 0:
        assert raw_margin(document, raised, a, b) > 0


@SETTINGS
@given(data=st.data())
def test_flip_thresholds_really_flip(data) -> None:
    document = data.draw(documents())
    result = evaluate(document, data.draw(answers(document)))
    ranking = result.ranking
    scores = sorted(ranking.scores.values(), reverse=True)
    assume(scores[0] != scores[1])
    weights = dict(ranking.weights)
    for flip in result.flips:
        before = {**weights, flip.criterion: (flip.current + flip.threshold) / 2}
        assert rank(document, before).winner == ranking.winner
        step = Fraction(1, 1000)
        beyond_weight = (
            flip.threshold + step if flip.direction == "raise" else flip.threshold - step
        )
        if beyond_weight < 0:
            beyond_weight = Fraction(0)
        beyond = {**weights, flip.criterion: beyond_weight}
        if sum(beyond.values()):
            assert rank(document, beyond).winner != ranking.winner, flip


@SETTINGS
@given(data=st.data())
def test_same_answers_same_output_byte_for_byte(data) -> None:
    document = data.draw(documents())
    given_answers = data.draw(answers(document))
    first = advice_report(document, evaluate(document, given_answers), criteria_file={})
    second = advice_report(document, evaluate(document, dict(given_answers)), criteria_file={})
    assert json.dumps(first.as_json()) == json.dumps(second.as_json())


def test_a_criterion_nobody_weighs_changes_nothing() -> None:
    base = Document(
        version=1,
        title="t",
        options={"a": Option("a", "A"), "b": Option("b", "B")},
        criteria={
            "x": Criterion("x", "X", "d", Fraction(2), {"a": 5, "b": 1}),
            "y": Criterion("y", "Y", "d", Fraction(0), {"a": 0, "b": 5}),
        },
    )
    assert evaluate(base, {}).ranking.scores == {"a": Fraction(1), "b": Fraction(1, 5)}
