"""What ``fwchoice`` alone prints: a short map of the commands, not an error."""

from __future__ import annotations

from fwchoice import __version__, console
from fwchoice.errors import EXIT_OK

OVERVIEW = f"""\
fwchoice {__version__}: choose a Python web framework with a weighted, explained recommendation.

  fwchoice advise                  answer a few questions, get a recommendation
  fwchoice advise --list-presets   typical projects you can start from
  fwchoice review docs/decisions   re-check recorded decisions against the criteria file
  fwchoice questions               every question's id and choices, for --set
  fwchoice matrix                  the comparison: ratings, features, benchmarks, use cases
  fwchoice lint criteria.yaml      check a criteria file (for CI and pre-commit)
  fwchoice init decision.yaml      start a decision file of your own
  fwchoice schema                  the criteria format as JSON Schema

Run 'fwchoice COMMAND --help' for a command's options and examples.
"""


def run() -> int:
    console.write(OVERVIEW)
    return EXIT_OK
