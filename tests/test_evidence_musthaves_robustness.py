"""Evidence ratings, must-haves and the robustness figure: by hand, then by property.

The small documents here are built in code so each expected figure can be
worked out on paper; the comments show the working.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, SHIPPED
from fwchoice.criteria.answers import (
    Answer,
    applicable_answers,
    collect,
    complete,
    raw_value,
)
from fwchoice.criteria.model import (
    Choice,
    Criterion,
    DecisionRules,
    Document,
    Feature,
    FeatureValue,
    Note,
    Option,
    Question,
    RobustnessRules,
    Scenario,
)
from fwchoice.criteria.question_types import KINDS
from fwchoice.decide.advice import build_advice
from fwchoice.decide.changes import MAX_PAIRS, Change, decisive_answers, flipping_pairs
from fwchoice.decide.evidence import rated_by
from fwchoice.decide.robustness import robustness
from fwchoice.decide.scorer import Scorer
from fwchoice.decide.scoring import evaluate
from fwchoice.decide.uncertainty import question_alternatives
from fwchoice.lint.runner import analyse
from fwchoice.lint.scenarios import scenario_outcome
from strategies import answers, documents, first

FILE = {"path": "t.yaml", "origin": "argument", "described_as": "t.yaml", "sha256": "0"}
RULES = DecisionRules(hybrid_margin=Fraction(3), robustness=RobustnessRules(0.5, 10_000, 7))


def criterion(cid: str, weight: int, a: int, b: int, **extra: object) -> Criterion:
    return Criterion(cid, cid.upper(), "d", Fraction(weight), {"a": a, "b": b}, **extra)  # type: ignore[arg-type]


def two_options(*criteria: Criterion, **extra: object) -> Document:
    return Document(
        version=1,
        title="t",
        options={"a": Option("a", "A"), "b": Option("b", "B")},
        criteria={c.id: c for c in criteria},
        decision=RULES,
        **extra,  # type: ignore[arg-type]
    )


def advise(document: Document, answers: dict[str, Answer] | None = None, **kw: object) -> dict:
    resolved, _ = complete(document, answers or {}, fill_defaults=True)
    report, _ = build_advice(document, resolved, criteria_file=FILE, **kw)  # type: ignore[arg-type]
    return report.as_json()


# --- evidence ------------------------------------------------------------------------

# x (weight 1): A 5, B 3, but the evidence rates B 5. y (weight 1): A 3, B 4.
# Source: A 8 of 10 stars, B 7: A leads by 10 points (80 vs 70).
# Evidence: A 8, B 9: B leads by 10 points.
DISPUTED_NOTE = Note("disputed", "B is better than the source says.", (), {"b": 5})
EVIDENCE = two_options(
    criterion("x", 1, 5, 3, notes=(DISPUTED_NOTE,), evidence={"b": 5}),
    criterion("y", 1, 3, 4),
)


def test_the_evidence_verdict_by_hand() -> None:
    # The best-supported ratings are the default; `source` is the published matrix.
    assert advise(EVIDENCE)["method"]["ratings"] == "evidence"
    source = advise(EVIDENCE, ratings="source")
    assert source["verdict"]["winner"] == "a"
    assert source["verdict"]["margin"] == 10
    assert source["evidence"]["holds"] is False
    assert source["evidence"]["other_verdict"]["winner"] == "b"
    assert source["evidence"]["other_verdict"]["scores"] == {"b": 90.0, "a": 80.0}
    assert [
        (d["criterion"], d["option"], d["source"], d["evidence"])
        for d in source["evidence"]["disputed"]
    ] == [("x", "b", 3, 5)]
    # The reason for A rests on the disputed rating, and says so.
    reason = next(r for r in source["reasons"] if r["criterion"] == "x")
    assert reason["disputed"][0]["evidence"] == 5

    evidence = advise(EVIDENCE, ratings="evidence")
    assert evidence["method"]["ratings"] == "evidence"
    assert evidence["verdict"]["winner"] == "b"
    assert evidence["verdict"]["margin"] == 10
    assert evidence["evidence"]["other_verdict"]["winner"] == "a"
    assert evidence["evidence"]["holds"] is False


def test_rated_by_changes_only_the_disputed_ratings() -> None:
    scored = rated_by(EVIDENCE, "evidence")
    assert scored.criteria["x"].ratings == {"a": 5, "b": 5}
    assert scored.criteria["y"].ratings == {"a": 3, "b": 4}
    assert rated_by(EVIDENCE, "source") is EVIDENCE


def test_robustness_over_a_disputed_rating_by_hand() -> None:
    # Weights of x and y each vary in [0.5, 1.5]. With the source's B 3 on x, A
    # leads by 2 w_x - w_y: A first unless w_y > 2 w_x, which needs w_x below 0.75.
    # P(w_y > 2 w_x) = integral of (1.5 - 2w) dw over [0.5, 0.75] = 1/16.
    # With the evidence's B 5, B leads by w_y > 0 always: A never first.
    # Each rating set is equally likely: A first in (1 - 1/16) / 2 = 15/32.
    tested = robustness(EVIDENCE, {}, ratings="source")
    assert tested.winner == "a"
    assert tested.samples == 10_000
    assert abs(float(tested.share) - 15 / 32) < 0.015
    assert tested.firsts["a"] + tested.firsts["b"] == tested.samples


# --- must-haves ----------------------------------------------------------------------


def must_have_document(*, fill: str = "") -> Document:
    # A outrates B everywhere, but lacks the admin that the answer "yes" requires.
    return two_options(
        criterion("x", 2, 5, 2),
        features={
            "admin": Feature(
                "admin",
                "Admin",
                {"a": FeatureValue("None", False, fill), "b": FeatureValue("Built in", True)},
            )
        },
        questions={
            "admin": Question(
                "admin",
                "Must the admin come built in?",
                KINDS["yes_no"],
                {
                    "yes": Choice("yes", "Yes", must_have=("admin",)),
                    "no": Choice("no", "No"),
                },
                default=("no",),
            ),
            "add_ons": Question(
                "add_ons",
                "Would an add-on do?",
                KINDS["yes_no"],
                {
                    "yes": Choice("yes", "Yes", accepts_add_ons=True),
                    "no": Choice("no", "No", accepts_add_ons=False),
                },
                default=("no",),
            ),
        },
    )


def test_an_option_without_a_must_have_is_excluded_by_hand() -> None:
    document = must_have_document()
    free = advise(document)
    assert free["verdict"]["winner"] == "a"
    assert free["exclusions"] == []

    bound = advise(document, {"admin": Answer(("yes",))})
    assert bound["verdict"]["winner"] == "b"
    assert bound["verdict"]["kind"] == "only"
    [gap] = bound["exclusions"]
    assert (gap["option"], gap["feature"]) == ("a", "admin")
    assert [q["question"] for q in gap["needed_by"]] == ["admin"]
    assert {s["option"]: s["excluded"] for s in bound["scores"]} == {"a": True, "b": False}
    # A still scores higher; it just cannot come first.
    scores = {s["option"]: s["score"] for s in bound["scores"]}
    assert scores == {"a": 100.0, "b": 40.0}


def test_an_accepted_add_on_turns_the_exclusion_into_a_caveat() -> None:
    document = must_have_document(fill="an admin package")
    refused = advise(document, {"admin": Answer(("yes",)), "add_ons": Answer(("no",))})
    assert refused["verdict"]["winner"] == "b"
    accepted = advise(document, {"admin": Answer(("yes",)), "add_ons": Answer(("yes",))})
    assert accepted["verdict"]["winner"] == "a"
    assert accepted["exclusions"] == []
    [caveat] = accepted["caveats"]
    assert caveat["feature"] == "admin"
    assert caveat["must_have"] is True
    assert caveat["fill"] == "an admin package"


def test_an_add_on_without_a_usual_fill_still_excludes() -> None:
    # No fill named: accepting add-ons does not help, there is no well-known one.
    document = must_have_document(fill="")
    data = advise(document, {"admin": Answer(("yes",)), "add_ons": Answer(("yes",))})
    assert data["verdict"]["winner"] == "b"


def test_when_no_option_has_every_must_have_the_verdict_says_so() -> None:
    # A lacks the admin, B lacks the export; each is shipped by the other, so each
    # excludes one option, and together they exclude both.
    document = must_have_document()
    export = Feature(
        "export", "Export", {"a": FeatureValue("Built in", True), "b": FeatureValue("None", False)}
    )
    admin = document.questions["admin"]
    both = admin._replace(
        choices={
            **admin.choices,
            "yes": Choice("yes", "Yes", must_have=("admin", "export")),
        }
    )
    document = document._replace(
        features={**document.features, "export": export},
        questions={**document.questions, "admin": both},
    )
    data = advise(document, {"admin": Answer(("yes",))})
    assert data["verdict"]["kind"] == "none"
    assert {e["option"] for e in data["exclusions"]} == {"a", "b"}


@pytest.mark.parametrize("add_ons", ["yes", "no"])
def test_a_must_have_no_option_ships_excludes_neither(add_ons: str) -> None:
    # Neither ships the admin built in (as neither FastAPI nor DRF ships JWT): the
    # must-have cannot tell them apart, so it excludes none, with or without add-ons,
    # and the winner's caveat says that any choice needs an add-on.
    document = must_have_document(fill="an add-on")
    lacking = document.features["admin"]._replace(
        values={
            "a": FeatureValue("None", False, "an add-on"),
            "b": FeatureValue("None", False, "another add-on"),
        }
    )
    document = document._replace(features={"admin": lacking})
    data = advise(document, {"admin": Answer(("yes",)), "add_ons": Answer((add_ons,))})
    assert data["verdict"]["kind"] == "clear"
    assert data["verdict"]["winner"] == "a"
    assert data["exclusions"] == []
    [caveat] = data["caveats"]
    assert caveat["feature"] == "admin"
    assert caveat["must_have"] is True
    assert caveat["shared"] is True
    # Once one option ships it, the other is excluded again (without add-ons).
    shipped = lacking._replace(values={**lacking.values, "b": FeatureValue("Built in", True)})
    only_b = advise(
        document._replace(features={"admin": shipped}),
        {"admin": Answer(("yes",)), "add_ons": Answer(("no",))},
    )
    assert only_b["verdict"]["kind"] == "only"
    assert only_b["verdict"]["winner"] == "b"


# --- the robustness figure -----------------------------------------------------------


def test_robustness_share_by_hand() -> None:
    # x weight 2: A 5, B 1; y weight 1: A 1, B 5. A leads by 4 w_x - 4 w_y: A first
    # iff w_x > w_y, with w_x ~ U[1, 3] and w_y ~ U[0.5, 1.5]. They overlap on
    # [1, 1.5]: P(w_y >= w_x) = (1/2) * integral of (1.5 - w) dw over [1, 1.5]
    # = 1/16. So A is first in 15/16 of variations.
    document = two_options(criterion("x", 2, 5, 1), criterion("y", 1, 1, 5))
    tested = robustness(document, {})
    assert tested.winner == "a"
    assert tested.band == Fraction(1, 2)
    assert tested.seed == 7
    # Binomial sd at 10,000 samples is 0.0024: four of them either side.
    assert abs(float(tested.share) - 15 / 16) < 0.01


def test_an_unsure_answer_varies_over_its_choices_by_hand() -> None:
    # Answer "b" adds 10 to y's weight: B first whatever the other weights do; "a"
    # adds 10 to x's. Unsure: each is equally likely, so A is first half the time.
    document = two_options(
        criterion("x", 1, 5, 1),
        criterion("y", 1, 1, 5),
        questions={
            "q": Question(
                "q",
                "Which?",
                KINDS["single"],
                {
                    "a": Choice("a", "A", weights={"x": Fraction(10)}),
                    "b": Choice("b", "B", weights={"y": Fraction(10)}),
                },
            )
        },
    )
    tested = robustness(document, {"q": Answer.not_sure("asked")})
    assert tested.unsure_questions == ("q",)
    assert abs(float(tested.share) - 1 / 2) < 0.015


def test_a_clear_verdict_stops_early_and_says_how_many_it_made() -> None:
    document = two_options(criterion("x", 2, 5, 1))
    tested = robustness(document, {})
    assert tested.share == 1
    assert tested.samples == 1_000  # one batch: the share is known to half a point
    assert tested.asked == 10_000


SETTINGS = settings(max_examples=60, deadline=None)


def _worst_case_holds(document: Document, resolved: dict[str, Answer]) -> bool:
    """Whether no variation of the weights within the band can put another option first
    (worked out exactly, at the band's corners), with no disputed ratings and no unsure
    answers."""
    evaluation = evaluate(document, resolved)
    winner = evaluation.ranking.winner
    excluded = evaluation.ranking.excluded
    band = Fraction(1, 2)
    order = list(document.options)
    for rival in document.options:
        if rival == winner or rival in excluded:
            continue
        worst = Fraction(0)
        for cid, weight in evaluation.ranking.weights.items():
            gap = weight * (
                document.criteria[cid].ratings[winner] - document.criteria[cid].ratings[rival]
            )
            worst += gap * (1 - band) if gap > 0 else gap * (1 + band)
        ahead_in_file = order.index(winner) < order.index(rival)
        if worst < 0 or (worst == 0 and not ahead_in_file):
            return False
    return True


@SETTINGS
@given(data=st.data())
def test_robustness_is_100_percent_when_no_variation_in_the_band_can_flip(data) -> None:
    document = data.draw(documents())._replace(decision=RULES)
    resolved, _ = complete(document, data.draw(answers(document)), fill_defaults=True)
    tested = robustness(document, resolved)
    assert tested.winner == evaluate(document, resolved).ranking.winner
    if _worst_case_holds(document, resolved):
        assert tested.share == 1
    # The same inputs give the same figure, draw for draw.
    assert robustness(document, resolved) == tested


@SETTINGS
@given(data=st.data())
def test_an_excluded_option_never_wins(data) -> None:
    document = data.draw(documents(with_must_haves=True))
    resolved, _ = complete(
        document, data.draw(answers(document, unsure_rate=0.2)), fill_defaults=True
    )
    evaluation = evaluate(document, resolved)
    ranking = evaluation.ranking
    if ranking.eligible:
        assert ranking.winner not in ranking.excluded
        assert evaluation.verdict.kind != "none"
    else:
        assert evaluation.verdict.kind == "none"
    # Excluded means lacking a must-have that no accepted add-on fills and that some
    # other option ships built in.
    assert ranking.excluded == {g.option for g in evaluation.gaps if g.excludes}
    for gap in evaluation.gaps:
        shipped = any(
            v.builtin
            for o, v in document.features[gap.feature].values.items()
            if o in document.options
        )
        assert gap.shared == (not shipped)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_listed_answer_flip_really_flips_when_run(data) -> None:
    # Conditions and must-haves are where a shortcut would go wrong: a follow-up
    # question that starts to apply, an option excluded by a changed answer.
    document = data.draw(documents(with_must_haves=True, max_questions=4))
    given_answers = data.draw(answers(document))
    resolved, _ = complete(document, given_answers, fill_defaults=True)
    winner = first(evaluate(document, resolved))
    listed = [
        ((Change(d.question, alternative),), flipped)
        for d in decisive_answers(document, resolved, given_answers)
        for alternative, flipped in d.flips_to
    ]
    if not listed:
        pairs, _ = flipping_pairs(document, resolved, given_answers)
        listed = [(p.changes, p.winner) for p in pairs]
    for changes, flipped in listed:
        changed = dict(given_answers)
        for change in changes:
            changed[change.question] = Answer(change.choices, "flag")
        rerun, _ = complete(document, changed, fill_defaults=True)
        assert first(evaluate(document, rerun)) == flipped != winner


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_the_pair_search_finds_exactly_the_pairs_a_rerun_flips(data) -> None:
    document = data.draw(documents(with_must_haves=True, max_questions=4))
    _assert_pair_search_is_exact(document, data.draw(answers(document)))


@pytest.mark.parametrize(
    "extra",
    [{}, {"api_clients": ("yes",)}, {"api_clients": ("no",), "add_ons": ("no",)}],
    ids=["preset", "api_clients=yes", "api_clients=no,add_ons=no"],
)
@pytest.mark.parametrize("preset", ["ecommerce", "cms", "iot-ingestion"])
def test_the_pair_search_on_the_shipped_file(preset: str, extra: dict) -> None:
    # Given answers to follow-up questions that do not apply yet: a pair whose
    # first change makes one apply must count it, as a rerun would.
    document = analyse(SHIPPED.read_bytes(), "criteria.yaml", full=False).document
    given_answers = collect(document, [("preset", document.presets[preset].answers)])
    given_answers.update({q: Answer(c, "flag") for q, c in extra.items()})
    _assert_pair_search_is_exact(document, given_answers)


def _assert_pair_search_is_exact(document: Document, given_answers: dict) -> None:
    resolved, _ = complete(document, given_answers, fill_defaults=True)
    winner = first(evaluate(document, resolved))
    found, searched_all = flipping_pairs(document, resolved, given_answers)
    singles = [
        Change(qid, alternative)
        for qid, answer in applicable_answers(document, resolved).items()
        for alternative in question_alternatives(document.questions[qid])
        if answer.unsure or alternative != answer.choices
    ]
    assert searched_all == (
        sum(a.question != b.question for i, a in enumerate(singles) for b in singles[i + 1 :])
        <= MAX_PAIRS
    )
    if not searched_all:
        return
    scorer = Scorer(document)
    expected = set()
    for i, a in enumerate(singles):
        for b in singles[i + 1 :]:
            if a.question == b.question:
                continue
            changed = {
                **given_answers,
                a.question: Answer(a.choices, "flag"),
                b.question: Answer(b.choices, "flag"),
            }
            rerun, _ = complete(document, changed, fill_defaults=True)
            # The whole-number scorer (as evaluate, checked against it elsewhere) keeps
            # the thousands of reruns of the shipped file's pairs fast.
            flipped = scorer.first(*scorer.outcome(rerun))
            if flipped != winner:
                expected.add(((a, b), flipped))
    assert {(p.changes, p.winner) for p in found} == expected


def test_the_reported_flips_are_the_ones_a_rerun_gives(cli) -> None:
    # The case recomputation found: with api_clients=yes and concurrency=heavy, a
    # full-stack site makes the follow-up question apply; the flip must count it.
    base = ["advise", "--defaults", "--set", "api_clients=yes", "--set", "concurrency=heavy"]
    data = json.loads(cli(*base, "--format", "json").stdout)
    flips = data["what_would_change_it"]["answers"]["changes"]
    assert flips
    for flip in flips:
        sets = [
            arg
            for c in flip["changes"]
            for arg in (
                "--set",
                f"{c['question']}="
                + (
                    ",".join(c["to_answer"])
                    if isinstance(c["to_answer"], list)
                    else str(c["to_answer"])
                ),
            )
        ]
        rerun = json.loads(cli(*base, *sets, "--format", "json").stdout)
        assert rerun["verdict"]["winner"] == flip["winner"], flip


def test_the_figure_is_the_same_in_another_process_and_hash_seed() -> None:
    command = [
        sys.executable, "-m", "fwchoice", "advise", "--criteria", str(REPO / "criteria.yaml"),
        "--preset", "api-microservice", "--set", "admin=unsure", "--format", "json",
    ]  # fmt: skip
    figures = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "FWCHOICE_CRITERIA": ""}
        out = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
        figures.append(json.loads(out.stdout)["robustness"])
    assert figures[0] == figures[1]
    assert figures[0]["varied"]["unsure_questions"] == [
        {"question": "admin", "text": "Will staff need an admin interface to manage data?"}
    ]


@pytest.mark.parametrize("ratings", ["source", "evidence"])
def test_the_shipped_presets_state_their_evidence_verdict(cli, ratings: str) -> None:
    data = json.loads(
        cli("advise", "--preset", "cms", "--ratings", ratings, "--format", "json").stdout
    )
    evidence = data["evidence"]
    assert evidence["ratings"] == ratings
    assert {(d["criterion"], d["option"]) for d in evidence["disputed"]} >= {
        ("testing_tools", "fastapi")
    }
    assert evidence["holds"] == (evidence["other_verdict"]["winner"] == data["verdict"]["winner"])


def test_flips_after_an_early_finish_keep_the_skipped_questions_open() -> None:
    # The questionnaire stopped early: the questions not asked stay open in the
    # verdict, and in every changed run too (not filled with their defaults).
    document = analyse(SHIPPED.read_bytes(), "criteria.yaml", full=False).document
    given = collect(
        document,
        [("flag", {"app_kind": "fullstack", "admin": "no", "data_model": "relational",
                   "security": ["accounts"], "api_clients": "no", "performance": 3,
                   "concurrency": "moderate"})],
    )  # fmt: skip
    answers, skipped = complete(document, given, fill_defaults=False)
    assert "add_ons" in skipped
    report, _ = build_advice(document, answers, given=given, skipped=skipped, criteria_file=FILE)
    data = report.as_json()
    assert data["verdict"]["kind"] == "only"  # add-ons not accepted: FastAPI excluded
    flips = data["what_would_change_it"]["answers"]["changes"]
    assert flips
    for flip in flips:
        changed = {**given, **{q: Answer.not_sure("asked") for q in skipped}}
        for change in flip["changes"]:
            value = change["to_answer"]
            changed[change["question"]] = Answer(
                tuple(value) if isinstance(value, list) else (str(value),), "flag"
            )
        rerun, _ = complete(document, changed, fill_defaults=False)
        scored = rated_by(document, "evidence")  # the ratings advise scores by default
        assert evaluate(scored, rerun).ranking.winner == flip["winner"], flip


@SETTINGS
@given(data=st.data())
def test_lint_scenarios_rank_as_advise_does(data) -> None:
    # lint checks scenarios in whole numbers; must-haves must exclude there too.
    document = data.draw(documents(with_must_haves=True))
    given_answers = data.draw(answers(document))
    raw = {q: raw_value(document.questions[q], a) for q, a in given_answers.items()}
    scenario = Scenario("s", "d", next(iter(document.options)), answers=raw)
    quick = scenario_outcome(document, scenario, Scorer(document))
    resolved, _ = complete(document, given_answers, fill_defaults=True)
    full = evaluate(document, resolved)
    assert quick.winner == full.ranking.winner
    assert quick.close == (full.verdict.kind in ("close", "tie"))
