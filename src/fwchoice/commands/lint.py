"""``fwchoice lint``: validate criteria files for people, CI and pre-commit."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from fwchoice import console
from fwchoice.codes import CODES
from fwchoice.criteria.loader import CriteriaSource, resolve_source
from fwchoice.errors import EXIT_OK, EXIT_PROBLEMS, UsageError
from fwchoice.lint.runner import Analysis, analyse_source
from fwchoice.render.diagnostics import (
    FileResult,
    as_github,
    as_json,
    as_sarif,
    as_step_summary,
    as_text,
)
from fwchoice.sanitize import quote


def as_sarif_here(results: list[FileResult]) -> str:
    """SARIF with paths relative to the source root found from the working directory."""
    from fwchoice.artifact_uri import source_root

    cwd = Path.cwd()
    return as_sarif(results, root=source_root(cwd), cwd=cwd)


FORMATS: dict[str, Callable[[list[FileResult]], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
    "sarif": as_sarif_here,
}
"""Each ``--format`` and what renders it; the CLI's choices."""


def run(
    paths: list[str],
    *,
    criteria: str | None,
    output_format: str,
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
        skipped = _not_a_record(source) if paths else None
        if skipped is not None:
            results.append(skipped)
            summaries.append(f"{source.describe()}: {skipped.skipped}")
            continue
        answers = _answers_file(source, criteria) if paths else None
        if answers is not None:
            results.append(answers[0])
            summaries.append(answers[1])
            continue
        analysis, digest = analyse_source(source, full=True, freshness=freshness)
        results.append(FileResult(source.label, source.describe(), digest, analysis.diagnostics))
        summaries.append(_summary(source, analysis))
    console.write(FORMATS[output_format](results))
    console.append_step_summary(as_step_summary(results))
    if output_format == "text" and not quiet:
        for line in summaries:
            console.info_line(line)
    failing = any(d.severity == "error" or strict for r in results for d in r.diagnostics)
    return EXIT_PROBLEMS if failing else EXIT_OK


MARKDOWN_SUFFIXES = (".md", ".markdown")
NOT_A_RECORD = "a Markdown file without fwchoice's replay block: not a fwchoice record, skipped"


def _not_a_record(source: CriteriaSource) -> FileResult | None:
    """A Markdown file with no replay block (adr-tools' first record, a record written
    by hand): nothing of fwchoice's to check, as ``review`` skips it too; None for
    anything else, a record with a block included."""
    from fwchoice.adr.embed import locate
    from fwchoice.criteria.loader import content_key, read_bounded
    from fwchoice.criteria.yamlfile import YamlProblem, decode

    if source.path.suffix.lower() not in MARKDOWN_SUFFIXES:
        return None
    raw = read_bounded(source.path, source.label)
    if not isinstance(raw, bytes):
        return None
    try:
        text, _ = decode(raw, source.label)
    except YamlProblem:
        return None  # not text: reported as any file is
    if locate(text) is not None:
        return None
    return FileResult(source.label, source.describe(), content_key(raw), [], NOT_A_RECORD)


_MARKER = re.compile(rb"^fwchoice_(?:answers|team)[ \t]*:", re.MULTILINE)


def _answers_file(source: CriteriaSource, criteria: str | None) -> tuple[FileResult, str] | None:
    """A saved answers file or a record's replay block (found by its marker), checked
    as answers against the criteria file it names; None for anything else."""
    from fwchoice.adr.embed import locate
    from fwchoice.criteria.answersfile import in_record_lines
    from fwchoice.criteria.loader import content_key, read_bounded
    from fwchoice.criteria.yamlfile import YamlProblem, decode, parse
    from fwchoice.diagnostics import Diagnostic
    from fwchoice.errors import FwchoiceError
    from fwchoice.lint.answers import (
        is_answers_file,
        lint_answers,
        named_criteria,
        record_contradiction,
    )
    from fwchoice.lint.runner import load_criteria

    raw = read_bounded(source.path, source.label)
    if not isinstance(raw, bytes) or not _MARKER.search(raw[:65536]):
        return None
    embedded = None
    try:
        text, _ = decode(raw, source.label)
        # A decision record (Markdown) is checked by its replay block, lines counted
        # in the record.
        embedded = locate(text)
        record = text
        if embedded:
            text = in_record_lines(*embedded)
        parsed = parse(text, source.label, what="answers file")
    except YamlProblem as problem:
        if not embedded:
            return None  # lint it as any file: the YAML problem is reported the same way
        # The block's own problem, not the whole Markdown file read as YAML.
        broken = FileResult(source.label, source.describe(), content_key(raw),
                            problem.diagnostics)  # fmt: skip
        errors = sum(d.severity == "error" for d in problem.diagnostics)
        return broken, f"{source.describe()}: a decision record's replay block: " + _plural(
            errors, "error"
        )
    if not is_answers_file(parsed):
        return None
    document, missing, against = None, None, ""
    try:
        named = _criteria_for(source, named_criteria(parsed), criteria)
        loaded = load_criteria(named)
        document, against = loaded.document, named.describe()
    except FwchoiceError as problem:
        missing = f"cannot check the answers against the criteria file it names: {problem}"
    diagnostics: list[Diagnostic] = lint_answers(parsed, document, missing)
    if embedded and document is not None:
        diagnostics += record_contradiction(record, parsed, document, source.label)
    result = FileResult(source.label, source.describe(), content_key(raw), diagnostics)
    errors = sum(d.severity == "error" for d in diagnostics)
    checked = f", checked against {against}" if against else ""
    state = "no problems" if not diagnostics else f"{_plural(errors, 'error')}"
    what = "a decision record's replay block" if embedded else "saved answers"
    return result, f"{source.describe()}: {what}{checked}: {state}"


def _criteria_for(
    source: CriteriaSource, named: str | None, criteria: str | None
) -> CriteriaSource:
    """--criteria if given; else the file the answers name, beside them or here; else
    the file other commands would use."""
    if criteria is not None or named is None:
        return resolve_source(criteria)
    if named == "fwchoice's built-in criteria":
        from fwchoice.criteria.loader import builtin_path

        return CriteriaSource(builtin_path(), str(builtin_path()), "built-in")
    for candidate in (source.path.parent / named, Path(named)):
        if candidate.is_file():
            return CriteriaSource(candidate, str(candidate), "argument")
    raise UsageError(
        f"{quote(named)} was not found beside {quote(source.label)} or here; lint with "
        "--criteria FILE"
    )


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
