"""The knowledge a file carries: each note sourced, honestly dated, and agreeing with its row.

A note is the evidence behind a claim. A reader can only weigh it when it names
its sources, says how current they are (each source's own date or version) and
when the claim was confirmed against them (``checked``). A note that says a
feature ships built in (``supports``) while its row says otherwise is a table
that was never corrected: the table changes, not just the note.
"""

from __future__ import annotations

import datetime
from typing import Any

from fwchoice.lint.registry import CheckContext, check
from fwchoice.sanitize import quote

NOTED_SECTIONS = ("options", "criteria", "features", "benchmarks", "alternatives")


def _notes(ctx: CheckContext) -> list[tuple[str, str, int, dict[str, Any]]]:
    """Every note as written: (section, entry id, index, note)."""
    found: list[tuple[str, str, int, dict[str, Any]]] = []
    if not isinstance(ctx.data, dict):
        return found
    for section in NOTED_SECTIONS:
        entries = ctx.data.get(section)
        if not isinstance(entries, dict):
            continue
        for key, entry in entries.items():
            notes = entry.get("notes") if isinstance(entry, dict) else None
            if not isinstance(notes, list):
                continue
            found.extend(
                (section, key, i, note) for i, note in enumerate(notes) if isinstance(note, dict)
            )
    return found


def _today(ctx: CheckContext) -> datetime.date:
    if ctx.freshness.today:
        return datetime.date.fromisoformat(ctx.freshness.today)
    return datetime.date.today()


def _day(value: Any) -> datetime.date | None:
    """A YYYY-MM-DD, YYYY-MM or YYYY date as its first day; None if it is not one."""
    text = str(value)
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return datetime.date.fromisoformat(text)
        if len(parts) == 2:
            return datetime.date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and len(text) == 4:
            return datetime.date(int(text), 1, 1)
    except ValueError:
        return None
    return None


@check("FWC216", lint_only=True)
def notes_are_fresh(ctx: CheckContext) -> None:
    """Each note says when it was confirmed against its sources, and that is recent enough."""
    today = _today(ctx)
    for section, key, i, note in _notes(ctx):
        path = (section, key, "notes", i)
        checked = note.get("checked")
        if checked is None:
            ctx.report(
                "FWC216",
                path,
                "note does not say when its sources were last checked; add "
                f'`checked: "{today.isoformat()}"` once you have checked them',
            )
            continue
        day = _day(checked)
        if day is None or len(str(checked)) != 10:
            continue  # not a date: the schema reports it
        age = (today - day).days
        if age > ctx.freshness.max_age:
            ctx.report(
                "FWC216",
                (*path, "checked"),
                f"note last checked {checked}, {age} days ago (more than "
                f"{ctx.freshness.max_age}); check its sources again and update `checked`",
            )


@check("FWC217", "FWC220", lint_only=True)
def notes_are_sourced(ctx: CheckContext) -> None:
    """Each note names a source, and each source its own date or version."""
    for section, key, i, note in _notes(ctx):
        path = (section, key, "notes", i)
        sources = note.get("sources")
        if not sources:
            ctx.report(
                "FWC217",
                path,
                "note names no source, so a reader cannot check it; add `sources:` with "
                "a title, a url and the source's own date or version",
            )
            continue
        if not isinstance(sources, list):
            continue  # the schema reports it
        for j, source in enumerate(sources):
            if isinstance(source, dict) and not source.get("date") and not source.get("version"):
                ctx.report(
                    "FWC220",
                    (*path, "sources", j),
                    "source gives neither its own `date` nor its `version`, so a reader "
                    "cannot tell how current it is; add the one the source shows",
                )


@check("FWC219", lint_only=True)
def checked_dates_are_possible(ctx: CheckContext) -> None:
    """A claim cannot be confirmed in the future, nor against a source not yet written."""
    today = _today(ctx)
    for section, key, i, note in _notes(ctx):
        checked = note.get("checked")
        day = _day(checked) if checked is not None and len(str(checked)) == 10 else None
        if day is None:
            continue
        path = (section, key, "notes", i, "checked")
        if day > today:
            ctx.report(
                "FWC219",
                path,
                f"note says it was checked on {checked}, after today ({today.isoformat()}); "
                "write the day the claim was confirmed against its sources",
            )
            continue
        sources = note.get("sources")
        for source in sources if isinstance(sources, list) else ():
            written = source.get("date") if isinstance(source, dict) else None
            own = _day(written) if written is not None else None
            if own is not None and day < own:
                ctx.report(
                    "FWC219",
                    path,
                    f"note says it was checked on {checked}, before its source "
                    f"{quote(str(source.get('title', '')))} is dated ({written}); "
                    "a claim can only be confirmed against a source that exists",
                )
                break


@check("FWC203", "FWC218", lint_only=True)
def rows_agree_with_their_notes(ctx: CheckContext) -> None:
    """A feature row's `builtin` is what its own notes say it is (`supports`)."""
    options = ctx.document.options
    for section, key, i, note in _notes(ctx):
        supports = note.get("supports")
        if not isinstance(supports, dict) or not supports:
            continue
        path = (section, key, "notes", i, "supports")
        if section != "features":
            ctx.report(
                "FWC218",
                path,
                "`supports` says which feature values a note backs, so it belongs on a "
                "feature's note; a criterion's note gives `evidence_ratings` instead",
            )
            continue
        feature = ctx.document.features.get(key)
        for oid, said in supports.items():
            if oid not in options:
                ctx.report("FWC203", (*path, oid), f"option {quote(str(oid))} is not defined")
                continue
            value = feature.values.get(oid) if feature else None
            if value is None or not isinstance(said, bool) or value.builtin is None:
                continue
            if value.builtin != said:
                table = "built in" if value.builtin else "not built in"
                note_says = "built in" if said else "not built in"
                ctx.report(
                    "FWC218",
                    (*path, oid),
                    f"the row says {options[oid].label} has {quote(key)} {table}, its own "
                    f"note says {note_says}; correct the row's `builtin` (and its text), or "
                    "the note",
                )
