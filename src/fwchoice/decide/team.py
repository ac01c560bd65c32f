"""Team decisions: each person's verdict, the combined verdict, and the agenda.

The combined verdict averages each criterion's weight over the team (every
person's weights computed from their own answers, clamped as usual), so one
person's answers combined with themselves give exactly that person's verdict.
The agenda lists the questions the team answered differently (two members, to
whom the question applies, gave different answers; unsure is an answer of its
own), ordered by how far moving everyone to each of the answers given would
swing the combined margin: the disagreements worth discussing first. The swing
is the spread (highest minus lowest) of the margins the team's reruns report,
one rerun per answer given, each margin between the first two eligible options
and signed (negative when the first is not the combined verdict's winner); a
rerun with fewer than two eligible options reports no margin and adds none,
and with fewer than two margins there is no swing (None). Questions whose
answer can change the winner or decides an exclusion come first.
"""

from fractions import Fraction
from typing import Any

from fwchoice.criteria.answers import (
    Answer,
    AnswerProblem,
    Answers,
    applicable_answers,
    collect,
    complete,
    display,
)
from fwchoice.criteria.fileformat import NAME_LENGTH
from fwchoice.criteria.model import Document
from fwchoice.decide.musthaves import Gap, accepts_add_ons, gaps_for, must_have_features
from fwchoice.decide.report import AgendaItem, MemberAnswer
from fwchoice.decide.scoring import (
    CriterionWeight,
    Evaluation,
    Ranking,
    caveats,
    contributions,
    decide,
    evaluate,
    flips,
    rank,
    weigh,
)
from fwchoice.record import NamedTuple


class Member(NamedTuple):
    name: str
    answers: Answers
    """The answers that count: resolved, defaults filled in."""
    given: Answers | None = None
    """Everything the person answered, also questions that did not apply (None: the
    same as ``answers``). A changed answer can make a follow-up apply: its given
    answer counts then, as a rerun would count it."""


def member_name(name: str, taken: set[str], limit: int = 200) -> str:
    """``name``, or ``name-2``, ``name-3``... if someone has it; never over ``limit``
    characters (the record's limit), the suffix kept."""
    base, n = name, 2
    while name in taken:
        suffix = f"-{n}"
        name, n = base[: limit - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def members_from(
    document: Document, entries: list[tuple[str, dict[str, Any], str]]
) -> list[Member]:
    """Members from (name, raw answers, where they came from); a teammate who skipped a
    question is taken at its default."""
    members: list[Member] = []
    taken: set[str] = set()
    for name, raw, where in entries:
        try:
            given = collect(document, [("file", raw)])
        except AnswerProblem as problem:
            raise AnswerProblem(f"{where}: {problem}") from None
        answers, _ = complete(document, given, fill_defaults=True)
        members.append(Member(member_name(name, taken, NAME_LENGTH), answers, given))
    return members


def combined_weights(document: Document, members: list[Member]) -> dict[str, Fraction]:
    per_member = [weigh(document, m.answers) for m in members]
    return {
        cid: sum((w[cid].value for w in per_member), Fraction(0)) / len(members)
        for cid in document.criteria
    }


def team_gaps(document: Document, members: list[Member]) -> list[Gap]:
    """The team's must-haves: anyone's must-have counts, and an add-on may fill a gap
    only when everyone who named a must-have accepts add-ons."""
    counted = [applicable_answers(document, m.answers) for m in members]
    # A list in file order, not a set: the same team gives the same bytes every run.
    wanted = list(dict.fromkeys(f for c in counted for f in must_have_features(document, c)))
    if not wanted:
        return []
    askers = [c for c in counted if must_have_features(document, c)]
    accepted = all(accepts_add_ons(document, c) for c in askers)
    asked_by: dict[str, list[str]] = {}
    for c in counted:
        for feature, questions in must_have_features(document, c).items():
            asked_by.setdefault(feature, [])
            asked_by[feature] += [q for q in questions if q not in asked_by[feature]]
    return gaps_for(document, {fid: asked_by[fid] for fid in wanted}, accepted)


def combined_ranking(document: Document, members: list[Member]) -> tuple[Ranking, list[Gap]]:
    """The averaged weights ranked, with the team's must-haves applied."""
    missing = team_gaps(document, members)
    excluded = frozenset(g.option for g in missing if g.excludes)
    return rank(document, combined_weights(document, members), excluded), missing


def combined_evaluation(document: Document, members: list[Member]) -> Evaluation:
    ranking, missing = combined_ranking(document, members)
    weights = ranking.weights
    # Needs are the union of everyone's: a caveat matters if anyone needs the feature.
    union: Answers = {}
    for member in members:
        for qid, answer in member.answers.items():
            if qid in union and not answer.unsure:
                merged = tuple(dict.fromkeys((*union[qid].choices, *answer.choices)))
                union[qid] = Answer(merged, "file")
            elif qid not in union:
                union[qid] = answer
    needs = evaluate(document, union).needs if union else {}
    return Evaluation(
        answers={},
        weights={
            cid: CriterionWeight(cid, document.criteria[cid].weight, (), w)
            for cid, w in weights.items()
        },
        ranking=ranking,
        verdict=decide(document, ranking, union),
        contributions=contributions(document, ranking),
        flips=flips(document, ranking),
        caveats=caveats(document, union, ranking.winner),
        needs=needs,
        gaps=missing,
    )


def signed_margin(ranking: Ranking, leader: str | None) -> Fraction | None:
    """The margin a rerun reports, between the first two eligible options: positive when
    the first is ``leader``, negative when another option is; None with fewer than
    two eligible options (no margin between eligible options to report)."""
    eligible = ranking.eligible
    if len(eligible) < 2:
        return None
    margin = ranking.points(eligible[0]) - ranking.points(eligible[1])
    return margin if eligible[0] == leader else -margin


def first_option(ranking: Ranking) -> str | None:
    """The option a verdict puts first: the best eligible one, or None when none is."""
    return ranking.eligible[0] if ranking.eligible else None


def _aligned(document: Document, member: Member, qid: str, answer: Answer) -> Member:
    """The member with ``answer`` to ``qid``, worked out as a rerun would: conditions
    again, so a follow-up that starts to apply takes their given answer or its default."""
    given = member.answers if member.given is None else member.given
    resolved, _ = complete(document, {**given, qid: answer}, fill_defaults=True)
    return Member(member.name, resolved, {**given, qid: answer})


def agenda(document: Document, members: list[Member]) -> tuple[AgendaItem, ...]:
    """Questions answered differently, biggest swing of the combined margin first."""
    leader = first_option(combined_ranking(document, members)[0])
    items: list[AgendaItem] = []
    for qid, question in document.questions.items():
        given = {m.name: m.answers.get(qid) for m in members}
        distinct: list[Answer] = []
        for answer in given.values():
            if answer is not None and all(
                (answer.choices, answer.unsure) != (d.choices, d.unsure) for d in distinct
            ):
                distinct.append(answer)
        if len(distinct) < 2:
            continue
        margins = []
        winners = set()
        exclusions: list[frozenset[str]] = []
        for alternative in distinct:
            aligned = [_aligned(document, m, qid, alternative) for m in members]
            ranking, _ = combined_ranking(document, aligned)
            margin = signed_margin(ranking, leader)
            if margin is not None:
                margins.append(margin)
            winners.add(first_option(ranking))
            exclusions.append(ranking.excluded)
        # Options excluded under some of the answers and not others: this question
        # decides whether they may come first at all, whatever it does to the margin.
        decides = [o for o in document.options if any(o in e for e in exclusions)
                   and not all(o in e for e in exclusions)]  # fmt: skip
        items.append(
            AgendaItem(
                question=qid,
                text=question.text,
                answers=tuple(
                    MemberAnswer(name, display(question, a) if a else "not asked")
                    for name, a in given.items()
                ),
                swing=round(float(max(margins) - min(margins)), 2) if len(margins) > 1 else None,
                can_change_winner=len(winners) > 1,
                decides_exclusion=tuple(decides),
            )
        )
    # What can change the verdict first (who wins, or who may), then the largest swing.
    items.sort(
        key=lambda item: (
            not (item.can_change_winner or item.decides_exclusion),
            -(item.swing or 0),
        )
    )
    return tuple(items)
