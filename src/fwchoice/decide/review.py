"""Reviewing decision records: does each still recommend what it recorded?

Each fwchoice record embeds its answers (a team record, each member's), the
criteria file's hash and the verdict it reached. A review scores those answers
again against the current criteria file, exactly as ``advise`` would (a
question added since takes its default), and says per record: ``unchanged``,
``moved`` (the same option first, by a different margin; the criteria changes
that moved it are named), ``changed`` (another option comes first), or
``broken`` (its answers no longer fit the criteria file, or its title names
another verdict than its replay block); and whether its review date has passed.
Superseded records are skipped: they are history, unless the record their status
names is not in the folder (a broken link, reported; the record is reviewed).
"""

from __future__ import annotations

from typing import Any, Literal

from fwchoice.adr.consistency import title_contradiction
from fwchoice.adr.layout import is_superseded
from fwchoice.criteria.answers import AnswerProblem, collect, complete
from fwchoice.criteria.fileformat import TEAM_MARKER
from fwchoice.criteria.model import Document
from fwchoice.decide.evidence import rated_by
from fwchoice.decide.replay import compare
from fwchoice.decide.report import CurrentVerdict, Replay, SavedVerdict, json_value
from fwchoice.decide.scoring import evaluate
from fwchoice.decide.team import combined_evaluation, members_from
from fwchoice.record import NamedTuple
from fwchoice.sanitize import quote

State = Literal["unchanged", "moved", "changed", "broken", "superseded"]
MOVED = 0.05
"""A margin that moved by less than this (half the 0.1 a report shows) has not moved."""


class Reviewed(NamedTuple):
    path: str
    state: State
    overdue: bool
    review_by: str | None
    replay: Replay | None
    """Then against now (``decide.replay.compare``); None when it could not be scored."""
    problem: str = ""


def review_record(
    path: str,
    text: str,
    saved: dict[str, Any],
    document: Document,
    sha256: str,
    today: str,
    broken_link: str = "",
) -> Reviewed:
    """One record reviewed. ``broken_link`` says why its "superseded by" link leads
    nowhere: the record is then reviewed as a live one, and that problem fails it."""
    review_by = saved.get("review_by")
    overdue = bool(review_by) and str(review_by) < today
    if is_superseded(text) and not broken_link:
        return Reviewed(path, "superseded", False, review_by, None)
    labels = {option.id: option.label for option in document.options.values()}
    contradiction = title_contradiction(text, saved.get("verdict") or {}, labels)
    if contradiction is not None:
        why = (
            f"{path}:{contradiction.line}: the record does not match its replay block: its "
            f"title says {quote(contradiction.title)}, its block's verdict is "
            f"{quote(contradiction.expected)}; restore what fwchoice wrote, or file a new "
            "record with fwchoice advise"
        )
        return Reviewed(path, "broken", overdue, review_by, None, why)
    scored = rated_by(document, saved.get("ratings", "source"))
    try:
        if TEAM_MARKER in saved:
            members = members_from(
                document,
                [(m["name"], m["answers"], f"member {m['name']!r}") for m in saved["members"]],
            )
            evaluation = combined_evaluation(scored, members)
        else:
            given = collect(document, [("file", saved["answers"])])
            resolved, _ = complete(document, given, fill_defaults=True)
            evaluation = evaluate(scored, resolved)
    except AnswerProblem as problem:
        why = f"its answers no longer fit the criteria file: {problem}"
        return Reviewed(path, "broken", overdue, review_by, None, why)
    replay = compare(saved, scored, evaluation, sha256)
    then, now = replay.then, replay.now
    if then.winner != now.winner:
        state: State = "changed"
    elif abs((then.margin or 0) - now.margin) >= MOVED:
        state = "moved"
    else:
        state = "unchanged"
    return Reviewed(path, state, overdue, review_by, replay, broken_link)


def fails(reviewed: Reviewed, fail_on: set[str]) -> bool:
    """Whether this record fails the review under ``--fail-on``."""
    if "never" in fail_on:
        return False
    if reviewed.state == "broken" or reviewed.problem:
        return True
    if reviewed.overdue and "overdue" in fail_on:
        return True
    if reviewed.state == "changed" and fail_on & {"changed", "moved"}:
        return True
    return reviewed.state == "moved" and "moved" in fail_on


def review_data(
    results: list[Reviewed],
    skipped: list[str],
    *,
    criteria_file: dict[str, Any],
    today: str,
    fail_on: set[str],
) -> dict[str, Any]:
    return {
        "format": "fwchoice.review",
        "format_version": 1,
        "criteria_file": criteria_file,
        "today": today,
        "fail_on": sorted(fail_on),
        "records": [
            {
                "path": r.path,
                "state": r.state,
                "overdue": r.overdue,
                "review_by": r.review_by,
                "fails": fails(r, fail_on),
                "problem": r.problem,
                "then": _side(r.replay.then) if r.replay else None,
                "now": _side(r.replay.now) if r.replay else None,
                "moved_by": json_value(r.replay.moved_by) if r.replay else [],
            }
            for r in results
        ],
        "skipped": skipped,
        "failed": any(fails(r, fail_on) for r in results),
    }


def _side(side: SavedVerdict | CurrentVerdict) -> dict[str, Any]:
    return {
        "winner": side.winner,
        "winner_label": side.winner_label,
        "kind": side.kind,
        "margin": side.margin,
    }
