"""The replay block every fwchoice record carries: answers, criteria hash, verdict.

It sits at the end of the record in a collapsed ``<details>`` element holding a
fenced YAML block, so Markdown viewers show one quiet line; ``fwchoice review``
and ``fwchoice advise --answers RECORD.md`` read it back. The fence is made
longer than any run of backticks in the YAML, so no label can close it early.
"""

from __future__ import annotations

import re

MARKERS = ("fwchoice_answers:", "fwchoice_team:")
SUMMARY = "The answers and the verdict, for <code>fwchoice review</code>"
_FENCE = re.compile(r"^(`{3,})yaml[ \t]*$")


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
    """The YAML of the last fenced block that starts with an fwchoice marker."""
    found = locate(markdown)
    return found[0] if found else None


def locate(markdown: str) -> tuple[str, int] | None:
    """The YAML of the last fenced block that starts with an fwchoice marker, and how
    many lines of the record come before it (so problems can point into the record)."""
    lines = markdown.split("\n")
    found: tuple[str, int] | None = None
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i].rstrip("\r"))
        if not opening:
            i += 1
            continue
        fence = opening.group(1)
        start = i + 1
        body: list[str] = []
        i += 1
        while i < len(lines) and lines[i].rstrip("\r") != fence:
            body.append(lines[i].rstrip("\r"))
            i += 1
        if body and body[0].startswith(MARKERS):
            found = "\n".join(body) + "\n", start
        i += 1
    return found
