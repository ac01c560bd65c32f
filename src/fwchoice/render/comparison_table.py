"""The comparison as terminal tables (rich), from ``comparison_data``.

Each section is a table when it fits the terminal's width and a stacked list
when it does not, so a 40-column terminal still shows every number whole.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from fwchoice.render.formatting import (
    SECTION_TITLES,
    NoteNumbers,
    figure,
    leader_text,
    note_status,
    option_labels,
    ratio_text,
    source_title,
    stars,
)
from fwchoice.render.terminal import (
    FileLine,
    TerminalStyle,
    Unwrapped,
    data,
    size_columns,
    tabular,
)


def comparison_renderables(
    comparison: dict[str, Any], console: Console, style: TerminalStyle
) -> list[RenderableType]:
    view = _View(comparison, console, style)
    parts: list[RenderableType] = [view.title()]
    for section in comparison["sections"]:
        parts.extend(view.section(section))
    parts.append(view.footer())
    return parts


class _View:
    def __init__(self, comparison: dict[str, Any], console: Console, style: TerminalStyle) -> None:
        self.c = comparison
        self.console = console
        self.style = style
        self.glyphs = style.glyphs
        self.labels = option_labels(comparison)
        self.notes = NoteNumbers()

    # --- frame ---------------------------------------------------------------
    def title(self) -> RenderableType:
        title = data(self.c["title"], "bold")
        source = self.c.get("source")
        if source:
            line = Text("Source: ", style="dim")
            line.append_text(data(source["title"], "dim"))
            extra = ", ".join(x for x in (source["author"], source["published"]) if x)
            if extra:
                line.append_text(data(f" ({extra})", "dim"))
            return Group(title, line)
        return title

    def footer(self) -> RenderableType:
        file = self.c.get("criteria_file") or {}
        return FileLine("Criteria: ", file.get("described_as", ""))

    def section(self, name: str) -> list[RenderableType]:
        first_note = len(self.notes.notes)
        heading = Text(f"\n{SECTION_TITLES[name]}", style="bold underline")
        body = {
            "matrix": self.matrix,
            "features": self.features,
            "benchmarks": self.benchmarks,
            "use-cases": self.use_cases,
        }[name]()
        return [heading, *body, *self.note_list(first_note)]

    def table(self, *headers: str) -> Table:
        table = Table(
            box=self.style.box,
            show_edge=False,
            pad_edge=False,
            header_style="bold",
            expand=False,
        )
        for header in headers:
            table.add_column(data(header), overflow="fold")
        return table

    def add_row(
        self,
        table: Table,
        stacked: list[Callable[[], RenderableType]],
        row: dict[str, Any],
        cells: list[Text],
    ) -> None:
        """A row of label, one cell per option and notes; and its stacked twin, if needed."""
        marks = self.note_marks(row["label"], row["notes"])
        table.add_row(data(row["label"], "bold"), *cells, marks)
        options = list(self.labels)
        stacked.append(
            partial(self._stacked_row, row["label"], row["description"], options, cells, "", marks)
        )

    def keep_whole(self, table: Table, *columns: int) -> None:
        """Columns whose cells must never wrap (stars, figures): they decide what fits."""
        for index in columns:
            table.columns[index].no_wrap = True

    def choose(self, table: Table, stacked: list[Callable[[], RenderableType]]) -> RenderableType:
        """The table if it fits, else the stacked rows (built only then)."""
        if not tabular(self.console, self.style, table):
            return Group(*(make() for make in stacked))
        size_columns(self.console, table)
        return table

    def note_marks(self, subject: str, notes: list[dict[str, Any]]) -> Text:
        numbers = self.notes.add(subject, notes)
        marks = Text()
        for number, note in zip(numbers, notes, strict=True):
            if marks:
                marks.append(" ")
            marks.append(f"[{number}] {note['status']}", style=_note_style(note["status"]))
        return marks

    def note_list(self, start: int) -> list[RenderableType]:
        """The notes as few renderables as possible: text runs, and each URL on its own."""
        notes = list(self.notes.since(start))
        if not notes:
            return []
        parts: list[RenderableType] = []
        run = Text("\nNotes", style="bold")

        def new_line() -> None:
            if run.plain:
                run.append("\n")

        for numbered in notes:
            note = numbered.note
            new_line()
            run.append(f"[{numbered.number}] ", style="bold")
            run.append_text(data(numbered.subject, "bold"))
            run.append(f" ({note_status(note)}): ", style=_note_style(note["status"]))
            run.append_text(data(note["text"]))
            if note.get("evidence_ratings"):
                suggested = ", ".join(
                    f"{self.labels.get(o, o)} {r}" for o, r in note["evidence_ratings"].items()
                )
                run.append_text(data(f" Evidence rating: {suggested}."))
            for source in note["sources"]:
                new_line()
                run.append_text(data(f"    {source_title(source)}", "dim"))
                parts.append(run)
                # A URL is never wrapped or cut: the terminal wraps it and keeps it clickable.
                parts.append(Unwrapped(data(f"    {source['url']}", "dim")))
                run = Text()
        if run.plain:
            parts.append(run)
        return parts

    # --- sections -------------------------------------------------------------
    def matrix(self) -> list[RenderableType]:
        maximum = self.c["rating_scale"]["max"]
        options = list(self.labels)
        table = self.table("Criterion", *self.labels.values(), "Leader", "Notes")
        self.keep_whole(table, *range(1, len(options) + 1))
        stacked: list[Callable[[], RenderableType]] = []
        # One Text for the whole list: each separate renderable has a fixed cost.
        measures = Text("\nWhat each criterion measures", style="bold")
        for row in self.c["matrix"]:
            label = data(row["label"], "bold")
            measures.append("\n")
            measures.append_text(data(row["label"], "bold"))
            measures.append(": ")
            measures.append_text(data(row["description"]))
            cells = []
            for o in options:
                cell = Text(
                    stars(row["ratings"][o], maximum, self.glyphs),
                    style="bold green" if o in row["leaders"] else "",
                    no_wrap=True,
                )
                # The evidence's rating beside the published one: what advise scores.
                if o in row["evidence_ratings"]:
                    cell.append(f" {self.glyphs.arrow} {row['evidence_ratings'][o]}", style="bold")
                cells.append(cell)
            leader = data(leader_text(row["leaders"], self.labels))
            marks = self.note_marks(row["label"], row["notes"])
            table.add_row(label, *cells, leader, marks)
            stacked.append(
                partial(
                    self._stacked_row,
                    row["label"],
                    row["description"],
                    options,
                    cells,
                    f"Leader: {leader.plain}",
                    marks,
                )
            )
        what = "Ratings are" if self.style.accessible else "Ratings are stars"
        caption = Text(f"{what} from 0 to {maximum}; the leader of each row is named.", style="dim")
        if any(r["evidence_ratings"] for r in self.c["matrix"]):
            caption = Text(
                f"{what} from 0 to {maximum}, as published; the leader of each row is named. "
                f"{self.glyphs.arrow} N: the rating the evidence supports (see the note), "
                "which advise scores by default.",
                style="dim",
            )
        added = [r["label"] for r in self.c["matrix"] if not r["in_source"]]
        if added:
            caption.append(
                f" Not in the source, added from research: {', '.join(added)}.", style="dim"
            )
        if tabular(self.console, self.style, table):
            # One line per criterion in the table; what each measures below it.
            size_columns(self.console, table)
            return [caption, table, measures]
        return [caption, Group(*(make() for make in stacked))]

    def features(self) -> list[RenderableType]:
        options = list(self.labels)
        table = self.table("Feature", *self.labels.values(), "Notes")
        stacked: list[Callable[[], RenderableType]] = []
        for row in self.c["features"]:
            cells = []
            for o in options:
                value = row["values"][o]
                if not value:
                    cells.append(Text(self.glyphs.dash))
                    continue
                cell = data(value["text"])
                if value["published"]:  # the source's cell, kept beside the correction
                    cell.append("\n")
                    cell.append_text(data(f"published: {value['published']}", "dim"))
                cells.append(cell)
            self.add_row(table, stacked, row, cells)
        return [self.choose(table, stacked)]

    def benchmarks(self) -> list[RenderableType]:
        options = list(self.labels)
        table = self.table("Benchmark", *self.labels.values(), "Notes")
        stacked: list[Callable[[], RenderableType]] = []
        for row in self.c["benchmarks"]:
            cells = []
            for o in options:
                result = row["results"][o]
                if result is None:
                    cells.append(Text(self.glyphs.dash))
                    continue
                cell = Text()
                cell.append(
                    f"{figure(result['value'], row['approximate'])} ",
                    style="bold green" if result["best"] else "",
                )
                cell.append_text(data(row["unit"], "bold green" if result["best"] else ""))
                cell.append(
                    f"\n{ratio_text(result, row['higher_is_better'], self.glyphs)}", style="dim"
                )
                if result["setup"]:
                    cell.append("\n")
                    cell.append_text(data(result["setup"], "dim"))
                cells.append(cell)
            self.add_row(table, stacked, row, cells)
        return [self.choose(table, stacked)]

    def use_cases(self) -> list[RenderableType]:
        by_option = {u["option"]: u for u in self.c["use_cases"]}
        options = list(self.labels)
        rows = [
            ("Ideal for", "ideal_for"),
            ("Examples", "examples"),
            ("Choose it when", "choose_when"),
        ]
        table = self.table("", *self.labels.values())
        for title, key in rows:
            bullets = [self._bullets(by_option[o][key]) for o in options]
            table.add_row(Text(title, style="bold"), *bullets, end_section=True)

        def stacked() -> RenderableType:
            lines: list[RenderableType] = []
            for o in options:
                lines.append(data(self.labels[o], "bold underline"))
                for title, key in rows:
                    lines.append(Text(title, style="bold"))
                    lines.append(Padding(self._bullets(by_option[o][key]), (0, 0, 0, 2)))
            return Group(*lines)

        for o in options:
            self.note_marks(self.labels[o], by_option[o]["notes"])
        parts: list[RenderableType] = [self.choose(table, [stacked])]
        if self.c.get("hybrids"):
            parts.append(Text("\nCombining them", style="bold"))
            parts.append(
                self._bullets(
                    [{"label": h["label"], "detail": h["summary"]} for h in self.c["hybrids"]]
                )
            )
        for scope, title in (("beside", "Beside them"), ("outside", "Beyond their scope")):
            listed = [a for a in self.c.get("alternatives", []) if a["scope"] == scope]
            if not listed:
                continue
            parts.append(Text(f"\n{title}", style="bold"))
            parts.append(
                self._bullets([{"label": a["label"], "detail": a["summary"]} for a in listed])
            )
            for a in listed:
                self.note_marks(a["label"], a["notes"])
        return parts

    # --- helpers ----------------------------------------------------------------
    def _bullets(self, items: list[Any]) -> Text:
        """A bulleted list as one Text (cheap to lay out; continuation lines are indented)."""
        text = Text()
        for item in items:
            if text:
                text.append("\n")
            text.append(f"{self.glyphs.bullet} ")
            if isinstance(item, dict):
                text.append_text(data(item["label"], "bold"))
                if item["detail"]:
                    text.append(": ")
                    text.append_text(data(item["detail"]))
            else:
                text.append_text(data(item))
        return text

    def _stacked_row(
        self,
        label: str,
        description: str,
        options: list[str],
        cells: list[Text],
        extra: str,
        marks: Text,
    ) -> RenderableType:
        """One row as a small definition list, for terminals too narrow for the table."""
        if self.console.width < 40:
            return self._narrow_row(label, description, options, cells, extra, marks)
        details = Table.grid(padding=(0, 1, 0, 0))
        details.add_column(no_wrap=True)
        details.add_column(overflow="fold")
        for option, cell in zip(options, cells, strict=True):
            details.add_row(data(f"{self.labels[option]}:"), Text(cell.plain.replace("\n", "; ")))
        if extra:
            name, _, value = extra.partition(": ")
            details.add_row(Text(f"{name}:", style="dim"), data(value, "dim"))
        if marks:
            details.add_row(Text("Notes:", style="dim"), marks)
        lines: list[RenderableType] = [data(label, "bold")]
        if description:
            lines.append(Padding(data(description, "dim"), (0, 0, 0, 2)))
        lines.append(Padding(details, (0, 0, 0, 2)))
        return Group(*lines)

    def _narrow_row(
        self,
        label: str,
        description: str,
        options: list[str],
        cells: list[Text],
        extra: str,
        marks: Text,
    ) -> RenderableType:
        """Each value on its own indented line: numbers stay whole down to ~12 columns."""
        lines: list[RenderableType] = [data(label, "bold")]
        if description:
            lines.append(Padding(data(description, "dim"), (0, 0, 0, 1)))
        for option, cell in zip(options, cells, strict=True):
            lines.append(Padding(data(f"{self.labels[option]}:"), (0, 0, 0, 1)))
            lines.append(Padding(Text(cell.plain.replace("\n", "; ")), (0, 0, 0, 2)))
        if extra:
            lines.append(Padding(data(extra, "dim"), (0, 0, 0, 1)))
        if marks:
            lines.append(Padding(Text("Notes: ").append_text(marks), (0, 0, 0, 1)))
        return Group(*lines)


def _note_style(status: str) -> str:
    return {"dated": "yellow", "disputed": "magenta", "unsourced": "red"}.get(status, "cyan")
