"""How robust a verdict is: how often the winner stays first when what it rests on varies.

Three things vary together, in each of ``samples`` variations:

- every weight, independently, within a band around the user's (band 1/2: from
  half to one and a half times its value; a weight of 0 stays 0);
- every unsure (or unasked) answer, over the answers its question allows, each
  equally likely, worked out as running fwchoice with that answer would
  (conditions, defaults and must-haves again);
- every disputed rating, between the source's value and the evidence's, each
  equally likely.

The share of variations in which the winner is still first is the robustness
figure. Variations are made in batches of ``BATCH``, up to ``samples``: the run
stops after a batch once the share is known to within ``PRECISION`` (the half
width of its 95% Wilson interval), so a clear verdict needs a thousand
variations and a close one gets all of them; the report says how many were made.
Stochastic multicriteria acceptability analysis (SMAA) and PROMETHEE tools vary
the weights; this varies the answers and the evidence too, in one
figure.

The result is identical on every run, machine and Python version: variations
come from ``random.Random(seed).random()`` (the generator Python promises to
keep), each sum is ``math.fsum`` of IEEE products (correctly rounded, so no
platform or version sums differently), and ties go to the file's order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from math import fsum, prod
from operator import mul
from typing import TYPE_CHECKING

from fwchoice.criteria.answers import Answer, Answers, applicable_answers, complete
from fwchoice.criteria.model import Document, RobustnessRules, exact
from fwchoice.decide.evidence import Disputed, disputed, rated_by
from fwchoice.decide.scorer import Scorer
from fwchoice.decide.uncertainty import question_alternatives
from fwchoice.record import NamedTuple

if TYPE_CHECKING:
    from fwchoice.decide.evidence import RatingSet

DEFAULTS = RobustnessRules(band=0.5, samples=10_000, seed=1)
BATCH = 1_000
PRECISION = 0.005
"""Stop once the share's 95% interval is at most half a point either side."""
WORK = 4_000_000
"""Weight-by-option products one run may compute (each variation costs about
weights x options: its draws, each rival's lead, and the scene it falls in): a file
with many criteria and options gets fewer variations (at least ``MIN_SAMPLES``), so
the run stays within seconds; the report says how many were made."""
MIN_SAMPLES = 100


class Robustness(NamedTuple):
    winner: str | None
    """The option the verdict puts first; None when no option has every must-have."""
    share: Fraction
    """Of the variations, the share in which ``winner`` comes first (with ``winner``
    None: in which no option has every must-have either)."""
    firsts: dict[str, int]
    """How many variations each option came first in (a variation with no eligible
    option counts for none)."""
    samples: int
    """Variations made (fewer than asked for a file with very many criteria)."""
    asked: int
    """Variations the file asks for at most (``decision.robustness.samples``)."""
    seed: int
    band: Fraction
    varied_weights: int
    """Weights that varied (those above 0)."""
    unsure_questions: tuple[str, ...]
    disputed: tuple[Disputed, ...]


def _half_width(hits: int, n: int) -> float:
    """Half the width of the 95% Wilson score interval of hits/n."""
    from math import sqrt

    z = 1.959963984540054
    share = hits / n
    return z / (1 + z * z / n) * sqrt(share * (1 - share) / n + z * z / (4 * n * n))


def _scaled(
    scorer: Scorer, weights: Mapping[str, Fraction], excluded: frozenset[str]
) -> tuple[list[int], frozenset[int]]:
    """Exact weights as whole numbers (one common factor changes no order)."""
    from math import lcm

    factor = 1
    for value in weights.values():
        factor = lcm(factor, Fraction(value).denominator)
    whole = [int(Fraction(weights.get(c, 0)) * factor) for c in scorer.criteria]
    return whole, frozenset(i for i, o in enumerate(scorer.options) if o in excluded)


def sample_limit(asked: int, varied: int, options: int) -> int:
    """Variations to make: as asked, unless ``WORK`` caps them (never below
    ``MIN_SAMPLES``, nor above what was asked)."""
    capped = WORK // max(1, varied * options)
    return min(asked, max(MIN_SAMPLES, capped))


def rules_of(document: Document) -> RobustnessRules:
    return document.decision.robustness or DEFAULTS


class _Scene(NamedTuple):
    """One combination of answers and ratings, ready to score many weight variations.

    With weight w_k varied to w_k * ((1 - b) + 2b * u_k), u_k uniform in [0, 1),
    option i leads the file's first eligible option by
    lead[i] + sum_k slope[i][k] * u_k: one dot product per option and variation.
    """

    varied: tuple[int, ...]
    """Indices of the weights above 0 (the ones that vary)."""
    reference: int | None
    """The first eligible option in file order: the others must beat it strictly
    (None: no option is eligible, so none comes first)."""
    rivals: tuple[tuple[int, float, tuple[float, ...]], ...]
    """(option, lead, slopes) for each other eligible option."""

    @classmethod
    def build(
        cls, weights: list[int], ratings: list[list[int]], excluded: frozenset[int], band: Fraction
    ) -> _Scene:
        varied = tuple(k for k, w in enumerate(weights) if w)
        eligible = [i for i in range(len(ratings)) if i not in excluded]
        if not eligible:
            return cls(varied, None, ())
        first = eligible[0]
        # Whole weights can be huge (a weight of 5e-324 beside 1 scales them by 2**1074):
        # divided by the largest, every lead and slope is a float of at most a few units.
        # (int / int is correctly rounded however large the ints are.)
        top = max(weights, default=0) or 1
        still, spread = float(1 - band), float(2 * band)
        rivals = []
        for i in eligible[1:]:
            gaps = [weights[k] * (ratings[i][k] - ratings[first][k]) for k in varied]
            lead = still * (sum(gaps) / top)
            slopes = tuple(spread * (g / top) for g in gaps)
            rivals.append((i, lead, slopes))
        return cls(varied, first, tuple(rivals))

    def first(self, draws: list[float]) -> int | None:
        best, best_lead = self.reference, 0.0
        for option, lead, slopes in self.rivals:
            total = lead + fsum(map(mul, slopes, draws))
            if total > best_lead:
                best, best_lead = option, total
        return best


class _Worlds:
    """Every combination of open answers and disputed ratings, each one number in a mixed
    radix (a variation draws it once), and its scene, built the first time it is drawn."""

    def __init__(
        self,
        document: Document,
        scorer: Scorer,
        given: Answers,
        open_questions: tuple[str, ...],
        contested: tuple[Disputed, ...],
        fixed: tuple[list[int], frozenset[int]],
        band: Fraction,
    ) -> None:
        self.document, self.scorer, self.given, self.band = document, scorer, given, band
        self.open_questions, self.contested, self.fixed = open_questions, contested, fixed
        self.alternatives = [question_alternatives(document.questions[q]) for q in open_questions]
        self.radices = [len(a) for a in self.alternatives] + [2] * len(contested)
        self.count = prod(self.radices)
        self.position = {c: i for i, c in enumerate(scorer.criteria)}
        self.scenes: dict[int, _Scene] = {}

    def rated(self, sides: Sequence[int]) -> list[list[int]]:
        """The ratings with each disputed one on its side (0 the source's, 1 the evidence's)."""
        rows = [list(row) for row in self.scorer.ratings]
        for d, side in zip(self.contested, sides, strict=True):
            if side:
                rows[self.scorer.options.index(d.option)][self.position[d.criterion]] = d.evidence
        return rows

    def scene(self, number: int) -> _Scene:
        if number not in self.scenes:
            digits = []
            rest = number
            for radix in self.radices:
                rest, digit = divmod(rest, radix)
                digits.append(digit)
            picks, sides = digits[: len(self.alternatives)], digits[len(self.alternatives) :]
            world = self.fixed
            if self.open_questions:
                changed = dict(self.given)
                picked = zip(self.open_questions, self.alternatives, picks, strict=True)
                for qid, choices, pick in picked:
                    changed[qid] = Answer(choices[pick], "asked")
                resolved, _ = complete(self.document, changed, fill_defaults=True)
                world = self.scorer.outcome(resolved)
            self.scenes[number] = _Scene.build(world[0], self.rated(sides), world[1], self.band)
        return self.scenes[number]


def _firsts(worlds: _Worlds, limit: int, seed: int, winner: int | None) -> list[int]:
    """How often each option comes first, over up to ``limit`` variations drawn in
    batches, and last how often none is eligible: after each batch, stop once the
    share in which the verdict holds (``winner`` first; None: none eligible) is known
    closely enough."""
    import random

    draw = random.Random(seed).random
    none = len(worlds.scorer.options)
    firsts = [0] * (none + 1)
    samples = 0
    count = worlds.count
    while samples < limit:
        for _ in range(min(BATCH, limit - samples)):
            number = int(draw() * count) % count if count > 1 else 0
            current = worlds.scene(number)
            first = current.first([draw() for _ in current.varied])
            firsts[none if first is None else first] += 1
        samples = sum(firsts)
        if _half_width(firsts[none if winner is None else winner], samples) <= PRECISION:
            break
    return firsts


def robustness(
    document: Document,
    answers: Answers,
    given: Answers | None = None,
    *,
    ratings: RatingSet = "evidence",
    unsure: Sequence[str] | None = None,
    weights_and_exclusions: tuple[Mapping[str, Fraction], frozenset[str]] | None = None,
) -> Robustness:
    """Vary weights, unsure answers and disputed ratings; count who comes first.

    ``document`` is the file as written (the source's ratings): disputed ratings
    vary between both values whichever set the report scores by. ``unsure`` are
    the questions to vary (default: the applicable answers marked unsure).
    ``weights_and_exclusions`` tests given weights instead of answers' (a team's
    averaged weights and its exclusions): only weights and ratings vary then.
    """
    if ratings == "source":  # the published comparison: its own criteria only
        document = rated_by(document, "source")
    rules = rules_of(document)
    counted = applicable_answers(document, answers)
    open_questions = tuple(
        unsure if unsure is not None else (q for q, a in counted.items() if a.unsure)
    )
    contested = tuple(disputed(document))
    scorer = Scorer(document)
    band = Fraction(exact(rules.band))  # the decimal as written: 0.1 is 1/10
    # The verdict being tested: the ratings the report scores by, unsure answers
    # left unsure (they change nothing).
    if weights_and_exclusions is not None:
        weights, excluded = _scaled(scorer, *weights_and_exclusions)
        open_questions = ()
    else:
        weights, excluded = scorer.outcome(counted)
    worlds = _Worlds(
        document,
        scorer,
        answers if given is None else given,
        open_questions,
        contested,
        (weights, excluded),
        band,
    )
    rows = worlds.rated([1 if ratings == "evidence" else 0] * len(contested))
    sums = [sum(map(mul, weights, row)) for row in rows]
    eligible = [i for i in range(len(sums)) if i not in excluded]
    winner = max(eligible, key=lambda i: (sums[i], -i)) if eligible else None
    varied = sum(1 for w in weights if w)
    limit = sample_limit(rules.samples, varied, len(scorer.options))
    firsts = _firsts(worlds, limit, rules.seed, winner)
    samples = sum(firsts)
    held = firsts[len(scorer.options) if winner is None else winner]
    return Robustness(
        winner=None if winner is None else scorer.options[winner],
        share=Fraction(held, samples),
        firsts=dict(zip(scorer.options, firsts[:-1], strict=True)),
        samples=samples,
        asked=rules.samples,
        seed=rules.seed,
        band=band,
        varied_weights=varied,
        unsure_questions=open_questions,
        disputed=contested,
    )
