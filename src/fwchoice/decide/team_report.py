"""A team decision as a typed report: each person's verdict, the combined one, the agenda."""

from __future__ import annotations

from fwchoice.criteria.model import Document
from fwchoice.decide.advice import advice_report, advice_verdict, points
from fwchoice.decide.evidence import RatingSet, other, rated_by
from fwchoice.decide.report import Person, TeamReport
from fwchoice.decide.robustness import robustness
from fwchoice.decide.scoring import evaluate
from fwchoice.decide.team import Member, agenda, combined_evaluation

TEAM_FORMAT_VERSION = 3
"""2: ``combined`` is an advice of format 2, and agenda items say which exclusions
they decide. 3: ``combined`` is an advice of format 3, a member with no eligible
option has no winner (null), and a swing is measured between eligible options."""


def team_report(
    document: Document,
    members: list[Member],
    files: list[str],
    *,
    criteria_file: dict[str, str],
    ratings: RatingSet = "evidence",
) -> TeamReport:
    """Each person's verdict, the combined one (a full advice report) and the agenda."""
    scored = rated_by(document, ratings)
    people = []
    for member, path in zip(members, files, strict=True):
        result = evaluate(scored, member.answers)
        verdict = advice_verdict(scored, result)
        people.append(
            Person(
                name=member.name,
                file=path,
                winner=verdict.winner,
                winner_label=verdict.winner_label,
                kind=verdict.kind,
                margin=verdict.margin,
                scores={o: points(result.ranking.points(o)) for o in result.ranking.order},
            )
        )
    evaluation = combined_evaluation(scored, members)
    combined = advice_report(
        scored,
        evaluation,
        criteria_file=criteria_file,
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
    return TeamReport(
        format="fwchoice.team",
        format_version=TEAM_FORMAT_VERSION,
        criteria_file=combined.criteria_file,
        members=tuple(people),
        combined=combined,
        agenda=agenda(scored, members),  # by the ratings the verdict is scored with
    )
