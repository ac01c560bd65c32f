"""Scenarios: the file's own assertions about what it recommends."""

from __future__ import annotations

from fwchoice.criteria.answers import AnswerProblem, Layer, collect, complete
from fwchoice.criteria.model import Document, Scenario
from fwchoice.decide.scoring import Evaluation, Verdict, decide, evaluate, rank, weigh
from fwchoice.lint.registry import CheckContext, check
from fwchoice.sanitize import quote


def scenario_layers(document: Document, scenario: Scenario) -> list[Layer]:
    layers: list[Layer] = []
    if scenario.preset and scenario.preset in document.presets:
        layers.append(("preset", dict(document.presets[scenario.preset].answers)))
    layers.append(("file", dict(scenario.answers)))
    return layers


def run_scenario(document: Document, scenario: Scenario) -> Evaluation:
    """Score a scenario the way `advise --preset P --set ... --defaults` would."""
    given = collect(document, scenario_layers(document, scenario))
    answers, _ = complete(document, given, fill_defaults=True)
    return evaluate(document, answers)


def scenario_verdict(document: Document, scenario: Scenario) -> Verdict:
    """Only the verdict: what lint needs, without reasons, caveats or flip lines."""
    given = collect(document, scenario_layers(document, scenario))
    answers, _ = complete(document, given, fill_defaults=True)
    weights = weigh(document, answers)
    return decide(document, rank(document, {c: w.value for c, w in weights.items()}))


@check("FWC401", scenario=True)
def scenarios_hold(ctx: CheckContext) -> None:
    """Each scenario's answers still give the expected winner (and hybrid or not)."""
    document = ctx.document
    for sid, scenario in document.scenarios.items():
        if scenario.expect_winner not in document.options:
            continue
        try:
            verdict = scenario_verdict(document, scenario)
        except AnswerProblem:
            continue  # reported by scenarios_are_well_formed
        expected = document.options[scenario.expect_winner].label
        got = document.options[verdict.winner].label
        margin = f"{float(verdict.margin):.1f}"
        if verdict.winner != scenario.expect_winner:
            ctx.report(
                "FWC401",
                ("scenarios", sid, "expect", "winner"),
                f"scenario {quote(sid)} expects {expected} but {got} comes first "
                f"(by {margin} points)",
            )
        elif (
            scenario.expect_hybrid is not None
            and (verdict.kind != "clear") != scenario.expect_hybrid
        ):
            wanted = "a hybrid" if scenario.expect_hybrid else "a clear verdict"
            ctx.report(
                "FWC401",
                ("scenarios", sid, "expect", "hybrid"),
                f"scenario {quote(sid)} expects {wanted} but the margin is {margin} points "
                f"(hybrid below {float(document.decision.hybrid_margin):g})",
            )
