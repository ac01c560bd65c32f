"""Checks on the questionnaire: question shapes, defaults, conditions and presets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fwchoice.criteria.answers import (
    Answer,
    AnswerProblem,
    applies,
    collect,
    condition_holds,
    normalize,
)
from fwchoice.criteria.build import read_condition
from fwchoice.criteria.fileformat import TYPE_KEYS
from fwchoice.criteria.model import UNSURE, Document
from fwchoice.diagnostics import DataPath
from fwchoice.hints import did_you_mean
from fwchoice.lint.registry import CheckContext, check
from fwchoice.sanitize import quote

# Beyond this many combinations of earlier answers, a condition is assumed
# satisfiable rather than proven so; real questionnaires stay far below it.
MAX_CONDITION_WORLDS = 20_000


@check("FWC301", "FWC306", "FWC309", "FWC114")
def questions_fit_their_type(ctx: CheckContext) -> None:
    """Each question is written as its type asks (choices, or a scale, and what each type
    checks in its own module: ``criteria/question_types``)."""
    for qid, question in ctx.document.questions.items():
        raw = _raw_question(ctx.data, qid)
        path = ("questions", qid)
        kind = question.kind
        for key, owner in TYPE_KEYS.items():
            if key in raw and owner != kind.name:
                ctx.report(
                    "FWC301",
                    (*path, key),
                    f"`{key}:` belongs to {owner} questions; this one is {kind.name}",
                )
        for problem in kind.shape_problems(qid, raw, question):
            ctx.report(problem.code, (*path, *problem.path), problem.message)


@check("FWC307", lint_only=True)
def choices_have_effects(ctx: CheckContext) -> None:
    """Some choice changes a weight, adds a need or a must-have, or says whether add-ons
    will do; otherwise the question cannot matter."""
    for qid, question in ctx.document.questions.items():
        if not question.kind.written_choices or len(question.choices) < 2:
            continue
        inert = [
            c
            for c in question.choices.values()
            if not (c.weights or c.needs or c.must_have or c.accepts_add_ons is not None)
        ]
        # One neutral choice (e.g. 'no preference') is a normal design; all inert is not.
        if len(inert) == len(question.choices):
            ctx.report(
                "FWC307",
                ("questions", qid, "choices"),
                f"no choice of question {quote(qid)} changes a weight or adds a need",
            )


@check("FWC302")
def defaults_are_choices(ctx: CheckContext) -> None:
    """A question's default is one of its choices (or a point of its scale)."""
    for qid, question in ctx.document.questions.items():
        raw = _raw_question(ctx.data, qid)
        if "default" not in raw or not question.choices:
            continue
        try:
            if normalize(question, raw["default"]) is None:
                ctx.report(
                    "FWC302",
                    ("questions", qid, "default"),
                    f"a default cannot be {quote(UNSURE)}; leave it out instead",
                )
        except AnswerProblem as problem:
            ctx.report("FWC302", ("questions", qid, "default"), str(problem))


@check("FWC204", "FWC205", "FWC302", "FWC303", "FWC310")
def answer_dependent_defaults_are_sound(ctx: CheckContext) -> None:
    """Each `default_when` rule names earlier questions and their choices, gives a
    default that answers this question, and can apply for some earlier answers."""
    document = ctx.document
    order = list(document.questions)
    for position, (qid, question) in enumerate(document.questions.items()):
        rules = _raw_question(ctx.data, qid).get("default_when")
        if not isinstance(rules, list):
            continue
        earlier = set(order[:position])
        for i, rule in enumerate(rules):
            if not isinstance(rule, dict):
                continue
            path = ("questions", qid, "default_when", i)
            if "default" in rule and question.choices:
                try:
                    if normalize(question, rule["default"]) is None:
                        ctx.report(
                            "FWC302",
                            (*path, "default"),
                            f"a default cannot be {quote(UNSURE)}; leave the rule out instead",
                        )
                except AnswerProblem as problem:
                    ctx.report("FWC302", (*path, "default"), str(problem))
            raw_when = rule.get("when")
            if not isinstance(raw_when, dict):
                continue
            if not raw_when:
                ctx.report(
                    "FWC310",
                    (*path, "when"),
                    "a rule with an empty `when` never applies; name the earlier answers "
                    "that call for this default, or make it the question's `default`",
                )
                continue
            if not _condition_is_sound(ctx, (*path, "when"), raw_when, qid, earlier):
                continue
            questions = document.questions
            when = read_condition(raw_when, {q: questions[q] for q in order[:position]})
            if not _satisfiable(document, when):
                ctx.report(
                    "FWC310",
                    (*path, "when"),
                    f"no combination of earlier answers meets this rule; question "
                    f"{quote(qid)} would never take its default",
                )


@check("FWC204", "FWC205", "FWC303", "FWC304")
def conditions_can_hold(ctx: CheckContext) -> None:
    """`when` names earlier questions and their choices, and can be true for some answers.

    A question's condition looks at questions asked before it; a hybrid's, at any."""
    document = ctx.document
    order = list(document.questions)
    for position, (qid, question) in enumerate(document.questions.items()):
        raw_when = _raw_question(ctx.data, qid).get("when")
        if not isinstance(raw_when, dict) or not question.when:
            continue
        earlier = set(order[:position])
        if _condition_is_sound(ctx, ("questions", qid, "when"), raw_when, qid, earlier) and (
            not _satisfiable(document, question.when)
        ):
            ctx.report(
                "FWC304",
                ("questions", qid, "when"),
                f"no combination of earlier answers makes question {quote(qid)} apply; "
                "it would never be asked",
            )
    for hid, hybrid in document.hybrids.items():
        raw_when = _at(ctx.data, ("hybrids", hid, "when"))
        if not isinstance(raw_when, dict) or not hybrid.when:
            continue
        path = ("hybrids", hid, "when")
        if _condition_is_sound(ctx, path, raw_when, hid, set(order)) and (
            not _satisfiable(document, hybrid.when)
        ):
            ctx.report(
                "FWC304",
                path,
                f"no combination of answers meets the condition of hybrid {quote(hid)}; "
                "it would never be suggested",
            )
    for aid, alternative in document.alternatives.items():
        raw_list = _at(ctx.data, ("alternatives", aid, "when"))
        if not isinstance(raw_list, list):
            continue
        for i, raw_when in enumerate(raw_list):
            if not isinstance(raw_when, dict) or not raw_when:
                continue
            at: DataPath = ("alternatives", aid, "when", i)
            condition = alternative.when[i] if i < len(alternative.when) else {}
            if _condition_is_sound(ctx, at, raw_when, aid, set(order)) and (
                not _satisfiable(document, condition)
            ):
                ctx.report(
                    "FWC304",
                    at,
                    f"no combination of answers meets this condition of {quote(aid)}; "
                    "it would never be offered",
                )


def _condition_is_sound(
    ctx: CheckContext,
    path: DataPath,
    raw_when: dict[str, Any],
    owner: str,
    allowed: set[str],
) -> bool:
    """Report a condition's undefined questions and choices; whether it had none."""
    document = ctx.document
    sound = True
    for other, raw_values in raw_when.items():
        at_key = (*path, other)
        target = document.questions.get(other)
        if target is None:
            hint = did_you_mean(str(other), list(document.questions))
            ctx.report("FWC204", at_key, f"question {quote(other)} is not defined{hint}")
            sound = False
            continue
        if other not in allowed:
            ctx.report(
                "FWC303",
                at_key,
                f"condition on {quote(other)}, which is not asked before {quote(owner)}",
            )
            sound = False
            continue
        for i, value in enumerate(raw_values if isinstance(raw_values, list) else [raw_values]):
            try:
                if normalize(target, value) is None:
                    raise AnswerProblem(f"a condition cannot test for {quote(UNSURE)}")
            except AnswerProblem as problem:
                ctx.report(
                    "FWC205", (*at_key, i) if isinstance(raw_values, list) else at_key, str(problem)
                )
                sound = False
    return sound


def _at(data: Any, path: tuple[str, ...]) -> Any:
    for step in path:
        if not isinstance(data, dict) or step not in data:
            return None
        data = data[step]
    return data


def _satisfiable(document: Document, when: Mapping[str, frozenset[str]]) -> bool:
    """Search the answers that matter for some that meet the condition ``when``."""
    needed: set[str] = set()
    frontier = list(when)
    while frontier:
        qid = frontier.pop()
        if qid in needed or qid not in document.questions:
            continue
        needed.add(qid)
        frontier.extend(document.questions[qid].when)
    relevant = [q for q in document.questions.values() if q.id in needed]
    budget = [MAX_CONDITION_WORLDS]

    def search(index: int, answers: dict[str, Answer]) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return True  # too many worlds to prove it never holds; do not claim it
        if index == len(relevant):
            return condition_holds(when, answers, unsure_matches=False)
        current = relevant[index]
        if not applies(current, answers):
            return search(index + 1, answers)
        if current.multiple:
            # Selecting every choice meets any condition that some selection meets.
            options: list[tuple[str, ...]] = [tuple(current.choices)]
        else:
            options = [(c,) for c in current.choices]
        return any(search(index + 1, {**answers, current.id: Answer(o)}) for o in options)

    return search(0, {})


@check("FWC204", "FWC305")
def presets_answer_real_questions(ctx: CheckContext) -> None:
    """Every preset answer names a question and fits it."""
    for pid, preset in ctx.document.presets.items():
        check_answer_values(ctx, ("presets", pid, "answers"), preset.answers)


def check_answer_values(
    ctx: CheckContext, path: tuple[str, ...], answers: Mapping[str, object]
) -> None:
    document = ctx.document
    for qid, raw in answers.items():
        if qid not in document.questions:
            hint = did_you_mean(qid, list(document.questions))
            ctx.report("FWC204", (*path, qid), f"question {quote(qid)} is not defined{hint}")
            continue
        try:
            collect(document, [("preset", {qid: raw})])
        except AnswerProblem as problem:
            ctx.report("FWC305", (*path, qid), str(problem))


def _raw_question(data: Any, qid: str) -> dict[str, Any]:
    try:
        raw = data["questions"][qid]
    except (KeyError, TypeError):
        return {}
    return raw if isinstance(raw, dict) else {}


@check("FWC203", "FWC204", "FWC305", "FWC308")
def scenarios_are_well_formed(ctx: CheckContext) -> None:
    """A scenario's preset, answers and expected winner all exist."""
    document = ctx.document
    for sid, scenario in document.scenarios.items():
        path = ("scenarios", sid)
        if scenario.preset and scenario.preset not in document.presets:
            hint = did_you_mean(scenario.preset, list(document.presets))
            ctx.report(
                "FWC308", (*path, "preset"), f"preset {quote(scenario.preset)} is not defined{hint}"
            )
        check_answer_values(ctx, (*path, "answers"), scenario.answers)
        if scenario.expect_winner and scenario.expect_winner not in document.options:
            hint = did_you_mean(scenario.expect_winner, list(document.options))
            ctx.report(
                "FWC203",
                (*path, "expect", "winner"),
                f"option {quote(scenario.expect_winner)} is not defined{hint}",
            )
