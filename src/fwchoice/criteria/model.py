"""The criteria document as typed, immutable data. No I/O, no validation.

Collections keyed by id are plain dicts in file order. Weights and effects are
exact numbers (``Exact``: a whole number, or a ``Fraction`` for a decimal such
as 0.5) so that scores, margins and ties are exact whatever order the file
lists things in; whole numbers stay ``int`` so that reading a file needs no
``fractions`` (the common case).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, Protocol

from fwchoice.record import NamedTuple

if TYPE_CHECKING:
    from fractions import Fraction
    from typing import TypeAlias

    from fwchoice.criteria.schema import Field, Spec

    Exact: TypeAlias = int | Fraction

PromptKind = Literal["select", "checkbox"]
"""How a prompt offers the choices: pick one, or tick any number."""

FORMAT_VERSION = 1
RATING_MIN = 0
RATING_MAX = 5
UNSURE = "unsure"
"""The answer 'not sure', accepted by every question."""


def exact(value: float) -> Exact:
    """A number from YAML as the decimal its author wrote (0.1 is 1/10, not a binary float).

    Whole numbers stay ``int``; ``fractions`` is imported only for a decimal."""
    if isinstance(value, int):
        return value
    if value.is_integer():
        return int(value)
    from fractions import Fraction

    return Fraction(repr(value))


# The default for mapping fields: immutable, so one shared instance is safe.
EMPTY: Mapping[Any, Any] = MappingProxyType({})


class SourceRef(NamedTuple):
    title: str
    url: str
    date: str = ""
    """The source's own date (YYYY-MM-DD, YYYY-MM or YYYY), or empty."""
    version: str = ""
    """The version of what the source describes, or empty."""


class Note(NamedTuple):
    status: str
    text: str
    sources: tuple[SourceRef, ...] = ()
    evidence_ratings: Mapping[str, int] = EMPTY
    """On a criterion's note: ratings the evidence supports where they differ."""
    checked: str = ""
    """The day the claim was confirmed against its sources (YYYY-MM-DD), or empty."""
    supports: Mapping[str, bool] = EMPTY
    """On a feature's note: per option, whether the note says it ships the feature built in."""


class Item(NamedTuple):
    label: str
    detail: str = ""


class Option(NamedTuple):
    id: str
    label: str
    summary: str = ""
    url: str = ""
    strengths: tuple[str, ...] = ()
    ideal_for: tuple[Item, ...] = ()
    examples: tuple[Item, ...] = ()
    choose_when: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()


class Criterion(NamedTuple):
    id: str
    label: str
    description: str
    weight: Exact
    ratings: dict[str, int]
    rationale: str = ""
    notes: tuple[Note, ...] = ()
    evidence: Mapping[str, int] = EMPTY
    """The evidence ratings of its notes, by option: only where they differ from
    ``ratings`` (the source's)."""
    in_source: bool = True
    """False: added from research, not a criterion of the source comparison."""


class FeatureValue(NamedTuple):
    text: str
    builtin: bool | None = None
    fill: str = ""
    published: str = ""
    """The source comparison's cell as published, where the evidence corrected it."""


class Feature(NamedTuple):
    id: str
    label: str
    values: dict[str, FeatureValue]
    description: str = ""
    notes: tuple[Note, ...] = ()


class BenchmarkResult(NamedTuple):
    value: float
    setup: str = ""


class Benchmark(NamedTuple):
    id: str
    label: str
    unit: str
    results: dict[str, BenchmarkResult]
    description: str = ""
    higher_is_better: bool = True
    approximate: bool = False
    notes: tuple[Note, ...] = ()


class Hybrid(NamedTuple):
    id: str
    label: str
    summary: str
    options: tuple[str, ...]
    steps: tuple[str, ...] = ()
    when: Mapping[str, frozenset[str]] = EMPTY
    """The answers that call for it, as a question's condition; empty: never suggested."""
    fits: str = ""


class Alternative(NamedTuple):
    """An approach beyond the options (``beside``), or what fits a project the options
    are not meant for (``outside``)."""

    id: str
    label: str
    scope: str
    summary: str
    when: tuple[Mapping[str, frozenset[str]], ...]
    """Offered when any one of these conditions holds."""
    url: str = ""
    reasons: tuple[str, ...] = ()
    trade_offs: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()


class ConfidenceLevel(NamedTuple):
    min_margin: Exact
    label: str
    explanation: str = ""


class RobustnessRules(NamedTuple):
    band: float
    """How far each weight may move, as a share of it (0.5: half to one and a half
    times). Kept as written: made exact where it is used, so that reading a file
    never imports ``fractions`` for it."""
    samples: int
    seed: int


class DecisionRules(NamedTuple):
    hybrid_margin: Exact = 3
    # Highest threshold first.
    confidence: tuple[ConfidenceLevel, ...] = ()
    robustness: RobustnessRules | None = None
    """None: the defaults (``decide.robustness.DEFAULTS``)."""
    review_after: int | None = None
    """Days after a record's date that it is due for review (None: no review date)."""


class Choice(NamedTuple):
    id: str
    label: str
    help: str = ""
    weights: Mapping[str, Exact] = EMPTY
    needs: tuple[str, ...] = ()
    must_have: tuple[str, ...] = ()
    accepts_add_ons: bool | None = None


ChoiceReader = Callable[[str, Mapping[str, Any]], "Choice"]
"""Reads one choice from its entry under ``choices:`` (the file format's shared part)."""


class ShapeProblem(NamedTuple):
    """What a question type finds wrong with how a question is written (lint reports it)."""

    code: str
    path: tuple[str | int, ...]
    """Below the question (``("choices", "unsure")``), or () for the question itself."""
    message: str


class Reference(NamedTuple):
    """A criterion or feature an answer's effects name, and where (below the question)."""

    what: Literal["criterion", "feature"]
    id: str
    path: tuple[str | int, ...]


class QuestionKind(Protocol):
    """What one question type does, everywhere a question is read, asked, answered or
    checked. Each type is one module of ``criteria/question_types``, listed once in its
    ``__init__``; nothing else branches on a type's name."""

    name: str
    """The ``type:`` a criteria file writes."""
    wording: str
    """What an answer is, in words: 'one choice', 'a point on a scale'."""
    prompt: PromptKind
    multiple: bool
    """An answer is any set of the choices (else exactly one of them)."""
    written_choices: bool
    """The file lists the choices under ``choices:`` (a scale derives them)."""

    def choices(self, raw: Mapping[str, Any], choice: ChoiceReader) -> dict[str, Choice]:
        """The question's choices, from its entry in the file."""

    def unanswered_default(self) -> tuple[str, ...] | None:
        """The default of a question whose file gives none (None: there is none)."""

    def parse(self, question: Question, raw: object) -> tuple[str, ...]:
        """The choice ids a raw answer (from a file, a flag or a preset) selects; raises
        ``AnswerProblem`` naming what the question accepts. 'Not sure' never gets here."""

    def accepted(self, question: Question) -> str:
        """What the question accepts, for messages: 'use one of a, b, or unsure'."""

    def raw_value(self, question: Question, choices: tuple[str, ...]) -> object:
        """An answer as an answers file writes it (the inverse of ``parse``)."""

    def every_answer(self, question: Question) -> list[tuple[str, ...]]:
        """Every answer the question allows."""

    def answer_count(self, question: Question) -> int:
        """How many answers the question allows (without listing them)."""

    def title(self, choice: Choice) -> str:
        """How a prompt shows one choice."""

    def shape_problems(
        self, qid: str, raw: Mapping[str, Any], question: Question
    ) -> Iterator[ShapeProblem]:
        """What is wrong with the question as written, beyond what the schema checks."""

    def references(self, raw: Mapping[str, Any], question: Question) -> Iterator[Reference]:
        """The criteria and features its answers' effects name."""

    def schema_fields(self, effect: Spec) -> dict[str, Field]:
        """The keys this type adds to a question in the file format (``effect`` is the
        spec of a weight change)."""

    def schema_rules(self) -> list[dict[str, Any]]:
        """JSON Schema conditions for a question of this type (``if`` type, ``then``...)."""


class DefaultRule(NamedTuple):
    """A default that applies when earlier answers meet ``when``."""

    when: Mapping[str, frozenset[str]]
    default: tuple[str, ...]


class Question(NamedTuple):
    """A question; its kind says how it is answered (a scale's points are choices '1'..'n')."""

    id: str
    text: str
    kind: QuestionKind
    choices: dict[str, Choice]
    help: str = ""
    default: tuple[str, ...] | None = None
    when: Mapping[str, frozenset[str]] = EMPTY
    default_when: tuple[DefaultRule, ...] = ()
    """Defaults that depend on earlier answers, the first that holds wins; else ``default``."""

    @property
    def type(self) -> str:
        return self.kind.name

    @property
    def multiple(self) -> bool:
        return self.kind.multiple


class Preset(NamedTuple):
    id: str
    description: str
    answers: dict[str, object]


class Scenario(NamedTuple):
    id: str
    description: str
    expect_winner: str
    expect_hybrid: bool | None = None
    expect_alternatives: tuple[str, ...] | None = None
    """The alternatives the answers must call for (None: not checked)."""
    preset: str | None = None
    answers: Mapping[str, object] = EMPTY
    source: str = ""


class DocumentSource(NamedTuple):
    title: str
    url: str = ""
    author: str = ""
    published: str = ""


class Document(NamedTuple):
    version: int
    title: str
    options: dict[str, Option]
    criteria: dict[str, Criterion]
    description: str = ""
    source: DocumentSource | None = None
    features: Mapping[str, Feature] = EMPTY
    benchmarks: Mapping[str, Benchmark] = EMPTY
    hybrids: Mapping[str, Hybrid] = EMPTY
    alternatives: Mapping[str, Alternative] = EMPTY
    decision: DecisionRules = DecisionRules()
    questions: Mapping[str, Question] = EMPTY
    presets: Mapping[str, Preset] = EMPTY
    scenarios: Mapping[str, Scenario] = EMPTY
