"""A recommendation as plain data: every number, so anyone can recompute it by hand.

Like ``comparison``, this is the one place that decides what a report says;
the JSON output is this data, and the terminal and Markdown (MADR) renderers
only lay it out. Shape: ``docs/schemas/advice.schema.json``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from fwchoice.comparison import plain_number
from fwchoice.criteria.answers import Answers, display, raw_value
from fwchoice.criteria.model import RATING_MAX, Document
from fwchoice.decide.scoring import Evaluation

ADVICE_FORMAT_VERSION = 1
REASONS = 3
CHANGES_SHOWN = 5


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


def advice_data(
    document: Document,
    evaluation: Evaluation,
    *,
    criteria_file: dict[str, str],
) -> dict[str, Any]:
    ranking = evaluation.ranking
    verdict = evaluation.verdict
    labels = {oid: o.label for oid, o in document.options.items()}
    total_weight = sum(ranking.weights.values(), Fraction(0))
    weights = []
    for cid, weight in evaluation.weights.items():
        criterion = document.criteria[cid]
        weights.append(
            {
                "criterion": cid,
                "label": criterion.label,
                "base": plain_number(weight.base),
                "changes": [
                    {
                        "question": c.question,
                        "choice": c.choice,
                        "choice_label": document.questions[c.question].choices[c.choice].label,
                        "delta": plain_number(c.delta),
                    }
                    for c in weight.changes
                ],
                "weight": plain_number(weight.value),
                "clamped_at_zero": weight.clamped,
                "ratings": {o: criterion.ratings.get(o) for o in document.options},
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
        }
        for oid in ranking.order
    ]
    return {
        "format": "fwchoice.advice",
        "format_version": ADVICE_FORMAT_VERSION,
        "criteria_file": {**criteria_file, "version": document.version},
        "title": document.title,
        "method": {
            "weight": "default weight + effects of the answers given, never below 0",
            "score": f"100 * sum(weight * rating) / ({RATING_MAX} * sum(weight))",
            "rating_max": RATING_MAX,
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
            "hybrids": [
                {
                    "id": h.id,
                    "label": h.label,
                    "summary": h.summary,
                    "steps": list(h.steps),
                    "when": h.when,
                }
                for h in verdict.hybrids
            ],
        },
        "needs": [
            {"feature": fid, "label": document.features[fid].label, "needed_by": list(asked_by)}
            for fid, asked_by in evaluation.needs.items()
            if fid in document.features
        ],
        "reasons": _reasons(document, evaluation),
        "caveats": _caveats(document, evaluation),
        "what_would_change_it": _changes(document, evaluation),
    }


def _reasons(document: Document, evaluation: Evaluation) -> list[dict[str, Any]]:
    ranking = evaluation.ranking
    runner_up = ranking.runner_up
    if runner_up is None:
        return []
    reasons = []
    for contribution in evaluation.contributions[:REASONS]:
        if contribution.points <= 0:
            break
        criterion = document.criteria[contribution.criterion]
        weight = evaluation.weights[contribution.criterion]
        reasons.append(
            {
                "criterion": criterion.id,
                "label": criterion.label,
                "weight": plain_number(contribution.weight),
                "points": points(contribution.points),
                "winner_rating": criterion.ratings.get(ranking.winner),
                "runner_up_rating": criterion.ratings.get(runner_up),
                "raised_by": [
                    {
                        "question": c.question,
                        "choice_label": document.questions[c.question].choices[c.choice].label,
                        "delta": plain_number(c.delta),
                    }
                    for c in weight.changes
                    if c.delta > 0
                ],
            }
        )
    return reasons


def _caveats(document: Document, evaluation: Evaluation) -> list[dict[str, Any]]:
    winner = evaluation.ranking.winner
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
                "needed_by": list(caveat.needed_by),
            }
        )
    return result


def _changes(document: Document, evaluation: Evaluation) -> list[dict[str, Any]]:
    labels = {oid: o.label for oid, o in document.options.items()}
    return [
        {
            "criterion": flip.criterion,
            "label": document.criteria[flip.criterion].label,
            "challenger": flip.challenger,
            "challenger_label": labels[flip.challenger],
            "direction": flip.direction,
            "current": plain_number(flip.current),
            "threshold": points(flip.threshold),
        }
        for flip in evaluation.flips[:CHANGES_SHOWN]
    ]
