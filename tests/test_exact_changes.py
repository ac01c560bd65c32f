"""What would change it, recomputed by brute force: every single change (every set of
choices of a multiple-choice question, every answer that settles an unsure one) is
rerun, and the listed changes must be exactly the ones whose rerun puts another
option first (or none, or, from none, any)."""

from __future__ import annotations

import json
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from fwchoice.criteria.answers import Answer, applicable_answers, complete
from fwchoice.criteria.model import (
    Choice,
    Criterion,
    Document,
    Feature,
    FeatureValue,
    Option,
    Question,
)
from fwchoice.criteria.question_types import KINDS
from fwchoice.decide.changes import MAX_PAIRS, answer_flips
from fwchoice.decide.scoring import evaluate
from fwchoice.decide.uncertainty import question_alternatives
from strategies import answers, documents, first

SETTINGS = settings(max_examples=150, deadline=None)


def _rerun(document: Document, given: dict[str, Answer], changes: dict[str, tuple[str, ...]]):
    """The option running fwchoice with ``changes`` puts first (None: none eligible)."""
    changed = {**given, **{q: Answer(c, "flag") for q, c in changes.items()}}
    resolved, _ = complete(document, changed, fill_defaults=True)
    return first(evaluate(document, resolved))


def _size(question: Question, before: Answer, after: tuple[str, ...]) -> int:
    """As docs/json-output.md states it: choices added or dropped on a multiple-choice
    question (an unsure answer has none), at least 1; 1 on any other question."""
    if not question.multiple:
        return 1
    return max(1, len(set(before.choices) ^ set(after)))


@SETTINGS
@given(data=st.data())
def test_the_listed_single_changes_are_exactly_those_a_rerun_flips(data) -> None:
    # Defaults that follow earlier answers, and questions left to them: a change
    # can move a later question's default as well as its condition.
    document = data.draw(documents(with_must_haves=True, max_questions=4, with_defaults=True))
    given_answers = data.draw(answers(document, unsure_rate=0.3, skip_rate=0.3))
    resolved, _ = complete(document, given_answers, fill_defaults=True)
    now = first(evaluate(document, resolved))
    expected = set()
    for qid, answer in applicable_answers(document, resolved).items():
        question = document.questions[qid]
        for alternative in question_alternatives(question):
            if not answer.unsure and alternative == answer.choices:
                continue
            flipped = _rerun(document, given_answers, {qid: alternative})
            if flipped != now:
                expected.add((qid, alternative, flipped, _size(question, answer, alternative)))
    found = answer_flips(document, resolved, given_answers)
    singles = {
        (f.changes[0].question, f.changes[0].choices, f.winner, f.size)
        for f in found.flips
        if len(f.changes) == 1
    }
    if expected:
        assert found.kind == "single"
        assert singles == expected
        assert len(found.flips) == len(expected)  # each listed once
        sizes = [f.size for f in found.flips]
        assert sizes == sorted(sizes)  # the smallest changes first
    else:
        assert found.kind in ("pair", "none")
        assert not singles
        assert (found.kind == "pair") == bool(found.flips)
    for flip in found.flips:  # pairs too: each is what its rerun gives
        rerun = _rerun(document, given_answers, {c.question: c.choices for c in flip.changes})
        assert rerun == flip.winner != now


@SETTINGS
@given(data=st.data())
def test_the_work_grows_with_the_answers_a_question_allows(data) -> None:
    # Each single change is worked out once; pairs cost at most MAX_PAIRS more, and
    # each flip one more outcome (whether it is a tie).
    document = data.draw(documents(with_must_haves=True, max_questions=4))
    given_answers = data.draw(answers(document, unsure_rate=0.3))
    resolved, _ = complete(document, given_answers, fill_defaults=True)
    counted = applicable_answers(document, resolved)
    singles = sum(
        len(question_alternatives(document.questions[q])) - (0 if a.unsure else 1)
        for q, a in counted.items()
    )
    found = answer_flips(document, resolved, given_answers)
    ties = sum(f.winner is not None for f in found.flips)
    if found.kind == "single":
        assert found.evaluations == singles + ties
    else:
        assert found.evaluations <= singles + 1 + MAX_PAIRS + ties


def _security(choices: int) -> Document:
    """One multiple-choice question of ``choices`` choices, each a must-have feature
    that option a lacks; b is heavier on nothing, so only an exclusion flips it."""
    ids = [f"f{i}" for i in range(choices)]
    return Document(
        version=1,
        title="t",
        options={"a": Option("a", "A"), "b": Option("b", "B")},
        criteria={"x": Criterion("x", "X", "d", Fraction(1), {"a": 5, "b": 1})},
        # b ships each feature: a must-have no option ships would exclude neither.
        features={
            f: Feature(
                f, f.upper(), {"a": FeatureValue("no", False, ""), "b": FeatureValue("yes", True)}
            )
            for f in ids
        },
        questions={
            "must": Question(
                "must",
                "Must have?",
                KINDS["multiple"],
                {f: Choice(f, f.upper(), must_have=(f,)) for f in ids},
            )
        },
    )


def test_every_set_of_choices_is_one_change_and_counted_once() -> None:
    # With n choices, every one of the 2**n - 1 other sets that names a feature a
    # lacks puts b first: all of them, smallest first, one evaluation each.
    for n in (1, 4, 8):
        document = _security(n)
        found = answer_flips(document, {"must": Answer(())}, None)
        assert found.kind == "single"
        assert len(found.flips) == 2**n - 1
        assert [f.size for f in found.flips] == sorted(f.size for f in found.flips)
        assert found.flips[-1].size == n
        assert found.evaluations == (2**n - 1) + len(found.flips)


def test_settling_an_unsure_answer_is_a_change(cli) -> None:
    # Unsure about add-ons: they are not accepted, so FastAPI (no built-in admin) is
    # excluded; finding that an add-on is fine puts it first.
    base = ["advise", "--defaults", "--set", "security=admin", "--set", "add_ons=unsure"]
    data = json.loads(cli(*base, "--format", "json").stdout)
    changes = data["what_would_change_it"]["answers"]["changes"]
    settled = [c for c in changes if c["changes"][0]["question"] == "add_ons"]
    assert settled
    assert settled[0]["changes"][0]["settles"]
    assert settled[0]["changes"][0]["to_answer"] == "yes"
    rerun = json.loads(cli(*base[:-2], "--set", "add_ons=yes", "--format", "json").stdout)
    assert rerun["verdict"]["winner"] == settled[0]["winner"] != data["verdict"]["winner"]


def test_the_listed_flips_of_the_defaults_agree_with_reruns(cli) -> None:
    # Every flip listed for --defaults, each rerun through the CLI; the security
    # question's changes (several choices at once) among them.
    # (An MVP: several must-haves picked at once weigh Django + DRF up past FastAPI.)
    data = json.loads(
        cli("advise", "--defaults", "--set", "timeline=mvp", "--format", "json").stdout
    )
    changes = data["what_would_change_it"]["answers"]["changes"]
    assert data["what_would_change_it"]["answers"]["kind"] == "single"
    assert any(c["changes"][0]["question"] == "security" and c["size"] > 2 for c in changes), (
        changes
    )
    for change in changes:
        (only,) = change["changes"]
        value = only["to_answer"]
        value = ",".join(value) or "none" if isinstance(value, list) else str(value)
        rerun = json.loads(
            cli(
                "advise",
                "--defaults",
                "--set",
                "timeline=mvp",
                "--set",
                f"{only['question']}={value}",
                "--format",
                "json",
            ).stdout
        )
        assert rerun["verdict"]["winner"] == change["winner"]
