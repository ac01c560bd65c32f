"""A recommendation built as a typed report: the verdict first, and every number behind it.

This is the one place that decides what a report says. It builds the records of
``decide/report.py``; the JSON output is their ``as_json()``, and the terminal,
Markdown (MADR) and accessible renderers only lay them out, so no format can
say something another does not. Shape: ``docs/schemas/advice.schema.json``;
fields: ``docs/json-output.md``.

What it holds, in the order a report shows it: the verdict and its confidence,
each option's score, the strongest reasons both ways (each with the answers
that weighed it, and marked where a rating is disputed), must-have exclusions
and caveats, what would change it (answer changes first, then every weight
threshold), the robustness figure, and the verdict under the other rating set;
then the details (weights, the matrix, open answers, skipped questions).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

from fwchoice.comparison import exact_text, plain_number
from fwchoice.criteria.answers import (
    Answer,
    Answers,
    applicable_answers,
    condition_holds,
    display,
    raw_value,
)
from fwchoice.criteria.model import RATING_MAX, Document, Hybrid
from fwchoice.decide.alternatives import offered
from fwchoice.decide.changes import FIRM, answer_flips, tie_breaker
from fwchoice.decide.evidence import Disputed, RatingSet, disputed, other, rated_by
from fwchoice.decide.report import (
    AdviceReport,
    AlternativeApproach,
    AnswerChange,
    AnswerFlips,
    AnswerGiven,
    Caveat,
    ConditionAnswers,
    Confidence,
    ConfidenceLevel,
    Dispute,
    DisputedRating,
    Evidence,
    Exclusion,
    Flip,
    HybridApproach,
    Insights,
    Lean,
    Method,
    Need,
    OtherVerdict,
    QuestionRef,
    RaisedBy,
    Reason,
    RobustnessFigure,
    Score,
    ScoreRange,
    SettleFirst,
    Threshold,
    TieBreaker,
    Uncertainty,
    Varied,
    Verdict,
    WeightChange,
    WeightRow,
    WhatWouldChangeIt,
)
from fwchoice.decide.robustness import Robustness, robustness
from fwchoice.decide.scoring import Evaluation, evaluate
from fwchoice.decide.uncertainty import uncertainty_for

ADVICE_FORMAT_VERSION = 3
"""3: no ``verdict.winner`` (null) when no option is eligible; every answer change that
flips the verdict (with ``size`` and ``settles``); a team swing between eligible options;
exact values (``*_exact``) beside rounded ones."""
REASONS = 3
COUNTER_REASONS = 1

WEIGHT_SCALE = (
    "Weights are points of importance: each criterion starts at its default weight in the "
    "criteria file, each answer adds or takes away points, and 0 means the criterion does "
    "not count. A score is the weighted average of the ratings, out of 100."
)
TIE_RULE = "Options that score the same are ranked in the order the criteria file lists them."


def points(value: Fraction) -> float:
    """Points of 100, rounded for display and JSON; the exact value decides, never this."""
    return round(float(value), 2)


def answers_given(document: Document, answers: Answers) -> tuple[AnswerGiven, ...]:
    return tuple(
        AnswerGiven(
            qid,
            document.questions[qid].text,
            raw_value(document.questions[qid], answer),
            display(document.questions[qid], answer),
            answer.how,
        )
        for qid, answer in answers.items()
    )


def build_advice(
    document: Document,
    answers: Answers,
    *,
    given: Answers | None = None,
    skipped: list[str] | None = None,
    ratings: RatingSet = "evidence",
    criteria_file: dict[str, str],
) -> tuple[AdviceReport, Evaluation]:
    """Everything one person's recommendation says, from the file as written; and the
    evaluation it was made from (for saved answers and replays).

    ``answers`` are the resolved answers (unsure ones included), ``given`` every
    answer given (also to questions that did not apply), ``skipped`` the
    questions the questionnaire did not ask because they could not matter.
    """
    given = answers if given is None else given
    skipped = skipped or []
    scored = rated_by(document, ratings)
    evaluation = evaluate(scored, answers)
    alternative = evaluate(rated_by(document, other(ratings)), answers)
    working = dict(answers)
    for qid in skipped:  # unasked questions could be anything: they vary like unsure ones
        working[qid] = Answer.not_sure("asked")
    unsure = [q for q, a in working.items() if a.unsure]
    report = advice_report(
        scored,
        evaluation,
        criteria_file=criteria_file,
        ratings=ratings,
        source=document,
        alternative=alternative,
        tested=robustness(document, working, given, ratings=ratings, unsure=unsure),
    )
    # Questions left unasked stay open in every changed run too, as in the verdict:
    # a rerun would not fill them with defaults behind the user's back.
    open_given = {**given, **{q: working[q] for q in skipped}}
    verdict = report.verdict
    if evaluation.verdict.kind in ("close", "tie") and not evaluation.verdict.hybrids:
        verdict = verdict._replace(tie_breaker=_tie_breaker(scored, working, open_given))
    changes = report.what_would_change_it._replace(
        answers=_answer_changes(scored, working, open_given)
    )
    report = report._replace(
        verdict=verdict,
        what_would_change_it=changes,
        insights=_insights(scored, working, unsure, skipped),
    )
    return report, evaluation


def advice_report(
    document: Document,
    evaluation: Evaluation,
    *,
    criteria_file: dict[str, str],
    ratings: RatingSet = "evidence",
    source: Document | None = None,
    alternative: Evaluation | None = None,
    tested: Robustness | None = None,
    team: bool = False,
) -> AdviceReport:
    """The report for one evaluation (a person's, or a team's combined weights).

    ``document`` is the file as scored (by ``ratings``), ``source`` the file as
    written, ``alternative`` the same answers under the other rating set.
    """
    source = source or document
    contested = {(d.criterion, d.option): d for d in disputed(source)}
    return AdviceReport(
        format="fwchoice.advice",
        format_version=ADVICE_FORMAT_VERSION,
        criteria_file={**criteria_file, "version": document.version},
        title=document.title,
        method=_method(document, ratings, team=team),
        answers=answers_given(document, evaluation.answers),
        weights=_weights(document, source, evaluation),
        scores=_scores(document, evaluation),
        verdict=advice_verdict(document, evaluation),
        reasons=_reasons(document, evaluation, contested, winning=True),
        counter_reasons=_reasons(document, evaluation, contested, winning=False),
        exclusions=_exclusions(document, evaluation),
        caveats=_caveats(document, evaluation),
        needs=tuple(
            Need(fid, document.features[fid].label, _questions(document, asked_by))
            for fid, asked_by in evaluation.needs.items()
            if fid in document.features
        ),
        what_would_change_it=WhatWouldChangeIt(None, _thresholds(document, evaluation)),
        robustness=_robustness(document, tested) if tested else None,
        evidence=_evidence(document, source, evaluation, ratings, alternative),
        insights=Insights(None, ()),
        alternatives=() if team else _alternatives(document, evaluation),
    )


def _alternatives(document: Document, evaluation: Evaluation) -> tuple[AlternativeApproach, ...]:
    """The approaches beyond the options that the answers call for, each with the
    answers that met its condition (the first condition that holds)."""
    counted = applicable_answers(document, evaluation.answers)
    result = []
    for alternative in offered(document, evaluation.answers):
        met = next(
            c for c in alternative.when if c and condition_holds(c, counted, unsure_matches=False)
        )
        result.append(
            AlternativeApproach(
                id=alternative.id,
                label=alternative.label,
                scope=alternative.scope,
                summary=alternative.summary,
                url=alternative.url,
                reasons=alternative.reasons,
                trade_offs=alternative.trade_offs,
                because=_condition_answers(document, met),
            )
        )
    return tuple(result)


def _method(document: Document, ratings: RatingSet, *, team: bool) -> Method:
    return Method(
        weight=(
            "each person's weights (default weight + effects of their answers, never "
            "below 0), averaged"
            if team
            else "default weight + effects of the answers given, never below 0"
        ),
        weights_from="team" if team else "answers",
        score=f"100 * sum(weight * rating) / ({RATING_MAX} * sum(weight))",
        weight_scale=WEIGHT_SCALE,
        ties=TIE_RULE,
        rating_max=RATING_MAX,
        ratings=ratings,
        hybrid_margin=plain_number(document.decision.hybrid_margin),
        confidence_levels=tuple(
            ConfidenceLevel(plain_number(c.min_margin), c.label)
            for c in document.decision.confidence
        ),
    )


def _weights(document: Document, source: Document, evaluation: Evaluation) -> tuple[WeightRow, ...]:
    rows = []
    for cid, weight in evaluation.weights.items():
        criterion = document.criteria[cid]
        written = source.criteria[cid]
        changes = tuple(
            WeightChange(
                c.question,
                document.questions[c.question].text,
                c.choice,
                document.questions[c.question].choices[c.choice].label,
                plain_number(c.delta),
            )
            for c in weight.changes
        )
        rows.append(
            WeightRow(
                criterion=cid,
                label=criterion.label,
                base=plain_number(weight.base),
                changes=changes,
                weight=plain_number(weight.value),
                weight_exact=exact_text(weight.value),
                clamped_at_zero=weight.clamped,
                ratings={o: criterion.ratings.get(o) for o in document.options},
                source_ratings={o: written.ratings.get(o) for o in document.options},
                evidence_ratings=dict(written.evidence),
                contributions={
                    o: plain_number(weight.value * criterion.ratings.get(o, 0))
                    for o in document.options
                },
            )
        )
    return tuple(rows)


def _scores(document: Document, evaluation: Evaluation) -> tuple[Score, ...]:
    ranking = evaluation.ranking
    total_weight = sum(ranking.weights.values(), Fraction(0))
    sums = {
        oid: sum(
            (w * document.criteria[c].ratings.get(oid, 0) for c, w in ranking.weights.items()),
            Fraction(0),
        )
        for oid in ranking.order
    }
    return tuple(
        Score(
            option=oid,
            label=document.options[oid].label,
            score=points(ranking.points(oid)),
            weighted_sum=plain_number(sums[oid]),
            weighted_sum_exact=exact_text(sums[oid]),
            maximum=plain_number(total_weight * RATING_MAX),
            maximum_exact=exact_text(total_weight * RATING_MAX),
            excluded=oid in ranking.excluded,
        )
        for oid in ranking.order
    )


def advice_verdict(document: Document, evaluation: Evaluation) -> Verdict:
    """The verdict as the report gives it: no winner (None) when no option is eligible."""
    verdict = evaluation.verdict
    labels = {oid: o.label for oid, o in document.options.items()}
    confidence = verdict.confidence
    if verdict.kind == "none":  # no option has every must-have: nothing comes first
        return Verdict("none", None, None, None, "", None, None, (), None)
    return Verdict(
        kind=verdict.kind,
        winner=verdict.winner,
        winner_label=labels[verdict.winner],
        runner_up=verdict.runner_up,
        runner_up_label=labels.get(verdict.runner_up or "", ""),
        margin=points(verdict.margin),
        confidence=(
            Confidence(
                confidence.label, confidence.explanation, plain_number(confidence.min_margin)
            )
            if confidence
            else None
        ),
        hybrids=tuple(hybrid_approach(document, h) for h in verdict.hybrids),
        tie_breaker=None,
    )


def hybrid_approach(document: Document, hybrid: Hybrid) -> HybridApproach:
    """A hybrid approach, with the answers that call for it written out."""
    return HybridApproach(
        hybrid.id,
        hybrid.label,
        hybrid.summary,
        tuple(hybrid.options),
        tuple(hybrid.steps),
        _condition_answers(document, hybrid.when),
        hybrid.fits,
    )


def _condition_answers(
    document: Document, condition: Mapping[str, frozenset[str]]
) -> tuple[ConditionAnswers, ...]:
    """A condition written out: each question, and the answers that meet it."""
    when = []
    for qid, allowed in condition.items():
        question = document.questions.get(qid)
        if question is None:
            continue
        chosen = tuple(c for c in question.choices if c in allowed)
        labels = tuple(question.choices[c].label for c in chosen)
        when.append(ConditionAnswers(qid, question.text, chosen, labels))
    return tuple(when)


def _questions(document: Document, qids: Iterable[str]) -> tuple[QuestionRef, ...]:
    return tuple(QuestionRef(q, document.questions[q].text) for q in qids)


def _reasons(
    document: Document,
    evaluation: Evaluation,
    contested: dict[tuple[str, str], Disputed],
    *,
    winning: bool,
) -> tuple[Reason, ...]:
    """The criteria that moved the margin most towards the winner (or, for the
    runner-up's case, towards the runner-up), each with the answers that weighed it.

    An advantage that the evidence's ratings take away (a disputed rating) is not
    a real argument: those come after every advantage that stands."""
    ranking = evaluation.ranking
    runner_up = ranking.runner_up
    if runner_up is None or not ranking.eligible:  # no winner to argue for
        return ()
    ordered = evaluation.contributions if winning else evaluation.contributions[::-1]
    ahead, behind = (ranking.winner, runner_up) if winning else (runner_up, ranking.winner)
    candidates = []
    for contribution in ordered:
        if (contribution.points <= 0) if winning else (contribution.points >= 0):
            break
        criterion = document.criteria[contribution.criterion]
        rated = {
            o: contested[(criterion.id, o)].evidence
            if (criterion.id, o) in contested
            else criterion.ratings.get(o)
            for o in (ahead, behind)
        }
        stands = (rated[ahead] or 0) > (rated[behind] or 0)
        candidates.append((not stands, contribution))
    candidates.sort(key=lambda pair: pair[0])  # stable: by points within each kind
    reasons = []
    for _, contribution in candidates[: REASONS if winning else COUNTER_REASONS]:
        criterion = document.criteria[contribution.criterion]
        weight = evaluation.weights[contribution.criterion]
        raised_by = tuple(
            RaisedBy(
                c.question,
                document.questions[c.question].text,
                document.questions[c.question].choices[c.choice].label,
                plain_number(c.delta),
            )
            for c in weight.changes
            if c.delta > 0
        )
        disputes = tuple(
            DisputedRating(
                option,
                document.options[option].label,
                contested[(criterion.id, option)].source,
                contested[(criterion.id, option)].evidence,
            )
            for option in (ranking.winner, runner_up)
            if (criterion.id, option) in contested
        )
        reasons.append(
            Reason(
                criterion=criterion.id,
                label=criterion.label,
                weight=plain_number(contribution.weight),
                points=points(abs(contribution.points)),
                winner_rating=criterion.ratings.get(ranking.winner),
                runner_up_rating=criterion.ratings.get(runner_up),
                raised_by=raised_by,
                disputed=disputes,
            )
        )
    return tuple(reasons)


def _exclusions(document: Document, evaluation: Evaluation) -> tuple[Exclusion, ...]:
    """Options a must-have rules out: a gap no accepted add-on fills, in a feature that
    another option ships built in."""
    result = []
    for gap in evaluation.gaps:
        if not gap.excludes:
            continue
        feature = document.features[gap.feature]
        value = feature.values[gap.option]
        result.append(
            Exclusion(
                option=gap.option,
                option_label=document.options[gap.option].label,
                feature=gap.feature,
                label=feature.label,
                value=value.text,
                fill=value.fill,
                needed_by=_questions(document, gap.asked_by),
            )
        )
    return tuple(result)


def _caveats(document: Document, evaluation: Evaluation) -> tuple[Caveat, ...]:
    """Needed features the winner does not ship built in (a must-have an accepted add-on
    fills among them); none when no option is eligible (there is no winner)."""
    if not evaluation.ranking.eligible:
        return ()
    winner = evaluation.ranking.winner
    must = {g.feature for g in evaluation.gaps if g.option == winner and not g.excludes}
    shared = {g.feature for g in evaluation.gaps if g.shared}
    result = []
    for caveat in evaluation.caveats:
        feature = document.features[caveat.feature]
        value = feature.values[winner]
        result.append(
            Caveat(
                feature=feature.id,
                label=feature.label,
                option=winner,
                value=value.text,
                fill=value.fill,
                needed_by=_questions(document, caveat.needed_by),
                must_have=feature.id in must,
                # No option ships it built in: whichever is chosen needs an add-on.
                shared=feature.id in shared,
            )
        )
    return tuple(result)


def _thresholds(document: Document, evaluation: Evaluation) -> tuple[Threshold, ...]:
    """Every weight threshold, nearest first."""
    return tuple(
        Threshold(
            criterion=flip.criterion,
            label=document.criteria[flip.criterion].label,
            challenger=flip.challenger,
            challenger_label=document.options[flip.challenger].label,
            direction=flip.direction,
            current=plain_number(flip.current),
            current_exact=exact_text(flip.current),
            threshold=plain_number(flip.threshold),
            threshold_exact=exact_text(flip.threshold),
            shown=plain_number(flip.shown),
        )
        for flip in evaluation.flips
    )


def _change(
    document: Document, answers: Answers, qid: str, choices: tuple[str, ...]
) -> AnswerChange:
    question = document.questions[qid]
    before = answers[qid].choices
    # A multiple-choice change reads best as what is picked or dropped.
    multiple = question.multiple
    return AnswerChange(
        question=qid,
        text=question.text,
        from_=display(question, answers[qid]),
        to=display(question, Answer(choices)),
        to_answer=raw_value(question, Answer(choices)),
        settles=answers[qid].unsure,
        added=tuple(question.choices[c].label for c in choices if c not in before)
        if multiple
        else (),
        removed=tuple(question.choices[c].label for c in before if c not in choices)
        if multiple
        else (),
    )


def _answer_changes(document: Document, answers: Answers, given: Answers) -> AnswerFlips:
    """The answer changes that flip the verdict: every single change, else pairs.
    A flip to a tie on score (first by the file's order) says so: ``tie``; a change
    that leaves no option with every must-have has no winner (None)."""
    found = answer_flips(document, answers, given)
    return AnswerFlips(
        found.kind,
        tuple(
            Flip(
                tuple(_change(document, answers, c.question, c.choices) for c in flip.changes),
                flip.size,
                flip.winner,
                document.options[flip.winner].label if flip.winner is not None else None,
                flip.tie,
            )
            for flip in found.flips
        ),
        found.searched_all,
    )


def _tie_breaker(document: Document, answers: Answers, given: Answers) -> TieBreaker | None:
    found = tie_breaker(document, answers, given)
    if found is None:
        return None
    question = document.questions[found.question]
    current = answers.get(found.question)
    return TieBreaker(
        question=found.question,
        text=question.text,
        current=display(question, current) if current else None,
        firm=bool(current and current.how in FIRM and not current.unsure),
        leans=tuple(
            Lean(
                display(question, Answer(lean.choices)),
                lean.leader,
                document.options[lean.leader].label,
                points(lean.margin),
            )
            for lean in found.leans
        ),
    )


def _robustness(document: Document, tested: Robustness) -> RobustnessFigure:
    return RobustnessFigure(
        winner=tested.winner,
        share=round(float(tested.share), 4),
        percent=_percent(tested.share),
        samples=tested.samples,
        max_samples=tested.asked,
        seed=tested.seed,
        band=plain_number(tested.band),
        varied=Varied(
            tested.varied_weights,
            _questions(document, tested.unsure_questions),
            len(tested.disputed),
        ),
        firsts=tested.firsts,
    )


def _percent(share: Fraction) -> str:
    """A share in whole percent, never rounded up to 100 or down to 0 when it is not."""
    value = share * 100
    shown = round(value)
    if shown == 100 and share < 1:
        return ">99"
    if shown == 0 and share > 0:
        return "<1"
    return str(shown)


def _evidence(
    document: Document,
    source: Document,
    evaluation: Evaluation,
    ratings: RatingSet,
    alternative: Evaluation | None,
) -> Evidence:
    contested = disputed(source)
    disputes = tuple(
        Dispute(
            criterion=d.criterion,
            label=source.criteria[d.criterion].label,
            option=d.option,
            option_label=source.options[d.option].label,
            source=d.source,
            evidence=d.evidence,
            note=d.note.text if d.note else "",
        )
        for d in contested
    )
    if alternative is None or not contested:
        return Evidence(ratings, other(ratings), disputes, None, True)
    shown = advice_verdict(document, alternative)
    other_verdict = OtherVerdict(
        kind=shown.kind,
        winner=shown.winner,
        winner_label=shown.winner_label,
        runner_up=shown.runner_up,
        runner_up_label=shown.runner_up_label,
        margin=shown.margin,
        scores={o: points(alternative.ranking.points(o)) for o in alternative.ranking.order},
    )
    holds = shown.winner == advice_verdict(document, evaluation).winner
    return Evidence(ratings, other(ratings), disputes, other_verdict, holds)


def _insights(
    document: Document, answers: Answers, unsure: list[str], skipped: list[str]
) -> Insights:
    """Open answers: score ranges over what they could be, and which to settle first."""
    skipped_questions = _questions(document, skipped)
    uncertainty = uncertainty_for(document, answers) if unsure else None
    if uncertainty is None:
        return Insights(None, skipped_questions)
    settle = uncertainty.settle_first
    return Insights(
        Uncertainty(
            questions=_questions(document, uncertainty.open_questions),
            exact=uncertainty.exact,
            worlds=uncertainty.worlds,
            ranges={
                o: ScoreRange(points(lo), points(hi)) for o, (lo, hi) in uncertainty.ranges.items()
            },
            possible_winners=tuple(
                o for o in document.options if o in uncertainty.possible_winners
            ),
            winner_can_change=uncertainty.winner_can_change,
            settle_first=(
                SettleFirst(
                    settle,
                    document.questions[settle].text,
                    points(uncertainty.swings[settle]),
                    settle in uncertainty.deciding,
                )
                if settle
                else None
            ),
        ),
        skipped_questions,
    )
