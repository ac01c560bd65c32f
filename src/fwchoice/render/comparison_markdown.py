"""The comparison as GitHub-flavoured Markdown tables, ready to paste into a document."""

from __future__ import annotations

from typing import Any

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
        sources = "; ".join(md_link(s["title"], s["url"]) for s in note["sources"])
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


def comparison_markdown(comparison: dict[str, Any], glyphs: Glyphs = UNICODE) -> str:
    labels = option_labels(comparison)
    options = list(labels)
    notes = NoteNumbers()
    out: list[str] = [f"# {md(comparison['title'])}", ""]
    source = comparison.get("source")
    if source:
        cite = md_link(source["title"], source["url"])
        extra = ", ".join(md(x) for x in (source["author"], source["published"]) if x)
        out += [f"Source: {cite}" + (f" ({extra})" if extra else "") + ".", ""]
    headers = [md_cell(labels[o]) for o in options]

    def marks(subject: str, row_notes: list[dict[str, Any]]) -> str:
        numbers = notes.add(subject, row_notes)
        return ", ".join(
            f"[{n}] {note['status']}" for n, note in zip(numbers, row_notes, strict=True)
        )

    for section in comparison["sections"]:
        start = len(notes.notes)
        out += [f"## {SECTION_TITLES[section]}", ""]
        if section == "matrix":
            maximum = comparison["rating_scale"]["max"]
            out += [f"Ratings are stars from 0 to {maximum}.", ""]
            rows = [
                [
                    f"**{md_cell(r['label'])}**",
                    md_cell(r["description"]),
                    *(md_cell(stars(r["ratings"][o], maximum, glyphs)) for o in options),
                    md_cell(leader_text(r["leaders"], labels)),
                    marks(r["label"], r["notes"]),
                ]
                for r in comparison["matrix"]
            ]
            out += table(["Criterion", "What it measures", *headers, "Leader", "Notes"], rows)
        elif section == "features":
            rows = [
                [
                    f"**{md_cell(r['label'])}**",
                    *(
                        md_cell(r["values"][o]["text"]) if r["values"][o] else glyphs.dash
                        for o in options
                    ),
                    marks(r["label"], r["notes"]),
                ]
                for r in comparison["features"]
            ]
            out += table(["Feature", *headers, "Notes"], rows)
        elif section == "benchmarks":
            rows = []
            for r in comparison["benchmarks"]:
                cells = []
                for o in options:
                    result = r["results"][o]
                    if result is None:
                        cells.append(glyphs.dash)
                        continue
                    cell = f"{figure(result['value'], r['approximate'])} {md_cell(r['unit'])}"
                    cell += f" ({ratio_text(result, r['higher_is_better'], glyphs)})"
                    if result["setup"]:
                        cell += f"<br>{md_cell(result['setup'])}"
                    cells.append(cell)
                rows.append([f"**{md_cell(r['label'])}**", *cells, marks(r["label"], r["notes"])])
            out += table(["Benchmark", *headers, "Notes"], rows)
        else:
            by_option = {u["option"]: u for u in comparison["use_cases"]}

            def items(values: list[Any]) -> str:
                rendered = [
                    f"**{md_cell(v['label'])}**"
                    + (f": {md_cell(v['detail'])}" if v["detail"] else "")
                    if isinstance(v, dict)
                    else md_cell(v)
                    for v in values
                ]
                return "<br>".join(f"{glyphs.bullet} {x}" for x in rendered) or glyphs.dash

            rows = [
                [f"**{title}**", *(items(by_option[o][key]) for o in options)]
                for title, key in (
                    ("Ideal for", "ideal_for"),
                    ("Examples", "examples"),
                    ("Choose it when", "choose_when"),
                )
            ]
            out += table(["", *headers], rows)
            for o in options:
                marks(labels[o], by_option[o]["notes"])
            if comparison.get("hybrids"):
                out += ["", "### Combining them", ""]
                out += [
                    f"- **{md(h['label'])}**: {md(h['summary'])}" for h in comparison["hybrids"]
                ]
        out += note_lines(notes, start, labels)
        out.append("")
    described = (comparison.get("criteria_file") or {}).get("described_as")
    if described:
        out += [f"<sub>Criteria: {md(described)}</sub>", ""]
    return "\n".join(out)
