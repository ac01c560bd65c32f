"""Each rule docs/json-output.md states under "Rules a recomputation needs",
recomputed here from its statement alone and compared with what fwchoice reports."""

from __future__ import annotations

import json
import random
from fractions import Fraction
from math import fsum, lcm, sqrt

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from fwchoice.criteria.answers import Answer, applicable_answers, complete
from fwchoice.criteria.model import (
    Choice,
    Criterion,
    DecisionRules,
    Document,
    Hybrid,
    Option,
    Question,
)
from fwchoice.criteria.question_types import KINDS
from fwchoice.decide.advice import build_advice
from fwchoice.decide.robustness import robustness
from fwchoice.decide.scoring import evaluate
from fwchoice.decide.team import Member, agenda, combined_evaluation, combined_ranking
from fwchoice.decide.uncertainty import question_alternatives, uncertainty_for
from fwchoice.lint.runner import analyse
from strategies import answers, documents, first

SETTINGS = settings(max_examples=60, deadline=None)
FILE = {"path": "t.yaml", "origin": "argument", "described_as": "t.yaml", "sha256": "0" * 64}
DOCS = (REPO / "docs" / "json-output.md").read_text("utf-8")
SCHEMA = json.loads((REPO / "docs/schemas/advice.schema.json").read_text("utf-8"))
NINJA = analyse(
    (REPO / "examples" / "fastapi-django-ninja.yaml").read_bytes(), "ninja.yaml", full=False
).document


def test_the_docs_state_every_rule_these_tests_recompute() -> None:
    for rule in (
        "1. **Conditions.**",
        "2. **Unsure answers**",
        "3. **Eligible options and `winner`.**",
        "4. **One change**",
        "5. **Pairs**",
        "6. **Hybrids.**",
        "7. **Teams.**",
        "8. **Robustness sampling.**",
        "9. **What to find out first.**",
    ):
        assert rule in DOCS


# --- rules 1 and 2: conditions, unsure answers, add-ons ------------------------------


def _counted(document: Document, resolved: dict[str, Answer]) -> dict[str, Answer]:
    """Rule 1: in file order; a `when` holds when each named question has an answer that
    applies and picks one of its choices, or is unsure."""
    counted: dict[str, Answer] = {}
    for qid, question in document.questions.items():
        holds = all(
            other in counted and (counted[other].unsure or allowed & set(counted[other].choices))
            for other, allowed in question.when.items()
        )
        if holds and qid in resolved:
            counted[qid] = resolved[qid]
    return counted


def _must_haves(document: Document, counted: dict[str, Answer]) -> set[str]:
    return {
        f
        for qid, answer in counted.items()
        for cid in answer.choices  # an unsure answer picks nothing
        for f in document.questions[qid].choices[cid].must_have
    }


def _accepts(document: Document, counted: dict[str, Answer]) -> bool:
    """Rule 2: the last answer that says so decides; without one, add-ons are not
    accepted (an unsure answer says nothing)."""
    accepted = False
    for qid, answer in counted.items():
        for cid in answer.choices:
            choice = document.questions[qid].choices[cid]
            if choice.accepts_add_ons is not None:
                accepted = choice.accepts_add_ons
    return accepted


def _excluded(document: Document, counted: dict[str, Answer]) -> set[str]:
    """Rules 2 and 3: must-haves from the answers that count, filled only by an
    accepted add-on."""
    wanted, accepted = _must_haves(document, counted), _accepts(document, counted)
    result = set()
    for option in document.options:
        for fid in wanted:
            value = document.features[fid].values.get(option)
            if (
                value is not None
                and value.builtin is False
                and not (accepted and value.fill)
                and _shipped_somewhere(document, fid)
            ):
                result.add(option)
    return result


def _shipped_somewhere(document: Document, fid: str) -> bool:
    """Rule 3: a must-have no option ships built in excludes none of them."""
    values = document.features[fid].values
    return any(values[o].builtin is True for o in document.options if o in values)


@SETTINGS
@given(data=st.data())
def test_conditions_unsure_answers_and_add_ons_as_the_docs_state_them(data) -> None:
    document = data.draw(documents(with_must_haves=True, max_questions=4))
    resolved, _ = complete(document, data.draw(answers(document, 0.4)), fill_defaults=True)
    counted = _counted(document, resolved)
    assert counted == applicable_answers(document, resolved)
    ranking = evaluate(document, resolved).ranking
    assert set(ranking.excluded) == _excluded(document, counted)


# --- rule 3: no winner when none is eligible -----------------------------------------


@SETTINGS
@given(data=st.data())
def test_with_no_eligible_option_the_json_has_no_winner(data) -> None:
    document = data.draw(documents(with_must_haves=True, max_questions=3))
    resolved, _ = complete(document, data.draw(answers(document, 0.2)), fill_defaults=True)
    report, evaluation = build_advice(document, resolved, criteria_file=FILE)
    advice = report.as_json()
    jsonschema.Draft202012Validator(SCHEMA).validate(advice)
    verdict, tested = advice["verdict"], advice["robustness"]
    eligible = [s["option"] for s in advice["scores"] if not s["excluded"]]
    if eligible:
        assert verdict["winner"] == eligible[0] == tested["winner"]
        assert verdict["kind"] != "none"
    else:
        assert verdict["kind"] == "none"
        assert verdict["winner"] is None
        assert verdict["winner_label"] is None
        assert verdict["margin"] is None
        assert tested["winner"] is None
        assert advice["reasons"] == advice["caveats"] == []
        assert advice["what_would_change_it"]["weights"] == []
        # every listed flip makes an option eligible (or is a pair that does)
        assert all(
            f["winner"] is not None for f in advice["what_would_change_it"]["answers"]["changes"]
        )
    assert first(evaluation) == verdict["winner"]


# --- rule 6: hybrids -------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_hybrids_are_offered_as_the_docs_state(data) -> None:
    # The three-option example: a hybrid of the winner and an option close to it,
    # whichever place that option is in.
    picked = {
        q: Answer(data.draw(st.sampled_from(question_alternatives(question))), "flag")
        for q, question in NINJA.questions.items()
        if data.draw(st.integers(0, 5))  # now and then left unsure
    } | {q: Answer.not_sure("flag") for q in NINJA.questions if data.draw(st.integers(0, 5)) == 0}
    resolved, _ = complete(NINJA, picked, fill_defaults=True)
    evaluation = evaluate(NINJA, resolved)
    ranking, verdict = evaluation.ranking, evaluation.verdict
    counted = _counted(NINJA, resolved)
    expected = []
    if verdict.kind in ("close", "tie"):
        top = ranking.points(ranking.winner)
        for hybrid in NINJA.hybrids.values():
            meets = all(
                q in counted and not counted[q].unsure and allowed & set(counted[q].choices)
                for q, allowed in hybrid.when.items()
            )
            close = all(
                o == ranking.winner
                or (
                    o not in ranking.excluded
                    and top - ranking.points(o) < NINJA.decision.hybrid_margin
                )
                or ranking.points(o) == top
                for o in hybrid.options
            )
            if hybrid.when and meets and ranking.winner in hybrid.options and close:
                expected.append(hybrid.id)
    assert [h.id for h in verdict.hybrids] == expected


def test_a_hybrid_with_the_option_in_third_place_by_a_point() -> None:
    # FastAPI 82.1, Ninja 81.4, Django + DRF 80.0: all within the margin of 3, so
    # Django's ORM in FastAPI is offered though Django + DRF is third.
    values = {
        "app_kind": "ml", "api_clients": "yes", "performance": "2", "concurrency": "heavy",
        "admin": "no", "data_model": "relational", "security": ["tokens", "caching"],
        "add_ons": "yes", "team": "fastapi", "timeline": "mvp", "api_docs": "1",
        "type_safety": "1",
    }  # fmt: skip
    given_answers = {
        q: Answer(tuple(v) if isinstance(v, list) else (v,), "flag") for q, v in values.items()
    }
    evaluation = evaluate(NINJA, complete(NINJA, given_answers, fill_defaults=True)[0])
    assert evaluation.ranking.order == ("fastapi", "ninja", "django")
    assert evaluation.verdict.kind == "close"
    assert [h.id for h in evaluation.verdict.hybrids] == ["django_orm_in_fastapi"]


YES_NO = {"yes": Choice("yes", "Yes"), "no": Choice("no", "No")}


def test_an_unsure_answer_meets_a_questions_when_but_not_a_hybrids() -> None:
    document = Document(
        version=1,
        title="t",
        options={"a": Option("a", "A"), "b": Option("b", "B")},
        criteria={"x": Criterion("x", "X", "d", Fraction(1), {"a": 3, "b": 3})},
        questions={
            "q1": Question("q1", "Q1?", KINDS["yes_no"], YES_NO),
            "q2": Question(
                "q2", "Q2?", KINDS["yes_no"], YES_NO,
                when={"q1": frozenset({"yes"})},
            ),
        },
        hybrids={"h": Hybrid("h", "H", "s", ("a", "b"), when={"q1": frozenset({"yes"})})},
        decision=DecisionRules(hybrid_margin=Fraction(3)),
    )  # fmt: skip
    for q1, asked, offered in ((("yes",), True, True), ((), True, False), (("no",), False, False)):
        first_answer = Answer(q1, "flag") if q1 else Answer.not_sure("flag")
        resolved = {"q1": first_answer, "q2": Answer(("yes",), "flag")}
        evaluation = evaluate(document, resolved)
        assert ("q2" in evaluation.answers) is asked
        assert bool(evaluation.verdict.hybrids) is offered  # a tie: a hybrid may be offered


# --- rule 7: teams ----------------------------------------------------------------------


@SETTINGS
@given(data=st.data(), size=st.integers(2, 3))
def test_team_must_haves_agenda_and_swings_as_the_docs_state(data, size: int) -> None:
    document = data.draw(documents(with_must_haves=True, max_questions=3))
    members = []
    for i in range(size):
        given_answers = data.draw(answers(document, 0.2))
        resolved, _ = complete(document, given_answers, fill_defaults=True)
        members.append(Member(f"m{i}", resolved, given_answers))
    # Must-haves: anyone's; an add-on fills a gap only if every member who named one
    # accepts add-ons.
    wanted, askers_accept = set(), []
    for member in members:
        counted = _counted(document, member.answers)
        mine = _must_haves(document, counted)
        wanted |= mine
        if mine:
            askers_accept.append(_accepts(document, counted))
    accepted = bool(askers_accept) and all(askers_accept)
    expected_excluded = {
        o
        for o in document.options
        for f in wanted
        if (v := document.features[f].values.get(o)) is not None
        and v.builtin is False
        and not (accepted and v.fill)
        and _shipped_somewhere(document, f)
    }  # fmt: skip
    ranking, _ = combined_ranking(document, members)
    assert set(ranking.excluded) == expected_excluded
    # Answered differently, and each swing: the spread of the reruns' margins
    # between eligible options, signed by the combined winner.
    leader = ranking.eligible[0] if ranking.eligible else None
    items = {item.question: item for item in agenda(document, members)}
    for qid in document.questions:
        given = [m.answers[qid] for m in members if qid in m.answers]
        different = {(a.choices, a.unsure) for a in given}
        assert (qid in items) == (len(different) >= 2)
        if qid not in items:
            continue
        margins = []
        for choices, unsure in sorted(different):
            answer = Answer.not_sure("file") if unsure else Answer(choices, "file")
            aligned = []
            for m in members:
                again = {**(m.given or m.answers), qid: answer}
                aligned.append(
                    Member(m.name, complete(document, again, fill_defaults=True)[0], again)
                )
            rerun = combined_evaluation(document, aligned).ranking
            if len(rerun.eligible) >= 2:
                a, b = rerun.eligible[:2]
                margin = rerun.points(a) - rerun.points(b)
                margins.append(margin if a == leader else -margin)
        spread = round(float(max(margins) - min(margins)), 2) if len(margins) > 1 else None
        assert items[qid].swing == spread
    order = list(items.values())
    keys = [(not (i.can_change_winner or i.decides_exclusion), -(i.swing or 0)) for i in order]
    assert keys == sorted(keys)


# --- rule 8: when the robustness sampling stops --------------------------------------------


def _sampled(document: Document, resolved: dict[str, Answer]) -> tuple[int, Fraction]:
    """The samples made and the share, following rule 8's statement (no disputed ratings
    here: the combinations are those of the open answers)."""
    band, limit_asked, seed = Fraction(1, 2), 10_000, 1  # the defaults
    counted = _counted(document, resolved)
    open_questions = [q for q, a in counted.items() if a.unsure]
    criteria = list(document.criteria)
    scale = 1
    for c in document.criteria.values():
        scale = lcm(scale, Fraction(c.weight).denominator)
    for q in document.questions.values():
        for choice in q.choices.values():
            for d in choice.weights.values():
                scale = lcm(scale, Fraction(d).denominator)

    def world(counted_answers: dict[str, Answer]) -> tuple[list[int], set[str]]:
        weights = {c: document.criteria[c].weight * scale for c in criteria}
        for qid, answer in counted_answers.items():
            for cid in answer.choices:
                for c, d in document.questions[qid].choices[cid].weights.items():
                    weights[c] += d * scale
        return [int(max(weights[c], 0)) for c in criteria], _excluded(document, counted_answers)

    weights, excluded = world(counted)
    options = list(document.options)
    sums = {
        o: sum(w * document.criteria[c].ratings[o] for w, c in zip(weights, criteria, strict=True))
        for o in options
    }
    eligible = [o for o in options if o not in excluded]
    winner = max(eligible, key=lambda o: (sums[o], -options.index(o))) if eligible else None
    alternatives = [question_alternatives(document.questions[q]) for q in open_questions]
    combinations = 1
    for a in alternatives:
        combinations *= len(a)
    varied_now = max(1, sum(1 for w in weights if w))
    limit = min(limit_asked, max(100, 4_000_000 // (varied_now * len(document.options))))
    draw = random.Random(seed).random
    worlds: dict[int, tuple[list[int], set[str]]] = {}  # each combination is rerun once
    held = n = 0
    while n < limit:
        for _ in range(min(1000, limit - n)):
            number = int(draw() * combinations) % combinations if combinations > 1 else 0
            if number not in worlds:
                picks, rest = [], number
                for a in alternatives:
                    rest, digit = divmod(rest, len(a))
                    picks.append(a[digit])
                changed = {
                    **resolved,
                    **{q: Answer(p, "asked") for q, p in zip(open_questions, picks, strict=True)},
                }
                resolved_again, _ = complete(document, changed, fill_defaults=True)
                worlds[number] = world(_counted(document, resolved_again))
            w, out = worlds[number]
            varied = [k for k, x in enumerate(w) if x]
            u = [draw() for _ in varied]
            ok = [o for o in options if o not in out]
            best = None
            if ok:
                ref, best, best_lead = ok[0], ok[0], 0.0
                for o in ok[1:]:
                    g = [
                        w[k]
                        * (
                            document.criteria[criteria[k]].ratings[o]
                            - document.criteria[criteria[k]].ratings[ref]
                        )
                        for k in varied
                    ]
                    top = max(w, default=0) or 1
                    lead = float(1 - band) * (sum(g) / top) + fsum(
                        float(2 * band) * (x / top) * y for x, y in zip(g, u, strict=True)
                    )
                    if lead > best_lead:
                        best, best_lead = o, lead
            held += best == winner
        n = min(n + 1000, limit)
        z = 1.959963984540054
        p = held / n
        if z / (1 + z * z / n) * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) <= 0.005:
            break
    return n, Fraction(held, n)


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_the_robustness_sampling_stops_as_the_docs_state(data) -> None:
    document = data.draw(documents(with_must_haves=True, max_questions=2))
    resolved, _ = complete(document, data.draw(answers(document, 0.5)), fill_defaults=True)
    tested = robustness(document, resolved)
    samples, share = _sampled(document, resolved)
    assert (tested.samples, tested.share) == (samples, share)
    assert tested.samples % 1000 == 0 or tested.samples == 10_000


# --- rule 9: what to find out first ---------------------------------------------------


@SETTINGS
@given(data=st.data())
def test_the_question_to_find_out_first_as_the_docs_state(data) -> None:
    document = data.draw(documents(with_must_haves=True, max_questions=3, with_defaults=True))
    resolved, _ = complete(document, data.draw(answers(document, 0.5)), fill_defaults=True)
    found = uncertainty_for(document, resolved)
    open_questions = [q for q, a in _counted(document, resolved).items() if a.unsure]
    if not open_questions:
        assert found is None
        return
    assert found is not None
    now = first(evaluate(document, resolved))
    expected = {}
    for qid in open_questions:
        margins, changes = [], False
        for alternative in question_alternatives(document.questions[qid]):
            changed = {**resolved, qid: Answer(alternative, "asked")}
            ranking = evaluate(document, complete(document, changed, fill_defaults=True)[0]).ranking
            top = ranking.eligible[0] if ranking.eligible else None
            changes = changes or top != now
            if len(ranking.eligible) > 1:
                a, b = ranking.eligible[:2]
                margin = ranking.points(a) - ranking.points(b)
                margins.append(margin if a == now else -margin)
        swing = max(margins) - min(margins) if len(margins) > 1 else 0
        expected[qid] = (changes, swing)
    assert dict(found.swings) == {q: s for q, (_, s) in expected.items()}
    assert found.deciding == {q for q, (c, _) in expected.items() if c}
    if found.winner_can_change:
        best = max(open_questions, key=lambda q: (*expected[q], -open_questions.index(q)))
        assert found.settle_first == best
    else:
        assert found.settle_first is None
