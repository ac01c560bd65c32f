"""``fwchoice lint``: validate criteria files for people, CI and pre-commit."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from fwchoice import console
from fwchoice.codes import CODES
from fwchoice.criteria.loader import CriteriaSource, analyse_source, resolve_source
from fwchoice.errors import EXIT_OK, EXIT_PROBLEMS, UsageError
from fwchoice.lint.runner import Analysis
from fwchoice.render.diagnostics import (
    FileResult,
    as_github,
    as_json,
    as_sarif,
    as_step_summary,
    as_text,
)
from fwchoice.sanitize import quote

LintFormat = Literal["text", "json", "github", "sarif"]


def run(
    paths: list[str],
    *,
    criteria: str | None,
    output_format: LintFormat,
    strict: bool,
    quiet: bool,
    max_age: int = 365,
    today: str | None = None,
) -> int:
    from fwchoice.dates import check_date
    from fwchoice.lint.registry import Freshness

    check_date(today, flag="--today")
    if max_age < 0:
        raise UsageError(f"--max-age takes a number of days, 0 or more; not {max_age}")
    freshness = Freshness(max_age, today)
    sources = (
        [CriteriaSource(Path(p), p, "argument") for p in paths]
        if paths
        else [resolve_source(criteria)]
    )
    results: list[FileResult] = []
    summaries: list[str] = []
    for source in sources:
        analysis, digest = analyse_source(source, full=True, freshness=freshness)
        results.append(FileResult(source.label, source.describe(), digest, analysis.diagnostics))
        summaries.append(_summary(source, analysis))
    render = {"text": as_text, "json": as_json, "github": as_github, "sarif": as_sarif}[
        output_format
    ]
    console.write(render(results))
    console.append_step_summary(as_step_summary(results))
    if output_format == "text" and not quiet:
        for line in summaries:
            console.info_line(line)
    failing = any(d.severity == "error" or strict for r in results for d in r.diagnostics)
    return EXIT_PROBLEMS if failing else EXIT_OK


def _summary(source: CriteriaSource, analysis: Analysis) -> str:
    errors, warnings = len(analysis.errors), len(analysis.warnings)
    where = source.describe()
    if not errors and not warnings and analysis.document is not None:
        doc = analysis.document
        scenarios = len(doc.scenarios)
        parts = [
            _plural(len(doc.options), "option"),
            f"{len(doc.criteria)} {'criterion' if len(doc.criteria) == 1 else 'criteria'}",
            _plural(len(doc.questions), "question"),
            f"{_plural(scenarios, 'scenario')} {'holds' if scenarios == 1 else 'hold'}",
        ]
        return f"{where}: no problems ({', '.join(parts)})"
    counts = [_plural(errors, "error"), _plural(warnings, "warning")]
    return f"{where}: {', '.join(counts)}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def explain(code: str) -> int:
    entry = CODES.get(code.strip().upper())
    if entry is None:
        raise UsageError(f"unknown code {quote(code)}; codes run from FWC001 to FWC401")
    console.write(f"{entry.code} ({entry.severity}): {entry.title}\n\n{entry.explanation}\n")
    return EXIT_OK
