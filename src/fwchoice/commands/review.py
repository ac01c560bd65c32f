"""``fwchoice review [DIR ...]``: re-check every fwchoice decision record in the folders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fwchoice import console
from fwchoice.adr.folder import adr_dir_from, records
from fwchoice.commands.output import json_text
from fwchoice.criteria.answersfile import read_record_block
from fwchoice.criteria.loader import read_bounded, resolve_source
from fwchoice.errors import EXIT_OK, EXIT_PROBLEMS, UsageError
from fwchoice.lint.runner import load_criteria
from fwchoice.render.review_text import (
    review_github,
    review_step_summary,
    review_text,
    summary_line,
)
from fwchoice.sanitize import quote

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
) -> int:
    from fwchoice.dates import check_date
    from fwchoice.dates import today as local_today
    from fwchoice.decide.review import Reviewed, review_data, review_record

    check_date(today, flag="--today")
    wanted = set(fail_on or ("changed", "overdue"))
    unknown = wanted - set(FAIL_ON)
    if unknown:
        raise UsageError(f"--fail-on takes {', '.join(FAIL_ON)}; not {quote(sorted(unknown)[0])}")
    paths = [Path(f) for f in folders] or _default_folder()
    for path in paths:
        if not path.is_dir():
            raise UsageError(f"{quote(str(path))} is not a folder of decision records")
    loaded = load_criteria(resolve_source(criteria))
    day = today or local_today()
    results: list[Reviewed] = []
    skipped: list[str] = []
    for folder in paths:
        for record in records(folder):
            text = _text(record)
            saved = read_record_block(str(record), text)
            if saved is None:
                skipped.append(str(record))
                continue
            results.append(
                review_record(str(record), text, saved, loaded.document, loaded.sha256, day)
            )
    data = review_data(
        results, skipped, criteria_file=loaded.file_info(), today=day, fail_on=wanted
    )
    console.write(FORMATS[output_format](data))
    console.append_step_summary(review_step_summary(data))
    if not quiet:
        console.info_line(f"{summary_line(data)}; criteria: {loaded.source.describe()}")
    return EXIT_PROBLEMS if data["failed"] else EXIT_OK


def _default_folder() -> list[Path]:
    found = adr_dir_from(Path.cwd())
    if found is None:
        raise UsageError(
            "no decision records folder here (.adr-dir, doc/adr, docs/decisions or "
            "docs/adr); name one: fwchoice review docs/decisions"
        )
    return [found]


def _text(path: Path) -> str:
    data = read_bounded(path, str(path), "decision record")
    if not isinstance(data, bytes):
        raise UsageError(data.format_text())
    return data.decode("utf-8", errors="replace")
