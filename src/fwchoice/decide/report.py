"""The advice report as typed records: what a recommendation says, apart from how it is shown.

``decide/advice.py`` builds an ``AdviceReport`` (and ``decide/team.py`` a
``TeamReport``); every renderer (terminal, Markdown record, accessible text)
takes these records, and the JSON output is their ``as_json()``. So adding a
field to a record is one change here and one in the builder, and mypy then names
each renderer that must show it. Field names are the JSON keys, in JSON order
(``from_`` is written ``from``); shape: ``docs/schemas/advice.schema.json``,
fields: ``docs/json-output.md``.

Numbers are already as the JSON writes them (``plain_number`` or points rounded
to two places): the exact values decided the result, these only report it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from fwchoice.record import NamedTuple

if TYPE_CHECKING:
    from fwchoice.decide.evidence import RatingSet
    from fwchoice.decide.scoring import VerdictKind

Number = int | float
"""A number as the report shows it (exact fractions are rounded before they get here)."""
Rating = int | None
"""Stars of 0-5, or None where the file gives no rating."""
AnswerValue = object
"""An answer as an answers file writes it: a choice id, a list of them, or "not sure"."""
Direction = Literal["raise", "lower"]


class QuestionRef(NamedTuple):
    """A question by its id and its text (who needs a feature, what is still open...)."""

    question: str
    text: str


# -- how the result is reached --------------------------------------------------------


class ConfidenceLevel(NamedTuple):
    min_margin: Number
    label: str


class Method(NamedTuple):
    weight: str
    weights_from: Literal["answers", "team"]
    score: str
    weight_scale: str
    ties: str
    rating_max: int
    ratings: RatingSet
    hybrid_margin: Number
    confidence_levels: tuple[ConfidenceLevel, ...]


class AnswerGiven(NamedTuple):
    question: str
    text: str
    answer: AnswerValue
    display: str
    how: str


class WeightChange(NamedTuple):
    """An answer's effect on a criterion's weight."""

    question: str
    text: str
    choice: str
    choice_label: str
    delta: Number


class WeightRow(NamedTuple):
    """A criterion's final weight, how the answers reached it, and what it gave each option."""

    criterion: str
    label: str
    base: Number
    changes: tuple[WeightChange, ...]
    weight: Number
    weight_exact: str
    """The weight as an exact fraction ("7/2"): a team's average may not be a
    decimal a float can hold."""
    clamped_at_zero: bool
    ratings: dict[str, Rating]
    source_ratings: dict[str, Rating]
    evidence_ratings: dict[str, int]
    contributions: dict[str, Number]


class Score(NamedTuple):
    option: str
    label: str
    score: float
    weighted_sum: Number
    weighted_sum_exact: str
    maximum: Number
    maximum_exact: str
    excluded: bool


# -- the verdict ------------------------------------------------------------------------


class Confidence(NamedTuple):
    label: str
    explanation: str
    min_margin: Number


class ConditionAnswers(NamedTuple):
    """One question of a hybrid's condition, and the answers that meet it."""

    question: str
    text: str
    answers: tuple[str, ...]
    answer_labels: tuple[str, ...]


class HybridApproach(NamedTuple):
    id: str
    label: str
    summary: str
    options: tuple[str, ...]
    steps: tuple[str, ...]
    when: tuple[ConditionAnswers, ...]
    fits: str


class Lean(NamedTuple):
    """Who would lead with one answer to the tie-breaking question."""

    answer: str
    leader: str
    leader_label: str
    margin: float


class TieBreaker(NamedTuple):
    """The question whose answer would settle a close call or a tie."""

    question: str
    text: str
    current: str | None
    firm: bool
    leans: tuple[Lean, ...]


class Verdict(NamedTuple):
    """``winner`` (and ``runner_up``, ``margin``) are None when no option has every
    must-have (kind ``none``): nothing comes first then."""

    kind: VerdictKind
    winner: str | None
    winner_label: str | None
    runner_up: str | None
    runner_up_label: str
    margin: float | None
    confidence: Confidence | None
    hybrids: tuple[HybridApproach, ...]
    tie_breaker: TieBreaker | None


# -- why ----------------------------------------------------------------------------------


class RaisedBy(NamedTuple):
    """An answer that raised a reason's weight."""

    question: str
    text: str
    answer: str
    delta: Number


class DisputedRating(NamedTuple):
    """A rating of a reason's criterion that the evidence disputes."""

    option: str
    label: str
    source: int
    evidence: int


class Reason(NamedTuple):
    """A criterion that moved the margin towards one option, with the answers that weighed it."""

    criterion: str
    label: str
    weight: Number
    points: float
    winner_rating: Rating
    runner_up_rating: Rating
    raised_by: tuple[RaisedBy, ...]
    disputed: tuple[DisputedRating, ...]


class Exclusion(NamedTuple):
    """An option ruled out: it lacks a must-have feature and no accepted add-on fills it."""

    option: str
    option_label: str
    feature: str
    label: str
    value: str
    fill: str
    needed_by: tuple[QuestionRef, ...]


class Caveat(NamedTuple):
    """A needed feature the winner does not ship built in."""

    feature: str
    label: str
    option: str
    value: str
    fill: str
    needed_by: tuple[QuestionRef, ...]
    must_have: bool
    """A must-have the user accepts an add-on for, or one no option ships built in."""
    shared: bool = False
    """No option ships it built in: whichever is chosen needs an add-on."""


class AlternativeApproach(NamedTuple):
    """An approach beyond the options that the answers call for: ``outside`` when the
    project is one the options are not meant for (the report leads with it), ``beside``
    when it fits alongside the verdict."""

    id: str
    label: str
    scope: str
    summary: str
    url: str
    reasons: tuple[str, ...]
    trade_offs: tuple[str, ...]
    because: tuple[ConditionAnswers, ...]
    """The answers that met its condition."""


class Need(NamedTuple):
    feature: str
    label: str
    needed_by: tuple[QuestionRef, ...]


# -- what would change it ----------------------------------------------------------------


class AnswerChange(NamedTuple):
    """One answer changed: from what, to what (a multiple choice also as picked/dropped)."""

    question: str
    text: str
    from_: str
    to: str
    to_answer: AnswerValue
    settles: bool
    """The answer was unsure: this change is finding it out, not changing it."""
    added: tuple[str, ...]
    removed: tuple[str, ...]


class Flip(NamedTuple):
    """Answer changes that flip the verdict: ``winner`` first (``tie``: first on a tie
    of scores), or no option eligible (``winner`` None)."""

    changes: tuple[AnswerChange, ...]
    size: int
    """Choices added or dropped, summed over the changes (1 for a change to a question
    that is not multiple-choice)."""
    winner: str | None
    winner_label: str | None
    tie: bool


class AnswerFlips(NamedTuple):
    kind: Literal["single", "pair", "none"]
    changes: tuple[Flip, ...]
    searched_all: bool


class Threshold(NamedTuple):
    """The weight at which a criterion would put a challenger first."""

    criterion: str
    label: str
    challenger: str
    challenger_label: str
    direction: Direction
    current: Number
    current_exact: str
    threshold: Number
    threshold_exact: str
    """The threshold as an exact fraction ("278/3"); ``threshold`` rounds it."""
    shown: Number


class WhatWouldChangeIt(NamedTuple):
    answers: AnswerFlips | None
    weights: tuple[Threshold, ...]


# -- how sure ------------------------------------------------------------------------------


class Varied(NamedTuple):
    weights: int
    unsure_questions: tuple[QuestionRef, ...]
    disputed_ratings: int


class RobustnessFigure(NamedTuple):
    """How often the winner stays first when weights (and open answers) vary; with no
    option eligible (``winner`` None), how often none stays eligible."""

    winner: str | None
    share: float
    percent: str
    samples: int
    max_samples: int
    seed: int
    band: Number
    varied: Varied
    firsts: dict[str, int]


class Dispute(NamedTuple):
    """A rating where the evidence differs from the comparison the file carries."""

    criterion: str
    label: str
    option: str
    option_label: str
    source: int
    evidence: int
    note: str


class OtherVerdict(NamedTuple):
    """The verdict under the other rating set (no winner when no option is eligible)."""

    kind: VerdictKind
    winner: str | None
    winner_label: str | None
    runner_up: str | None
    runner_up_label: str
    margin: float | None
    scores: dict[str, float]


class Evidence(NamedTuple):
    ratings: RatingSet
    other: RatingSet
    disputed: tuple[Dispute, ...]
    other_verdict: OtherVerdict | None
    holds: bool


class ScoreRange(NamedTuple):
    low: float
    high: float


class SettleFirst(NamedTuple):
    question: str
    text: str
    swing: float
    changes_winner: bool
    """Whether its answer alone can change who comes first."""


class Uncertainty(NamedTuple):
    """Score ranges over what the open answers could be."""

    questions: tuple[QuestionRef, ...]
    exact: bool
    worlds: int
    ranges: dict[str, ScoreRange]
    possible_winners: tuple[str, ...]
    winner_can_change: bool
    settle_first: SettleFirst | None


class Insights(NamedTuple):
    uncertainty: Uncertainty | None
    skipped: tuple[QuestionRef, ...]


# -- saved answers replayed ----------------------------------------------------------------


class SavedVerdict(NamedTuple):
    """The verdict the answers led to when saved, as the saved file says (unchecked, so
    anything may be missing; a margin that is not a number is None)."""

    sha256: object
    winner: object
    winner_label: object
    margin: float | None
    kind: object
    scores: object


class CurrentVerdict(NamedTuple):
    """The verdict the saved answers lead to now."""

    sha256: str
    winner: str
    winner_label: str
    margin: float
    kind: VerdictKind
    scores: dict[str, float]


class Moved(NamedTuple):
    """A criterion whose change since the answers were saved moved the margin."""

    criterion: str
    label: str
    changes: tuple[str, ...]
    margin_change: float


class Replay(NamedTuple):
    criteria_changed: bool
    then: SavedVerdict
    now: CurrentVerdict
    pair: tuple[str, str | None]
    moved_by: tuple[Moved, ...]


# -- the reports ---------------------------------------------------------------------------


class AdviceReport(NamedTuple):
    """One recommendation (a person's, or a team's combined weights), every number behind it."""

    format: str
    format_version: int
    criteria_file: dict[str, str | int]
    title: str
    method: Method
    answers: tuple[AnswerGiven, ...]
    weights: tuple[WeightRow, ...]
    scores: tuple[Score, ...]
    verdict: Verdict
    reasons: tuple[Reason, ...]
    counter_reasons: tuple[Reason, ...]
    exclusions: tuple[Exclusion, ...]
    caveats: tuple[Caveat, ...]
    needs: tuple[Need, ...]
    what_would_change_it: WhatWouldChangeIt
    robustness: RobustnessFigure | None
    evidence: Evidence
    insights: Insights
    alternatives: tuple[AlternativeApproach, ...] = ()
    """Approaches beyond the options the answers call for (empty for a team)."""
    replay: Replay | None = None
    """Only when saved answers are replayed (and then only in the JSON)."""

    @property
    def team(self) -> bool:
        return self.method.weights_from == "team"

    def labels(self) -> dict[str, str]:
        """Each option's label by id, in the order of the scores."""
        return {s.option: s.label for s in self.scores}

    def as_json(self) -> dict[str, object]:
        data = json_value(self)
        assert isinstance(data, dict)
        if self.replay is None:
            del data["replay"]
        return data


class Person(NamedTuple):
    """One teammate's verdict, from their own answers."""

    name: str
    file: str
    winner: str | None
    winner_label: str | None
    kind: VerdictKind
    margin: float | None
    scores: dict[str, float]


class MemberAnswer(NamedTuple):
    member: str
    display: str


class AgendaItem(NamedTuple):
    """A question the team answered differently, and how far it moves the combined margin."""

    question: str
    text: str
    answers: tuple[MemberAnswer, ...]
    swing: float | None
    """None when fewer than two of the reruns have two eligible options to measure."""
    can_change_winner: bool
    decides_exclusion: tuple[str, ...]


class TeamReport(NamedTuple):
    format: str
    format_version: int
    criteria_file: dict[str, str | int]
    members: tuple[Person, ...]
    combined: AdviceReport
    agenda: tuple[AgendaItem, ...]

    def as_json(self) -> dict[str, object]:
        data = json_value(self)
        assert isinstance(data, dict)
        data["combined"] = self.combined.as_json()
        return data


def json_value(value: object) -> object:
    """A record as JSON data: each record a dict of its fields in order, tuples lists."""
    if isinstance(value, tuple):
        fields: tuple[str, ...] | None = getattr(value, "_fields", None)
        if fields is not None:
            return {
                name.rstrip("_"): json_value(item) for name, item in zip(fields, value, strict=True)
            }
        return [json_value(item) for item in value]
    if isinstance(value, list):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    return value
