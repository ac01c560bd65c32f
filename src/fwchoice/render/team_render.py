"""A team decision on the terminal and as a MADR record."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from fwchoice.criteria.model import Document
from fwchoice.decide.report import AgendaItem, Person, TeamReport
from fwchoice.render.advice_markdown import RecordMeta, advice_markdown
from fwchoice.render.advice_view import details, summary
from fwchoice.render.comparison_markdown import table
from fwchoice.render.markdown_text import md, md_cell
from fwchoice.render.terminal import FileLine, TerminalStyle, data, hanging, tabular


def team_renderables(
    team: TeamReport, console: Console, style: TerminalStyle
) -> list[RenderableType]:
    """The team's combined verdict first, then each person's, the agenda, the details."""
    combined = team.combined
    parts: list[RenderableType] = [
        Text("The team's answers combined (weights averaged)", style="bold underline")
    ]
    parts += summary(combined, console, style)
    parts.append(Text("\nEach person's verdict", style="bold underline"))
    parts.append(_people(team, console, style))
    parts.append(Text("\nAgenda: where the team disagrees", style="bold underline"))
    if not team.agenda:
        parts.append(Text("Everyone gave the same answers."))
    for i, item in enumerate(team.agenda, start=1):
        body = Text()
        body.append_text(data(item.text, "bold"))
        body.append(f"  ({_agenda_effect(team, item)})", style="dim")
        for answer in item.answers:
            body.append("\n")
            body.append_text(data(f"{answer.member}: {answer.display}"))
        parts.append(hanging(f"{i}.", body))
    parts += details(combined, console, style)
    parts += [Text(""), FileLine("Criteria: ", str(team.criteria_file["described_as"]))]
    return parts


def _agenda_effect(team: TeamReport, item: AgendaItem) -> str:
    """'moves the combined margin by up to 12.1 points; can change the winner'."""
    parts = [_moves(item)]
    if item.can_change_winner:
        parts.append("can change the winner")
    if item.decides_exclusion:
        labels = {s.option: s.label for s in team.combined.scores}
        excluded = " and ".join(labels[o] for o in item.decides_exclusion)
        parts.append(f"decides whether {excluded} is excluded")
    return "; ".join(parts)


def _people(team: TeamReport, console: Console, style: TerminalStyle) -> RenderableType:
    """Each person's verdict: a table where it tabular, else a line each (numbers whole)."""
    labels = {s.option: s.label for s in team.combined.scores}
    grid = Table(box=style.box, show_edge=False, pad_edge=False, header_style="bold")
    grid.add_column("Person", overflow="fold")
    grid.add_column("Comes first", overflow="fold")
    grid.add_column("Margin", justify="right", no_wrap=True)
    for label in labels.values():
        grid.add_column(data(label), justify="right", no_wrap=True)
    for person in team.members:
        grid.add_row(
            data(person.name),
            data(_first(person)),
            _margin(person),
            *(f"{person.scores[o]:.1f}" for o in labels),
        )
    if tabular(console, style, grid):
        return grid
    lines = [
        hanging(
            style.glyphs.bullet,
            data(
                f"{person.name}: "
                + (
                    f"{person.winner_label} first by {_margin(person)}; "
                    if person.winner_label is not None
                    else f"{_first(person)}; "
                )
                + ", ".join(f"{labels[o]} {person.scores[o]:.1f}" for o in labels)
            ),
        )
        for person in team.members
    ]
    return Group(*lines)


def team_markdown(team: TeamReport, document: Document, meta: RecordMeta) -> str:
    record = advice_markdown(team.combined, document, meta)
    labels = {s.option: s.label for s in team.combined.scores}
    lines = ["## Team", "", "Each person's answers, scored on their own:", ""]
    lines += table(
        ["Person", "Comes first", "Margin", *(md_cell(labels[o]) for o in labels)],
        [
            [
                md_cell(p.name),
                md_cell(_first(p)),
                _margin(p),
                *(f"{p.scores[o]:.1f}" for o in labels),
            ]
            for p in team.members
        ],
    )
    lines += [
        "",
        "The decision above combines them: each criterion's weight is the average of everyone's.",
        "",
        "### Agenda: where the team disagrees",
        "",
    ]
    if not team.agenda:
        lines.append("Everyone gave the same answers.")
    for i, item in enumerate(team.agenda, start=1):
        who = "; ".join(f"{md(a.member)}: {md(a.display)}" for a in item.answers)
        change = " It can change the winner." if item.can_change_winner else ""
        labels = {s.option: s.label for s in team.combined.scores}
        if item.decides_exclusion:
            excluded = " and ".join(labels[o] for o in item.decides_exclusion)
            change += f" It decides whether {md(excluded)} is excluded."
        lines.append(f"{i}. **{md(item.text)}** ({who}). {_moves(item).capitalize()}.{change}")
    lines.append("")
    # The team section goes before "More Information", with the rest of the record.
    # (A heading of its own line: the same words inside an escaped label do not count.)
    marker = "\n## More Information\n"
    head, _, tail = record.partition(marker)
    return head + "\n" + "\n".join(lines) + marker + tail


def _first(person: Person) -> str:
    """Who comes first for a person; with no option eligible, that."""
    return person.winner_label if person.winner_label is not None else "none eligible"


def _margin(person: Person) -> str:
    return f"{person.margin:.1f}" if person.margin is not None else "-"


def _moves(item: AgendaItem) -> str:
    """'moves the combined margin by up to 12.1 points', or why there is no margin."""
    if item.swing is None:
        return "leaves no two eligible options to compare"
    return f"moves the combined margin by up to {item.swing:.1f} points"
