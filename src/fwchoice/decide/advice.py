"""A recommendation as plain data: the verdict first, and every number behind it.

This is the one place that decides what a report says. The JSON output is this
data; the terminal, Markdown (MADR) and accessible renderers only lay it out,
so no format can say something another does not. Shape:
``docs/schemas/advice.schema.json``; fields: ``docs/json-output.md``.

What it holds, in the order a report shows it: the verdict and its confidence,
each option's score, the strongest reasons both ways (each with the answers
that weighed it, and marked where a rating is disputed), must-have exclusions
and caveats, what would change it (answer changes first, then every weight
threshold), the robustness figure, and the verdict under the other rating set;
then the details (weights, the matrix, open answers, skipped questions).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from fwchoice.comparison import hybrid_data, plain_number
from fwchoice.criteria.answers import Answer, Answers, display, raw_value
from fwchoice.criteria.model import RATING_MAX, Document
from fwchoice.decide.changes import (
    FIRM,
    Change,
    decisive_answers,
    flipping_pairs,
    tie_breaker,
    ties,
)
from fwchoice.decide.evidence import RatingSet, disputed, other, rated_by
from fwchoice.decide.robustness import Robustness, robustness
from fwchoice.decide.scoring import Evaluation, evaluate
from fwchoice.decide.uncertainty import uncertainty_for

ADVICE_FORMAT_VERSION = 2
REASONS = 3
COUNTER_REASONS = 1

WEIGHT_SCALE = (
    "Weights are points of importance: each criterion starts at its default weight in the "
    "criteria file, each answer adds or takes away points, and 0 means the criterion does "
    "not count. A score is the weighted average of the ratings, out of 100."
)
TIE_RULE = "Options that score the same are ranked in the order the criteria file lists them."


def points(value: Fraction) -> float:
    """Points of 100, rounded for display and JSON; the exact value decides, never this."""
    return round(float(value), 2)


def answers_data(document: Document, answers: Answers) -> list[dict[str, Any]]:
    rows = []
    for qid, answer in answers.items():
        question = document.questions[qid]
        rows.append(
            {
                "question": qid,
                "text": question.text,
                "answer": raw_value(question, answer),
                "display": display(question, answer),
                "how": answer.how,
            }
        )
    return rows


def build_advice(
    document: Document,
    answers: Answers,
    *,
    given: Answers | None = None,
    skipped: list[str] | None = None,
    ratings: RatingSet = "source",
    criteria_file: dict[str, str],
) -> tuple[dict[str, Any], Evaluation]:
    """Everything one person's recommendation says, from the file as written; and the
    evaluation it was made from (for saved answers and replays).

    ``answers`` are the resolved answers (unsure ones included), ``given`` every
    answer given (also to questions that did not apply), ``skipped`` the
    questions the questionnaire did not ask because they could not matter.
    """
    given = answers if given is None else given
    skipped = skipped or []
    scored = rated_by(document, ratings)
    evaluation = evaluate(scored, answers)
    alternative = evaluate(rated_by(document, other(ratings)), answers)
    working = dict(answers)
    for qid in skipped:  # unasked questions could be anything: they vary like unsure ones
        working[qid] = Answer.not_sure("asked")
    unsure = [q for q, a in working.items() if a.unsure]
    data = advice_data(
        scored,
        evaluation,
        criteria_file=criteria_file,
        ratings=ratings,
        source=document,
        alternative=alternative,
        tested=robustness(document, working, given, ratings=ratings, unsure=unsure),
    )
    # Questions left unasked stay open in every changed run too, as in the verdict:
    # a rerun would not fill them with defaults behind the user's back.
    open_given = {**given, **{q: working[q] for q in skipped}}
    data["what_would_change_it"]["answers"] = _answer_changes(scored, working, open_given)
    if evaluation.verdict.kind in ("close", "tie") and not evaluation.verdict.hybrids:
        data["verdict"]["tie_breaker"] = _tie_breaker(scored, working, open_given)
    data["insights"] = _insights(scored, working, unsure, skipped)
    return data, evaluation


def advice_data(
    document: Document,
    evaluation: Evaluation,
    *,
    criteria_file: dict[str, str],
    ratings: RatingSet = "source",
    source: Document | None = None,
    alternative: Evaluation | None = None,
    tested: Robustness | None = None,
    team: bool = False,
) -> dict[str, Any]:
    """The report's data for one evaluation (a person's, or a team's combined weights).

    ``document`` is the file as scored (by ``ratings``), ``source`` the file as
    written, ``alternative`` the same answers under the other rating set.
    """
    source = source or document
    ranking = evaluation.ranking
    verdict = evaluation.verdict
    labels = {oid: o.label for oid, o in document.options.items()}
    contested = {(d.criterion, d.option): d for d in disputed(source)}
    total_weight = sum(ranking.weights.values(), Fraction(0))
    weights = []
    for cid, weight in evaluation.weights.items():
        criterion = document.criteria[cid]
        written = source.criteria[cid]
        weights.append(
            {
                "criterion": cid,
                "label": criterion.label,
                "base": plain_number(weight.base),
                "changes": [
                    {
                        "question": c.question,
                        "text": document.questions[c.question].text,
                        "choice": c.choice,
                        "choice_label": document.questions[c.question].choices[c.choice].label,
                        "delta": plain_number(c.delta),
                    }
                    for c in weight.changes
                ],
                "weight": plain_number(weight.value),
                "clamped_at_zero": weight.clamped,
                "ratings": {o: criterion.ratings.get(o) for o in document.options},
                "source_ratings": {o: written.ratings.get(o) for o in document.options},
                "evidence_ratings": dict(written.evidence),
                "contributions": {
                    o: plain_number(weight.value * criterion.ratings.get(o, 0))
                    for o in document.options
                },
            }
        )
    scores = [
        {
            "option": oid,
            "label": labels[oid],
            "score": points(ranking.points(oid)),
            "weighted_sum": plain_number(
                sum(
                    (
                        w * document.criteria[c].ratings.get(oid, 0)
                        for c, w in ranking.weights.items()
                    ),
                    Fraction(0),
                )
            ),
            "maximum": plain_number(total_weight * RATING_MAX),
            "excluded": oid in ranking.excluded,
        }
        for oid in ranking.order
    ]
    return {
        "format": "fwchoice.advice",
        "format_version": ADVICE_FORMAT_VERSION,
        "criteria_file": {**criteria_file, "version": document.version},
        "title": document.title,
        "method": {
            "weight": (
                "each person's weights (default weight + effects of their answers, never "
                "below 0), averaged"
                if team
                else "default weight + effects of the answers given, never below 0"
            ),
            "weights_from": "team" if team else "answers",
            "score": f"100 * sum(weight * rating) / ({RATING_MAX} * sum(weight))",
            "weight_scale": WEIGHT_SCALE,
            "ties": TIE_RULE,
            "rating_max": RATING_MAX,
            "ratings": ratings,
            "hybrid_margin": plain_number(document.decision.hybrid_margin),
            "confidence_levels": [
                {"min_margin": plain_number(c.min_margin), "label": c.label}
                for c in document.decision.confidence
            ],
        },
        "answers": answers_data(document, evaluation.answers),
        "weights": weights,
        "scores": scores,
        "verdict": {
            "kind": verdict.kind,
            "winner": verdict.winner,
            "winner_label": labels[verdict.winner],
            "runner_up": verdict.runner_up,
            "runner_up_label": labels.get(verdict.runner_up or "", ""),
            "margin": points(verdict.margin),
            "confidence": (
                {
                    "label": verdict.confidence.label,
                    "explanation": verdict.confidence.explanation,
                    "min_margin": plain_number(verdict.confidence.min_margin),
                }
                if verdict.confidence
                else None
            ),
            "hybrids": [hybrid_data(document, h) for h in verdict.hybrids],
            "tie_breaker": None,
        },
        "reasons": _reasons(document, evaluation, contested, winning=True),
        "counter_reasons": _reasons(document, evaluation, contested, winning=False),
        "exclusions": _gaps(document, evaluation, filled=False),
        "caveats": _caveats(document, evaluation),
        "needs": [
            {
                "feature": fid,
                "label": document.features[fid].label,
                "needed_by": _questions(document, asked_by),
            }
            for fid, asked_by in evaluation.needs.items()
            if fid in document.features
        ],
        "what_would_change_it": {
            "answers": None,
            "weights": _thresholds(document, evaluation),
        },
        "robustness": _robustness(document, tested) if tested else None,
        "evidence": _evidence(document, source, evaluation, ratings, alternative),
        "insights": {"uncertainty": None, "skipped": []},
    }


def _questions(document: Document, qids: Any) -> list[dict[str, str]]:
    return [{"question": q, "text": document.questions[q].text} for q in qids]


def _reasons(
    document: Document,
    evaluation: Evaluation,
    contested: dict[tuple[str, str], Any],
    *,
    winning: bool,
) -> list[dict[str, Any]]:
    """The criteria that moved the margin most towards the winner (or, for the
    runner-up's case, towards the runner-up), each with the answers that weighed it."""
    ranking = evaluation.ranking
    runner_up = ranking.runner_up
    if runner_up is None:
        return []
    ordered = evaluation.contributions if winning else evaluation.contributions[::-1]
    reasons = []
    for contribution in ordered[: REASONS if winning else COUNTER_REASONS]:
        if (contribution.points <= 0) if winning else (contribution.points >= 0):
            break
        criterion = document.criteria[contribution.criterion]
        weight = evaluation.weights[contribution.criterion]
        reasons.append(
            {
                "criterion": criterion.id,
                "label": criterion.label,
                "weight": plain_number(contribution.weight),
                "points": points(abs(contribution.points)),
                "winner_rating": criterion.ratings.get(ranking.winner),
                "runner_up_rating": criterion.ratings.get(runner_up),
                "raised_by": [
                    {
                        "question": c.question,
                        "text": document.questions[c.question].text,
                        "answer": document.questions[c.question].choices[c.choice].label,
                        "delta": plain_number(c.delta),
                    }
                    for c in weight.changes
                    if c.delta > 0
                ],
                "disputed": [
                    {
                        "option": option,
                        "label": document.options[option].label,
                        "source": contested[(criterion.id, option)].source,
                        "evidence": contested[(criterion.id, option)].evidence,
                    }
                    for option in (ranking.winner, runner_up)
                    if (criterion.id, option) in contested
                ],
            }
        )
    return reasons


def _gaps(document: Document, evaluation: Evaluation, *, filled: bool) -> list[dict[str, Any]]:
    result = []
    for gap in evaluation.gaps:
        if gap.filled != filled:
            continue
        feature = document.features[gap.feature]
        value = feature.values[gap.option]
        result.append(
            {
                "option": gap.option,
                "option_label": document.options[gap.option].label,
                "feature": gap.feature,
                "label": feature.label,
                "value": value.text,
                "fill": value.fill,
                "needed_by": _questions(document, gap.asked_by),
            }
        )
    return result


def _caveats(document: Document, evaluation: Evaluation) -> list[dict[str, Any]]:
    """Needed features the winner does not ship built in (a must-have an accepted add-on
    fills among them)."""
    winner = evaluation.ranking.winner
    must = {g.feature for g in evaluation.gaps if g.option == winner and g.filled}
    result = []
    for caveat in evaluation.caveats:
        feature = document.features[caveat.feature]
        value = feature.values[winner]
        result.append(
            {
                "feature": feature.id,
                "label": feature.label,
                "option": winner,
                "value": value.text,
                "fill": value.fill,
                "needed_by": _questions(document, caveat.needed_by),
                "must_have": feature.id in must,
            }
        )
    return result


def _thresholds(document: Document, evaluation: Evaluation) -> list[dict[str, Any]]:
    """Every weight threshold, nearest first."""
    labels = {oid: o.label for oid, o in document.options.items()}
    return [
        {
            "criterion": flip.criterion,
            "label": document.criteria[flip.criterion].label,
            "challenger": flip.challenger,
            "challenger_label": labels[flip.challenger],
            "direction": flip.direction,
            "current": plain_number(flip.current),
            "threshold": plain_number(flip.threshold),
            "shown": plain_number(flip.shown),
        }
        for flip in evaluation.flips
    ]


def _change(
    document: Document, answers: Answers, qid: str, choices: tuple[str, ...]
) -> dict[str, Any]:
    question = document.questions[qid]
    before = answers[qid].choices
    return {
        "question": qid,
        "text": question.text,
        "from": display(question, answers[qid]),
        "to": display(question, Answer(choices)),
        "to_answer": raw_value(question, Answer(choices)),
        # A multiple-choice change reads best as what is picked or dropped.
        "added": [question.choices[c].label for c in choices if c not in before]
        if question.multiple
        else [],
        "removed": [question.choices[c].label for c in before if c not in choices]
        if question.multiple
        else [],
    }


def _answer_changes(document: Document, answers: Answers, given: Answers) -> dict[str, Any]:
    """The answer changes that put another option first: single changes, else pairs.
    A flip to a tie on score (first by the file's order) says so: ``tie``."""
    labels = {oid: o.label for oid, o in document.options.items()}
    found: list[tuple[tuple[Change, ...], str]] = [
        ((Change(item.question, alternative),), winner)
        for item in decisive_answers(document, answers, given)
        for alternative, winner in item.flips_to
    ]
    kind, searched_all = "single", True
    if not found:
        pairs, searched_all = flipping_pairs(document, answers, given)
        found = [(p.changes, p.winner) for p in pairs]
        kind = "pair" if found else "none"
    tied = ties(document, answers, given, [changes for changes, _ in found])
    return {
        "kind": kind,
        "changes": [
            {
                "changes": [_change(document, answers, c.question, c.choices) for c in changes],
                "winner": winner,
                "winner_label": labels[winner],
                "tie": tie,
            }
            for (changes, winner), tie in zip(found, tied, strict=True)
        ],
        "searched_all": searched_all,
    }


def _tie_breaker(document: Document, answers: Answers, given: Answers) -> dict[str, Any] | None:
    found = tie_breaker(document, answers, given)
    if found is None:
        return None
    question = document.questions[found.question]
    current = answers.get(found.question)
    return {
        "question": found.question,
        "text": question.text,
        "current": display(question, current) if current else None,
        "firm": bool(current and current.how in FIRM and not current.unsure),
        "leans": [
            {
                "answer": display(question, Answer(lean.choices)),
                "leader": lean.leader,
                "leader_label": document.options[lean.leader].label,
                "margin": points(lean.margin),
            }
            for lean in found.leans
        ],
    }


def _robustness(document: Document, tested: Robustness) -> dict[str, Any]:
    return {
        "winner": tested.winner,
        "share": round(float(tested.share), 4),
        "percent": _percent(tested.share),
        "samples": tested.samples,
        "max_samples": tested.asked,
        "seed": tested.seed,
        "band": plain_number(tested.band),
        "varied": {
            "weights": tested.varied_weights,
            "unsure_questions": _questions(document, tested.unsure_questions),
            "disputed_ratings": len(tested.disputed),
        },
        "firsts": tested.firsts,
    }


def _percent(share: Fraction) -> str:
    """A share in whole percent, never rounded up to 100 or down to 0 when it is not."""
    value = share * 100
    shown = round(value)
    if shown == 100 and share < 1:
        return ">99"
    if shown == 0 and share > 0:
        return "<1"
    return str(shown)


def _evidence(
    document: Document,
    source: Document,
    evaluation: Evaluation,
    ratings: RatingSet,
    alternative: Evaluation | None,
) -> dict[str, Any]:
    contested = disputed(source)
    data: dict[str, Any] = {
        "ratings": ratings,
        "other": other(ratings),
        "disputed": [
            {
                "criterion": d.criterion,
                "label": source.criteria[d.criterion].label,
                "option": d.option,
                "option_label": source.options[d.option].label,
                "source": d.source,
                "evidence": d.evidence,
                "note": d.note.text if d.note else "",
            }
            for d in contested
        ],
        "other_verdict": None,
        "holds": True,
    }
    if alternative is not None and contested:
        verdict = alternative.verdict
        runner_up = verdict.runner_up
        data["other_verdict"] = {
            "kind": verdict.kind,
            "winner": verdict.winner,
            "winner_label": document.options[verdict.winner].label,
            "runner_up": runner_up,
            "runner_up_label": document.options[runner_up].label if runner_up else "",
            "margin": points(verdict.margin),
            "scores": {o: points(alternative.ranking.points(o)) for o in alternative.ranking.order},
        }
        data["holds"] = verdict.winner == evaluation.verdict.winner
    return data


def _insights(
    document: Document, answers: Answers, unsure: list[str], skipped: list[str]
) -> dict[str, Any]:
    """Open answers: score ranges over what they could be, and which to settle first."""
    insights: dict[str, Any] = {"uncertainty": None, "skipped": _questions(document, skipped)}
    uncertainty = uncertainty_for(document, answers) if unsure else None
    if uncertainty is not None:
        settle = uncertainty.settle_first
        insights["uncertainty"] = {
            "questions": _questions(document, uncertainty.open_questions),
            "exact": uncertainty.exact,
            "worlds": uncertainty.worlds,
            "ranges": {
                o: {"low": points(lo), "high": points(hi)}
                for o, (lo, hi) in uncertainty.ranges.items()
            },
            "possible_winners": [o for o in document.options if o in uncertainty.possible_winners],
            "winner_can_change": uncertainty.winner_can_change,
            "settle_first": (
                {
                    "question": settle,
                    "text": document.questions[settle].text,
                    "swing": points(uncertainty.swings[settle]),
                }
                if settle
                else None
            ),
        }
    return insights
