"""Analysing a criteria file: the entry point every command goes through.

Every run analyses the file afresh. An earlier version kept analyses in an
on-disk cache; anyone able to write to that directory could then change a
recommendation or make lint pass a broken file, so the first run was made fast
instead (see the README's Performance section for the figures).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fwchoice.criteria.model import Document
from fwchoice.diagnostics import Diagnostic
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
