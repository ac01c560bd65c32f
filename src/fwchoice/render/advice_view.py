"""A recommendation on the terminal (rich), verdict first, from the advice data.

The summary comes first and is short enough for one 80x24 screen: the verdict
and its confidence, each option's score, the reasons both ways, exclusions and
caveats, what would change it, and how sure it is. The details follow. Every
number stays whole at any width (bars shrink, then go); the accessible style
drops bars, box drawing and star glyphs and reads top to bottom.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from fwchoice.decide.report import AdviceReport
from fwchoice.render import advice_words as words
from fwchoice.render.formatting import number_text
from fwchoice.render.terminal import FileLine, TerminalStyle, Unwrapped, data, hanging, tabular

BAR_WIDTH = 24
CHANGES_SHOWN = 2
THRESHOLDS_SHOWN = 10


def advice_renderables(
    advice: AdviceReport, console: Console, style: TerminalStyle, *, footer: bool = True
) -> list[RenderableType]:
    parts = summary(advice, console, style)
    parts += details(advice, console, style)
    if footer:
        parts += criteria_footer(advice)
    return parts


def criteria_footer(advice: AdviceReport) -> list[RenderableType]:
    """The criteria file the advice came from, after a blank line."""
    return [Text(""), FileLine("Criteria: ", str(advice.criteria_file["described_as"]))]


# --- the summary ------------------------------------------------------------------


SUMMARY_LINES = 23
"""The summary fits one 80x24 screen with a line to spare for the shell prompt."""


def summary(
    advice: AdviceReport,
    console: Console,
    style: TerminalStyle,
    *,
    max_lines: int = SUMMARY_LINES,
) -> list[RenderableType]:
    """The verdict first, then why, what would change it and how sure. When it is
    taller than ``max_lines`` at this width, the least needed lines go to the details
    (they are all there): first the extra open-answer notes, then the second answer
    change, the confidence line, the third and second reasons, the caveats."""
    options = console.options.update(width=console.width)
    parts: list[RenderableType] = []
    for shed in range(len(_SHEDDING) + 1):
        parts = _summary(advice, console, style, set(_SHEDDING[:shed]))
        height = sum(len(console.render_lines(part, options, pad=False)) for part in parts)
        if height <= max_lines:
            break
    return parts


_SHEDDING = (
    "settle_first",
    "second_change",
    "standing",
    "third_reason",
    "caveats",
    "second_reason",
    "winner_can_change",
    "counter_reason",
)


def _summary(
    advice: AdviceReport, console: Console, style: TerminalStyle, shed: set[str]
) -> list[RenderableType]:
    verdict = advice.verdict
    colour = {"clear": "bold green", "only": "bold green"}.get(verdict.kind, "bold yellow")
    # A project neither option is meant for: say so first, before any score.
    beyond = words.beyond_lines(advice)
    parts: list[RenderableType] = [data(line, "bold yellow") for line in beyond[:1]]
    parts += [data(line) for line in beyond[1:]]
    parts.append(data(words.headline(advice), colour))
    if "standing" not in shed:
        standing = words.standing(advice)
        if len(standing) > console.width:
            standing = words.standing(advice, brief=True)
        parts.append(data(standing))
    parts.append(_scores(advice, console, style))
    replayed = words.replay_sentence(advice)
    if replayed:
        parts.append(data(replayed))
    parts += _bullets(style, None, words.exclusion_sentences(advice))
    reasons = words.reasons_summary(advice, for_winner=True)
    keep = 1 if "second_reason" in shed else 2 if "third_reason" in shed else len(reasons)
    if reasons:
        parts += _section(style, words.why_heading(advice, for_winner=True), reasons[:keep])
    if advice.counter_reasons and "counter_reason" not in shed:
        parts += _section(
            style,
            words.why_heading(advice, for_winner=False),
            words.reasons_summary(advice, for_winner=False),
        )
    if verdict.kind in ("close", "tie"):
        if verdict.hybrids:
            parts += _section(
                style,
                "The answers call for both",
                [words.hybrid_sentence(h) for h in verdict.hybrids],
            )
        else:
            parts.append(data(words.tie_breaker_sentence(advice), "bold"))
    if advice.caveats and "caveats" not in shed:
        parts += _section(style, "Caveats", [words.caveats_summary(advice)])
    beside = words.beside_sentences(advice)
    if beside:
        parts += _section(style, "Also consider", beside)
    changes = _answer_changes(advice)[: 1 if "second_change" in shed else CHANGES_SHOWN]
    flips = advice.what_would_change_it.answers
    listed = flips.changes if flips else ()
    more = len(words.grouped_change_sentences(listed)) - len(changes) if listed else 0
    heading = (
        f"What would change it ({more} more in the details)" if more > 0 else "What would change it"
    )
    if more + len(changes) > words.CHANGES_LISTED:
        heading = f"What would change it ({more} more; --format json lists every one)"
    parts += _section(style, heading, changes)
    how_sure = [s for s in (words.how_sure_sentence(advice),) if s]
    open_lines = words.uncertainty_sentences(advice)[1:3]
    if "winner_can_change" in shed:
        open_lines = []
    elif "settle_first" in shed:
        open_lines = open_lines[:1]
    how_sure += open_lines
    if how_sure:
        parts += _section(style, "How sure", how_sure)
    return parts


def _answer_changes(advice: AdviceReport) -> list[str]:
    answers = advice.what_would_change_it.answers
    if answers is None:
        return []
    if not answers.changes:
        return [words.no_change_sentence(advice)]
    return words.grouped_change_sentences(answers.changes)[:CHANGES_SHOWN]


def _bullets(style: TerminalStyle, heading: str | None, lines: list[str]) -> list[RenderableType]:
    if not lines:
        return []
    parts: list[RenderableType] = [Text(heading, style="bold")] if heading else []
    parts += [hanging(style.glyphs.bullet, data(line)) for line in lines]
    return parts


def _section(style: TerminalStyle, heading: str, lines: list[str]) -> list[RenderableType]:
    """A summary section: one sentence runs on after its heading (the screen is short);
    several are a list."""
    if len(lines) != 1:
        return _bullets(style, heading, lines)
    text = Text(f"{heading}: ", style="bold")
    text.append_text(data(lines[0]))
    return [text]


def _scores(advice: AdviceReport, console: Console, style: TerminalStyle) -> RenderableType:
    """Each option's score: label, number, bar. The bar shrinks with the width and goes
    below a few cells; the number is never cut."""
    scores = advice.scores
    if style.accessible:
        return Group(*(data(words.score_line(s)) for s in scores))
    label_width = max(len(s.label) for s in scores)
    bar_width = min(BAR_WIDTH, console.width - min(label_width, console.width // 2) - 8)
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(overflow="fold")
    grid.add_column(no_wrap=True, justify="right")
    if bar_width >= 4:
        grid.add_column(no_wrap=True)
    full = "█" if style.glyphs.full == "★" else "#"
    empty = "░" if style.glyphs.full == "★" else "."
    for i, score in enumerate(scores):
        number = f"{score.score:.1f}"
        label = data(score.label + (" (excluded)" if score.excluded else ""))
        label.stylize("bold" if i == 0 else "")
        cells: list[RenderableType] = [label, number]
        if bar_width >= 4:
            filled = round(score.score / 100 * bar_width)
            bar = Text(full * filled, style="green" if i == 0 else "blue")
            bar.append(empty * (bar_width - filled), style="dim")
            cells.append(bar)
        grid.add_row(*cells)
    return grid


# --- the details ------------------------------------------------------------------


def details(advice: AdviceReport, console: Console, style: TerminalStyle) -> list[RenderableType]:
    parts: list[RenderableType] = [_heading("Details")]
    parts += _replay(advice, style)
    parts.append(Text("Weights", style="bold"))
    parts.append(data(advice.method.weight_scale, "dim"))
    parts.append(_matrix(advice, console, style))
    if advice.caveats:
        parts += _bullets(
            style,
            "Caveats",
            [words.caveat_sentence(advice, c, more) for c, more in words.caveat_groups(advice)],
        )
    parts += _alternatives(advice, style)
    # Every reason in full: the summary may have left some out to fit its screen.
    reasons = [words.reason_sentence(advice, r, for_winner=True, full=True) for r in advice.reasons]
    parts += _bullets(style, words.why_heading(advice, for_winner=True), reasons)
    counter = [
        words.reason_sentence(advice, r, for_winner=False, full=True)
        for r in advice.counter_reasons
    ]
    parts += _bullets(style, words.why_heading(advice, for_winner=False), counter)
    changed = [row for row in advice.weights if row.changes]
    parts += _bullets(style, "How the weights were reached", [words.weighed_by(r) for r in changed])
    parts += _thresholds(advice, style)
    answers = advice.what_would_change_it.answers
    if answers and len(words.grouped_change_sentences(answers.changes)) > CHANGES_SHOWN:
        parts += _bullets(
            style,
            "Every answer change that flips it",
            words.listed_change_sentences(answers.changes),
        )
    open_lines = words.uncertainty_sentences(advice)
    skipped = words.skipped_sentence(advice)
    if open_lines or skipped:
        parts += _bullets(style, "Open answers", [*open_lines, *([skipped] if skipped else [])])
    sure = [words.robustness_sentence(advice, seed=True), words.evidence_sentence(advice)]
    parts += _bullets(style, "How sure, in full", [line for line in sure if line])
    parts += _disputed(advice, style)
    if advice.answers:
        parts.append(Text("Your answers", style="bold"))
        parts.append(_answers(advice, console, style))
    return parts


def _alternatives(advice: AdviceReport, style: TerminalStyle) -> list[RenderableType]:
    """Each approach beyond the options in full: why it fits, what it costs, and the
    answers that called for it."""
    parts: list[RenderableType] = []
    for alternative in advice.alternatives:
        heading = f"{'Instead' if alternative.scope == 'outside' else 'Also consider'}: "
        parts.append(data(heading + alternative.label, "bold"))
        lines = [alternative.summary]
        lines += [f"Why: {reason}" for reason in alternative.reasons]
        lines += [f"Trade-off: {cost}" for cost in alternative.trade_offs]
        lines += [s for s in (words.because_sentence(alternative),) if s]
        parts += [hanging(style.glyphs.bullet, data(line)) for line in lines]
        if alternative.url:
            parts.append(Unwrapped(data(f"  {alternative.url}", "dim")))
    return parts


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def _thresholds(advice: AdviceReport, style: TerminalStyle) -> list[RenderableType]:
    thresholds = advice.what_would_change_it.weights
    if not thresholds:
        return [
            Text("Weight thresholds", style="bold"),
            Text("No single weight, moved alone, puts another option first."),
        ]
    lines = [words.threshold_sentence(t) for t in thresholds[:THRESHOLDS_SHOWN]]
    more = len(thresholds) - THRESHOLDS_SHOWN
    if more > 0:
        lines.append(f"{more} more thresholds in --format json.")
    return _bullets(style, "Weight thresholds (each weight moved alone)", lines)


def _disputed(advice: AdviceReport, style: TerminalStyle) -> list[RenderableType]:
    evidence = advice.evidence
    if not evidence.disputed:
        return []
    scored = "the source's" if evidence.ratings == "source" else "the evidence's"
    lines = [
        f"{d.label}, {d.option_label}: {d.source} in the source, {d.evidence} in "
        f"the evidence. {d.note}"
        for d in evidence.disputed
    ]
    return _bullets(style, f"Disputed ratings (scored with {scored})", lines)


def _matrix(advice: AdviceReport, console: Console, style: TerminalStyle) -> RenderableType:
    options = [s.option for s in advice.scores]
    labels = {s.option: s.label for s in advice.scores}
    times = style.glyphs.times
    if not style.accessible:
        table = Table(box=style.box, show_edge=False, pad_edge=False, header_style="bold")
        table.add_column("Criterion", overflow="fold")
        table.add_column("Weight", justify="right", no_wrap=True)
        for option in options:
            table.add_column(data(labels[option]), justify="right", no_wrap=True)
        for row in advice.weights:
            weight = Text(number_text(row.weight))
            if row.changes:
                weight.append(f" ({number_text(row.base)})", style="dim")
            cells = [
                f"{row.ratings[o]} {times} {number_text(row.weight)} = "
                f"{number_text(row.contributions[o])}"
                if row.ratings[o] is not None
                else style.glyphs.dash
                for o in options
            ]
            table.add_row(data(row.label), weight, *cells)
        totals = [
            f"{number_text(s.weighted_sum)} / {number_text(s.maximum)}" for s in advice.scores
        ]
        table.add_row(Text("Total", style="bold"), "", *totals, end_section=True)
        if tabular(console, style, table):
            return Group(
                table,
                Text(
                    "Cells: rating × weight = contribution"
                    + (
                        "; the default weight is in brackets where answers changed it."
                        if any(row.changes for row in advice.weights)
                        else "."
                    ),
                    style="dim",
                ),
            )
    return _matrix_lines(advice, style)


def _matrix_lines(advice: AdviceReport, style: TerminalStyle) -> RenderableType:
    """The weighted matrix as lines: for a narrow terminal, or a screen reader (which
    reads rows, not grids)."""
    options = [s.option for s in advice.scores]
    labels = {s.option: s.label for s in advice.scores}
    times = style.glyphs.times
    most = advice.method.rating_max
    lines: list[RenderableType] = []
    for row in advice.weights:
        shown = number_text(row.weight)
        listed: list[str] = []
        for o in options:
            rating, points = row.ratings[o], number_text(row.contributions[o])
            if rating is None:
                listed.append(f"{labels[o]} not rated")
            elif style.accessible:
                listed.append(f"{labels[o]} rated {rating} of {most}, counts {points}")
            else:
                listed.append(f"{labels[o]} {rating} {times} {shown} = {points}")
        lines.append(data(f"{row.label} (weight {shown}): {'; '.join(listed)}."))
    totals = "; ".join(
        f"{labels[s.option]} {number_text(s.weighted_sum)} of {number_text(s.maximum)}"
        for s in advice.scores
    )
    lines.append(data(f"Total: {totals}."))
    return Group(*lines)


def _answers(advice: AdviceReport, console: Console, style: TerminalStyle) -> RenderableType:
    if style.accessible or console.width < 60:
        return Group(
            *(
                hanging(style.glyphs.bullet, data(f"{a.text} {a.display} ({a.how})"))
                for a in advice.answers
            )
        )
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(overflow="fold", ratio=3)
    grid.add_column(overflow="fold", ratio=2)
    grid.add_column(style="dim", no_wrap=True)
    for answer in advice.answers:
        grid.add_row(data(answer.text), data(answer.display, "bold"), answer.how)
    return grid


def _replay(advice: AdviceReport, style: TerminalStyle) -> list[RenderableType]:
    replay = advice.replay
    if not replay:
        return []
    then, now = replay.then, replay.now
    parts: list[RenderableType] = [Text("Replay of saved answers", style="bold")]
    if not replay.criteria_changed:
        parts.append(Text("The criteria file is unchanged since the answers were saved."))
    margin = then.margin
    shown = f"{margin:.1f}" if isinstance(margin, (int, float)) else "?"
    parts.append(hanging("Then", data(f"{then.winner_label} first, by {shown} points")))
    parts.append(hanging("Now ", data(f"{now.winner_label} first, by {now.margin:.1f} points")))
    if replay.moved_by:
        parts += _bullets(
            style,
            "Criteria changes that moved the margin",
            [
                f"{m.label}: {', '.join(m.changes)} ({m.margin_change:+.1f} points)"
                for m in replay.moved_by
            ],
        )
    return parts


def verdict_line(advice: AdviceReport, width: int) -> RenderableType:
    """The line that closes a report taller than the terminal: the verdict again, the
    longest wording that fits one line (the shortest wraps rather than cut a word)."""
    from rich.cells import cell_len

    choices = words.verdict_lines(advice)
    line = next((c for c in choices if cell_len(c) <= width), choices[-1])
    return data(line, "bold")
