"""Every question type, registered once (as pre-commit lists its languages).

A type is one module here that implements ``criteria.model.QuestionKind`` (most
refine ``base.ChoiceKind``) and is listed in ``KINDS``: reading it from a file,
its schema, parsing answers, every possible answer, the prompt, lint's checks and
the words reports use all come from that module. The README's Development section
says what else adding one takes (its tests).
"""

from __future__ import annotations

from fwchoice.criteria.model import QuestionKind
from fwchoice.criteria.question_types import multiple, scale, single, yes_no

KINDS: dict[str, QuestionKind] = {
    kind.name: kind for kind in (single.KIND, multiple.KIND, yes_no.KIND, scale.KIND)
}
"""By the name a file gives in ``type:``, in the order the schema lists them."""
DEFAULT = single.KIND
"""The type of a question whose file names none (or one lint reports unknown)."""


def kind_named(name: object) -> QuestionKind:
    return KINDS.get(name, DEFAULT) if isinstance(name, str) else DEFAULT


def register(kind: QuestionKind) -> None:
    """Add a type (before the file format is first read: its schema lists the types)."""
    KINDS[kind.name] = kind
