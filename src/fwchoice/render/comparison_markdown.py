"""The comparison as GitHub-flavoured Markdown tables, ready to paste into a document."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fwchoice.record import NamedTuple
from fwchoice.render.formatting import (
    SECTION_TITLES,
    UNICODE,
    Glyphs,
    NoteNumbers,
    figure,
    leader_text,
    note_status,
    option_labels,
    ratio_text,
    source_title,
    stars,
)
from fwchoice.render.markdown_text import md, md_cell, md_link


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; cells must already be escaped with ``md_cell``."""
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def note_lines(notes: NoteNumbers, start: int, labels: dict[str, str]) -> list[str]:
    lines = []
    for numbered in notes.since(start):
        note = numbered.note
        sources = "; ".join(md_link(source_title(s), s["url"]) for s in note["sources"])
        line = (
            f"{numbered.number}. **{md(numbered.subject)}** ({note_status(note)}): "
            f"{md(note['text'])}"
        )
        if note.get("evidence_ratings"):
            suggested = ", ".join(
                f"{md(labels.get(o, o))} {r}" for o, r in note["evidence_ratings"].items()
            )
            line += f" Evidence rating: {suggested}."
        if sources:
            line += f" Sources: {sources}."
        lines.append(line)
    return (["", "Notes:", "", *lines]) if lines else []


class _Sheet(NamedTuple):
    """What every section's table needs: the data, the options' labels, the glyphs, and
    the notes numbered so far (each section lists its own below its table)."""

    comparison: dict[str, Any]
    labels: dict[str, str]
    glyphs: Glyphs
    notes: NoteNumbers

    @property
    def options(self) -> list[str]:
        return list(self.labels)

    @property
    def headers(self) -> list[str]:
        return [md_cell(label) for label in self.labels.values()]

    def marks(self, subject: str, row_notes: list[dict[str, Any]]) -> str:
        """A row's note numbers and statuses: '[1] dated, [2] disputed'."""
        numbers = self.notes.add(subject, row_notes)
        return ", ".join(
            f"[{n}] {note['status']}" for n, note in zip(numbers, row_notes, strict=True)
        )


def comparison_markdown(comparison: dict[str, Any], glyphs: Glyphs = UNICODE) -> str:
    labels = option_labels(comparison)
    sheet = _Sheet(comparison, labels, glyphs, NoteNumbers())
    out: list[str] = [f"# {md(comparison['title'])}", ""]
    source = comparison.get("source")
    if source:
        cite = md_link(source["title"], source["url"])
        extra = ", ".join(md(x) for x in (source["author"], source["published"]) if x)
        out += [f"Source: {cite}" + (f" ({extra})" if extra else "") + ".", ""]
    for section in comparison["sections"]:
        start = len(sheet.notes.notes)
        out += [f"## {SECTION_TITLES[section]}", ""]
        out += SECTIONS[section](sheet)
        out += note_lines(sheet.notes, start, labels)
        out.append("")
    described = (comparison.get("criteria_file") or {}).get("described_as")
    if described:
        out += [f"<sub>Criteria: {md(described)}</sub>", ""]
    return "\n".join(out)


def _matrix(sheet: _Sheet) -> list[str]:
    comparison, labels, glyphs = sheet.comparison, sheet.labels, sheet.glyphs
    maximum = comparison["rating_scale"]["max"]
    rows = [
        [
            f"**{md_cell(r['label'])}**",
            md_cell(r["description"]),
            *(_rating(r, o, maximum, glyphs) for o in sheet.options),
            md_cell(leader_text(r["leaders"], labels)),
            sheet.marks(r["label"], r["notes"]),
        ]
        for r in comparison["matrix"]
    ]
    headers = ["Criterion", "What it measures", *sheet.headers, "Leader", "Notes"]
    out = [f"Ratings are stars from 0 to {maximum}.", ""]
    if any(r["evidence_ratings"] for r in comparison["matrix"]):
        out = [
            f"Ratings are stars from 0 to {maximum}, as published; {glyphs.arrow} N is the "
            "rating the evidence supports (see the note), which advise scores by default.",
            "",
        ]
    added = [md(r["label"]) for r in comparison["matrix"] if not r["in_source"]]
    if added:
        out += [f"Not in the source, added from research: {', '.join(added)}.", ""]
    return [*out, *table(headers, rows)]


def _rating(row: dict[str, Any], option: str, maximum: int, glyphs: Glyphs) -> str:
    """The published stars, and the evidence's rating beside them where it differs."""
    cell = md_cell(stars(row["ratings"][option], maximum, glyphs))
    if option in row["evidence_ratings"]:
        cell += f" {glyphs.arrow} {row['evidence_ratings'][option]}"
    return cell


def _features(sheet: _Sheet) -> list[str]:
    dash = sheet.glyphs.dash
    rows = [
        [
            f"**{md_cell(r['label'])}**",
            *(_feature_cell(r["values"][o]) if r["values"][o] else dash for o in sheet.options),
            sheet.marks(r["label"], r["notes"]),
        ]
        for r in sheet.comparison["features"]
    ]
    return table(["Feature", *sheet.headers, "Notes"], rows)


def _feature_cell(value: dict[str, Any]) -> str:
    """What the row says, and the source's cell as published where it was corrected."""
    cell = md_cell(value["text"])
    if value["published"]:
        cell += f"<br>published: {md_cell(value['published'])}"
    return cell


def _benchmarks(sheet: _Sheet) -> list[str]:
    glyphs = sheet.glyphs
    rows = []
    for r in sheet.comparison["benchmarks"]:
        cells = []
        for o in sheet.options:
            result = r["results"][o]
            if result is None:
                cells.append(glyphs.dash)
                continue
            cell = f"{figure(result['value'], r['approximate'])} {md_cell(r['unit'])}"
            cell += f" ({ratio_text(result, r['higher_is_better'], glyphs)})"
            if result["setup"]:
                cell += f"<br>{md_cell(result['setup'])}"
            cells.append(cell)
        rows.append([f"**{md_cell(r['label'])}**", *cells, sheet.marks(r["label"], r["notes"])])
    return table(["Benchmark", *sheet.headers, "Notes"], rows)


def _use_cases(sheet: _Sheet) -> list[str]:
    comparison, glyphs = sheet.comparison, sheet.glyphs
    by_option = {u["option"]: u for u in comparison["use_cases"]}

    def items(values: list[Any]) -> str:
        rendered = [
            f"**{md_cell(v['label'])}**" + (f": {md_cell(v['detail'])}" if v["detail"] else "")
            if isinstance(v, dict)
            else md_cell(v)
            for v in values
        ]
        return "<br>".join(f"{glyphs.bullet} {x}" for x in rendered) or glyphs.dash

    rows = [
        [f"**{title}**", *(items(by_option[o][key]) for o in sheet.options)]
        for title, key in (
            ("Ideal for", "ideal_for"),
            ("Examples", "examples"),
            ("Choose it when", "choose_when"),
        )
    ]
    out = table(["", *sheet.headers], rows)
    for o in sheet.options:
        sheet.marks(sheet.labels[o], by_option[o]["notes"])
    if comparison.get("hybrids"):
        out += ["", "### Combining them", ""]
        out += [f"- **{md(h['label'])}**: {md(h['summary'])}" for h in comparison["hybrids"]]
    for scope, title in (("beside", "Beside them"), ("outside", "Beyond their scope")):
        listed = [a for a in comparison.get("alternatives", []) if a["scope"] == scope]
        if listed:
            out += ["", f"### {title}", ""]
            out += [f"- **{md(a['label'])}**: {md(a['summary'])}" for a in listed]
            for a in listed:
                sheet.marks(a["label"], a["notes"])
    return out


SECTIONS: dict[str, Callable[[_Sheet], list[str]]] = {
    "matrix": _matrix,
    "features": _features,
    "benchmarks": _benchmarks,
    "use-cases": _use_cases,
}
"""Each section's table (its notes follow it)."""
