"""The sentences of a recommendation, in one place for every format.

Each function turns part of the typed report (``decide.report``) into plain
English; the terminal, the accessible report and the Markdown record lay the
same sentences out their own way (and escape them their own way), so they can
never say different things. Question ids never appear: questions are named by
their text, answers by their labels.
"""

from __future__ import annotations

from collections.abc import Sequence

from fwchoice.decide.report import (
    AdviceReport,
    AlternativeApproach,
    AnswerChange,
    Caveat,
    Evidence,
    Exclusion,
    Flip,
    HybridApproach,
    OtherVerdict,
    RaisedBy,
    Reason,
    Score,
    Threshold,
    WeightRow,
)
from fwchoice.render.formatting import number_text


def _listed(items: list[str], joiner: str = "and") -> str:
    return ", ".join(items[:-1]) + (f" {joiner} " if len(items) > 1 else "") + items[-1]


def _q(text: str) -> str:
    """A question or an answer quoted inside a sentence."""
    return f'"{text}"'


def headline(advice: AdviceReport) -> str:
    """The verdict in one line: who, and by how much. A clear verdict names its
    confidence here; a close call names it on the line below (``standing``)."""
    verdict = advice.verdict
    winner, runner_up = verdict.winner_label, verdict.runner_up_label
    confidence = verdict.confidence
    kind = verdict.kind
    if kind == "clear":
        sure = f" ({confidence.label} confidence)" if confidence else ""
        return f"Recommendation: {winner}, {verdict.margin:.1f} points ahead{sure}"
    if kind == "close":
        return f"Close call: {winner} leads {runner_up} by {verdict.margin:.1f} points"
    if kind == "tie":
        return (
            f"A tie: {winner} and {runner_up} score the same; {winner} is listed first in "
            "the criteria file"
        )
    if kind == "only":
        return f"Recommendation: {winner}, the only option with every must-have"
    return "No option meets every must-have"


def standing(advice: AdviceReport, *, brief: bool = False) -> str:
    """The line under the headline: what the confidence means. ``brief`` leaves out
    the file's explanation of a close call's confidence (for a short screen)."""
    verdict = advice.verdict
    kind = verdict.kind
    confidence = verdict.confidence
    explanation = f" {confidence.explanation}" if confidence and confidence.explanation else ""
    if kind == "clear":
        return explanation.strip() or "Scores are out of 100."
    if kind == "close":
        below = number_text(advice.method.hybrid_margin)
        label = f"Confidence: {confidence.label}. " if confidence else ""
        rule = f"{label}A lead below {below} points is a close call."
        return rule if brief else rule + explanation
    if kind == "tie":
        return "Options that score the same are ranked in the order the criteria file lists them."
    excluded = [score.label for score in advice.scores if score.excluded]
    if kind == "only":
        verb = "lacks" if len(excluded) == 1 else "lack"
        return (
            f"{_listed(excluded)} {verb} something your answers say must come with the framework."
        )
    return "Each option lacks something your answers say must come with the framework."


def score_line(score: Score) -> str:
    excluded = " (excluded)" if score.excluded else ""
    return f"{score.label}: {score.score:.1f} of 100{excluded}"


def _raised_by(reason: Reason, *, full: bool) -> str:
    raisers = sorted(reason.raised_by, key=lambda r: -r.delta)
    if not raisers:
        return ""
    first = raisers[0]
    more = len(raisers) - 1
    also = f" and {more} more answer{'s' if more > 1 else ''}" if more else ""
    asked = f" to {_q(first.text)}" if full else ""
    return f", raised by your answer {_q(first.answer)}{asked}{also}"


def reason_sentence(
    advice: AdviceReport, reason: Reason, *, for_winner: bool, full: bool = False
) -> str:
    """'Admin Interface: 5 vs 1 at weight 9, raised by your answer "Yes".'

    ``full`` also names the question the answer was given to (for the record).
    """
    mine, theirs = reason.winner_rating, reason.runner_up_rating
    ahead, behind = advice.verdict.winner_label, advice.verdict.runner_up_label
    if not for_winner:
        mine, theirs = theirs, mine
        ahead, behind = behind, ahead
    most = advice.method.rating_max
    text = (
        f"{reason.label}: {ahead} {mine} of {most}, {behind} {theirs}, at weight "
        f"{number_text(reason.weight)}"
    )
    text += _raised_by(reason, full=full)
    for item in reason.disputed:
        if advice.method.ratings == "source":
            text += f" (disputed: the evidence rates {item.label} {item.evidence})"
        else:
            text += f" (the evidence's rating; {item.label} is {item.source} as published)"
    return text + "."


def _answer_in_context(raiser: RaisedBy) -> str:
    """'"An API-only service"', or for a label that means little alone ("Yes",
    "critical", "Django"): '"Yes" to "Will staff need an admin interface?"'."""
    answer = raiser.answer
    if len(answer.split()) <= 2:
        return f"{_q(answer)} to {_q(raiser.text)}"
    return _q(answer)


def reasons_summary(advice: AdviceReport, *, for_winner: bool) -> list[str]:
    """The reasons, one sentence per answer that counted them up: what the user said,
    and how the options it favours compare there ('You answered "Yes" to "Will
    staff need an admin?", so Admin Interface counts for more (Django + DRF 5 of 5,
    FastAPI 1).'). Criteria no answer changed count at their usual weight."""
    reasons = advice.reasons if for_winner else advice.counter_reasons
    verdict = advice.verdict
    ahead, behind = verdict.winner_label, verdict.runner_up_label
    if not for_winner:
        ahead, behind = behind, ahead
    most = advice.method.rating_max
    groups: dict[str | None, tuple[RaisedBy | None, list[Reason]]] = {}
    for reason in reasons:
        raisers = sorted(reason.raised_by, key=lambda r: -r.delta)
        first = raisers[0] if raisers else None
        key = f"{first.question}={first.answer}" if first else None
        groups.setdefault(key, (first, []))[1].append(reason)
    sentences = []
    for raiser, grouped in groups.values():
        items = []
        for i, reason in enumerate(grouped):
            mine, theirs = reason.winner_rating, reason.runner_up_rating
            if not for_winner:
                mine, theirs = theirs, mine
            disputed = "; disputed" if reason.disputed else ""
            ratings = (
                f"{ahead} {mine} of {most}, {behind} {theirs}" if i == 0 else f"{mine}, {theirs}"
            )
            items.append(f"{reason.label} ({ratings}{disputed})")
        listed = _listed(items)
        plural = len(items) > 1
        if raiser is None and advice.team:
            sentences.append(
                f"{listed} {'weigh' if plural else 'weighs'} most in the team's weights."
            )
        elif raiser is None:
            sentences.append(
                f"{listed} {'count' if plural else 'counts'} at {'their' if plural else 'its'} "
                "usual weight; none of your answers changed it."
            )
        else:
            sentences.append(
                f"{_you_said(raiser)}, so {listed} {'count' if plural else 'counts'} for more."
            )
    return sentences


def _you_said(raiser: RaisedBy) -> str:
    """'You answered "Yes" to "Will staff need an admin?"', or for an answer that
    says itself: 'You chose "An admin- or content-heavy application (...)"'."""
    if len(raiser.answer.split()) <= 2:
        return f"You answered {_q(raiser.answer)} to {_q(raiser.text)}"
    return f"You chose {_q(raiser.answer)}"


def why_heading(advice: AdviceReport, *, for_winner: bool) -> str:
    verdict = advice.verdict
    return f"Why {verdict.winner_label}" if for_winner else f"For {verdict.runner_up_label}"


def exclusion_sentence(gap: Exclusion, *, team: bool = False) -> str:
    asked = " and ".join(_q(q.text) for q in gap.needed_by)
    whose = "the team's answers to" if team else "your answer to"
    says = "say" if team else "says"
    return (
        f"Excluded: {gap.option_label} does not ship {gap.label} built in, and "
        f"{whose} {asked} {says} it must come with the framework."
    )


def exclusion_sentences(advice: AdviceReport) -> list[str]:
    """One sentence per excluded option, naming every must-have it lacks."""
    team = advice.team
    by_option: dict[str, list[Exclusion]] = {}
    for gap in advice.exclusions:
        by_option.setdefault(gap.option, []).append(gap)
    sentences = []
    for gaps in by_option.values():
        if len(gaps) == 1:
            sentences.append(exclusion_sentence(gaps[0], team=team))
            continue
        features = _listed([g.label for g in gaps])
        asked = _listed(list(dict.fromkeys(_q(q.text) for g in gaps for q in g.needed_by)))
        whose = "the team's answers" if team else "your answers"
        sentences.append(
            f"Excluded: {gaps[0].option_label} does not ship {features} built in, and "
            f"{whose} to {asked} say they must come with the framework."
        )
    return sentences


def caveat_groups(advice: AdviceReport) -> list[tuple[Caveat, list[Caveat]]]:
    """The caveats, each gap once: a caveat whose label names another's ("JWT
    authentication" and "Authentication") is the same gap, told with it."""
    caveats = list(advice.caveats)
    groups: list[tuple[Caveat, list[Caveat]]] = []
    for caveat in caveats:
        broader = next(
            (
                other
                for other in caveats
                if other is not caveat and _names(caveat.label, other.label)
            ),
            None,
        )
        if broader is None:
            groups.append((caveat, []))
    for caveat in caveats:
        for head, narrower in groups:
            if head is not caveat and _names(caveat.label, head.label):
                narrower.append(caveat)
                break
    return groups


def _names(label: str, broader: str) -> bool:
    """Whether ``label`` is a kind of ``broader``: it ends with it as whole words."""
    words, tail = label.casefold().split(), broader.casefold().split()
    return len(words) > len(tail) and words[-len(tail) :] == tail


def _gap(head: Caveat, narrower: list[Caveat]) -> str:
    """'Authentication (with JWT authentication; a must-have, and you accept a
    well-known add-on)'."""
    notes = [f"with {_listed([c.label for c in narrower])}"] if narrower else []
    if head.fill:
        notes.append(f"usually {head.fill}")
    if head.shared or any(c.shared for c in narrower):
        notes.append("a must-have no option ships built in: any choice needs an add-on")
    elif head.must_have or any(c.must_have for c in narrower):
        notes.append("a must-have, and you accept a well-known add-on")
    return f"{head.label} ({'; '.join(notes)})" if notes else head.label


def caveats_summary(advice: AdviceReport) -> str:
    """'Django + DRF does not ship these built in: Permissions and Migrations.'"""
    gaps = [_gap(head, narrower) for head, narrower in caveat_groups(advice)]
    if not gaps:
        return ""
    winner = advice.verdict.winner_label
    if len(gaps) == 1:
        return f"{winner} does not ship {gaps[0]} built in."
    return f"{winner} does not ship these built in: {_listed(gaps)}."


def caveat_sentence(advice: AdviceReport, caveat: Caveat, narrower: Sequence[Caveat] = ()) -> str:
    """'FastAPI does not ship Authentication built in (Manual or third-party); teams
    usually use ...', and a narrower gap of the same kind in the same sentence."""
    winner = advice.verdict.winner_label
    text = f"{winner} does not ship {caveat.label} built in ({caveat.value})"
    if caveat.fill:
        text += f"; teams usually use {caveat.fill}"
    for other in narrower:
        text += f"; nor {other.label} ({other.value})"
        if other.fill and other.fill != caveat.fill:
            text += f", for which teams usually use {other.fill}"
    if caveat.shared or any(c.shared for c in narrower):
        text += ". A must-have no option ships built in: any choice needs an add-on"
    elif caveat.must_have or any(c.must_have for c in narrower):
        text += ". A must-have, and you accept a well-known add-on"
    return text + "."


def _none_of(labels: list[str]) -> str:
    if len(labels) == 2:
        return f"neither {labels[0]} nor {labels[1]}"
    return f"none of {_listed(labels, 'or')}"


def beyond_lines(advice: AdviceReport) -> list[str]:
    """The report's first lines when the answers describe a project the options are not
    meant for: say so, and name what fits instead, before any score."""
    outside = [a for a in advice.alternatives if a.scope == "outside"]
    if not outside:
        return []
    options = [s.label for s in advice.scores]
    lines = [
        f"Outside this comparison: your answers describe a project {_none_of(options)} "
        "is meant for; the scores below are for any part that does need one."
    ]
    lines += [f"What fits instead: {a.label}." for a in outside]
    return lines


def beside_sentences(advice: AdviceReport) -> list[str]:
    """Approaches beyond the options that fit alongside the verdict, one line each."""
    return [f"{a.label}: {a.summary}" for a in advice.alternatives if a.scope == "beside"]


def because_sentence(alternative: AlternativeApproach) -> str:
    """'Offered for your answers "Yes" to "Will staff...?" and ...'"""
    parts = [
        f"{_listed([_q(label) for label in c.answer_labels], 'or')} to {_q(c.text)}"
        for c in alternative.because
    ]
    return f"Offered for your answers {_listed(parts)}." if parts else ""


def hybrid_sentence(hybrid: HybridApproach) -> str:
    return f"{hybrid.label}. {hybrid.summary}"


def tie_breaker_sentence(advice: AdviceReport) -> str:
    """What would settle a close call: the question, and which way its answers lean."""
    breaker = advice.verdict.tie_breaker
    if not breaker:
        return "Either option is sound."
    leans = "; ".join(
        f"{_q(lean.answer)} puts {lean.leader_label} ahead by {lean.margin:.1f}"
        for lean in breaker.leans
    )
    if breaker.firm:
        return (
            f"Either option is sound; it hangs most on your answer to {_q(breaker.text)} ({leans})."
        )
    return f"Either option is sound; what would settle it is {_q(breaker.text)} ({leans})."


def _toggles(change: AnswerChange) -> str:
    """What a multiple-choice change picks or drops: 'also picked "X" and "Y"'."""
    added, removed = change.added, change.removed
    parts = []
    if added:
        also = "" if change.from_ == "none" else "also "
        parts.append(f"{also}picked {_listed([_q(a) for a in added])}")
    if removed:
        parts.append(f"dropped {_listed([_q(r) for r in removed])}")
    return " and ".join(parts)


def _one_change(change: AnswerChange) -> str:
    """'"Q" were "A"', or for a multiple-choice question what is picked or dropped:
    'in "Q" you also picked "X"'; for an unsure answer, what finding it out would be:
    'you find that the answer to "Q" is "A"'."""
    if change.settles:
        return f"you find that the answer to {_q(change.text)} is {_q(change.to)}"
    toggles = _toggles(change)
    if toggles:
        return f"in {_q(change.text)} you {toggles}"
    return f"your answer to {_q(change.text)} were {_q(change.to)}"


def _comes_first(change: Flip) -> str:
    """'FastAPI would come first', or for a tie on score that the file's order breaks,
    'FastAPI would score the same and come first, as the criteria file lists it first';
    when no option would have every must-have, that."""
    if change.winner_label is None:
        return "no option would have every must-have"
    if change.tie:
        return (
            f"{change.winner_label} would score the same and come first, as the criteria "
            "file lists it first"
        )
    return f"{change.winner_label} would come first"


def change_sentence(change: Flip) -> str:
    """'If 'What are you building?' were 'An API-only service', FastAPI would come first.'"""
    parts = " and ".join(_one_change(c) for c in change.changes)
    return f"If {parts}, {_comes_first(change)}."


CHANGES_LISTED = 20
"""A report lists at most this many answer changes; `--format json` holds every one."""


def listed_change_sentences(changes: Sequence[Flip]) -> list[str]:
    """The answer changes a report lists in full, the nearest first; a note says how
    many more the JSON output holds (pairs of changes can run to hundreds)."""
    sentences = grouped_change_sentences(changes)
    if len(sentences) <= CHANGES_LISTED:
        return sentences
    more = len(sentences) - CHANGES_LISTED
    return [
        *sentences[:CHANGES_LISTED],
        f"And {more} more answer changes; --format json lists every one.",
    ]


def grouped_change_sentences(changes: Sequence[Flip]) -> list[str]:
    """Single changes to one question that give the same outcome, as one sentence:
    'If "What are you building?" were "A full-stack site" or "A CMS", Django would...'
    A multiple-choice question's group names its smallest changes and counts the
    larger ones (every set of choices is a change, so there may be many)."""
    groups: dict[tuple[str, str | None, bool], list[Flip]] = {}
    for change in changes:
        tie = bool(change.tie)
        if len(change.changes) == 1:
            key = (change.changes[0].question, change.winner, tie)
        else:
            key = (repr(change.changes), change.winner, tie)
        groups.setdefault(key, []).append(change)
    sentences = []
    for group in groups.values():
        first = group[0]
        only = first.changes[0]
        if len(first.changes) == 1 and only.settles:
            answers = _alternatives([c.changes[0] for c in _smallest(group)])
            sentence = f"If you find that the answer to {_q(only.text)} is {answers}"
            sentences.append(f"{sentence}, {_comes_first(first)}{_larger(group)}.")
        elif len(first.changes) != 1 or only.added or only.removed:
            if len(group) > 1:
                ways = ", or ".join(_toggles(c.changes[0]) for c in _smallest(group))
                sentences.append(
                    f"If in {_q(only.text)} you {ways}, {_comes_first(first)}{_larger(group)}."
                )
            else:
                sentences.append(change_sentence(first))
        else:
            answers = _alternatives([c.changes[0] for c in group])
            text = first.changes[0].text
            sentences.append(f"If your answer to {_q(text)} were {answers}, {_comes_first(first)}.")
    return sentences


def _smallest(group: list[Flip]) -> list[Flip]:
    """The changes of a group that add or drop the fewest choices."""
    least = min(c.size for c in group)
    return [c for c in group if c.size == least]


def _larger(group: list[Flip]) -> str:
    """' (and so would 3 larger changes to that answer)', when a group has any."""
    more = len(group) - len(_smallest(group))
    if not more:
        return ""
    return f" (and so would {more} larger change{'s' if more > 1 else ''} to that answer)"


def _alternatives(changes: list[AnswerChange]) -> str:
    """'"A" or "B"'; a run of three or more neighbouring scale points reads as a
    range: 'anything from "not important" to "very important"'."""
    points = [c.to_answer for c in changes]
    whole = [p for p in points if type(p) is int]
    if (
        len(points) >= 3
        and len(whole) == len(points)
        and whole == list(range(whole[0], whole[0] + len(whole)))
    ):
        return f"anything from {_q(changes[0].to)} to {_q(changes[-1].to)}"
    return " or ".join(_q(c.to) for c in changes)


def no_change_sentence(advice: AdviceReport) -> str:
    answers = advice.what_would_change_it.answers
    winner = advice.verdict.winner_label
    if answers and not answers.searched_all:
        return (
            f"No single change of answer, and none of the most likely pairs, would put "
            f"another option ahead of {winner}."
        )
    return f"No change of one or two answers would put another option ahead of {winner}."


def threshold_sentence(threshold: Threshold) -> str:
    """'FastAPI would come first if API Performance weighed more than 33 (now 1).'"""
    if threshold.direction == "raise":
        condition = f"weighed more than {number_text(threshold.shown)}"
    elif threshold.shown == 0:
        condition = "did not count at all (weight 0)"
    else:
        condition = f"weighed less than {number_text(threshold.shown)}"
    return (
        f"{threshold.challenger_label} would come first if {threshold.label} "
        f"{condition} (now {number_text(threshold.current)})."
    )


def _other_figures(other: OtherVerdict) -> str:
    """' (81.4 to 80.7)': the other set's winner's score, then its runner-up's; none
    when must-haves decided it (an excluded option may score higher)."""
    scores = other.scores
    if other.kind in ("only", "none") or other.winner is None:
        return ""
    if not other.runner_up:
        return f" ({scores[other.winner]:.1f})"
    return f" ({scores[other.winner]:.1f} to {scores[other.runner_up]:.1f})"


def _other_outcome(evidence: Evidence, other: OtherVerdict) -> str:
    """How the verdict fares under the other rating set, as a clause."""
    which = "the evidence's ratings" if evidence.ratings == "source" else "the source's ratings"
    figures = _other_figures(other)
    if other.kind == "tie":
        return (
            f"{which} give a tie{figures}, {other.winner_label} first as listed first in the file"
        )
    if evidence.holds:
        return f"{which} keep it first{figures}"
    return f"with {which}, {other.winner_label} would come first{figures}"


def how_sure_sentence(advice: AdviceReport) -> str:
    """The robustness figure, and whether the evidence's ratings keep the winner."""
    tested = robustness_sentence(advice)
    evidence = advice.evidence
    other = evidence.other_verdict
    if not tested or not evidence.disputed or other is None or other.winner is None:
        return tested or evidence_sentence(advice)
    return f"{tested[:-1]}; {_other_outcome(evidence, other)}."


def robustness_sentence(advice: AdviceReport, *, seed: bool = False) -> str:
    """'X comes first in 97% of 10,000 variations of your weights (each ±50%) and 3
    disputed ratings.' When the winner is first in under half of them (a tie decided
    by file order), the option most often first is named too."""
    tested = advice.robustness
    if not tested:
        return ""
    labels = {s.option: s.label for s in advice.scores}
    varied = tested.varied
    whose = "the team's" if advice.team else "your"
    what = [f"{whose} weights (each {_band(tested.band)})"]
    unsure = varied.unsure_questions
    if unsure:
        what.append(f"{len(unsure)} open answer{'s' if len(unsure) != 1 else ''}")
    if varied.disputed_ratings:
        count = varied.disputed_ratings
        what.append(f"{count} disputed rating{'s' if count != 1 else ''}")
    listed = _listed(what)
    drawn = f" (drawn from seed {tested.seed}, so every run gives the same)" if seed else ""
    outcome = (
        "No option meets every must-have"
        if tested.winner is None
        else f"{labels[tested.winner]} comes first"
    )
    text = f"{outcome} in {tested.percent}% of {tested.samples:,} variations of {listed}{drawn}"
    firsts = tested.firsts
    most = max(firsts, key=lambda o: firsts[o])
    # variations in which the verdict held: its winner first, or none eligible again
    if tested.winner is not None:
        held = firsts[tested.winner]
    else:
        held = tested.samples - sum(firsts.values())
    if most != tested.winner and (firsts[most] > held or (tested.winner is None and firsts[most])):
        share = round(100 * firsts[most] / tested.samples)
        text += f"; {labels[most]} {'comes first ' if tested.winner is None else ''}in {share}%"
    return text + "."


def _band(band: float) -> str:
    return f"±{number_text(band * 100)}%"


def evidence_sentence(advice: AdviceReport) -> str:
    """Whether the verdict holds under the other set of ratings."""
    evidence = advice.evidence
    other = evidence.other_verdict
    if not evidence.disputed or other is None or other.winner is None:
        return ""  # ratings do not decide must-haves: with none eligible, neither set has one
    count = len(evidence.disputed)
    differ = f"{count} rating{'s' if count != 1 else ''} differ"
    which = "the evidence's ratings" if evidence.ratings == "source" else "the source's ratings"
    figures = _other_figures(other)
    if other.kind == "tie":
        return (
            f"With {which} ({differ}), {other.winner_label} and {other.runner_up_label} "
            f"tie{figures}; {other.winner_label} is listed first."
        )
    if evidence.holds:
        return f"With {which} ({differ}), {other.winner_label} still comes first{figures}."
    return f"With {which} ({differ}), {other.winner_label} would come first instead{figures}."


def uncertainty_sentences(advice: AdviceReport) -> list[str]:
    uncertainty = advice.insights.uncertainty
    if not uncertainty:
        return []
    labels = {s.option: s.label for s in advice.scores}
    qualifier = "" if uncertainty.exact else "at most "
    ranges = ", ".join(
        f"{labels[o]} {r.low:.1f} to {r.high:.1f}" for o, r in uncertainty.ranges.items()
    )
    count = len(uncertainty.questions)
    shown = {s.option: s.score for s in advice.scores}
    outside = any(
        not (r.low - 0.005 <= shown[o] <= r.high + 0.005) for o, r in uncertainty.ranges.items()
    )
    note = " (the scores above count an open answer as no answer)" if outside else ""
    lines = [
        f"{count} answer{'s are' if count != 1 else ' is'} open; over what "
        f"{'they' if count != 1 else 'it'} could be, scores range {qualifier}{ranges}{note}."
    ]
    if uncertainty.winner_can_change:
        others = [labels[o] for o in uncertainty.possible_winners if o != advice.verdict.winner]
        maybe = "could" if uncertainty.exact else "might"
        lines.append(
            f"The open answers can change the winner: {' or '.join(others)} {maybe} come first."
        )
    elif advice.verdict.winner_label is None:
        lines.append("Whatever the open answers turn out to be, no option meets every must-have.")
    else:
        lines.append(
            f"Whatever the open answers turn out to be, {advice.verdict.winner_label} stays first."
        )
    settle = uncertainty.settle_first
    if settle:
        moves = f"moves the margin by up to {settle.swing:.1f} points"
        if settle.changes_winner:
            moves = "can change who comes first" + (f", and {moves}" if settle.swing else "")
        lines.append(f"Find out first: {_q(settle.text)} (its answer {moves}).")
    return lines


def skipped_sentence(advice: AdviceReport) -> str:
    skipped = advice.insights.skipped
    if not skipped:
        return ""
    count = len(skipped)
    return (
        f"{count} question{'s were' if count != 1 else ' was'} not asked: no answer to "
        f"{'them' if count != 1 else 'it'} could change the winner."
    )


def replay_sentence(advice: AdviceReport) -> str:
    """For saved answers replayed against a criteria file that changed since:
    'The criteria file changed since these answers were saved: then X by 32.8, now X
    by 14.4.'"""
    replay = advice.replay
    if not replay or not replay.criteria_changed:
        return ""
    then, now = replay.then, replay.now
    margin = then.margin
    was = f"{margin:.1f}" if isinstance(margin, (int, float)) else "?"
    changed = "The criteria file changed since these answers were saved"
    if then.winner == now.winner:
        return (
            f"{changed}; {now.winner_label} still comes first (by {was} then, "
            f"{now.margin:.1f} now)."
        )
    return (
        f"{changed}; {then.winner_label} came first then (by {was}), "
        f"{now.winner_label} now (by {now.margin:.1f})."
    )


def weighed_by(row: WeightRow) -> str:
    """'Weight 9 = default 2, +3 for 'An admin-heavy app' (What are you building?), ...'"""
    parts = [f"default {number_text(row.base)}"]
    for change in row.changes:
        sign = "+" if change.delta > 0 else "-"
        parts.append(
            f"{sign}{number_text(abs(change.delta))} for {_q(change.choice_label)} ({change.text})"
        )
    clamped = " (not below 0)" if row.clamped_at_zero else ""
    return f"{row.label}: weight {number_text(row.weight)}{clamped} = " + ", ".join(parts)


def verdict_lines(advice: AdviceReport) -> list[str]:
    """The closing line of a tall report, longest first: the verdict again, where
    the eye lands last. The view shows the longest that fits on one line."""
    verdict = advice.verdict
    winner, runner_up = verdict.winner_label, verdict.runner_up_label
    confidence = verdict.confidence
    kind = verdict.kind
    short = f"Verdict: {winner}"
    if kind == "clear":
        sure = f", {confidence.label} confidence" if confidence else ""
        return [
            f"Verdict: {winner} ({verdict.margin:.1f} points ahead{sure})",
            f"Verdict: {winner} ({verdict.margin:.1f} points ahead)",
            short,
        ]
    if kind == "close":
        return [
            f"Verdict: {winner} by {verdict.margin:.1f} over {runner_up}, a close call",
            f"Verdict: {winner}, a close call",
            short,
        ]
    if kind == "tie":
        return [f"Verdict: {winner} and {runner_up} tie ({winner} is listed first)", short]
    if kind == "only":
        return [f"Verdict: {winner}, the only option with every must-have", short]
    return ["Verdict: no option meets every must-have", "Verdict: no option fits"]
