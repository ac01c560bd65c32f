"""Approaches beyond the options: which ones the answers call for.

A criteria file may name approaches that are not among its options
(``alternatives``). Each carries its own conditions as data: it is offered when
the answers the user is sure of meet any one of them. An ``outside`` one says
the project is not what the options are meant for (a report leads with it,
before any scores); a ``beside`` one fits alongside the verdict.
"""

from __future__ import annotations

from collections.abc import Mapping

from fwchoice.criteria.answers import Answer, applicable_answers, condition_holds
from fwchoice.criteria.model import Alternative, Document


def offered(document: Document, answers: Mapping[str, Answer]) -> list[Alternative]:
    """The alternatives the answers call for, in file order. Only answers that count
    (their questions apply) and that the user is sure of meet a condition."""
    if not document.alternatives:
        return []
    counted = applicable_answers(document, answers)
    return [
        alternative
        for alternative in document.alternatives.values()
        if any(
            condition and condition_holds(condition, counted, unsure_matches=False)
            for condition in alternative.when
        )
    ]


def outside(document: Document, answers: Mapping[str, Answer]) -> list[Alternative]:
    """What fits instead, when the answers describe a project the options are not for."""
    return [a for a in offered(document, answers) if a.scope == "outside"]


def beside(document: Document, answers: Mapping[str, Answer]) -> list[Alternative]:
    """Approaches that fit alongside the verdict."""
    return [a for a in offered(document, answers) if a.scope == "beside"]
