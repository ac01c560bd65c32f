"""Which folder holds the records, how it names them, and which tool's layout it uses.

The rules follow the tools themselves (read from their code and tried):

- adr-tools numbers a record one above the largest leading number of any entry in
  its folder, padded to four digits, and reads a record's title from line 1, so
  its records carry no front matter and a ``## Status`` section instead. A folder
  is adr-tools' when an ``.adr-dir`` file (in it or a parent) points at it, or
  when a record already there opens with ``# N. Title``.
- log4brains names records ``YYYYMMDD-slug.md`` (``-2``, ``-3`` on a clash) and
  reads status and date from bullets under the title; front matter is lost on it.
  A folder is log4brains' when a ``.log4brains.yml`` (in it or a parent) names it,
  or when its records are date-named.
- Anything else, an empty folder included, is MADR 4.0: ``NNNN-slug.md`` and
  front matter.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

from fwchoice.record import NamedTuple

Layout = Literal["madr", "adr-tools", "log4brains"]

# ASCII digits only: "²" or "٣" is a digit to str.isdigit() but numbers no record.
NUMBERED = re.compile(r"^([0-9]+)")
DATED = re.compile(r"^([0-9]{4})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])-.+\.md$")
"""log4brains' names: any year, so a record dated far ahead still reads as dated."""
ADR_TOOLS_TITLE = re.compile(r"^# [0-9]+\. \S")
NOT_RECORDS = {"readme.md", "index.md", "template.md", "backlog.md"}
"""Markdown files a record folder holds that are not records (log4brains' list)."""
SLUG_LENGTH = 60


class Folder(NamedTuple):
    path: Path
    layout: Layout
    dated: bool
    """Names are YYYYMMDD-slug.md (log4brains); else NNNN-slug.md."""


def slug(title: str) -> str:
    """'Use Django + DRF' -> 'use-django-drf': runs of anything but letters and
    digits become one hyphen, as adr-tools and log4brains make them."""
    text = re.sub(r"[^0-9A-Za-z]+", "-", title.lower()).strip("-")
    if len(text) > SLUG_LENGTH:
        text = text[:SLUG_LENGTH].rsplit("-", 1)[0] or text[:SLUG_LENGTH]
    return text or "decision"


def records(path: Path) -> list[Path]:
    """The Markdown records directly in ``path``, by name."""
    if not path.is_dir():
        return []
    return sorted(
        p
        for p in path.iterdir()
        if p.suffix.lower() == ".md" and p.name.lower() not in NOT_RECORDS and p.is_file()
    )


def inspect(path: Path) -> Folder:
    """How the folder at ``path`` names and lays out its records."""
    found = records(path)
    if _named_by(path, ".log4brains.yml", "adrFolder") or (
        found and all(DATED.match(p.name) for p in found)
    ):
        return Folder(path, "log4brains", dated=True)
    if _named_by(path, ".adr-dir", None) or any(_first_line_is_adr_tools(p) for p in found):
        return Folder(path, "adr-tools", dated=False)
    return Folder(path, "madr", dated=False)


def next_name(folder: Folder, title: str, date: str) -> str:
    """The file name of the next record: one above the largest number already there
    (any entry counts, as adr-tools counts), or today's date for a dated folder."""
    stem = slug(title)
    if folder.dated:
        base = date.replace("-", "") + "-" + stem
        taken = {p.name for p in folder.path.iterdir()} if folder.path.is_dir() else set()
        name, n = f"{base}.md", 2
        while name in taken:
            name, n = f"{base}-{n}.md", n + 1
        return name
    return f"{next_number(folder.path):04d}-{stem}.md"


def next_number(path: Path) -> int:
    """One above the largest record number in the folder. A date-named record
    (log4brains' YYYYMMDD) is not a number; every other leading number is, however
    large, so the next number is always free (a planted ``18999999-x.md`` makes it
    19000000, then 19000001: never the same name twice)."""
    highest = 0
    if path.is_dir():
        for entry in os.listdir(path):
            match = NUMBERED.match(entry)
            if match and not DATED.match(entry):
                highest = max(highest, int(match.group(1)))
    return highest + 1


def number_of(name: str) -> int | None:
    """The record number a numbered file name starts with."""
    match = NUMBERED.match(name)
    return int(match.group(1)) if match else None


def find(folder: Folder, reference: str) -> Path | None:
    """The record a reference names: its number (``2``, ``0002``), its file name, or
    its name without ``.md``."""
    wanted = reference.strip()
    for record in records(folder.path):
        if wanted in (record.name, record.stem):
            return record
        numbered = len(wanted) < 100 and NUMBERED.fullmatch(wanted)
        if numbered and number_of(record.name) == int(wanted):
            return record
    return None


def adr_dir_from(start: Path) -> Path | None:
    """The folder adr-tools would use from ``start``: an ``.adr-dir`` file walking up,
    else ``doc/adr``; then the usual MADR and log4brains places."""
    here = start.resolve()
    for folder in (here, *here.parents):
        marker = folder / ".adr-dir"
        if marker.is_file():
            text = marker.read_text("utf-8", errors="replace").strip()
            if text:
                return folder / text
    for candidate in ("doc/adr", "docs/decisions", "docs/adr", "docs/adrs"):
        if (start / candidate).is_dir():
            return start / candidate
    return None


def _named_by(path: Path, marker: str, key: str | None) -> bool:
    """Whether a marker file in ``path`` or above it names ``path`` as the record
    folder (``.adr-dir`` holds the path; ``.log4brains.yml`` has it under ``key``)."""
    target = path.resolve()
    for folder in (target, *target.parents):
        file = folder / marker
        if not file.is_file():
            continue
        text = file.read_text("utf-8", errors="replace")[:10_000]
        if key is None:
            named = text.strip()
        else:
            found = re.search(rf"^\s*{key}\s*:\s*['\"]?([^'\"\n#]+)", text, re.MULTILINE)
            named = found.group(1).strip() if found else ""
        if named and (folder / named).resolve() == target:
            return True
    return False


def _first_line_is_adr_tools(record: Path) -> bool:
    try:
        with record.open("r", encoding="utf-8", errors="replace") as handle:
            return bool(ADR_TOOLS_TITLE.match(handle.readline()))
    except OSError:
        return False
