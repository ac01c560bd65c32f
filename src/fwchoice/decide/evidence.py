"""Two sets of ratings: the source's, and the evidence's where a note disputes them.

A criterion's notes may carry evidence ratings (``evidence_ratings``): the
value a check of the frameworks' documentation supports, where it differs from
the source comparison's. The source's ratings are the default; the evidence
set is the same matrix with those ratings put in. Every other part of
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
    """The document scored by one rating set (the source's is the document itself)."""
    if ratings == "source" or not any(c.evidence for c in document.criteria.values()):
        return document
    criteria = {
        cid: c._replace(ratings={**c.ratings, **c.evidence}) if c.evidence else c
        for cid, c in document.criteria.items()
    }
    return document._replace(criteria=criteria)


def other(ratings: RatingSet) -> RatingSet:
    return "evidence" if ratings == "source" else "source"
