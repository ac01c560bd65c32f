"""Two sets of ratings: the evidence's (the default) and the source's as published.

A criterion's notes may carry evidence ratings (``evidence_ratings``): the
value a check of the frameworks' documentation supports, where it differs from
the source comparison's. By default every rating is scored at its
best-supported value: the evidence's where it differs, else the source's. The
source set is the published comparison exactly, for comparison. Every other part of
fwchoice scores a ``Document``, so a rating set is a document with its
criteria's ratings replaced: nothing downstream needs to know which it is.
"""

from __future__ import annotations

from typing import Literal

from fwchoice.criteria.model import Document, Note
from fwchoice.record import NamedTuple

RatingSet = Literal["source", "evidence"]


class Disputed(NamedTuple):
    """A rating the evidence puts elsewhere."""

    criterion: str
    option: str
    source: int
    evidence: int
    note: Note | None
    """The note that gives the evidence rating (its text and sources)."""


def disputed(document: Document) -> list[Disputed]:
    """Every rating whose evidence value differs from the source's, in file order."""
    result = []
    for cid, criterion in document.criteria.items():
        for oid, rating in criterion.evidence.items():
            note = next((n for n in criterion.notes if oid in n.evidence_ratings), None)
            result.append(Disputed(cid, oid, criterion.ratings[oid], rating, note))
    return result


def rated_by(document: Document, ratings: RatingSet) -> Document:
    """The document scored by one rating set.

    ``evidence`` (the default everywhere): every rating at its best-supported value,
    the evidence's where a note puts it elsewhere. ``source``: the published
    comparison exactly, its ratings as published and only its own criteria (one
    added from research has no published rating, so it is left out)."""
    if ratings == "source":
        if all(c.in_source for c in document.criteria.values()):
            return document
        kept = {cid: c for cid, c in document.criteria.items() if c.in_source}
        return document._replace(criteria=kept) if kept else document
    if not any(c.evidence for c in document.criteria.values()):
        return document
    criteria = {
        cid: c._replace(ratings={**c.ratings, **c.evidence}) if c.evidence else c
        for cid, c in document.criteria.items()
    }
    return document._replace(criteria=criteria)


def other(ratings: RatingSet) -> RatingSet:
    return "evidence" if ratings == "source" else "source"
