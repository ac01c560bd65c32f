"""Replaying saved answers against a criteria file that may have changed since.

A saved answers file records the verdict it led to and a snapshot of what
scored it (each criterion's final weight and ratings). Replaying compares that
with the current file: the old and new verdicts side by side, and each
criterion whose change moved the margin, largest effect first.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from fwchoice.criteria.model import RATING_MAX, Document, exact
from fwchoice.decide.report import CurrentVerdict, Moved, Replay, SavedVerdict
from fwchoice.decide.scoring import HUNDRED, Evaluation

if TYPE_CHECKING:
    from fwchoice.criteria.model import Exact


def snapshot(document: Document, evaluation: Evaluation) -> dict[str, Any]:
    """What a saved answers file keeps so a later replay can explain a change."""
    return {
        cid: {
            "label": document.criteria[cid].label,
            "weight": float(weight.value) if weight.value.denominator != 1 else int(weight.value),
            "ratings": dict(document.criteria[cid].ratings),
        }
        for cid, weight in evaluation.weights.items()
    }


def _contribution(entry: dict[str, Any], total: Exact, a: str, b: str) -> Fraction:
    if not total:
        return Fraction(0)
    ratings = entry.get("ratings", {})
    weight = exact(entry.get("weight", 0))
    d = int(ratings.get(a, 0)) - int(ratings.get(b, 0))
    return Fraction(weight * d * HUNDRED / (RATING_MAX * total))


def compare(
    saved: dict[str, Any],
    document: Document,
    evaluation: Evaluation,
    current_sha256: str,
) -> Replay:
    """The replay section of a report: then versus now, and what moved it."""
    old_verdict = saved.get("verdict") or {}
    old_snapshot = saved.get("snapshot") or {}
    criteria_then = saved.get("criteria") or {}
    new_snapshot = snapshot(document, evaluation)
    labels = {o: opt.label for o, opt in document.options.items()}
    old_winner = old_verdict.get("winner")
    new_winner = evaluation.ranking.winner
    # The pair whose margin is explained: the old winner against whoever now
    # challenges it (the new winner if it changed, else the new runner-up).
    a = old_winner if old_winner in document.options else new_winner
    b = new_winner if new_winner != a else evaluation.ranking.runner_up
    moved: list[Moved] = []
    if b is not None and old_snapshot:
        old_total = sum((exact(e.get("weight", 0)) for e in old_snapshot.values()), Fraction(0))
        new_total = sum((exact(e["weight"]) for e in new_snapshot.values()), Fraction(0))
        for cid in dict.fromkeys([*old_snapshot, *new_snapshot]):
            old = old_snapshot.get(cid, {})
            new = new_snapshot.get(cid, {})
            changes = []
            if not old:
                changes.append("added")
            elif not new:
                changes.append("removed")
            else:
                if exact(old.get("weight", 0)) != exact(new["weight"]):
                    changes.append(f"weight {old.get('weight')} -> {new['weight']}")
                for option in dict.fromkeys([*old.get("ratings", {}), *new["ratings"]]):
                    before = old.get("ratings", {}).get(option)
                    after = new["ratings"].get(option)
                    if before != after:
                        changes.append(f"{labels.get(option, option)} rating {before} -> {after}")
            if not changes:
                continue
            delta = _contribution(new, new_total, a, b) - _contribution(old, old_total, a, b)
            label = (new or old).get("label", cid)
            moved.append(Moved(cid, label, tuple(changes), round(float(delta), 2)))
        moved.sort(key=lambda m: -abs(m.margin_change))
    margin = old_verdict.get("margin")
    return Replay(
        criteria_changed=criteria_then.get("sha256") != current_sha256,
        then=SavedVerdict(
            sha256=criteria_then.get("sha256"),
            winner=old_winner,
            winner_label=labels.get(old_winner or "", old_winner),
            margin=margin if isinstance(margin, (int, float)) and margin is not True else None,
            kind=old_verdict.get("kind"),
            scores=old_verdict.get("scores", {}),
        ),
        now=CurrentVerdict(
            sha256=current_sha256,
            winner=new_winner,
            winner_label=labels[new_winner],
            margin=round(float(evaluation.verdict.margin), 2),
            kind=evaluation.verdict.kind,
            scores={o: round(float(evaluation.ranking.points(o)), 2) for o in document.options},
        ),
        pair=(a, b),
        moved_by=tuple(moved),
    )
