"""The report's sentences, in words a developer trusts: what you said and why it
favours an option; each gap once; a tie-breaker that settles it; the runner-up's
strongest real argument. Every shipped scenario and preset is read through."""

from __future__ import annotations

import io
import json

import pytest

from conftest import SHIPPED
from fwchoice.criteria.answers import collect, complete
from fwchoice.criteria.loader import CriteriaSource
from fwchoice.decide.advice import build_advice
from fwchoice.lint.runner import load_criteria
from fwchoice.render.advice_markdown import RecordMeta, advice_markdown
from fwchoice.render.advice_view import advice_renderables
from fwchoice.render.terminal import make_console

LOADED = load_criteria(CriteriaSource(SHIPPED, "criteria.yaml", "argument"))
DOC = LOADED.document
STUMBLING = (
    "weighs up",
    "at the file's default weight",
    "draw level",
    "by the file's order",
    "is not built into",
    "are not built into",
    " vs ",
)


def _cases() -> dict[str, dict[str, object]]:
    cases: dict[str, dict[str, object]] = {
        f"preset {pid}": dict(p.answers) for pid, p in DOC.presets.items()
    }
    for sid, scenario in DOC.scenarios.items():
        base = dict(DOC.presets[scenario.preset].answers) if scenario.preset else {}
        cases[f"scenario {sid}"] = {**base, **scenario.answers}
    return cases


CASES = _cases()


def report_text(answers: dict[str, object]) -> str:
    given = collect(DOC, [("preset", answers)])
    resolved, _ = complete(DOC, given, fill_defaults=True)
    advice, _ = build_advice(DOC, resolved, criteria_file=LOADED.file_info())
    console, style = make_console(file=io.StringIO(), width=100, no_color=True)
    with console.capture() as captured:
        for part in advice_renderables(advice, console, style):
            console.print(part)
    return captured.get() + advice_markdown(advice, DOC, RecordMeta())


@pytest.mark.parametrize("case", list(CASES))
def test_no_sentence_reads_as_the_tools_internals(case: str) -> None:
    text = " ".join(report_text(CASES[case]).split())
    for phrase in STUMBLING:
        assert phrase not in text, (case, phrase)


def test_a_reason_says_what_you_said_and_how_the_options_compare(cli, in_repo) -> None:
    shown = cli("advise", "--preset", "cms", "--summary", env={"COLUMNS": "200"}).stdout
    assert (
        'You answered "Yes" to "Will staff need an admin interface to manage data?", so '
        "Admin Interface (Django + DRF 5 of 5, FastAPI 1) counts for more."
    ) in shown


def test_a_gap_is_listed_once(cli, in_repo) -> None:
    # Accounts and JWT are separate gaps, each listed once; JWT ships with neither.
    shown = cli(
        "advise", "--defaults", "--set", "security=accounts,jwt", "--summary",
        env={"COLUMNS": "200"},
    ).stdout  # fmt: skip
    flat = " ".join(shown.split())
    caveats = flat[flat.index("Caveats") : flat.index("What would change it")]
    assert caveats.count("User accounts and sessions") == 1, caveats
    assert caveats.count("JWT authentication") == 1, caveats
    assert "any choice needs an add-on" in caveats


def test_the_tie_breaker_would_settle_it(cli, in_repo) -> None:
    data = json.loads(
        cli(
            "advise", "--defaults", "--set", "team=django", "--set", "performance=5",
            "--format", "json",
        ).stdout
    )  # fmt: skip
    breaker = data["verdict"]["tie_breaker"]
    assert len({lean["leader"] for lean in breaker["leans"]}) == 2


@pytest.mark.parametrize("case", list(CASES))
def test_the_runner_ups_argument_stands_under_the_evidence(cli, in_repo, case: str) -> None:
    given = collect(DOC, [("preset", CASES[case])])
    resolved, _ = complete(DOC, given, fill_defaults=True)
    advice, _ = build_advice(DOC, resolved, criteria_file=LOADED.file_info())
    verdict = advice.verdict
    for reason in advice.counter_reasons[:1]:
        rated = {verdict.winner: reason.winner_rating, verdict.runner_up: reason.runner_up_rating}
        for dispute in reason.disputed:
            rated[dispute.option] = dispute.evidence
        stands = rated[verdict.runner_up] > rated[verdict.winner]
        others = [
            c for c in DOC.criteria.values()
            if c.ratings.get(verdict.runner_up, 0) > c.ratings.get(verdict.winner, 0)
        ]  # fmt: skip
        assert stands or not others, (case, reason.label)
