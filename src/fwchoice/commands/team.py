"""``fwchoice advise --answers A --answers B ...``: a team decision."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from fwchoice.commands.advice_output import AdviceOutput, show
from fwchoice.commands.output import finish
from fwchoice.criteria.answers import AnswerProblem
from fwchoice.criteria.answersfile import read_answers_file
from fwchoice.criteria.fileformat import MAX_MEMBERS, NAME_LENGTH
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

MAX_TEAM = MAX_MEMBERS
"""Members a team record holds (what ``fwchoice review`` reads back)."""


def check_team_flags(
    files: list[str], *, preset: str | None, sets: list[str], save_answers: str | None
) -> None:
    """Several --answers make a team decision: refuse, before any work, the flags that
    shape one person's answers (each member's answers are their file), and a team
    larger than a record can hold."""
    if len(files) > MAX_TEAM:
        raise UsageError(
            f"a team decision takes at most {MAX_TEAM} answers files, one per person; "
            f"got {len(files)}"
        )
    one_person = [
        flag
        for flag, given in (
            ("--preset", preset is not None),
            ("--set", bool(sets)),
            ("--save-answers", save_answers is not None),
        )
        if given
    ]
    if one_person:
        raise UsageError(
            f"{' and '.join(one_person)} shape one person's answers; with several --answers "
            "(a team decision) each member's answers are their own file: put the answers "
            "there, and keep the team's decision with --adr-dir or --format markdown --output"
        )


def member_label(path: str, name: str | None) -> str:
    """Whose answers a file holds, as the record names them: its ``name`` (at most
    ``NAME_LENGTH`` characters once shown, so the record can hold it), else its file
    name, shortened to fit; either as the text gate shows it (one line, escapes for
    what cannot be shown), which is how a record keeps it."""
    from fwchoice.sanitize import visible

    if name is not None and name.strip():
        shown = visible(name)
        if len(shown) > NAME_LENGTH:
            raise UsageError(
                f"answers file {quote(path)}: its name is {len(shown)} characters (escapes "
                f"shown); a name is at most {NAME_LENGTH}"
            )
        return shown
    stem = visible(Path(path).stem.strip() or path)
    return stem if len(stem) <= NAME_LENGTH else stem[: NAME_LENGTH - 1] + "…"


def read_members(document: Document, files: list[str]) -> tuple[list[Member], list[str]]:
    """Each answers file's answers, named by its ``name`` or else by its file name; a
    team record gives each of its members. Returns the members and the file each
    came from."""
    entries = []
    sources = []
    for path in files:
        read = read_answers_file(path)
        for member in read.members or (read,):
            name = member_label(path, member.name)
            where = f"answers file {quote(path)}"
            if read.members:
                where = f"team record {quote(path)}, {quote(name)}'s answers"
            entries.append((name, member.answers, where))
            sources.append(path)
    if len(entries) > MAX_TEAM:  # a team record's members count, one by one
        raise UsageError(
            f"a team decision takes at most {MAX_TEAM} people (a record holds no more); "
            f"these answers hold {len(entries)}"
        )
    try:
        return members_from(document, entries), sources
    except AnswerProblem as problem:
        raise UsageError(str(problem)) from None


def run_team(loaded: LoadedCriteria, files: list[str], out: AdviceOutput, plan: OutputPlan) -> int:
    members, sources = read_members(loaded.document, files)
    data = team_report(
        loaded.document, members, sources, criteria_file=loaded.file_info(), ratings=out.ratings
    )
    shown = visible_report(data)
    shared = visible_report(data._replace(criteria_file=loaded.shared_file_info()))

    def view(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.team_render import team_renderables

        return team_renderables(shown, terminal, style)

    def export_view(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.team_render import team_renderables

        return team_renderables(shared, terminal, style)

    from fwchoice.commands.record import PlannedRecord, RecordFiling
    from fwchoice.render.advice_markdown import title

    document = loaded.document
    record = team_record(loaded, members, data, out.ratings)

    def render(filed: PlannedRecord) -> str:
        from fwchoice.render.team_render import team_markdown

        return team_markdown(data, document, filed.meta(record, loaded.source.portable()))

    filing = RecordFiling(
        out.record,
        record,
        render,
        title=title(data.combined),
        date=out.date,
        review_after=document.decision.review_after,
        deciders=tuple(m.name for m in members),
    )
    filing.check(plan)
    markdown = filing.markdown

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
    finish(plan, contents, record=filing)
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
