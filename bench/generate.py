"""Generate large, valid criteria files for the scaling benchmarks and tests.

``generate(n)`` writes a file with ``n`` criteria and three options, questions
whose choices weigh criteria spread over the whole file, a preset and a
scenario, so every command does real work proportional to ``n``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OPTIONS = ("alpha", "beta", "gamma")
QUESTIONS = 8


def generate(criteria: int, *, padding: int = 0) -> str:
    """YAML text of a valid criteria file; ``padding`` adds words to each rationale."""
    lines = [
        "version: 1",
        f"title: Generated decision with {criteria} criteria",
        "options:",
        *(f"  {o}: {{label: {o.title()}}}" for o in OPTIONS),
        "criteria:",
    ]
    filler = " ".join(["word"] * padding)
    for i in range(criteria):
        ratings = ", ".join(f"{o}: {(i * (k + 2) + k) % 6}" for k, o in enumerate(OPTIONS))
        lines += [
            f"  c{i}:",
            f"    label: Criterion {i}",
            f"    description: What criterion {i} measures.",
            f"    weight: {1 + i % 4}",
            f"    ratings: {{{ratings}}}",
        ]
        if filler:
            lines.append(f"    rationale: {filler}")
    lines.append("questions:")
    for q in range(QUESTIONS):
        lines += [
            f"  q{q}:",
            f"    text: Question {q}?",
            "    type: single",
            "    default: a",
            "    choices:",
        ]
        for c, sign in (("a", 1), ("b", -1)):
            # Each choice weighs a slice of the criteria, so effects grow with n.
            targets = range(q, criteria, max(1, QUESTIONS * 4))
            effects = ", ".join(f"c{t}: {sign * (1 + t % 3)}" for t in targets)
            lines.append(f"      {c}: {{label: Choice {c}, weights: {{{effects}}}}}")
    lines += [
        "presets:",
        "  all-a:",
        "    description: Every question answered a",
        "    answers: {" + ", ".join(f"q{q}: a" for q in range(QUESTIONS)) + "}",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("criteria", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--padding", type=int, default=0)
    args = parser.parse_args()
    args.output.write_text(generate(args.criteria, padding=args.padding), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
