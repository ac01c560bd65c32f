"""Analysing a criteria file: the cached entry point every command goes through.

The work itself is in ``fwchoice.lint.pipeline`` and is imported only on a cache
miss, so a command reading an unchanged file pays neither for parsing nor for
importing the parser and the checks (see ``fwchoice.criteria.cache``).
"""

from typing import Any, NamedTuple

from fwchoice.criteria import cache
from fwchoice.criteria.model import Document
from fwchoice.diagnostics import Diagnostic, Span


class Analysis(NamedTuple):
    file: str
    document: Document | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]


def analyse(raw: bytes, file: str, *, run_scenarios: bool) -> Analysis:
    key = f"{cache.content_key(raw)}-{'lint' if run_scenarios else 'load'}"
    restored = _restore(cache.load(key), file)
    if restored is not None:
        return restored
    from fwchoice.lint.pipeline import run_pipeline

    outcome = run_pipeline(raw, file, run_scenarios=run_scenarios)
    cache.store(
        key,
        {
            "cleaned": outcome.cleaned,
            "diagnostics": [
                (*d.span, d.code, d.severity, d.message, tuple(d.data_path))
                for d in outcome.diagnostics
            ],
        },
    )
    return Analysis(file, outcome.document, outcome.diagnostics)


def _restore(entry: Any, file: str) -> Analysis | None:
    """An analysis from a cache entry, or None if the entry is not what we wrote."""
    if not isinstance(entry, dict):
        return None
    cleaned, stored = entry.get("cleaned"), entry.get("diagnostics")
    if not (cleaned is None or isinstance(cleaned, dict)) or not isinstance(stored, list):
        return None
    try:
        diagnostics = [
            Diagnostic(
                file, Span(line, column, end_line, end_column), code, severity, message, tuple(path)
            )
            for line, column, end_line, end_column, code, severity, message, path in stored
        ]
        document = None
        if cleaned is not None:
            from fwchoice.criteria.build import build_document

            document = build_document(cleaned)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None
    return Analysis(file, document, diagnostics)
