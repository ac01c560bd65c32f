"""The comparison held in a criteria file, as plain data for every output format.

``comparison_data`` is the one place that decides what the matrix, feature,
benchmark and use-case sections contain (leaders, ratios to the best...). The
JSON output is this data as it is; the terminal, Markdown and CSV renderers
only lay it out, so the formats cannot disagree. The shape is documented in
``docs/json-output.md`` and checked against ``docs/schemas/matrix.schema.json``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from fwchoice.criteria.model import RATING_MAX, RATING_MIN, Document, Hybrid, Note, SourceRef

if TYPE_CHECKING:
    from fwchoice.criteria.model import Exact

Section = Literal["matrix", "features", "benchmarks", "use-cases"]
SECTIONS: tuple[Section, ...] = ("matrix", "features", "benchmarks", "use-cases")
MATRIX_FORMAT_VERSION = 2


def exact_text(value: Exact) -> str:
    """An exact number as text a reader can recompute with: "278/3", "-1/2", "5"."""
    return str(Fraction(value))


def plain_number(value: Exact) -> int | float:
    """An exact number for JSON: an int when whole, else a float rounded to 4 places."""
    if value.denominator == 1:
        return int(value)
    return round(float(value), 4)


def note_data(note: Note) -> dict[str, Any]:
    data: dict[str, Any] = {
        "status": note.status,
        "text": note.text,
        "sources": [source_data(s) for s in note.sources],
    }
    if note.evidence_ratings:
        data["evidence_ratings"] = dict(note.evidence_ratings)
    if note.checked:
        data["checked"] = note.checked
    return data


def source_data(source: SourceRef) -> dict[str, str]:
    """A note's source; its own date and version only where the file gives them."""
    data = {"title": source.title, "url": source.url}
    if source.date:
        data["date"] = source.date
    if source.version:
        data["version"] = source.version
    return data


def leaders(values: Mapping[str, float]) -> list[str]:
    """The options with the best value; empty when every option is equal."""
    if len(set(values.values())) <= 1:
        return []
    best = max(values.values())
    return [option for option, value in values.items() if value == best]


def comparison_data(
    document: Document,
    sections: Sequence[Section] = SECTIONS,
    *,
    criteria_file: dict[str, str] | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "fwchoice.matrix",
        "format_version": MATRIX_FORMAT_VERSION,
        "criteria_file": criteria_file or {},
        "title": document.title,
        "source": _source(document),
        "rating_scale": {"min": RATING_MIN, "max": RATING_MAX},
        "options": [
            {"id": o.id, "label": o.label, "summary": o.summary, "url": o.url}
            for o in document.options.values()
        ],
        "sections": list(sections),
    }
    if "matrix" in sections:
        data["matrix"] = _matrix(document)
    if "features" in sections:
        data["features"] = _features(document)
    if "benchmarks" in sections:
        data["benchmarks"] = _benchmarks(document)
    if "use-cases" in sections:
        data["use_cases"] = _use_cases(document)
        data["hybrids"] = _hybrids(document)
        data["alternatives"] = _alternatives(document)
    return data


def _source(document: Document) -> dict[str, str] | None:
    source = document.source
    if source is None:
        return None
    return {
        "title": source.title,
        "url": source.url,
        "author": source.author,
        "published": source.published,
    }


def _matrix(document: Document) -> list[dict[str, Any]]:
    rows = []
    for criterion in document.criteria.values():
        ratings = {oid: criterion.ratings.get(oid) for oid in document.options}
        known = {oid: r for oid, r in ratings.items() if r is not None}
        rows.append(
            {
                "id": criterion.id,
                "label": criterion.label,
                "description": criterion.description,
                "weight": plain_number(criterion.weight),
                "ratings": ratings,
                "evidence_ratings": dict(criterion.evidence),
                "in_source": criterion.in_source,
                "leaders": leaders(known),
                "rationale": criterion.rationale,
                "notes": [note_data(n) for n in criterion.notes],
            }
        )
    return rows


def _features(document: Document) -> list[dict[str, Any]]:
    rows = []
    for feature in document.features.values():
        values: dict[str, Any] = {}
        for oid in document.options:
            value = feature.values.get(oid)
            values[oid] = (
                None
                if value is None
                else {
                    "text": value.text,
                    "builtin": value.builtin,
                    "fill": value.fill,
                    "published": value.published,
                }
            )
        rows.append(
            {
                "id": feature.id,
                "label": feature.label,
                "description": feature.description,
                "values": values,
                "notes": [note_data(n) for n in feature.notes],
            }
        )
    return rows


def _benchmarks(document: Document) -> list[dict[str, Any]]:
    rows = []
    for benchmark in document.benchmarks.values():
        figures = {oid: r.value for oid, r in benchmark.results.items() if oid in document.options}
        best = (max if benchmark.higher_is_better else min)(figures.values()) if figures else None
        results: dict[str, Any] = {}
        for oid in document.options:
            result = benchmark.results.get(oid)
            if result is None:
                results[oid] = None
                continue
            results[oid] = {
                "value": result.value,
                "setup": result.setup,
                "best": result.value == best,
                "ratio_to_best": _ratio(result.value, best, benchmark.higher_is_better),
            }
        rows.append(
            {
                "id": benchmark.id,
                "label": benchmark.label,
                "description": benchmark.description,
                "unit": benchmark.unit,
                "higher_is_better": benchmark.higher_is_better,
                "approximate": benchmark.approximate,
                "results": results,
                "notes": [note_data(n) for n in benchmark.notes],
            }
        )
    return rows


def _ratio(value: float, best: float | None, higher_is_better: bool) -> float | None:
    """How many times better the best figure is than this one (1.0 for the best)."""
    if best is None:
        return None
    numerator, denominator = (best, value) if higher_is_better else (value, best)
    if denominator == 0:
        return None if numerator else 1.0
    return round(numerator / denominator, 4)


def _use_cases(document: Document) -> list[dict[str, Any]]:
    return [
        {
            "option": option.id,
            "strengths": list(option.strengths),
            "ideal_for": [{"label": i.label, "detail": i.detail} for i in option.ideal_for],
            "examples": [{"label": i.label, "detail": i.detail} for i in option.examples],
            "choose_when": list(option.choose_when),
            "notes": [note_data(n) for n in option.notes],
        }
        for option in document.options.values()
    ]


def _hybrids(document: Document) -> list[dict[str, Any]]:
    return [hybrid_data(document, h) for h in document.hybrids.values()]


def _alternatives(document: Document) -> list[dict[str, Any]]:
    return [
        {
            "id": a.id,
            "label": a.label,
            "scope": a.scope,
            "summary": a.summary,
            "url": a.url,
            "reasons": list(a.reasons),
            "trade_offs": list(a.trade_offs),
            "when": [condition_data(document, c) for c in a.when],
            "notes": [note_data(n) for n in a.notes],
        }
        for a in document.alternatives.values()
    ]


def hybrid_data(document: Document, hybrid: Hybrid) -> dict[str, Any]:
    """A hybrid approach, with the answers that call for it written out."""
    return {
        "id": hybrid.id,
        "label": hybrid.label,
        "summary": hybrid.summary,
        "options": list(hybrid.options),
        "steps": list(hybrid.steps),
        "when": condition_data(document, hybrid.when),
        "fits": hybrid.fits,
    }


def condition_data(
    document: Document, condition: Mapping[str, frozenset[str]]
) -> list[dict[str, Any]]:
    """A `when` condition as data: each question, its text, and the answers that meet it."""
    result = []
    for qid, allowed in condition.items():
        question = document.questions.get(qid)
        if question is None:
            continue
        chosen = [c for c in question.choices if c in allowed]
        result.append(
            {
                "question": qid,
                "text": question.text,
                "answers": chosen,
                "answer_labels": [question.choices[c].label for c in chosen],
            }
        )
    return result
