"""Reading an answers file: plain answers, a record saved by ``--save-answers``, or
the replay block of a decision record.

An answers file maps question ids to answers (YAML or JSON); a top-level
``name`` (when no question is called that) says whose answers they are. A saved
record (marked ``fwchoice_answers: 1``) also keeps what the answers led to, so a
later run can replay them; it is checked against ``fileformat.SAVED_ANSWERS``
before any of it is used, because a hand-edited or tampered record must give a
located message, never a traceback. A Markdown decision record (``.md``) is read
through the replay block fwchoice embeds in it. The same safety rules as for
criteria files apply (size, values, no aliases or tags).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from fwchoice.criteria.fileformat import ANSWERS_MARKER, SAVED_ANSWERS, SAVED_TEAM, TEAM_MARKER
from fwchoice.criteria.loader import read_bounded
from fwchoice.criteria.located import validate
from fwchoice.criteria.yamlfile import YamlProblem, decode, parse
from fwchoice.errors import UsageError
from fwchoice.sanitize import quote

WHAT = "answers file"
RECORD = "decision record"


class AnswersFile(NamedTuple):
    path: str
    answers: dict[str, Any]
    record: dict[str, Any] | None
    """The whole saved record, validated; None for a plain answers file."""
    name: str | None = None
    """Whose answers, if the file says (``name``)."""
    members: tuple[AnswersFile, ...] = ()
    """A team record's members, each with their name and answers (``answers`` is
    then empty): the record replays as the team decision it records."""


def read_answers_file(path: str) -> AnswersFile:
    """Read and check an answers file; a ``UsageError`` names the first problem, located."""
    raw = read_bounded(Path(path), path, WHAT)
    if not isinstance(raw, bytes):
        raise UsageError(f"{WHAT} {raw.format_text()}")
    what = RECORD if path.lower().endswith(".md") else WHAT
    try:
        text, bom = decode(raw, path)
        if bom:
            raise YamlProblem(bom)
        if what == RECORD:
            text = _replay_block(text, path)
        parsed = parse(text, path, what=WHAT)
    except YamlProblem as problem:
        raise UsageError(f"{what} {problem.diagnostics[0].format_text()}") from None
    errors = [d for d in parsed.diagnostics if d.severity == "error"]
    if errors:
        raise UsageError(f"{what} {errors[0].format_text()}")
    data = parsed.data
    if not isinstance(data, dict):
        raise UsageError(
            f"{what} {quote(path)} must map question ids to answers, e.g. `admin: yes`"
        )
    if TEAM_MARKER in data:
        _check(SAVED_TEAM, parsed, what)
        members = tuple(
            AnswersFile(path, member["answers"], None, member["name"]) for member in data["members"]
        )
        return AnswersFile(path, {}, None, None, members)
    if ANSWERS_MARKER not in data:
        name = data.get("name")
        if isinstance(name, str):
            return AnswersFile(path, {k: v for k, v in data.items() if k != "name"}, None, name)
        return AnswersFile(path, data, None)
    _check(SAVED_ANSWERS, parsed, what)
    name = data.get("name")
    return AnswersFile(path, data["answers"], data, name if isinstance(name, str) else None)


def read_record_block(path: str, text: str) -> Any:
    """The replay block of a decision record's ``text``, parsed and checked: a saved
    answers record or a team record. Raises ``UsageError`` when it is broken, located
    by line and column in the record itself; returns None when the record has none."""
    from fwchoice.adr.embed import locate

    found = locate(text)
    if found is None:
        return None
    try:
        parsed = parse(in_record_lines(*found), path, what=RECORD)
    except YamlProblem as problem:
        raise UsageError(f"{RECORD} {problem.diagnostics[0].format_text()}") from None
    data = parsed.data
    if not isinstance(data, dict):
        raise UsageError(f"{RECORD} {quote(path)}: its replay block is not a mapping")
    _check(SAVED_TEAM if TEAM_MARKER in data else SAVED_ANSWERS, parsed, RECORD)
    return data


def in_record_lines(block: str, lines_before: int) -> str:
    """A replay block as YAML whose every position (a problem's, and any a message
    names, such as where a sequence began) counts in the record's own lines: the
    lines above the block become blank lines, which YAML skips."""
    return "\n" * lines_before + block


def _check(spec: Any, parsed: Any, what: str) -> None:
    _, problems = validate(spec, parsed)
    errors = [d for d in problems if d.severity == "error"]
    if errors:
        label = what if what == RECORD else f"saved {what}"
        raise UsageError(f"{label} {errors[0].format_text()}")


def _replay_block(text: str, path: str) -> str:
    from fwchoice.adr.embed import locate

    found = locate(text)
    if found is None:
        raise UsageError(
            f"{quote(path)} is a Markdown file without fwchoice's replay block (the "
            "<details> block that ends a record fwchoice wrote); give an answers file, or "
            "a decision record fwchoice wrote"
        )
    return in_record_lines(*found)
