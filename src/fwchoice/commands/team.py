"""``fwchoice advise --answers A --answers B ...``: a team decision."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from fwchoice.commands.advise import AdviceOutput, show
from fwchoice.commands.output import finish
from fwchoice.criteria.answers import AnswerProblem, collect, complete
from fwchoice.criteria.answersfile import read_answers_file
from fwchoice.criteria.loader import LoadedCriteria
from fwchoice.decide.advice import advice_data, points
from fwchoice.decide.evidence import RatingSet, other, rated_by
from fwchoice.decide.robustness import robustness
from fwchoice.decide.scoring import evaluate
from fwchoice.decide.team import Member, agenda, combined_evaluation
from fwchoice.errors import EXIT_OK, UsageError
from fwchoice.outputs import OutputPlan
from fwchoice.sanitize import quote, visible_data

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from fwchoice.render.terminal import TerminalStyle

TEAM_FORMAT_VERSION = 1


def member_name(path: str, taken: set[str]) -> str:
    name = Path(path).stem or path
    base, n = name, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def team_data(
    loaded: LoadedCriteria, files: list[str], ratings: RatingSet = "source"
) -> dict[str, Any]:
    document = loaded.document
    members: list[Member] = []
    taken: set[str] = set()
    for path in files:
        raw = read_answers_file(path).answers
        try:
            given = collect(document, [("file", raw)])
        except AnswerProblem as problem:
            raise UsageError(f"answers file {quote(path)}: {problem}") from None
        # A teammate who skipped a question is taken at its default.
        answers, _ = complete(document, given, fill_defaults=True)
        members.append(Member(member_name(path, taken), answers, given))
    labels = {o: opt.label for o, opt in document.options.items()}
    people = []
    for member, path in zip(members, files, strict=True):
        result = evaluate(rated_by(document, ratings), member.answers)
        people.append(
            {
                "name": member.name,
                "file": path,
                "winner": result.verdict.winner,
                "winner_label": labels[result.verdict.winner],
                "kind": result.verdict.kind,
                "margin": points(result.verdict.margin),
                "scores": {o: points(result.ranking.points(o)) for o in result.ranking.order},
            }
        )
    scored = rated_by(document, ratings)
    evaluation = combined_evaluation(scored, members)
    combined = advice_data(
        scored,
        evaluation,
        criteria_file=loaded.file_info(),
        ratings=ratings,
        source=document,
        alternative=combined_evaluation(rated_by(document, other(ratings)), members),
        tested=robustness(
            document,
            {},
            ratings=ratings,
            weights_and_exclusions=(evaluation.ranking.weights, evaluation.ranking.excluded),
        ),
        team=True,
    )
    return {
        "format": "fwchoice.team",
        "format_version": TEAM_FORMAT_VERSION,
        "criteria_file": combined["criteria_file"],
        "members": people,
        "combined": combined,
        "agenda": agenda(document, members),
    }


def run_team(loaded: LoadedCriteria, files: list[str], out: AdviceOutput, plan: OutputPlan) -> int:
    data = team_data(loaded, files, out.ratings)

    def view(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.team_render import team_renderables

        return team_renderables(visible_data(data), terminal, style)

    def markdown() -> str:
        from fwchoice.render.team_render import team_markdown

        return team_markdown(data, loaded.document, date=out.date)

    def closing(terminal: Console, style: TerminalStyle) -> list[RenderableType]:
        from fwchoice.render.advice_view import verdict_line

        return [verdict_line(visible_data(data["combined"]), terminal.width)]

    contents = show(
        out, data, view, markdown, title="fwchoice advise: team decision", closing=closing
    )
    finish(plan, contents)
    return EXIT_OK
