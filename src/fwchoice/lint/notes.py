"""Notes that may have gone stale: the facts around a framework move (FWC216)."""

from __future__ import annotations

import datetime
from typing import Any

from fwchoice.lint.registry import CheckContext, check

NOTED_SECTIONS = ("options", "criteria", "features", "benchmarks")


@check("FWC216", lint_only=True)
def notes_are_fresh(ctx: CheckContext) -> None:
    """Each note says when its sources were last checked, and that is recent enough."""
    if not isinstance(ctx.data, dict):
        return
    today = (
        datetime.date.fromisoformat(ctx.freshness.today)
        if ctx.freshness.today
        else datetime.date.today()
    )
    for section in NOTED_SECTIONS:
        entries = ctx.data.get(section)
        if not isinstance(entries, dict):
            continue
        for key, entry in entries.items():
            notes = entry.get("notes") if isinstance(entry, dict) else None
            if not isinstance(notes, list):
                continue
            for i, note in enumerate(notes):
                if isinstance(note, dict):
                    _check_note(ctx, (section, key, "notes", i), note, today)


def _check_note(
    ctx: CheckContext, path: tuple[Any, ...], note: dict[str, Any], today: datetime.date
) -> None:
    checked = note.get("checked")
    if checked is None:
        ctx.report(
            "FWC216",
            path,
            "note does not say when its sources were last checked; add "
            f'`checked: "{today.isoformat()}"` once you have checked them',
        )
        return
    try:
        day = datetime.date.fromisoformat(str(checked))
    except ValueError:
        return  # not a date: the schema reports it
    age = (today - day).days
    if age > ctx.freshness.max_age:
        ctx.report(
            "FWC216",
            (*path, "checked"),
            f"note last checked {checked}, {age} days ago (more than {ctx.freshness.max_age}); "
            "check its sources again and update `checked`",
        )
