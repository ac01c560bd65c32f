"""Lint results as text, JSON or GitHub workflow commands (plain strings, no rich)."""

from collections.abc import Sequence
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


def as_text(results: Sequence[FileResult]) -> str:
    return "".join(d.format_text() + "\n" for r in results for d in r.diagnostics)


def github_escape(text: str, *, property_value: bool = False) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    text = visible(text)
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


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
