"""Reading an answers file: plain answers, or a record saved by ``--save-answers``.

An answers file maps question ids to answers (YAML or JSON). A saved record
(marked ``fwchoice_answers: 1``) also keeps what the answers led to, so a
later run can replay them; it is checked against ``fileformat.SAVED_ANSWERS``
before any of it is used, because a hand-edited or tampered record must give a
located message, never a traceback. The same safety rules as for criteria
files apply (size, values, no aliases or tags).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from fwchoice.criteria.fileformat import ANSWERS_MARKER, SAVED_ANSWERS
from fwchoice.criteria.loader import read_bounded
from fwchoice.criteria.located import validate
from fwchoice.criteria.yamlfile import YamlProblem, decode, parse
from fwchoice.errors import UsageError
from fwchoice.sanitize import quote

WHAT = "answers file"


class AnswersFile(NamedTuple):
    path: str
    answers: dict[str, Any]
    record: dict[str, Any] | None
    """The whole saved record, validated; None for a plain answers file."""


def read_answers_file(path: str) -> AnswersFile:
    """Read and check an answers file; a ``UsageError`` names the first problem, located."""
    raw = read_bounded(Path(path), path, WHAT)
    if not isinstance(raw, bytes):
        raise UsageError(f"{WHAT} {raw.format_text()}")
    try:
        text, bom = decode(raw, path)
        if bom:
            raise YamlProblem(bom)
        parsed = parse(text, path, what=WHAT)
    except YamlProblem as problem:
        raise UsageError(f"{WHAT} {problem.diagnostics[0].format_text()}") from None
    errors = [d for d in parsed.diagnostics if d.severity == "error"]
    if errors:
        raise UsageError(f"{WHAT} {errors[0].format_text()}")
    data = parsed.data
    if not isinstance(data, dict):
        raise UsageError(
            f"{WHAT} {quote(path)} must map question ids to answers, e.g. `admin: yes`"
        )
    if ANSWERS_MARKER not in data:
        return AnswersFile(path, data, None)
    _, problems = validate(SAVED_ANSWERS, parsed)
    errors = [d for d in problems if d.severity == "error"]
    if errors:
        raise UsageError(f"saved {WHAT} {errors[0].format_text()}")
    return AnswersFile(path, data["answers"], data)
