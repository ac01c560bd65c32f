"""The criteria document as typed, immutable data. No I/O, no validation.

Collections keyed by id are plain dicts in file order; weights and effects are
``Fraction`` so that scores, margins and ties are exact whatever order the
file lists things in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

QuestionType = Literal["single", "multiple", "yes_no", "scale"]


@dataclass(frozen=True)
class SourceRef:
    title: str
    url: str


@dataclass(frozen=True)
class Note:
    status: str
    text: str
    sources: tuple[SourceRef, ...] = ()
    suggested_ratings: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    label: str
    detail: str = ""


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    summary: str = ""
    url: str = ""
    strengths: tuple[str, ...] = ()
    ideal_for: tuple[Item, ...] = ()
    examples: tuple[Item, ...] = ()
    choose_when: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    description: str
    weight: Fraction
    ratings: dict[str, int]
    rationale: str = ""
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class FeatureValue:
    text: str
    builtin: bool | None = None
    fill: str = ""


@dataclass(frozen=True)
class Feature:
    id: str
    label: str
    values: dict[str, FeatureValue]
    description: str = ""
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class BenchmarkResult:
    value: float
    setup: str = ""


@dataclass(frozen=True)
class Benchmark:
    id: str
    label: str
    unit: str
    results: dict[str, BenchmarkResult]
    description: str = ""
    higher_is_better: bool = True
    approximate: bool = False
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Hybrid:
    id: str
    label: str
    summary: str
    options: tuple[str, ...]
    steps: tuple[str, ...] = ()
    when: str = ""


@dataclass(frozen=True)
class ConfidenceLevel:
    min_margin: Fraction
    label: str
    explanation: str = ""


@dataclass(frozen=True)
class DecisionRules:
    hybrid_margin: Fraction = Fraction(3)
    # Highest threshold first.
    confidence: tuple[ConfidenceLevel, ...] = ()


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    help: str = ""
    weights: dict[str, Fraction] = field(default_factory=dict)
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """A question; scale questions are normalised to choices '1'..'n'."""

    id: str
    text: str
    type: QuestionType
    choices: dict[str, Choice]
    help: str = ""
    default: tuple[str, ...] | None = None
    when: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def multiple(self) -> bool:
        return self.type == "multiple"


@dataclass(frozen=True)
class Preset:
    id: str
    description: str
    answers: dict[str, object]


@dataclass(frozen=True)
class Scenario:
    id: str
    description: str
    expect_winner: str
    expect_hybrid: bool | None = None
    preset: str | None = None
    answers: dict[str, object] = field(default_factory=dict)
    source: str = ""


@dataclass(frozen=True)
class DocumentSource:
    title: str
    url: str = ""
    author: str = ""
    published: str = ""


@dataclass(frozen=True)
class Document:
    version: int
    title: str
    options: dict[str, Option]
    criteria: dict[str, Criterion]
    description: str = ""
    source: DocumentSource | None = None
    features: dict[str, Feature] = field(default_factory=dict)
    benchmarks: dict[str, Benchmark] = field(default_factory=dict)
    hybrids: dict[str, Hybrid] = field(default_factory=dict)
    decision: DecisionRules = field(default_factory=DecisionRules)
    questions: dict[str, Question] = field(default_factory=dict)
    presets: dict[str, Preset] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
