"""Linting a saved answers file: its shape, and its answers against the criteria file.

Answers files sit beside criteria files (``decisions/alice-answers.yaml``), so a
pre-commit pattern meant for decision files catches them too. Lint recognises one
by its marker (``fwchoice_answers: 1`` or ``fwchoice_team: 1``) and checks it as
what it is: the record's shape (``fileformat.SAVED_ANSWERS``), then each answer
against the questions of the criteria file it names, as a replay would read it.
"""

from __future__ import annotations

from typing import Any

from fwchoice.criteria.answers import AnswerProblem, normalize
from fwchoice.criteria.fileformat import ANSWERS_MARKER, SAVED_ANSWERS, SAVED_TEAM, TEAM_MARKER
from fwchoice.criteria.located import Collector, validate
from fwchoice.criteria.model import Document
from fwchoice.criteria.yamlfile import ParsedYaml
from fwchoice.diagnostics import Diagnostic
from fwchoice.hints import did_you_mean
from fwchoice.sanitize import quote

MARKERS = (ANSWERS_MARKER, TEAM_MARKER)


def is_answers_file(parsed: ParsedYaml) -> bool:
    return isinstance(parsed.data, dict) and any(m in parsed.data for m in MARKERS)


def named_criteria(parsed: ParsedYaml) -> str | None:
    criteria = parsed.data.get("criteria") if isinstance(parsed.data, dict) else None
    path = criteria.get("path") if isinstance(criteria, dict) else None
    return path if isinstance(path, str) and path else None


def record_contradiction(
    text: str, parsed: ParsedYaml, document: Document, file: str
) -> list[Diagnostic]:
    """FWC503 at a decision record's title when it names another verdict than the
    record's replay block (``parsed``) does."""
    from fwchoice.adr.consistency import title_contradiction
    from fwchoice.codes import severity_of
    from fwchoice.diagnostics import Span

    verdict = parsed.data.get("verdict") if isinstance(parsed.data, dict) else None
    labels = {option.id: option.label for option in document.options.values()}
    found = title_contradiction(text, verdict if isinstance(verdict, dict) else {}, labels)
    if found is None:
        return []
    message = (
        f"the record does not match its replay block: its title says {quote(found.title)}, "
        f"its block's verdict is {quote(found.expected)}; restore what fwchoice wrote, or "
        "file a new record with fwchoice advise"
    )
    span = Span(found.line, 1, found.line, 3 + len(found.title))
    return [Diagnostic(file, span, "FWC503", severity_of("FWC503"), message)]


def lint_answers(
    parsed: ParsedYaml, document: Document | None, missing: str | None
) -> list[Diagnostic]:
    """Every problem of a saved answers file: its shape, then its answers against
    ``document`` (None: the criteria file could not be loaded, ``missing`` says why)."""
    team = TEAM_MARKER in parsed.data
    _, problems = validate(SAVED_TEAM if team else SAVED_ANSWERS, parsed)
    collector = Collector(parsed)
    collector.diagnostics = list(problems)
    if document is None:
        collector(
            "FWC502", ("criteria", "path"), missing or "the criteria file is not known", at="value"
        )
        return collector.finish()
    data: dict[str, Any] = parsed.data
    if team:
        members = data.get("members")
        for i, member in enumerate(members if isinstance(members, list) else []):
            if isinstance(member, dict) and isinstance(member.get("answers"), dict):
                _check(collector, document, member["answers"], ("members", i, "answers"))
    elif isinstance(data.get("answers"), dict):
        _check(collector, document, data["answers"], ("answers",))
    return collector.finish()


def _check(
    collector: Collector, document: Document, answers: dict[str, Any], base: tuple[Any, ...]
) -> None:
    for qid, raw in answers.items():
        question = document.questions.get(str(qid))
        if question is None:
            hint = did_you_mean(str(qid), list(document.questions))
            collector(
                "FWC501",
                (*base, qid),
                f"the criteria file has no question {quote(qid)}{hint}",
                at="key",
            )
            continue
        try:
            normalize(question, raw)
        except AnswerProblem as problem:
            collector("FWC501", (*base, qid), str(problem), at="value")
