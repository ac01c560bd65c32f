"""How an advice is shown and where it goes: the same for one person's and a team's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from fwchoice.commands.output import emit, json_text
from fwchoice.commands.record import RecordOptions
from fwchoice.record import NamedTuple

if TYPE_CHECKING:  # rich is imported only when the terminal view is shown
    from rich.console import Console, RenderableType

    from fwchoice.decide.evidence import RatingSet
    from fwchoice.decide.report import AdviceReport, TeamReport
    from fwchoice.render.terminal import TerminalStyle


def _json(report: AdviceReport | TeamReport, markdown: Callable[[], str]) -> str:
    return json_text(report.as_json())


def _markdown(report: AdviceReport | TeamReport, markdown: Callable[[], str]) -> str:
    return markdown()


FORMATS: dict[str, Callable[[AdviceReport | TeamReport, Callable[[], str]], str] | None] = {
    "rich": None,
    "json": _json,
    "markdown": _markdown,
}
"""Each ``--format`` and what renders it (None: the terminal view; ``markdown`` is the
decision record, built by the command that knows its header); the CLI's choices."""


class AdviceOutput(NamedTuple):
    """How and where a result is shown; the same for one person's advice and a team's."""

    format: str
    output: str | None = None
    force: bool = False
    no_color: bool = False
    date: str | None = None
    export: str | None = None
    ratings: RatingSet = "evidence"
    accessible: bool = False
    """Plain numbered prompts and a linear report (--accessible or ACCESSIBLE=1)."""
    record: RecordOptions = RecordOptions()
    """The decision record's folder, status, people and dates."""
    details: bool | None = None
    """--details (everything), --summary (the summary alone), or None: the summary
    on a terminal, everything elsewhere."""

    def brief(self) -> bool:
        """Whether the terminal report is the summary alone: asked for, or the default
        on a terminal. Files, pictures, JSON and Markdown always hold everything."""
        if self.format != "rich" or self.output or self.export or self.details:
            return False
        if self.details is False:
            return True
        import sys

        return sys.stdout is not None and sys.stdout.isatty()


def show(
    out: AdviceOutput,
    report: AdviceReport | TeamReport,
    view: Callable[[Console, TerminalStyle], Sequence[RenderableType]],
    markdown: Callable[[], str],
    *,
    title: str,
    closing: Callable[[Console, TerminalStyle], Sequence[RenderableType]] | None = None,
    export_view: Callable[[Console, TerminalStyle], Sequence[RenderableType]] | None = None,
) -> dict[str, str]:
    """Show a result in the format asked for: the terminal view, its JSON or its record.
    Returns the contents of the files to write."""

    render = FORMATS[out.format]
    return emit(
        view,
        text=None if render is None else (lambda: render(report, markdown)),
        output=out.output,
        export=out.export,
        no_color=out.no_color,
        title=title,
        closing=closing,
        accessible=out.accessible,
        export_view=export_view,
    )
