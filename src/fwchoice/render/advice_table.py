"""A recommendation on the terminal (rich), from ``advice_data``."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from fwchoice.render.formatting import change_sentence, stars
from fwchoice.render.formatting import number_text as _n
from fwchoice.render.terminal import TerminalStyle, data, fits, hanging

BAR_WIDTH = 24
_KIND_TITLE = {"clear": "Recommendation", "hybrid": "Too close to call", "tie": "A tie"}


def advice_renderables(
    advice: dict[str, Any], console: Console, style: TerminalStyle, *, footer: bool = True
) -> list[RenderableType]:
    glyphs = style.glyphs
    verdict = advice["verdict"]
    parts: list[RenderableType] = [_headline(advice, style), Text("")]
    parts += _scores(advice, style)
    parts += _replay(advice, style)
    parts += _uncertainty(advice, style)
    if verdict["kind"] != "clear" and verdict["hybrids"]:
        parts += _hybrids(verdict, style)
    if advice["reasons"]:
        parts.append(_heading("Why"))
        for i, reason in enumerate(advice["reasons"], start=1):
            body = Text()
            body.append_text(data(reason["label"], "bold"))
            body.append(f" (weight {_n(reason['weight'])}): ")
            body.append_text(data(verdict["winner_label"]))
            body.append(f" {stars(reason['winner_rating'], 5, glyphs)}, ")
            body.append_text(data(verdict["runner_up_label"]))
            body.append(f" {stars(reason['runner_up_rating'], 5, glyphs)}")
            body.append(f"  +{reason['points']:.1f} points", style="green")
            if reason["raised_by"]:
                raised = "; ".join(
                    f"{r['question']}: {r['choice_label']} (+{_n(r['delta'])})"
                    for r in reason["raised_by"]
                )
                body.append("\n")
                body.append_text(data(f"weighed up by: {raised}", "dim"))
            parts.append(hanging(f"{i}.", body))
    parts.append(_heading("Weighted matrix"))
    parts.append(_matrix(advice, console, style))
    if advice["caveats"]:
        parts.append(_heading("Caveats"))
        for caveat in advice["caveats"]:
            body = Text()
            body.append_text(data(caveat["label"], "bold"))
            body.append_text(
                data(f" is not built into {verdict['winner_label']} ({caveat['value']})")
            )
            if caveat["fill"]:
                body.append_text(data(f"; teams usually use {caveat['fill']}"))
            body.append(".")
            parts.append(hanging(glyphs.bullet, body))
    parts.append(_heading("What would change it"))
    if advice["what_would_change_it"]:
        for change in advice["what_would_change_it"]:
            parts.append(hanging(glyphs.bullet, data(change_sentence(change))))
    else:
        parts.append(Text("No single criterion's weight can change the winner."))
    parts += _decisive(advice, style)
    if advice["answers"]:
        parts.append(_heading("Your answers"))
        answers = Table.grid(padding=(0, 2, 0, 0))
        answers.add_column(overflow="fold")
        answers.add_column(overflow="fold")
        answers.add_column(style="dim", no_wrap=True)
        for answer in advice["answers"]:
            answers.add_row(data(answer["text"]), data(answer["display"], "bold"), answer["how"])
        parts.append(answers)
    if footer:
        parts += [Text(""), data(f"Criteria: {advice['criteria_file']['described_as']}", "dim")]
    return parts


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def _headline(advice: dict[str, Any], style: TerminalStyle) -> RenderableType:
    verdict = advice["verdict"]
    line = Text()
    line.append(f"{_KIND_TITLE[verdict['kind']]}: ", style="bold")
    if verdict["kind"] == "clear":
        line.append_text(data(verdict["winner_label"], "bold green"))
    else:
        line.append_text(data(verdict["winner_label"], "bold yellow"))
        line.append(" or ", style="bold")
        line.append_text(data(verdict["runner_up_label"], "bold yellow"))
    detail = Text()
    if verdict["runner_up"] is not None:
        detail.append(f"Leads by {verdict['margin']:.1f} points of 100")
    confidence = verdict["confidence"]
    if confidence:
        detail.append(f"; confidence: {confidence['label']}")
        if confidence["explanation"]:
            detail.append(". ")
            detail.append_text(data(confidence["explanation"]))
    return Group(line, detail)


def _scores(advice: dict[str, Any], style: TerminalStyle) -> list[RenderableType]:
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, justify="right")
    full = "█" if style.glyphs.full == "★" else "#"
    empty = "░" if style.glyphs.full == "★" else "."
    for i, score in enumerate(advice["scores"]):
        filled = round(score["score"] / 100 * BAR_WIDTH)
        bar = Text(full * filled, style="green" if i == 0 else "blue")
        bar.append(empty * (BAR_WIDTH - filled), style="dim")
        grid.add_row(data(score["label"], "bold" if i == 0 else ""), bar, f"{score['score']:.1f}")
    return [grid]


def _replay(advice: dict[str, Any], style: TerminalStyle) -> list[RenderableType]:
    replay = advice.get("replay")
    if not replay:
        return []
    then, now = replay["then"], replay["now"]
    parts: list[RenderableType] = [_heading("Replay of saved answers")]
    if not replay["criteria_changed"]:
        parts.append(Text("The criteria file is unchanged since the answers were saved."))
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(style="bold")
    grid.add_column()
    margin = then["margin"]
    shown = f"{margin:.1f}" if isinstance(margin, (int, float)) else "?"
    grid.add_row("Then", data(f"{then['winner_label']} first, by {shown} points"))
    grid.add_row("Now", data(f"{now['winner_label']} first, by {now['margin']:.1f} points"))
    parts.append(grid)
    if replay["moved_by"]:
        parts.append(Text("Criteria changes that moved the margin:"))
        for item in replay["moved_by"]:
            body = Text()
            body.append_text(data(item["label"], "bold"))
            body.append_text(data(f": {', '.join(item['changes'])} "))
            body.append(f"({item['margin_change']:+.1f} points)", style="dim")
            parts.append(hanging(style.glyphs.bullet, body))
    return parts


def _uncertainty(advice: dict[str, Any], style: TerminalStyle) -> list[RenderableType]:
    insights = advice.get("insights") or {}
    parts: list[RenderableType] = []
    skipped = insights.get("skipped") or []
    if skipped:
        plural = "s" if len(skipped) != 1 else ""
        parts.append(
            Text(
                f"\nSkipped {len(skipped)} question{plural}: no answer to them could change "
                "the winner, so they were not asked.",
                style="dim",
            )
        )
    uncertainty = insights.get("uncertainty")
    if not uncertainty:
        return parts
    labels = {s["option"]: s["label"] for s in advice["scores"]}
    ranges = ", ".join(
        f"{labels[o]} {r['low']:.1f} to {r['high']:.1f}" for o, r in uncertainty["ranges"].items()
    )
    qualifier = "" if uncertainty["exact"] else "at most "
    line = Text("\n")
    line.append("Open answers: ", style="bold")
    line.append_text(
        data(
            f"{len(uncertainty['questions'])} not known yet; scores could range {qualifier}"
            f"{ranges} over the possible answers."
        )
    )
    parts.append(line)
    verdict = Text()
    if uncertainty["winner_can_change"]:
        others = [
            labels[o] for o in uncertainty["possible_winners"] if o != advice["verdict"]["winner"]
        ]
        maybe = "could" if uncertainty["exact"] else "might"
        verdict.append("The unknowns can change the winner: ", style="bold yellow")
        verdict.append_text(data(f"{' or '.join(others)} {maybe} come first."))
    else:
        verdict.append("Whatever they turn out to be, ", style="bold green")
        verdict.append_text(data(f"{advice['verdict']['winner_label']} stays first."))
    parts.append(verdict)
    settle = uncertainty.get("settle_first")
    if settle:
        first = Text()
        first.append("Find out first: ", style="bold")
        first.append_text(data(settle["text"]))
        first.append(f" (moves the margin by up to {settle['swing']:.1f} points)", style="dim")
        parts.append(first)
    return parts


def _decisive(advice: dict[str, Any], style: TerminalStyle) -> list[RenderableType]:
    insights = advice.get("insights")
    if not insights:
        return []
    parts: list[RenderableType] = [_heading("Answers that decide it")]
    if not insights["decisive"]:
        parts.append(Text("No single changed answer would change the winner: a robust decision."))
        return parts
    for item in insights["decisive"]:
        body = Text()
        body.append_text(data(item["text"], "bold"))
        body.append(" ")
        body.append_text(data(item["answer"]))
        for flip in item["flips_to"][:3]:
            body.append("\n")
            body.append_text(
                data(f"answering {flip['answer']} would put {flip['winner_label']} first", "dim")
            )
        more = len(item["flips_to"]) - 3
        if more > 0:
            body.append(f"\n(and {more} more answers)", style="dim")
        parts.append(hanging(style.glyphs.bullet, body))
    return parts


def _hybrids(verdict: dict[str, Any], style: TerminalStyle) -> list[RenderableType]:
    parts: list[RenderableType] = [_heading("Consider combining them")]
    for hybrid in verdict["hybrids"]:
        body = Text()
        body.append_text(data(hybrid["label"], "bold"))
        body.append(": ")
        body.append_text(data(hybrid["summary"]))
        parts.append(hanging(style.glyphs.bullet, body))
        for i, step in enumerate(hybrid["steps"], start=1):
            parts.append(Padding(hanging(f"{i}.", data(step)), (0, 0, 0, 2)))
    return parts


def _matrix(advice: dict[str, Any], console: Console, style: TerminalStyle) -> RenderableType:
    options = [s["option"] for s in advice["scores"]]
    labels = {s["option"]: s["label"] for s in advice["scores"]}
    table = Table(box=style.box, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Criterion", overflow="fold")
    table.add_column("Weight", justify="right", no_wrap=True)
    for option in options:
        table.add_column(data(labels[option]), justify="right", no_wrap=True)
    for row in advice["weights"]:
        weight = Text(_n(row["weight"]))
        if row["changes"]:
            weight.append(f" ({_n(row['base'])})", style="dim")
        times = style.glyphs.times
        cells = [
            f"{row['ratings'][o]} {times} {_n(row['weight'])} = {_n(row['contributions'][o])}"
            if row["ratings"][o] is not None
            else style.glyphs.dash
            for o in options
        ]
        table.add_row(data(row["label"]), weight, *cells)
    totals = [f"{_n(s['weighted_sum'])} / {_n(s['maximum'])}" for s in advice["scores"]]
    table.add_row(Text("Total", style="bold"), "", *totals, end_section=True)
    if fits(console, table):
        return Group(
            table,
            Text(
                "Cells: rating × weight = contribution; weight in brackets is the default.",
                style="dim",
            ),
        )
    lines: list[RenderableType] = []
    for row in advice["weights"]:
        contributions = ", ".join(f"{labels[o]} {_n(row['contributions'][o])}" for o in options)
        lines.append(data(f"{row['label']} (weight {_n(row['weight'])}): {contributions}"))
    return Group(*lines)
