"""The scoring engine, on numbers worked out by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from conftest import REPO, SHIPPED
from fwchoice.criteria.answers import collect, complete
from fwchoice.criteria.loader import CriteriaSource
from fwchoice.decide.evidence import rated_by
from fwchoice.decide.scorer import Scorer
from fwchoice.decide.scoring import evaluate
from fwchoice.lint.runner import load_criteria
from fwchoice.lint.scenarios import scenario_layers, scenario_outcome

SHIPPED_DOC = load_criteria(CriteriaSource(SHIPPED, "criteria.yaml", "argument")).document
THREE = load_criteria(
    CriteriaSource(REPO / "tests/fixtures/three_options.yaml", "three", "argument")
).document


def answers_for(document, preset=None, **values):
    layers = []
    if preset:
        layers.append(("preset", dict(document.presets[preset].answers)))
    if values:
        layers.append(("flag", values))
    given = collect(document, layers)
    return complete(document, given, fill_defaults=True)[0]


def test_defaults_on_the_shipped_file() -> None:
    # app_kind=api: api_performance 2+1, documentation 2+1, type_safety 2+1,
    # built_in_features 2-1, admin_interface 2-1; admin=no: admin_interface -2 -> 0;
    # team=neither: learning_curve 2+1; everything else at its default weight of 2.
    result = evaluate(SHIPPED_DOC, answers_for(SHIPPED_DOC))
    weights = {c: w.value for c, w in result.weights.items()}
    assert weights == {
        "api_performance": 3,
        "development_speed": 2,
        "learning_curve": 3,
        "documentation": 3,
        "built_in_features": 1,
        "type_safety": 3,
        "community": 2,
        "async_support": 2,
        "admin_interface": 0,
        "testing_tools": 2,
        "support_horizon": 0,  # added from research: weighs only when an answer asks
    }
    assert result.weights["admin_interface"].clamped
    # FastAPI: 15+8+12+15+2+15+8+10+0+6 = 91; Django: 9+10+9+12+5+9+10+6+0+10 = 80;
    # the best possible is 5 x 21 = 105.
    assert result.ranking.scores == {"fastapi": Fraction(91, 105), "django": Fraction(80, 105)}
    assert result.verdict.winner == "fastapi"
    assert result.verdict.margin == Fraction(1100, 105)
    assert result.verdict.kind == "clear"
    assert result.verdict.confidence.label == "moderate"  # 10.48 points: 8 <= m < 15


def test_flip_threshold_closed_form() -> None:
    result = evaluate(SHIPPED_DOC, answers_for(SHIPPED_DOC))
    admin = next(f for f in result.flips if f.criterion == "admin_interface")
    # d = 1 - 5 = -4, D = 91 - 80 = 11: W' = 0 - 11 / -4 = 2.75
    assert (admin.direction, admin.challenger, admin.threshold) == (
        "raise",
        "django",
        Fraction(11, 4),
    )
    built_in = next(f for f in result.flips if f.criterion == "built_in_features")
    # d = 2 - 5 = -3: W' = 1 + 11/3
    assert built_in.threshold == Fraction(14, 3)
    # Type Safety favours FastAPI (d = 2): raising it cannot help Django, and lowering
    # it to zero removes only 3 * 2 = 6 < 11 of the lead, so no flip exists.
    assert not [f for f in result.flips if f.criterion == "type_safety"]


def test_reasons_are_the_largest_contributions() -> None:
    result = evaluate(SHIPPED_DOC, answers_for(SHIPPED_DOC, "ecommerce"))
    top = [c.criterion for c in result.contributions[:3]]
    assert top == ["admin_interface", "built_in_features", "testing_tools"]
    # Admin Interface: weight 9, ratings 5 vs 1, of a total weight of 41 (the long-lived
    # timeline and its upgrades answer give Support Horizon 2) -> 9 * 4 * 100 / (5 * 41)
    assert result.contributions[0].points == Fraction(9 * 4 * 100, 5 * 41)


def test_three_options_by_hand() -> None:
    # small: features 2-1 = 1, simplicity 2+3 = 5, reliability 1.
    # Celery 5+10+3 = 18, RQ 2+25+3 = 30, Dramatiq 4+20+5 = 29, best possible 35.
    result = evaluate(THREE, answers_for(THREE, "small"))
    assert result.ranking.order == ("rq", "dramatiq", "celery")
    assert result.ranking.scores["rq"] == Fraction(30, 35)
    assert result.verdict.margin == Fraction(100, 35)
    assert result.verdict.kind == "clear"  # 2.86 >= hybrid_margin 2
    reliability = next(f for f in result.flips if f.criterion == "reliability")
    # Dramatiq: d = 3 - 5 = -2, D = 30 - 29 = 1 -> W' = 1 + 1/2
    assert (reliability.challenger, reliability.threshold) == ("dramatiq", Fraction(3, 2))


def test_hybrid_below_the_threshold() -> None:
    # many + safety=no: features 4, simplicity 2, reliability 2 (of max 8 x 5 = 40):
    # Celery 20+4+6 = 30, RQ 8+10+6 = 24, Dramatiq 16+8+10 = 34 -> Dramatiq by 10 points.
    clear = evaluate(THREE, answers_for(THREE, scale="many"))
    assert clear.ranking.scores["dramatiq"] == Fraction(34, 40)
    assert clear.verdict.margin == Fraction(10)
    # few + safety=yes: features 1, simplicity 5, reliability 4 (max 50):
    # RQ 2+25+12 = 39, Dramatiq 4+20+20 = 44, Celery 5+10+12 = 27 -> 10 points.
    # Both clear; a margin under 2 points would be a hybrid with the 'split' approach.
    result = evaluate(THREE, answers_for(THREE, safety="yes"))
    assert result.ranking.scores["dramatiq"] == Fraction(44, 50)


def test_caveats_name_needed_features_the_winner_lacks() -> None:
    # Token authentication ships with FastAPI (fastapi.security): no caveat. JWT ships
    # with neither, so it is a caveat for whichever wins.
    result = evaluate(SHIPPED_DOC, answers_for(SHIPPED_DOC, "ml-serving"))
    assert result.verdict.winner == "fastapi"
    assert [c.feature for c in result.caveats] == []
    jwt = evaluate(SHIPPED_DOC, answers_for(SHIPPED_DOC, "ml-serving", security="tokens,jwt"))
    assert [c.feature for c in jwt.caveats] == ["jwt"]


@pytest.mark.parametrize("scenario", list(SHIPPED_DOC.scenarios))
def test_every_shipped_scenario_holds(scenario: str) -> None:
    expected = SHIPPED_DOC.scenarios[scenario]
    given = collect(SHIPPED_DOC, scenario_layers(SHIPPED_DOC, expected))
    answers, _ = complete(SHIPPED_DOC, given, fill_defaults=True)
    scored = rated_by(SHIPPED_DOC, "evidence")  # what advise scores by default
    full = evaluate(scored, answers)
    assert full.verdict.winner == expected.expect_winner
    # lint's whole-number check agrees with the full, exact evaluation
    quick = scenario_outcome(scored, expected, Scorer(scored))
    assert quick.winner == full.verdict.winner
    assert quick.close == (full.verdict.kind in ("close", "tie"))
    assert quick.margin_points == pytest.approx(float(full.verdict.margin))


@pytest.mark.parametrize(
    ("preset", "winner"),
    [
        ("iot-ingestion", "fastapi"),
        ("ml-serving", "fastapi"),
        ("ecommerce", "django"),
        ("cms", "django"),
        ("api-microservice", "fastapi"),
        ("fullstack-webapp", "django"),
    ],
)
def test_presets_give_the_source_winners(preset: str, winner: str) -> None:
    assert evaluate(SHIPPED_DOC, answers_for(SHIPPED_DOC, preset)).verdict.winner == winner


def test_a_close_call_suggests_no_hybrid_the_answers_do_not_call_for() -> None:
    # team=django, performance=5 (others default): weights api 5, dev 6, learning 0,
    # docs 3, built-in 3, types 3, community 3, async 2, admin 0, testing 3 (sum 28).
    # FastAPI 25+24+0+15+6+15+12+10+0+9 = 116; Django 15+30+0+12+15+9+15+6+0+15 = 117.
    result = evaluate(SHIPPED_DOC, answers_for(SHIPPED_DOC, team="django", performance=5))
    assert result.ranking.scores == {"fastapi": Fraction(116, 140), "django": Fraction(117, 140)}
    assert result.verdict.margin == Fraction(100, 140)
    assert result.verdict.kind == "close"
    # No admin is needed and the team knows Django: neither hybrid's `when` holds.
    assert result.verdict.hybrids == ()
    assert result.verdict.confidence.label == "too close to call"


def test_a_close_call_suggests_the_hybrid_the_answers_call_for() -> None:
    # An admin for staff and very important throughput: both sides' strengths.
    answers = answers_for(SHIPPED_DOC, admin="yes", performance=4, concurrency="heavy")
    result = evaluate(SHIPPED_DOC, answers)
    assert result.verdict.kind == "close"
    assert [h.id for h in result.verdict.hybrids] == ["fastapi_front_django_mounted"]
