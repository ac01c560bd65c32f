"""Must-haves: features the answers say must come with the framework.

A choice's ``must_have`` lists features. An option whose feature row says the
feature is not built in (``builtin: false``) cannot come first, with one
exception: when the row names the usual way to fill the gap (``fill``) and the
answers accept add-ons (a choice with ``accepts_add_ons: true``), the gap is a
caveat instead. A feature row that does not say (``builtin`` left out) never
excludes. A must-have that no option ships built in excludes none of them: it
cannot tell the options apart, and whichever comes first needs an add-on (a
caveat for the winner, saying so). Unsure answers add no must-have: the user
has not said it.
"""

from __future__ import annotations

from collections.abc import Mapping

from fwchoice.criteria.answers import Answer
from fwchoice.criteria.model import Document
from fwchoice.record import NamedTuple


class Gap(NamedTuple):
    """A must-have feature that ``option`` does not ship built in."""

    option: str
    feature: str
    asked_by: tuple[str, ...]
    """The questions whose answers made the feature a must-have."""
    filled: bool
    """True when an accepted add-on fills it (a caveat)."""
    shared: bool = False
    """True when no option ships the feature built in: a caveat, never an exclusion."""

    @property
    def excludes(self) -> bool:
        """Whether the gap keeps the option from coming first."""
        return not self.filled and not self.shared


def shipped_by_none(document: Document, feature_id: str) -> bool:
    """Whether no option of the file ships the feature built in (so it excludes none)."""
    feature = document.features.get(feature_id)
    if feature is None:
        return False
    return not any(
        value.builtin for option, value in feature.values.items() if option in document.options
    )


def must_have_features(document: Document, counted: Mapping[str, Answer]) -> dict[str, list[str]]:
    """Each must-have feature, with the questions that asked for it (answers that count)."""
    result: dict[str, list[str]] = {}
    for qid, answer in counted.items():
        question = document.questions[qid]
        for choice_id in answer.choices:
            choice = question.choices.get(choice_id)
            for feature in choice.must_have if choice else ():
                asked = result.setdefault(feature, [])
                if qid not in asked:
                    asked.append(qid)
    return result


def accepts_add_ons(document: Document, counted: Mapping[str, Answer]) -> bool:
    """Whether the answers accept a well-known add-on for a must-have (the last answer
    that says so decides; without one, they do not)."""
    accepted = False
    for qid, answer in counted.items():
        question = document.questions[qid]
        for choice_id in answer.choices:
            choice = question.choices.get(choice_id)
            if choice is not None and choice.accepts_add_ons is not None:
                accepted = choice.accepts_add_ons
    return accepted


def gaps(document: Document, counted: Mapping[str, Answer]) -> list[Gap]:
    """Every must-have some option lacks, in file order of options and features."""
    wanted = must_have_features(document, counted)
    if not wanted:
        return []
    add_ons = accepts_add_ons(document, counted)
    return gaps_for(document, wanted, add_ons)


def gaps_for(document: Document, wanted: Mapping[str, list[str]], add_ons: bool) -> list[Gap]:
    """The gaps of every option for the wanted must-haves (feature: asking questions)."""
    shared = {fid for fid in wanted if shipped_by_none(document, fid)}
    result = []
    for option in document.options:
        for fid, asked_by in wanted.items():
            feature = document.features.get(fid)
            value = feature.values.get(option) if feature else None
            if value is not None and value.builtin is False:
                filled = add_ons and bool(value.fill)
                result.append(Gap(option, fid, tuple(asked_by), filled, fid in shared))
    return result


def excluded(document: Document, counted: Mapping[str, Answer]) -> frozenset[str]:
    """The options that cannot come first: they lack a must-have no add-on may fill,
    and that another option ships built in."""
    return frozenset(g.option for g in gaps(document, counted) if g.excludes)
