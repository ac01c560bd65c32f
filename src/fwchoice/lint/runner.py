"""Analysing a criteria file, and loading one for use: the entry point every command
goes through.

Every run analyses the file afresh. An earlier version kept analyses in an
on-disk cache; anyone able to write to that directory could then change a
recommendation or make lint pass a broken file, so the first run was made fast
instead (see the README's Performance section for the figures).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fwchoice.criteria.loader import CriteriaSource, LoadedCriteria, content_key, read_bounded
from fwchoice.criteria.model import Document
from fwchoice.diagnostics import Diagnostic
from fwchoice.errors import InvalidDocument
from fwchoice.record import NamedTuple

if TYPE_CHECKING:
    from fwchoice.lint.registry import Freshness


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


def analyse(raw: bytes, file: str, *, full: bool, freshness: Freshness | None = None) -> Analysis:
    from fwchoice.lint.pipeline import run_pipeline

    outcome = run_pipeline(raw, file, full=full, freshness=freshness)
    return Analysis(file, outcome.document, outcome.diagnostics)


def analyse_source(
    source: CriteriaSource,
    *,
    full: bool,
    freshness: Freshness | None = None,
    data: bytes | Diagnostic | None = None,
) -> tuple[Analysis, str]:
    """Lint a source (``data``: its bytes, when already read); also returns the SHA-256
    of its content (empty if unread)."""
    if data is None:
        data = read_bounded(source.path, source.label)
    if isinstance(data, Diagnostic):
        return Analysis(source.label, None, [data]), ""
    return analyse(data, source.label, full=full, freshness=freshness), content_key(data)


def load_criteria(source: CriteriaSource) -> LoadedCriteria:
    """Load a file for use; any error refuses it (scenarios are left to lint). The
    shipped file, unchanged, is built from its precomputed form (``criteria.shipped``)."""
    data = read_bounded(source.path, source.label)
    if isinstance(data, bytes):
        from fwchoice.criteria.shipped import precomputed_document

        digest = content_key(data)
        document = precomputed_document(digest)
        if document is not None:
            return LoadedCriteria(source, document, digest, ())
    analysis, digest = analyse_source(source, full=False, data=data)
    if analysis.errors or analysis.document is None:
        raise InvalidDocument(analysis.diagnostics, errors=analysis.errors)
    return LoadedCriteria(source, analysis.document, digest, tuple(analysis.warnings))
