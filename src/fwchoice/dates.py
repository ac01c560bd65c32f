"""Dates people type (``--date``, ``--review-by``, ``--today``) and today's date."""

from __future__ import annotations

import datetime

from fwchoice.errors import UsageError
from fwchoice.sanitize import quote


def check_date(date: str | None, *, flag: str = "--date") -> None:
    """A record's date is a real calendar date written YYYY-MM-DD, nothing else:
    it goes into the record's front matter, where any other text could add keys."""
    if date is None:
        return
    import re

    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", date):
        try:
            datetime.date.fromisoformat(date)
            return
        except ValueError:
            pass
    raise UsageError(
        f"{flag} takes a real date written YYYY-MM-DD, e.g. 2026-11-30; not {quote(date)}"
    )


def today() -> str:
    """The local date, YYYY-MM-DD."""
    return datetime.date.today().isoformat()
