"""Lint results as text, JSON or GitHub workflow commands (plain strings, no rich)."""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fwchoice.diagnostics import Diagnostic
from fwchoice.record import NamedTuple
from fwchoice.sanitize import visible

LINT_FORMAT_VERSION = 1


class FileResult(NamedTuple):
    file: str
    described_as: str
    sha256: str
    diagnostics: Sequence[Diagnostic]
    skipped: str | None = None
    """Why the file was not checked (a Markdown file that is not a fwchoice record)."""


def as_text(results: Sequence[FileResult]) -> str:
    return "".join(d.format_text() + "\n" for r in results for d in r.diagnostics)


def github_escape(text: str, *, property_value: bool = False) -> str:
    """``text`` escaped for a workflow command, which the runner unescapes back.

    The rules (actions/toolkit, packages/core/src/command.ts): ``%``, CR and LF as
    ``%25``, ``%0D``, ``%0A``; in a property (``file=``, ``title=``) also ``:`` and
    ``,`` as ``%3A`` and ``%2C``. They are applied first, so a file name with a line
    break still names its file; any other unsafe character, which the rules cannot
    carry, is then shown as a visible escape. A property keeps its tabs (a file
    name must stay exact); a message shows them as spaces.
    """
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if not property_value:
        return visible(text)
    text = text.replace(":", "%3A").replace(",", "%2C")
    return "\t".join(visible(part) for part in text.split("\t"))


def as_github(results: Sequence[FileResult]) -> str:
    lines = []
    for result in results:
        for d in result.diagnostics:
            props = ",".join(
                f"{key}={github_escape(str(value), property_value=True)}"
                for key, value in (
                    ("file", d.file),
                    ("line", d.span.line),
                    ("col", d.span.column),
                    ("endLine", d.span.end_line),
                    ("endColumn", d.span.end_column),
                    ("title", f"{d.code} ({d.severity})"),
                )
            )
            lines.append(f"::{d.severity} {props}::{github_escape(d.message)}\n")
        if result.skipped:
            file = github_escape(result.file, property_value=True)
            title = github_escape("not a fwchoice record", property_value=True)
            lines.append(f"::notice file={file},title={title}::{github_escape(result.skipped)}\n")
    return "".join(lines)


def as_json(results: Sequence[FileResult]) -> str:
    from fwchoice.render.json_text import json_text

    files: list[dict[str, Any]] = []
    total_errors = total_warnings = 0
    for result in results:
        errors = sum(d.severity == "error" for d in result.diagnostics)
        total_errors += errors
        total_warnings += len(result.diagnostics) - errors
        files.append(
            {
                "file": result.file,
                "sha256": result.sha256,
                "errors": errors,
                "warnings": len(result.diagnostics) - errors,
                **({"skipped": result.skipped} if result.skipped else {}),
                "diagnostics": [
                    {
                        "file": d.file,
                        "line": d.span.line,
                        "column": d.span.column,
                        "end_line": d.span.end_line,
                        "end_column": d.span.end_column,
                        "severity": d.severity,
                        "code": d.code,
                        "message": d.message,
                        "path": d.pointer,
                    }
                    for d in result.diagnostics
                ],
            }
        )
    document = {
        "format": "fwchoice.lint",
        "format_version": LINT_FORMAT_VERSION,
        "errors": total_errors,
        "warnings": total_warnings,
        "files": files,
    }
    return json_text(document)


def as_sarif(results: Sequence[FileResult], *, root: Path, cwd: Path) -> str:
    """SARIF 2.1.0, as code scanning reads it: one run, fwchoice's codes as rules
    (only those that occur), one result per diagnostic, located by line and column
    (1-based; columns count Unicode code points, as lint's do), each file named
    relative to ``root`` (``%SRCROOT%``; see fwchoice.artifact_uri)."""
    from fwchoice import __version__
    from fwchoice.artifact_uri import SOURCE_ROOT_ID, artifact_location, directory_uri
    from fwchoice.codes import CODES
    from fwchoice.render.json_text import json_text

    used = sorted({d.code for r in results for d in r.diagnostics})
    index = {code: i for i, code in enumerate(used)}
    rules = [
        {
            "id": code,
            "name": "".join(w.capitalize() for w in CODES[code].title.split()),
            "shortDescription": {"text": visible(CODES[code].title)},
            "fullDescription": {"text": visible(CODES[code].explanation)},
            "defaultConfiguration": {"level": CODES[code].severity},
            "help": {"text": f"fwchoice lint --explain {code}"},
        }
        for code in used
    ]
    findings = []
    for result in results:
        for d in result.diagnostics:
            findings.append(
                {
                    "ruleId": d.code,
                    "ruleIndex": index[d.code],
                    "level": d.severity,
                    "message": {"text": visible(d.message)},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": artifact_location(d.file, root, cwd),
                                "region": {
                                    "startLine": d.span.line,
                                    "startColumn": d.span.column,
                                    "endLine": d.span.end_line,
                                    "endColumn": d.span.end_column,
                                },
                            }
                        }
                    ],
                    **({"properties": {"path": d.pointer}} if d.data_path else {}),
                }
            )
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "fwchoice",
                        "version": __version__,
                        "informationUri": "https://github.com/fwchoice/fwchoice",
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {SOURCE_ROOT_ID: {"uri": directory_uri(root)}},
                "columnKind": "unicodeCodePoints",
                "results": findings,
            }
        ],
    }
    return json_text(document)


def as_step_summary(results: Sequence[FileResult]) -> str:
    """A Markdown summary for a GitHub Actions job page (``$GITHUB_STEP_SUMMARY``)."""
    from fwchoice.render.markdown_text import md, md_cell

    lines = ["## fwchoice lint", "", "| File | Errors | Warnings |", "| --- | --- | --- |"]
    for result in results:
        errors = sum(d.severity == "error" for d in result.diagnostics)
        warnings = len(result.diagnostics) - errors
        if result.skipped:
            lines.append(f"| {md_cell(result.file)} | skipped: not a fwchoice record | |")
            continue
        lines.append(f"| {md_cell(result.file)} | {errors} | {warnings} |")
    problems = [d for r in results for d in r.diagnostics]
    if problems:
        lines += ["", "<details><summary>Problems</summary>", ""]
        lines += [
            f"- `{d.code}` {d.severity} at {md(d.file)}:{d.span.line}:{d.span.column}: "
            f"{md(d.message)}"
            for d in problems[:100]
        ]
        if len(problems) > 100:
            lines.append(f"- and {len(problems) - 100} more (run `fwchoice lint` for all)")
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n\n"
