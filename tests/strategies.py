"""Hypothesis strategies: small random decision documents and answers to them."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from fwchoice.criteria.answers import Answer
from fwchoice.criteria.model import (
    Choice,
    Criterion,
    DecisionRules,
    DefaultRule,
    Document,
    Feature,
    FeatureValue,
    Option,
    Question,
)
from fwchoice.criteria.question_types import KINDS
from fwchoice.decide.scoring import Evaluation


@st.composite
def documents(
    draw,
    max_options: int = 3,
    max_criteria: int = 5,
    max_questions: int = 3,
    with_must_haves: bool = False,
    with_defaults: bool = False,
):
    """With ``with_must_haves``: features some options lack (with or without a usual
    fill), choices that make them must-haves, and yes/no answers that accept add-ons.
    With ``with_defaults``: a default for each question, sometimes one that follows an
    earlier answer (``default_when``)."""
    option_ids = [f"o{i}" for i in range(draw(st.integers(2, max_options)))]
    criterion_ids = [f"c{i}" for i in range(draw(st.integers(1, max_criteria)))]
    criteria = {
        cid: Criterion(
            id=cid,
            label=cid.upper(),
            description="d",
            weight=Fraction(draw(st.integers(0, 6))),
            ratings={o: draw(st.integers(0, 5)) for o in option_ids},
        )
        for cid in criterion_ids
    }
    if not any(c.weight for c in criteria.values()):
        first = criterion_ids[0]
        criteria[first] = Criterion(first, "C0", "d", Fraction(1), criteria[first].ratings)
    features: dict[str, Feature] = {}
    for fi in range(draw(st.integers(1, 2)) if with_must_haves else 0):
        fid = f"f{fi}"
        features[fid] = Feature(
            fid,
            fid.upper(),
            {
                o: FeatureValue(
                    "v",
                    draw(st.sampled_from([True, False, None])),
                    draw(st.sampled_from(["", "an add-on"])),
                )
                for o in option_ids
            },
        )
    questions: dict[str, Question] = {}
    for qi in range(draw(st.integers(0, max_questions))):
        kind = draw(st.sampled_from(["single", "multiple", "yes_no"]))
        ids = (
            ["yes", "no"]
            if kind == "yes_no"
            else [f"q{qi}c{j}" for j in range(draw(st.integers(2, 3)))]
        )
        choices = {
            cid: Choice(
                id=cid,
                label=cid,
                weights={
                    c: Fraction(draw(st.integers(-3, 3)))
                    for c in draw(st.lists(st.sampled_from(criterion_ids), max_size=2, unique=True))
                },
                must_have=tuple(
                    draw(st.lists(st.sampled_from(sorted(features)), max_size=2, unique=True))
                )
                if features
                else (),
                accepts_add_ons=(cid == "yes") if kind == "yes_no" and features else None,
            )
            for cid in ids
        }
        when = {}
        if questions and draw(st.booleans()):
            target = draw(st.sampled_from(list(questions)))
            allowed = draw(
                st.lists(st.sampled_from(list(questions[target].choices)), min_size=1, unique=True)
            )
            when = {target: frozenset(allowed)}
        qid = f"q{qi}"
        default, default_when = None, ()
        if with_defaults:
            default = _some_answer(draw, kind, list(choices))
            if questions and draw(st.booleans()):
                target = draw(st.sampled_from(list(questions)))
                allowed = draw(
                    st.lists(
                        st.sampled_from(list(questions[target].choices)), min_size=1, unique=True
                    )
                )
                rule = DefaultRule({target: frozenset(allowed)}, _some_answer(draw, kind, ids))
                default_when = (rule,)
        questions[qid] = Question(
            qid,
            f"Question {qi}?",
            KINDS[kind],
            choices,
            default=default,
            when=when,
            default_when=default_when,
        )
    return Document(
        version=1,
        title="random",
        options={o: Option(o, o.upper()) for o in option_ids},
        criteria=criteria,
        features=features,
        questions=questions,
        decision=DecisionRules(hybrid_margin=Fraction(0)),
    )


def _some_answer(draw, kind: str, ids: list[str]) -> tuple[str, ...]:
    if kind == "multiple":
        picked = draw(st.lists(st.sampled_from(ids), unique=True))
        return tuple(c for c in ids if c in picked)
    return (draw(st.sampled_from(ids)),)


@st.composite
def answers(draw, document: Document, unsure_rate: float = 0.0, skip_rate: float = 0.0):
    """An answer to each question (unsure at ``unsure_rate``; left out, so its default
    counts, at ``skip_rate``)."""
    result = {}
    for qid, question in document.questions.items():
        if skip_rate and draw(st.floats(0, 1)) < skip_rate:
            continue
        if unsure_rate and draw(st.floats(0, 1)) < unsure_rate:
            result[qid] = Answer.not_sure("file")
            continue
        ids = list(question.choices)
        if question.multiple:
            picked = draw(st.lists(st.sampled_from(ids), unique=True))
            result[qid] = Answer(tuple(c for c in ids if c in picked), "file")
        else:
            result[qid] = Answer((draw(st.sampled_from(ids)),), "file")
    return result


def first(evaluation: Evaluation) -> str | None:
    """The option a verdict puts first, as a rerun reports it: the best eligible one,
    or None when no option has every must-have."""
    ranking = evaluation.ranking
    return ranking.winner if ranking.eligible else None
