"""Small text conventions shared by every renderer: stars, figures, ratios, notes."""

from collections.abc import Iterator
from typing import Any

from fwchoice.record import NamedTuple


class Glyphs(NamedTuple):
    """Characters for a terminal that may not encode Unicode (``LANG=C``)."""

    full: str
    empty: str
    times: str
    bullet: str
    dash: str
    check: str
    arrow: str
    """Between a published rating and the evidence's."""

    @classmethod
    def for_terminal(cls, unicode_ok: bool) -> "Glyphs":
        return UNICODE if unicode_ok else ASCII


UNICODE = Glyphs(full="★", empty="☆", times="×", bullet="•", dash="—", check="✓", arrow="→")
ASCII = Glyphs(full="*", empty=".", times="x", bullet="-", dash="-", check="+", arrow="->")
PLAIN = Glyphs(full="", empty="", times="x", bullet="-", dash="none", check="yes", arrow="evidence")
"""For screen readers: no star glyphs ("4 of 5"), nothing a reader spells out."""
GLYPH_PROBE = "★☆×•—✓→┃━"


def stars(rating: int | None, maximum: int, glyphs: Glyphs = UNICODE) -> str:
    """'★★★★☆ 4': the stars and the number beside them, so nothing relies on counting."""
    if rating is None:
        return glyphs.dash
    if not glyphs.full:
        return f"{rating} of {maximum}"
    return f"{glyphs.full * rating}{glyphs.empty * (maximum - rating)} {rating}"


def number_text(value: float) -> str:
    """A weight or score as people write it: 7, 7.5, 0.33 (never 7.0 or 1e+06)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def figure(value: float, approximate: bool = False) -> str:
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    return f"~{text}" if approximate else text


def ratio_text(result: dict[str, Any], higher_is_better: bool, glyphs: Glyphs = UNICODE) -> str:
    if result["best"]:
        return "best"
    ratio = result["ratio_to_best"]
    if ratio is None:
        return glyphs.dash
    direction = "lower" if higher_is_better else "higher"
    return f"{ratio:.1f}{glyphs.times} {direction}"


def option_labels(data: dict[str, Any]) -> dict[str, str]:
    return {o["id"]: o["label"] for o in data["options"]}


def leader_text(leaders: list[str], labels: dict[str, str]) -> str:
    if not leaders:
        return "tie"
    return " = ".join(labels[o] for o in leaders)


class NumberedNote(NamedTuple):
    number: int
    subject: str
    note: dict[str, Any]


class NoteNumbers:
    """Footnote numbers in the order notes appear, shared across sections."""

    def __init__(self) -> None:
        self.notes: list[NumberedNote] = []

    def add(self, subject: str, notes: list[dict[str, Any]]) -> list[int]:
        numbers = []
        for note in notes:
            number = len(self.notes) + 1
            self.notes.append(NumberedNote(number, subject, note))
            numbers.append(number)
        return numbers

    def since(self, start: int) -> Iterator[NumberedNote]:
        return iter(self.notes[start:])


SECTION_TITLES = {
    "matrix": "Decision matrix",
    "features": "Feature comparison",
    "benchmarks": "Benchmarks",
    "use-cases": "Use cases",
}


def change_sentence(change: dict[str, Any]) -> str:
    """'Option B would come first if Admin Interface weighed more than 7.5 (now 2).'"""
    comparison = "more than" if change["direction"] == "raise" else "less than"
    return (
        f"{change['challenger_label']} would come first if {change['label']} weighed "
        f"{comparison} {number_text(change['threshold'])} (now {number_text(change['current'])})."
    )


def source_title(source: dict[str, Any]) -> str:
    """'FastAPI docs, Testing (0.141.1, 2026-07-29)': a source with its own version and date."""
    when = ", ".join(source[key] for key in ("version", "date") if source.get(key))
    return f"{source['title']} ({when})" if when else source["title"]


def note_status(note: dict[str, Any]) -> str:
    """'disputed' or 'disputed, checked 2026-11-30': how fresh a note's evidence is."""
    checked = note.get("checked")
    return f"{note['status']}, checked {checked}" if checked else note["status"]
