"""Checks that parts of the file refer to each other correctly."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fwchoice.diagnostics import DataPath
from fwchoice.hints import did_you_mean
from fwchoice.lint.registry import CheckContext, check
from fwchoice.sanitize import has_unsafe_characters, normalize_label, quote


def _undefined(
    ctx: CheckContext, code: str, path: DataPath, kind: str, ref: str, known: Iterable[str]
) -> None:
    known = list(known)
    hint = did_you_mean(ref, known)
    ctx.report(code, path, f"{kind} {quote(ref)} is not defined{hint}")


@check("FWC201", "FWC203")
def ratings_cover_options(ctx: CheckContext) -> None:
    """Every criterion rates every option, and only options the file defines."""
    if not ctx.section_ok("options"):
        return
    options = ctx.document.options
    for cid, criterion in ctx.document.criteria.items():
        path = ("criteria", cid, "ratings")
        for oid in criterion.ratings:
            if oid not in options:
                _undefined(ctx, "FWC203", (*path, oid), "option", oid, options)
        if not isinstance(_at(ctx.data, path), dict):
            continue  # missing or not a mapping: already reported
        for oid, option in options.items():
            if oid not in criterion.ratings and not ctx.present((*path, oid)):
                ctx.report(
                    "FWC201",
                    ("criteria", cid, "ratings"),
                    f"criterion {quote(cid)} has no rating for {option.label} "
                    f"(add `{oid}: <0-5>` under ratings)",
                )
        for i in range(len(criterion.notes)):
            for key in ("evidence_ratings", "suggested_ratings"):
                raw = _at(ctx.data, ("criteria", cid, "notes", i, key))
                for oid in raw if isinstance(raw, dict) else ():
                    if oid not in options:
                        note_path = ("criteria", cid, "notes", i, key, oid)
                        _undefined(ctx, "FWC203", note_path, "option", oid, options)


@check("FWC203", "FWC211", "FWC212", "FWC213")
def tables_refer_to_options(ctx: CheckContext) -> None:
    """Feature values, benchmark results and hybrids name only defined options."""
    if not ctx.section_ok("options"):
        return
    document = ctx.document
    options = document.options
    for fid, feature in document.features.items():
        for oid in feature.values:
            if oid not in options:
                _undefined(ctx, "FWC203", ("features", fid, "values", oid), "option", oid, options)
        absent = [options[o].label for o in options if o not in feature.values]
        if absent and ctx.present(("features", fid, "values")):
            ctx.report(
                "FWC211",
                ("features", fid, "values"),
                f"feature {quote(fid)} has no value for {', '.join(absent)}; "
                "the table will show a blank",
            )
    for bid, benchmark in document.benchmarks.items():
        for oid in benchmark.results:
            if oid not in options:
                _undefined(
                    ctx, "FWC203", ("benchmarks", bid, "results", oid), "option", oid, options
                )
        known = [o for o in benchmark.results if o in options]
        if not known and ctx.present(("benchmarks", bid, "results")):
            ctx.report(
                "FWC212",
                ("benchmarks", bid, "results"),
                f"benchmark {quote(bid)} has no result for any option",
            )
    for hid, hybrid in document.hybrids.items():
        for i, oid in enumerate(hybrid.options):
            if oid not in options:
                _undefined(ctx, "FWC203", ("hybrids", hid, "options", i), "option", oid, options)
        if len({o for o in hybrid.options if o in options}) < 2 and hybrid.options:
            ctx.report(
                "FWC213",
                ("hybrids", hid, "options"),
                f"hybrid {quote(hid)} combines fewer than two distinct options",
            )
        elif not ctx.present(("hybrids", hid, "when")):
            ctx.report(
                "FWC213",
                ("hybrids", hid),
                f"hybrid {quote(hid)} has no `when`, so a close call never suggests it; "
                "add the answers that call for it (as a question's `when`)",
            )


@check("FWC202", "FWC206")
def effects_refer_to_criteria_and_features(ctx: CheckContext) -> None:
    """Answer effects name defined criteria; needs name defined features."""
    if not (ctx.section_ok("criteria") and ctx.section_ok("features")):
        return
    document = ctx.document
    for qid, question in document.questions.items():
        raw = _at(ctx.data, ("questions", qid))
        for ref in question.kind.references(raw if isinstance(raw, dict) else {}, question):
            path = ("questions", qid, *ref.path)
            if ref.what == "criterion" and ref.id not in document.criteria:
                _undefined(ctx, "FWC202", path, "criterion", ref.id, document.criteria)
            elif ref.what == "feature" and ref.id not in document.features:
                _undefined(ctx, "FWC206", path, "feature", ref.id, document.features)


@check("FWC214", "FWC215")
def evidence_ratings_are_usable(ctx: CheckContext) -> None:
    """Evidence ratings sit on a criterion's notes, differ from the source's, and agree."""
    document = ctx.document
    for cid, criterion in document.criteria.items():
        given: dict[str, tuple[int, int]] = {}  # option -> (rating, note index)
        for i, note in enumerate(criterion.notes):
            base = ("criteria", cid, "notes", i)
            if ctx.present((*base, "suggested_ratings")):
                ctx.report(
                    "FWC214",
                    (*base, "suggested_ratings"),
                    "`suggested_ratings` is now `evidence_ratings`; rename the key",
                )
            key = (
                "evidence_ratings"
                if ctx.present((*base, "evidence_ratings"))
                else "suggested_ratings"
            )
            for oid, rating in note.evidence_ratings.items():
                if oid not in criterion.ratings:
                    continue
                path = (*base, key, oid)
                label = document.options[oid].label if oid in document.options else oid
                if rating == criterion.ratings[oid]:
                    ctx.report(
                        "FWC214",
                        path,
                        f"the evidence rating of {label} is the source's own ({rating}); "
                        "leave it out",
                        at="value",
                    )
                elif oid in given and given[oid][0] != rating:
                    earlier, first = given[oid]
                    ctx.report(
                        "FWC215",
                        path,
                        f"notes {first + 1} and {i + 1} give {label} different evidence ratings "
                        f"({earlier} and {rating}); keep one",
                        at="value",
                    )
                given.setdefault(oid, (rating, i))
    for section in ("options", "features", "benchmarks"):
        for item_id, item in getattr(document, section).items():
            for i, note in enumerate(item.notes):
                if note.evidence_ratings:
                    key = (
                        "evidence_ratings"
                        if ctx.present((section, item_id, "notes", i, "evidence_ratings"))
                        else "suggested_ratings"
                    )
                    ctx.report(
                        "FWC214",
                        (section, item_id, "notes", i, key),
                        "only a criterion's ratings are scored; evidence ratings belong on a "
                        "criterion's note",
                    )


def _at(data: Any, path: DataPath) -> Any:
    for step in path:
        if not isinstance(data, dict) or step not in data:
            return None
        data = data[step]
    return data


@check("FWC207", lint_only=True)
def labels_are_distinct(ctx: CheckContext) -> None:
    """Options, criteria, features and questions each have labels a reader can tell apart."""
    document = ctx.document
    groups: list[tuple[str, dict[str, str]]] = [
        ("options", {k: v.label for k, v in document.options.items()}),
        ("criteria", {k: v.label for k, v in document.criteria.items()}),
        ("features", {k: v.label for k, v in document.features.items()}),
        ("questions", {k: v.text for k, v in document.questions.items()}),
    ]
    for section, labels in groups:
        seen: dict[str, str] = {}
        field = "text" if section == "questions" else "label"
        for key, label in labels.items():
            folded = normalize_label(label)
            if folded in seen:
                ctx.report(
                    "FWC207",
                    (section, key, field),
                    f"label {quote(label)} reads the same as the label of "
                    f"{section} entry {quote(seen[folded])}",
                )
            else:
                seen[folded] = key


@check("FWC208", "FWC210")
def criteria_can_matter(ctx: CheckContext) -> None:
    """A criterion rated alike for all options cannot change a verdict; some weight must exist."""
    document = ctx.document
    if len(document.options) >= 2:
        for cid, criterion in document.criteria.items():
            values = {criterion.ratings.get(o) for o in document.options}
            if len(values) == 1 and None not in values:
                ctx.report(
                    "FWC208",
                    ("criteria", cid, "ratings"),
                    f"every option is rated {values.pop()} on {quote(criterion.label)}; "
                    "its weight can never change a recommendation",
                )
    if document.criteria and not any(c.weight for c in document.criteria.values()):
        ctx.report(
            "FWC210",
            ("criteria",),
            "every criterion has weight 0; give at least one a default weight",
        )


@check("FWC209", lint_only=True)
def text_is_printable(ctx: CheckContext) -> None:
    """Text holds no control characters (escape sequences, bidi overrides...)."""
    if not has_unsafe_characters(ctx.source_text) and "\\" not in ctx.source_text:
        return  # a control character needs either the raw character or an escape
    for path, text in _strings(ctx.data, ()):
        if has_unsafe_characters(text):
            ctx.report(
                "FWC209",
                path,
                f"text {quote(text)} holds control characters; they are shown escaped",
            )


def _strings(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and has_unsafe_characters(key):
                yield (*path, key), key
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))
