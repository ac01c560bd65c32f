"""The criteria document as typed, immutable data. No I/O, no validation.

Collections keyed by id are plain dicts in file order. Weights and effects are
exact numbers (``Exact``: a whole number, or a ``Fraction`` for a decimal such
as 0.5) so that scores, margins and ties are exact whatever order the file
lists things in; whole numbers stay ``int`` so that reading a file needs no
``fractions`` (the common case).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from fwchoice.record import NamedTuple

if TYPE_CHECKING:
    from fractions import Fraction
    from typing import TypeAlias

    Exact: TypeAlias = int | Fraction

QuestionType = Literal["single", "multiple", "yes_no", "scale"]

FORMAT_VERSION = 1
RATING_MIN = 0
RATING_MAX = 5
UNSURE = "unsure"
"""The answer 'not sure', accepted by every question."""

# The default for mapping fields: immutable, so one shared instance is safe.
EMPTY: Mapping[Any, Any] = MappingProxyType({})


class SourceRef(NamedTuple):
    title: str
    url: str


class Note(NamedTuple):
    status: str
    text: str
    sources: tuple[SourceRef, ...] = ()
    evidence_ratings: Mapping[str, int] = EMPTY
    """On a criterion's note: ratings the evidence supports where they differ."""
    checked: str = ""
    """When its sources were last checked (YYYY-MM-DD), or empty."""


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


class FeatureValue(NamedTuple):
    text: str
    builtin: bool | None = None
    fill: str = ""


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


class Question(NamedTuple):
    """A question; scale questions are normalised to choices '1'..'n'."""

    id: str
    text: str
    type: QuestionType
    choices: dict[str, Choice]
    help: str = ""
    default: tuple[str, ...] | None = None
    when: Mapping[str, frozenset[str]] = EMPTY

    @property
    def multiple(self) -> bool:
        return self.type == "multiple"


class Preset(NamedTuple):
    id: str
    description: str
    answers: dict[str, object]


class Scenario(NamedTuple):
    id: str
    description: str
    expect_winner: str
    expect_hybrid: bool | None = None
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
    decision: DecisionRules = DecisionRules()
    questions: Mapping[str, Question] = EMPTY
    presets: Mapping[str, Preset] = EMPTY
    scenarios: Mapping[str, Scenario] = EMPTY
