"""Cleaned data (already checked against the format) to the typed model.

The schema leaves out every value that failed, so here a present value always
has the right type; an absent required value gets a harmless stand-in (a label
falls back to the id) because its absence was already reported, and lint goes
on to find the remaining problems in the same run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fwchoice.criteria.answers import AnswerProblem, normalize
from fwchoice.criteria.model import (
    Alternative,
    Benchmark,
    BenchmarkResult,
    Choice,
    ConfidenceLevel,
    Criterion,
    DecisionRules,
    DefaultRule,
    Document,
    DocumentSource,
    Feature,
    FeatureValue,
    Hybrid,
    Item,
    Note,
    Option,
    Preset,
    Question,
    RobustnessRules,
    Scenario,
    SourceRef,
    exact,
)
from fwchoice.criteria.question_types import kind_named

DEFAULT_HYBRID_MARGIN = 3


def build_document(data: dict[str, Any]) -> Document:
    options = {oid: _option(oid, o) for oid, o in data.get("options", {}).items()}
    criteria = {cid: _criterion(cid, c) for cid, c in data.get("criteria", {}).items()}
    questions: dict[str, Question] = {}
    for qid, q in data.get("questions", {}).items():
        questions[qid] = _question(qid, q, questions)
    source = data.get("source")
    return Document(
        version=data.get("version", 1),
        title=data.get("title", ""),
        description=data.get("description", ""),
        source=DocumentSource(
            title=source.get("title", ""),
            url=source.get("url", ""),
            author=source.get("author", ""),
            published=source.get("published", ""),
        )
        if source
        else None,
        options=options,
        criteria=criteria,
        features={fid: _feature(fid, f) for fid, f in data.get("features", {}).items()},
        benchmarks={bid: _benchmark(bid, b) for bid, b in data.get("benchmarks", {}).items()},
        hybrids={hid: _hybrid(hid, h, questions) for hid, h in data.get("hybrids", {}).items()},
        alternatives={
            aid: _alternative(aid, a, questions) for aid, a in data.get("alternatives", {}).items()
        },
        decision=_decision(data.get("decision", {})),
        questions=questions,
        presets={
            pid: Preset(pid, p.get("description", ""), dict(p.get("answers", {})))
            for pid, p in data.get("presets", {}).items()
        },
        scenarios={sid: _scenario(sid, s) for sid, s in data.get("scenarios", {}).items()},
    )


def _notes(raw: list[dict[str, Any]]) -> tuple[Note, ...]:
    return tuple(
        Note(
            status=n.get("status", "nuance"),
            text=n.get("text", ""),
            sources=tuple(
                SourceRef(
                    s.get("title", ""), s.get("url", ""), s.get("date", ""), s.get("version", "")
                )
                for s in n.get("sources", [])
            ),
            # `suggested_ratings` is the former name (lint warns); the new name wins.
            evidence_ratings={
                **n.get("suggested_ratings", {}),
                **n.get("evidence_ratings", {}),
            },
            checked=n.get("checked", ""),
            supports=dict(n.get("supports", {})),
        )
        for n in raw
    )


def _items(raw: list[dict[str, Any]]) -> tuple[Item, ...]:
    return tuple(Item(i.get("label", ""), i.get("detail", "")) for i in raw)


def _option(oid: str, o: dict[str, Any]) -> Option:
    return Option(
        id=oid,
        label=o.get("label", oid),
        summary=o.get("summary", ""),
        url=o.get("url", ""),
        strengths=tuple(o.get("strengths", [])),
        ideal_for=_items(o.get("ideal_for", [])),
        examples=_items(o.get("examples", [])),
        choose_when=tuple(o.get("choose_when", [])),
        notes=_notes(o.get("notes", [])),
    )


def _criterion(cid: str, c: dict[str, Any]) -> Criterion:
    ratings = dict(c.get("ratings", {}))
    notes = _notes(c.get("notes", []))
    # Evidence ratings count only where they differ from the source's (lint warns
    # about one that repeats it); two notes rating one option are reported by lint,
    # and the later note wins here.
    evidence = {
        oid: rating
        for note in notes
        for oid, rating in note.evidence_ratings.items()
        if oid in ratings and rating != ratings[oid]
    }
    return Criterion(
        id=cid,
        label=c.get("label", cid),
        description=c.get("description", ""),
        weight=exact(c.get("weight", 1)),
        ratings=ratings,
        rationale=c.get("rationale", ""),
        notes=notes,
        evidence=evidence,
        in_source=c.get("in_source", True),
    )


def _feature(fid: str, f: dict[str, Any]) -> Feature:
    values = {
        oid: FeatureValue(
            v.get("text", ""), v.get("builtin"), v.get("fill", ""), v.get("published", "")
        )
        for oid, v in f.get("values", {}).items()
    }
    return Feature(
        id=fid,
        label=f.get("label", fid),
        values=values,
        description=f.get("description", ""),
        notes=_notes(f.get("notes", [])),
    )


def _benchmark(bid: str, b: dict[str, Any]) -> Benchmark:
    results = {
        oid: BenchmarkResult(r["value"], r.get("setup", ""))
        for oid, r in b.get("results", {}).items()
        if "value" in r
    }
    return Benchmark(
        id=bid,
        label=b.get("label", bid),
        unit=b.get("unit", ""),
        results=results,
        description=b.get("description", ""),
        higher_is_better=b.get("higher_is_better", True),
        approximate=b.get("approximate", False),
        notes=_notes(b.get("notes", [])),
    )


def _hybrid(hid: str, h: dict[str, Any], earlier: dict[str, Question]) -> Hybrid:
    return Hybrid(
        id=hid,
        label=h.get("label", hid),
        summary=h.get("summary", ""),
        options=tuple(h.get("options", [])),
        steps=tuple(h.get("steps", [])),
        when=read_condition(h.get("when", {}), earlier),
        fits=h.get("fits", ""),
    )


def _alternative(aid: str, a: dict[str, Any], questions: dict[str, Question]) -> Alternative:
    return Alternative(
        id=aid,
        label=a.get("label", aid),
        scope=a.get("scope", "beside"),
        summary=a.get("summary", ""),
        when=tuple(read_condition(c, questions) for c in a.get("when", [])),
        url=a.get("url", ""),
        reasons=tuple(a.get("reasons", [])),
        trade_offs=tuple(a.get("trade_offs", [])),
        notes=_notes(a.get("notes", [])),
    )


def _decision(d: dict[str, Any]) -> DecisionRules:
    levels = [
        ConfidenceLevel(exact(c["min_margin"]), c.get("label", ""), c.get("explanation", ""))
        for c in d.get("confidence", [])
        if "min_margin" in c
    ]
    levels.sort(key=lambda level: level.min_margin, reverse=True)
    robustness = d.get("robustness")
    return DecisionRules(
        hybrid_margin=exact(d.get("hybrid_margin", DEFAULT_HYBRID_MARGIN)),
        confidence=tuple(levels),
        robustness=RobustnessRules(
            band=robustness.get("band", 0.5),
            samples=robustness.get("samples", 10_000),
            seed=robustness.get("seed", 1),
        )
        if robustness
        else None,
        review_after=d.get("review_after"),
    )


def _question(qid: str, q: dict[str, Any], earlier: dict[str, Question]) -> Question:
    kind = kind_named(q.get("type"))
    choices = kind.choices(q, _choice)
    question = Question(
        id=qid, text=q.get("text", qid), kind=kind, choices=choices, help=q.get("help", "")
    )
    default = None
    if "default" in q and choices:
        try:
            default = normalize(question, q["default"])
        except AnswerProblem:
            default = None  # reported by lint (FWC302)
    else:
        default = kind.unanswered_default()
    return Question(
        id=qid,
        text=question.text,
        kind=kind,
        choices=choices,
        help=question.help,
        default=default,
        when=read_condition(q.get("when", {}), earlier),
        default_when=tuple(_default_rules(question, q.get("default_when", []), earlier)),
    )


def _choice(cid: str, c: Mapping[str, Any]) -> Choice:
    return Choice(
        id=cid,
        label=c.get("label", cid),
        help=c.get("help", ""),
        weights={k: exact(v) for k, v in c.get("weights", {}).items()},
        needs=tuple(c.get("needs", [])),
        must_have=tuple(c.get("must_have", [])),
        accepts_add_ons=c.get("accepts_add_ons"),
    )


def _default_rules(
    question: Question, rules: list[Any], earlier: dict[str, Question]
) -> list[DefaultRule]:
    """The answer-dependent defaults that can be read; one whose default is not an
    answer to the question is left out (lint reports it, FWC302)."""
    read = []
    for rule in rules:
        if not isinstance(rule, dict):
            continue
        try:
            default = normalize(question, rule.get("default"))
        except AnswerProblem:
            continue
        if default is not None:
            read.append(DefaultRule(read_condition(rule.get("when", {}), earlier), default))
    return read


def read_condition(when: dict[str, Any], earlier: dict[str, Question]) -> dict[str, frozenset[str]]:
    """Normalise each condition to the choice ids it allows.

    A reference to an unknown or later question, or to an unknown choice, is
    kept as written (it can never match) and reported by lint.
    """
    condition: dict[str, frozenset[str]] = {}
    for qid, raw in when.items():
        values = raw if isinstance(raw, list) else [raw]
        target = earlier.get(qid)
        allowed: set[str] = set()
        for value in values:
            if target is None:
                allowed.add(str(value))
                continue
            try:
                allowed.update(normalize(target, value) or ())
            except AnswerProblem:
                allowed.add(f"\0{value}")  # matches nothing; lint reports it
        condition[qid] = frozenset(allowed)
    return condition


def _scenario(sid: str, s: dict[str, Any]) -> Scenario:
    expect = s.get("expect", {})
    return Scenario(
        id=sid,
        description=s.get("description", ""),
        expect_winner=expect.get("winner", ""),
        expect_hybrid=expect.get("hybrid"),
        expect_alternatives=(tuple(expect["alternatives"]) if "alternatives" in expect else None),
        preset=s.get("preset"),
        answers=dict(s.get("answers", {})),
        source=s.get("source", ""),
    )
