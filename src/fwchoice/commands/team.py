"""``fwchoice advise --answers A --answers B ...``: a team decision."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from fwchoice.commands.advice_output import AdviceOutput, show
from fwchoice.commands.output import finish
from fwchoice.criteria.answers import AnswerProblem
from fwchoice.criteria.answersfile import read_answers_file
from fwchoice.criteria.loader import LoadedCriteria
from fwchoice.criteria.model import Document
from fwchoice.decide.evidence import RatingSet, rated_by
from fwchoice.decide.report import TeamReport
from fwchoice.decide.team import Member, combined_evaluation, members_from
from fwchoice.decide.team_report import team_report
from fwchoice.errors import EXIT_OK, UsageError
from fwchoice.outputs import OutputPlan
from fwchoice.sanitize import quote, visible_report

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from fwchoice.render.terminal import TerminalStyle


def read_members(document: Document, files: list[str]) -> list[Member]:
    """Each answers file's answers, named by its ``name`` or else by its file name."""
    entries = []
    for path in files:
        read = read_answers_file(path)
        name = read.name or Path(path).stem or path
        entries.append((name, read.answers, f"answers file {quote(path)}"))
    try:
        return members_from(document, entries)
    except AnswerProblem as problem:
        raise UsageError(str(problem)) from None


def run_team(loaded: LoadedCriteria, files: list[str], out: AdviceOutput, plan: OutputPlan) -> int:
    members = read_members(loaded.document, files)
    data = team_report(
        loaded.document, members, files, criteria_file=loaded.file_info(), ratings=out.ratings
    )
    shown = visible_report(data)
    shared = visible_report(data._replace(criteria_file=loaded.shared_file_info()))

    def view(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.team_render import team_renderables

        return team_renderables(shown, terminal, style)

    def export_view(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.team_render import team_renderables

        return team_renderables(shared, terminal, style)

    from fwchoice.commands.record import file_record
    from fwchoice.render.advice_markdown import title

    document = loaded.document
    record = team_record(loaded, members, data, out.ratings)
    filed = file_record(
        plan,
        out.record,
        record,
        title=title(data.combined),
        date=out.date,
        review_after=document.decision.review_after,
        deciders=tuple(m.name for m in members),
    )

    def markdown() -> str:
        from fwchoice.render.team_render import team_markdown

        return team_markdown(data, document, filed.meta(record, loaded.source.portable()))

    def closing(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.advice_view import verdict_line

        return [verdict_line(shown.combined, terminal.width)]

    contents = show(
        out,
        data,
        view,
        markdown,
        title="fwchoice advise: team decision",
        closing=closing,
        export_view=export_view,
    )
    contents.update(filed.files(markdown))
    finish(plan, contents)
    return EXIT_OK


def team_record(
    loaded: LoadedCriteria, members: list[Member], data: TeamReport, ratings: RatingSet
) -> dict[str, Any]:
    """What a team record embeds to be replayed: each member's answers, the combined
    verdict then, and the averaged weights and ratings it was scored with."""
    from fwchoice.commands.record import replay_head
    from fwchoice.criteria.answers import raw_value
    from fwchoice.criteria.fileformat import TEAM_MARKER
    from fwchoice.decide.replay import snapshot

    document = loaded.document
    scored = rated_by(document, ratings)
    return {
        **replay_head(TEAM_MARKER, loaded, data.combined, ratings),
        "members": [
            {
                "name": m.name,
                "answers": {q: raw_value(document.questions[q], a) for q, a in m.answers.items()},
            }
            for m in members
        ],
        "snapshot": snapshot(scored, combined_evaluation(scored, members)),
    }
