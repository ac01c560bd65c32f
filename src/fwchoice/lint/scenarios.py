"""Scenarios: the file's own assertions about what it recommends."""

from __future__ import annotations

from fwchoice.criteria.answers import AnswerProblem, Layer, collect, complete
from fwchoice.criteria.model import RATING_MAX, Document, Scenario
from fwchoice.decide.alternatives import offered
from fwchoice.decide.evidence import rated_by
from fwchoice.decide.scorer import Scorer
from fwchoice.lint.registry import CheckContext, check
from fwchoice.record import NamedTuple
from fwchoice.sanitize import quote


def scenario_layers(document: Document, scenario: Scenario) -> list[Layer]:
    layers: list[Layer] = []
    if scenario.preset and scenario.preset in document.presets:
        layers.append(("preset", dict(document.presets[scenario.preset].answers)))
    layers.append(("file", dict(scenario.answers)))
    return layers


class ScenarioOutcome(NamedTuple):
    winner: str
    margin_points: float
    """For the message only; the hybrid decision is made exactly."""
    close: bool
    """Whether the margin is below the file's hybrid margin (or a tie)."""


def scenario_outcome(document: Document, scenario: Scenario, scorer: Scorer) -> ScenarioOutcome:
    """What lint needs to know, computed in whole numbers (no reasons, no flip lines),
    ranked as ``advise`` ranks: options lacking a must-have come after the others."""
    given = collect(document, scenario_layers(document, scenario))
    answers, _ = complete(document, given, fill_defaults=True)
    weights, excluded = scorer.outcome(answers)
    sums = scorer.sums(weights)
    order = sorted(range(len(sums)), key=lambda i: (i in excluded, -sums[i], i))
    winner = order[0]
    total = sum(weights)
    # One option or none left by the must-haves is a verdict, not a close call.
    contested = len(order) - len(excluded) > 1
    if len(order) < 2 or not total:
        return ScenarioOutcome(scorer.options[winner], 0.0, contested)
    gap = sums[winner] - sums[order[1]]
    # margin = 100 * gap / (RATING_MAX * total), compared without division.
    close = contested and (
        gap == 0 or 100 * gap < document.decision.hybrid_margin * RATING_MAX * total
    )
    return ScenarioOutcome(scorer.options[winner], 100 * gap / (RATING_MAX * total), close)


@check("FWC401", lint_only=True, after_errors_only=True)
def scenarios_hold(ctx: CheckContext) -> None:
    """Each scenario's answers still give the expected winner (and hybrid or not)."""
    if not ctx.document.scenarios:
        return
    # Scenarios hold for what `advise` says by default: the best-supported ratings.
    document = rated_by(ctx.document, "evidence")
    scorer = Scorer(document)
    for sid, scenario in document.scenarios.items():
        if scenario.expect_winner not in document.options:
            continue
        try:
            verdict = scenario_outcome(document, scenario, scorer)
        except AnswerProblem:
            continue  # reported by scenarios_are_well_formed
        expected = document.options[scenario.expect_winner].label
        got = document.options[verdict.winner].label
        margin = f"{verdict.margin_points:.1f}"
        if verdict.winner != scenario.expect_winner:
            ctx.report(
                "FWC401",
                ("scenarios", sid, "expect", "winner"),
                f"scenario {quote(sid)} expects {expected} but {got} comes first "
                f"(by {margin} points)",
            )
        elif scenario.expect_alternatives is not None and (
            offered_ids := _offered(document, scenario)
        ) != set(scenario.expect_alternatives):
            listed = ", ".join(sorted(offered_ids)) or "none"
            ctx.report(
                "FWC401",
                ("scenarios", sid, "expect", "alternatives"),
                f"scenario {quote(sid)} expects the alternatives "
                f"{', '.join(scenario.expect_alternatives) or 'none'} but the answers call "
                f"for {listed}",
            )
        elif scenario.expect_hybrid is not None and verdict.close != scenario.expect_hybrid:
            wanted = "a close call" if scenario.expect_hybrid else "a clear verdict"
            ctx.report(
                "FWC401",
                ("scenarios", sid, "expect", "hybrid"),
                f"scenario {quote(sid)} expects {wanted} but the margin is {margin} points "
                f"(a close call below {float(document.decision.hybrid_margin):g})",
            )


def _offered(document: Document, scenario: Scenario) -> set[str]:
    """The alternatives a scenario's answers call for, as `advise` would offer them."""
    given = collect(document, scenario_layers(document, scenario))
    answers, _ = complete(document, given, fill_defaults=True)
    return {a.id for a in offered(document, answers)}
