"""A record's header as each tool reads it, and the edits that supersede a record.

MADR 4.0 keeps status and date in front matter. adr-tools takes the title from
line 1 and finds status in a ``## Status`` section, so its records have no front
matter; log4brains reads ``- Status:`` and ``- Date:`` bullets between the title
and the first ``##`` heading, and renders front matter as text. A record is
written for the tool that keeps its folder.
"""

from __future__ import annotations

import re

from fwchoice.adr.folder import Layout
from fwchoice.record import NamedTuple
from fwchoice.sanitize import link_target, markdown_inline, markdown_unescape, visible


class Header(NamedTuple):
    layout: Layout
    title: str
    status: str
    """'proposed' or 'accepted', lower case (each layout writes its own case)."""
    date: str | None = None
    deciders: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    number: int | None = None
    """adr-tools' record number, shown in its title line ("# 2. Use Django")."""


class Link(NamedTuple):
    """A link between records: ``Supersedes [title](file)``. The title and the file
    name are data (an older record's, possibly hostile): the title is escaped, the
    file name percent-encoded, so neither can end the link or make it live."""

    kind: str
    title: str
    """As a reader sees it (not Markdown)."""
    file: str

    def line(self) -> str:
        return f"{self.kind} [{markdown_inline(self.title)}]({link_target(self.file)})"


def _people(people: tuple[str, ...]) -> str:
    """Names on one line for a Markdown header line."""
    return markdown_inline(", ".join(people))


def _yaml_text(value: str) -> str:
    """A front-matter value, on one line and visible: plain when YAML reads it back
    as the same text, else double-quoted."""
    value = visible(value)
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .,'()+-]*", value) and value.lower() not in (
        "yes", "no", "on", "off", "true", "false", "null",
    ):  # fmt: skip
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def header_lines(header: Header, title_line: str, supersedes: Link | None = None) -> list[str]:
    """Everything above ``## Context and Problem Statement``; ``title_line`` is the
    escaped title as Markdown shows it."""
    names = {
        "decision-makers": header.deciders,
        "consulted": header.consulted,
        "informed": header.informed,
    }
    if header.layout == "adr-tools":
        number = f"{header.number}. " if header.number is not None else ""
        lines = [f"# {number}{title_line}", ""]
        if header.date:
            lines += [f"Date: {header.date}", ""]
        for key, people in names.items():
            if people:
                lines += [f"{key.capitalize()}: {_people(people)}", ""]
        # Exactly "## Status", the status alone on its line, another "##" after:
        # what `adr new -s` needs to mark this record superseded.
        lines += ["## Status", "", header.status.capitalize(), ""]
        if supersedes:
            lines += [supersedes.line(), ""]
        return lines
    if header.layout == "log4brains":
        lines = [f"# {title_line}", "", f"- Status: {header.status}"]
        if header.date:
            lines.append(f"- Date: {header.date}")
        if header.deciders:
            lines.append(f"- Deciders: {_people(header.deciders)}")
        # log4brains reads Status, Date, Deciders and Tags from this list and shows
        # the rest of it on the record's page: the people consulted and informed.
        if header.consulted:
            lines.append(f"- Consulted: {_people(header.consulted)}")
        if header.informed:
            lines.append(f"- Informed: {_people(header.informed)}")
        return [*lines, ""]
    lines = ["---", f"status: {header.status}"]
    if header.date:
        lines.append(f"date: {header.date}")
    for key, people in names.items():
        if people:
            lines.append(f"{key}: {_yaml_text(', '.join(people))}")
    return [*lines, "---", "", f"# {title_line}", ""]


def record_title(text: str, layout: Layout) -> str:
    """How links name a record: adr-tools' title (line 1 without '# '), or the H1, as
    a reader sees it (its Markdown escapes undone: a link escapes it again)."""
    for line in text.splitlines():
        if line.startswith("# "):
            return markdown_unescape(line[2:].strip())
    return ""


_STATUS_LINE = re.compile(r"^[-*]\s*Status\s*:\s*(.*)$", re.IGNORECASE)


def is_superseded(text: str) -> bool:
    """Whether the record says another one replaced it (see ``superseded_status``)."""
    return superseded_status(text) is not None


def superseded_status(text: str) -> str | None:
    """The record's status when it says another one replaced it, read where its layout
    keeps its status and nowhere else: the ``status`` key of its front matter, its
    ``## Status`` section (adr-tools), or the ``- Status:`` bullet under its title
    (log4brains); a record with none of them, by a "Superseded by" line under its
    title. Text anywhere else (a name, a paragraph) cannot mark it superseded."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    if lines and lines[0] == "---":
        end = next((i for i in range(1, len(lines)) if lines[i] == "---"), None)
        if end is not None:
            for line in lines[1:end]:
                if line.startswith("status:"):
                    value = line[len("status:") :].strip().strip("'\"")
                    return value if value.lower().startswith("superseded") else None
            lines = lines[end + 1 :]
    head = lines
    for i, line in enumerate(lines):
        if line.startswith("## "):
            head = lines[:i]
            break
    if "## Status" in lines:
        start = lines.index("## Status") + 1
        section = []
        for line in lines[start:]:
            if line.startswith("#"):
                break
            section.append(line)
        return next((line for line in section if line.lower().startswith("superseded")), None)
    for line in head:
        found = _STATUS_LINE.match(line)
        if found:
            value = found.group(1).strip()
            return value if value.lower().startswith("superseded") else None
    return next((line for line in head if line.startswith("Superseded by ")), None)


_LINK_TARGET = re.compile(r"\]\(([^()\s]+)\)")


def superseding_reference(status: str) -> str | None:
    """What a "superseded by" status names as the record that replaced this one: a
    link's target (``[3. Use X](0003-use-x.md)``), else the word after "by"
    (``superseded by 0003-use-x``, MADR's ``ADR-0003``); None when it names none."""
    from urllib.parse import unquote

    linked = _LINK_TARGET.search(status)
    if linked:
        return unquote(linked.group(1))
    named = re.match(r"superseded\s+by\s+(\S+)", status.strip(), re.IGNORECASE)
    return named.group(1).rstrip(".") if named else None


def supersede(text: str, by: Link) -> str:
    """The record ``text`` marked superseded by the record ``by`` names, in whichever
    place its layout keeps status: front matter, a ``## Status`` section (as
    ``adr new -s`` edits it) or log4brains' ``- Status:`` bullet."""
    lines = text.split("\n")
    if lines and lines[0] == "---":
        end = next((i for i in range(1, len(lines)) if lines[i] == "---"), None)
        if end is not None:
            status = f'status: "superseded by {by.file[:-3]}"'
            for i in range(1, end):
                if lines[i].startswith("status:"):
                    lines[i] = status
                    break
            else:
                lines.insert(1, status)
                end += 1
            # The link itself, where a reader looks: under the title.
            return "\n".join(_after_title(lines, f"{by.line()}."))
    if "## Status" in lines:
        return "\n".join(_adr_tools_superseded(lines, by))
    for i, line in enumerate(lines):
        if re.match(r"^[-*]\s*Status\s*:", line, re.IGNORECASE):
            stem = by.file[:-3]
            # log4brains follows the link's text, which must be the record's slug.
            lines[i] = f"- Status: superseded by {Link('', stem, by.file).line().lstrip()}"
            return "\n".join(lines)
    return "\n".join(_after_title(lines, f"{by.line()}."))


def _adr_tools_superseded(lines: list[str], by: Link) -> list[str]:
    """As adr-tools' ``_adr_remove_status`` and ``_adr_add_link`` edit it: the status
    word goes, and the link goes in just before the next heading."""
    out: list[str] = []
    in_status = False
    added = False
    for line in lines:
        if line.startswith("##"):
            if in_status and not added:
                out += [by.line(), ""]
                added = True
            in_status = line == "## Status"
        if in_status and line in ("Accepted", "Proposed", "accepted", "proposed"):
            continue
        if in_status and not line.strip() and out and not out[-1].strip():
            continue  # one blank line between paragraphs, as adr-tools leaves it
        out.append(line)
    if in_status and not added:
        out += [by.line(), ""]
    return out


def _after_title(lines: list[str], paragraph: str) -> list[str]:
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return [*lines[: i + 1], "", paragraph, *lines[i + 1 :]]
    return [paragraph, "", *lines]
