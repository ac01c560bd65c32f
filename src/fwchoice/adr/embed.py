"""The replay block every fwchoice record carries: answers, criteria hash, verdict.

It sits at the end of the record in a collapsed ``<details>`` element holding a
fenced YAML block, so Markdown viewers show one quiet line; ``fwchoice review``
and ``fwchoice advise --answers RECORD.md`` read it back, from that place only.
The fence is made longer than any run of backticks in the YAML, so no label can
close it early.
"""

from __future__ import annotations

import re

MARKERS = ("fwchoice_answers:", "fwchoice_team:")
SUMMARY = "The answers and the verdict, for <code>fwchoice review</code>"
_CLOSING = re.compile(r"`{3,}")


def block(yaml_text: str) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`+", yaml_text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [
        "<details>",
        f"<summary>{SUMMARY}</summary>",
        "",
        f"{fence}yaml",
        *yaml_text.rstrip("\n").split("\n"),
        fence,
        "",
        "</details>",
    ]


def extract(markdown: str) -> str | None:
    """The YAML of the record's replay block (see ``locate``)."""
    found = locate(markdown)
    return found[0] if found else None


def locate(markdown: str) -> tuple[str, int] | None:
    """The YAML of the replay block, and how many lines of the record come before it
    (so problems can point into the record); None when the record has none.

    The block is found only where fwchoice writes it: the record's last lines are
    exactly ``block()``'s (blank lines after it aside), its YAML starts with an
    fwchoice marker. Nothing earlier in the record counts, so no text in a record (a
    name, a title, a pasted block) can hide, replace or forge it.
    """
    lines = [line.removesuffix("\r") for line in markdown.split("\n")]
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    # From the end: "</details>", "", the closing fence.
    if end < 8 or lines[end - 1] != "</details>" or lines[end - 2] != "":
        return None
    fence = lines[end - 3]
    if not _CLOSING.fullmatch(fence):
        return None
    # The fence is longer than any run of backticks in the YAML, so the first line
    # above it that opens a fence of the same length is the block's own opening.
    opening = next((i for i in range(end - 4, -1, -1) if lines[i] == f"{fence}yaml"), None)
    if opening is None or opening < 3:
        return None
    head = lines[opening - 3 : opening]
    if head != ["<details>", f"<summary>{SUMMARY}</summary>", ""]:
        return None
    body = lines[opening + 1 : end - 3]
    if not body or not body[0].startswith(MARKERS):
        return None
    return "\n".join(body) + "\n", opening + 1
