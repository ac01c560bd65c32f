"""The comparison as CSV: one table per section, separated by a blank line.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, a
tab or a carriage return) are prefixed with an apostrophe, as OWASP advises.
The test is made on what the spreadsheet will see: after leading blanks (a tab
shown as a space still leads to the formula) and after Unicode compatibility
folding (a full-width ＝ is an = to some spreadsheets). Numbers we produce
ourselves are written as plain numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from fwchoice.render.formatting import leader_text, note_status, option_labels
from fwchoice.sanitize import visible

_FORMULA_START = frozenset("=+-@")


def cell(value: Any) -> Any:
    """Neutralise text from data; pass numbers, booleans and blanks through."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return value
    original = str(value)
    text = visible(original, newlines=True)
    if original[:1] in ("\t", "\r") or _starts_a_formula(text):
        return "'" + text
    return text


def _starts_a_formula(text: str) -> bool:
    first = text.lstrip()[:1]
    if not first:
        return False
    if first in _FORMULA_START:
        return True
    import unicodedata  # only for a cell that starts with something unusual

    return unicodedata.normalize("NFKC", first)[:1] in _FORMULA_START


def _notes(notes: list[dict[str, Any]]) -> str:
    parts = []
    for note in notes:
        sources = " ".join(s["url"] for s in note["sources"])
        parts.append(f"{note_status(note)}: {note['text']}" + (f" ({sources})" if sources else ""))
    return " | ".join(parts)


def comparison_csv(comparison: dict[str, Any]) -> str:
    labels = option_labels(comparison)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for i, section in enumerate(comparison["sections"]):
        if i:
            buffer.write("\n")
        for row in SECTIONS[section](comparison, labels):
            writer.writerow([cell(v) for v in row])
    return buffer.getvalue()


Rows = list[list[Any]]


def _matrix(comparison: dict[str, Any], labels: dict[str, str]) -> Rows:
    head = ["criterion_id", "criterion", "description", "weight", *labels.values()]
    rows: Rows = [[*head, "leader", "notes"]]
    rows += [
        [
            r["id"],
            r["label"],
            r["description"],
            r["weight"],
            *(r["ratings"][o] for o in labels),
            leader_text(r["leaders"], labels),
            _notes(r["notes"]),
        ]
        for r in comparison["matrix"]
    ]
    return rows


def _features(comparison: dict[str, Any], labels: dict[str, str]) -> Rows:
    rows: Rows = [["feature_id", "feature", *labels.values(), "notes"]]
    rows += [
        [
            r["id"],
            r["label"],
            *((r["values"][o] or {}).get("text") for o in labels),
            _notes(r["notes"]),
        ]
        for r in comparison["features"]
    ]
    return rows


def _benchmarks(comparison: dict[str, Any], labels: dict[str, str]) -> Rows:
    head = ["benchmark_id", "benchmark", "unit", "option", "value", "approximate", "setup"]
    rows: Rows = [[*head, "ratio_to_best", "notes"]]
    for r in comparison["benchmarks"]:
        for o, label in labels.items():
            result = r["results"][o]
            if result is None:
                continue
            rows.append(
                [
                    r["id"],
                    r["label"],
                    r["unit"],
                    label,
                    result["value"],
                    r["approximate"],
                    result["setup"],
                    result["ratio_to_best"],
                    _notes(r["notes"]),
                ]
            )
    return rows


def _use_cases(comparison: dict[str, Any], labels: dict[str, str]) -> Rows:
    rows: Rows = [["option", "kind", "label", "detail"]]
    for use in comparison["use_cases"]:
        label = labels[use["option"]]
        for kind in ("ideal_for", "examples"):
            rows += [[label, kind, i["label"], i["detail"]] for i in use[kind]]
        rows += [[label, "choose_when", text, ""] for text in use["choose_when"]]
    return rows


SECTIONS: dict[str, Callable[[dict[str, Any], dict[str, str]], Rows]] = {
    "matrix": _matrix,
    "features": _features,
    "benchmarks": _benchmarks,
    "use-cases": _use_cases,
}
"""Each section's rows, header first (sections are separated by a blank line)."""
