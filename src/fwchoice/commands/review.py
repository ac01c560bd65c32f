"""``fwchoice review [DIR ...]``: re-check every fwchoice decision record in the folders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fwchoice import console
from fwchoice.adr.folder import adr_dir_from, records
from fwchoice.commands.output import json_text
from fwchoice.criteria.answersfile import read_record_block
from fwchoice.criteria.loader import LoadedCriteria, read_bounded, resolve_source
from fwchoice.errors import EXIT_OK, EXIT_PROBLEMS, FwchoiceError, UsageError
from fwchoice.lint.runner import load_criteria
from fwchoice.render.review_text import (
    review_github,
    review_step_summary,
    review_text,
    summary_line,
)
from fwchoice.sanitize import quote

if TYPE_CHECKING:
    from fwchoice.decide.review import Reviewed

FORMATS: dict[str, Callable[[dict[str, Any]], str]] = {
    "text": review_text,
    "json": json_text,
    "github": review_github,
}
"""Each ``--format`` and what renders it; the CLI's choices."""
FAIL_ON = ("changed", "moved", "overdue", "never")


def run(
    folders: list[str],
    *,
    criteria: str | None,
    output_format: str,
    fail_on: list[str],
    today: str | None,
    quiet: bool,
    require_records: bool = False,
) -> int:
    from fwchoice.dates import check_date
    from fwchoice.dates import today as local_today
    from fwchoice.decide.review import review_data

    check_date(today, flag="--today")
    wanted = set(fail_on or ("changed", "overdue"))
    unknown = wanted - set(FAIL_ON)
    if unknown:
        raise UsageError(f"--fail-on takes {', '.join(FAIL_ON)}; not {quote(sorted(unknown)[0])}")
    paths = [Path(f) for f in folders] or _default_folder()
    notes = [] if paths else [NO_FOLDER]
    for path in paths:
        if not path.exists():
            # A repository that adopts the CI workflow before its first record.
            notes.append(f"{quote(str(path))} does not exist yet: no records to review")
        elif not path.is_dir():
            raise UsageError(f"{quote(str(path))} is not a folder of decision records")
    loaded = load_criteria(resolve_source(criteria))
    day = today or local_today()
    results: list[Reviewed] = []
    skipped: list[str] = []
    for folder in paths:
        for record in records(folder):
            reviewed = _review(record, loaded, day)
            if reviewed is None:
                skipped.append(str(record))
            else:
                results.append(reviewed)
    data = review_data(
        results, skipped, criteria_file=loaded.file_info(), today=day, fail_on=wanted
    )
    console.write(FORMATS[output_format](data))
    console.append_step_summary(review_step_summary(data))
    if not quiet:
        for note in notes:
            console.info_line(note)
        console.info_line(f"{summary_line(data)}; criteria: {loaded.source.describe()}")
    if require_records and not data["records"]:
        where = ", ".join(quote(str(p)) for p in paths) or "the default folders"
        console.info_line(
            f"no fwchoice decision records in {where}, and --require-records asks for one: "
            "file one with fwchoice advise --adr-dir DIR"
        )
        return EXIT_PROBLEMS
    return EXIT_PROBLEMS if data["failed"] else EXIT_OK


NO_FOLDER = (
    "no decision records folder here (.adr-dir, doc/adr, docs/decisions or docs/adr): "
    "no records to review"
)


def _default_folder() -> list[Path]:
    """The folder adr-tools would use, named relative to the current directory as a
    path given on the command line is (an ``.adr-dir`` found in a parent folder gives
    an absolute one): annotations and JSON then name records as lint names files.
    None found: no folder, so no records."""
    import os

    here = Path.cwd()
    found = adr_dir_from(here)
    if found is None:
        return []
    if found.is_absolute():
        found = Path(os.path.relpath(found, here))
    return [found]


def _review(record: Path, loaded: LoadedCriteria, day: str) -> Reviewed | None:
    """One record reviewed on its own: a record that cannot be read or replayed is
    ``broken`` and says why (located in the record's own lines), and the rest of the
    folder is still reviewed; a Markdown file that is no fwchoice record is None."""
    from fwchoice.adr.embed import SUMMARY
    from fwchoice.decide.review import Reviewed, review_record

    path = str(record)
    try:
        data = read_bounded(record, path, "decision record")
    except FwchoiceError as problem:
        return Reviewed(path, "broken", False, None, None, str(problem))
    if not isinstance(data, bytes):
        return Reviewed(path, "broken", False, None, None, data.format_text())
    text = data.decode("utf-8", errors="replace")
    try:
        saved = read_record_block(path, text)
    except FwchoiceError as problem:
        return Reviewed(path, "broken", False, None, None, str(problem))
    if saved is None:
        if f"<summary>{SUMMARY}</summary>" in text:
            # Written by fwchoice, then changed so that its block is no longer last.
            return Reviewed(path, "broken", False, None, None, _MOVED_BLOCK)
        return None
    return review_record(
        path, text, saved, loaded.document, loaded.sha256, day, _broken_link(record, text)
    )


def _broken_link(record: Path, text: str) -> str:
    """Why the record's "superseded by" status leads nowhere, or "" (not superseded,
    no record named, or the record named is there): the record it names must be in
    the same folder, by file name, name without ``.md`` or number."""
    import re

    from fwchoice.adr.folder import find, inspect
    from fwchoice.adr.layout import superseded_status, superseding_reference

    status = superseded_status(text)
    reference = superseding_reference(status) if status else None
    if reference is None or "://" in reference:
        return ""
    folder = inspect(record.parent)
    if (record.parent / reference).is_file() or find(folder, reference) is not None:
        return ""
    number = re.search(r"(\d{1,9})(?:\.md)?$", reference)
    if number and find(folder, number.group(1)) is not None:
        return ""
    return (
        f"{record}: broken link: its status says it is superseded by {quote(reference)}, "
        f"and there is no such record in {quote(str(record.parent))}; it is reviewed as "
        "a live record until its status names the record that replaced it"
    )


_MOVED_BLOCK = (
    "its replay block is not where fwchoice writes it: the <details> block that ends "
    "the record; move anything added after it above it"
)
