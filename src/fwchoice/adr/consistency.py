"""Does a record still say what its replay block says?

fwchoice writes a record's title from the verdict its replay block records ("Use
FastAPI", "FastAPI or Django + DRF: a close call"). ``review`` replays the block,
not the prose, so a block edited to name another winner under a title that still
says the first one would be reviewed as a decision nobody recorded. A title that
reads as another verdict of the same options contradicts the block; a title in a
person's own words, or one naming an option since renamed, is no verdict to
compare (nothing is claimed). This catches honest mistakes and careless edits;
it is no signature: whoever edits both the title and the block is not detected.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from itertools import permutations

from fwchoice.record import NamedTuple
from fwchoice.sanitize import markdown_line

NO_WINNER = "No option meets every must-have"


def decision_title(kind: str, winner: str | None, runner_up: str | None) -> str:
    """A record's title, from its verdict's kind and the labels of its first two."""
    if kind in ("clear", "only"):
        return f"Use {winner}"
    if kind == "none":
        return NO_WINNER
    return f"{winner} or {runner_up}: a close call"


class Contradiction(NamedTuple):
    line: int
    """The title's line in the record (1-based)."""
    title: str
    """The title as the record's Markdown has it."""
    expected: str
    """The title fwchoice writes for the block's verdict."""


def title_contradiction(
    text: str, verdict: Mapping[str, object], labels: Mapping[str, str]
) -> Contradiction | None:
    """Whether the record's title names another verdict than ``verdict`` (its replay
    block's), ``labels`` being the options' labels by id."""
    winner, runner_up = verdict.get("winner"), verdict.get("runner_up")
    if not isinstance(winner, str) or winner not in labels:
        return None
    second = labels.get(runner_up) if isinstance(runner_up, str) else None
    expected = markdown_line(decision_title(str(verdict.get("kind")), labels[winner], second))
    found = _title_line(text)
    if found is None:
        return None
    line, title = found
    # adr-tools numbers its titles: "# 2. Use FastAPI".
    numbered = re.match(r"\d+\. ", title)
    readings = {title, title[numbered.end() :]} if numbered else {title}
    if expected in readings:
        return None
    if readings & set(_all_titles(labels)):
        return Contradiction(line, title, expected)
    return None


def _all_titles(labels: Mapping[str, str]) -> Iterator[str]:
    """Every title fwchoice could have written for these options."""
    yield markdown_line(NO_WINNER)
    for label in labels.values():
        yield markdown_line(decision_title("clear", label, None))
    for first, second in permutations(labels.values(), 2):
        yield markdown_line(decision_title("close", first, second))


def _title_line(text: str) -> tuple[int, str] | None:
    """The record's H1 (after any front matter): its line number and its text."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    start = 0
    if lines and lines[0] == "---":
        end = next((i for i in range(1, len(lines)) if lines[i] == "---"), None)
        start = end + 1 if end is not None else 0
    for number, line in enumerate(lines[start:], start + 1):
        if line.startswith("# "):
            return number, line[2:].strip()
    return None
