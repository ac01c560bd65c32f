"""Values for shell completion, read from the criteria file the command would use.

Completion runs the program on every Tab press, so failures are silent (an
empty list): a broken file must not print errors into the user's prompt line.
"""

from __future__ import annotations

from typing import Any

from fwchoice.criteria.model import Document


def _document(ctx: Any) -> Document | None:
    from fwchoice.criteria.loader import load_criteria, resolve_source
    from fwchoice.errors import FwchoiceError

    criteria = (getattr(ctx, "params", None) or {}).get("criteria")
    try:
        return load_criteria(resolve_source(criteria)).document
    except (FwchoiceError, OSError):
        return None


def preset_names(ctx: Any) -> list[str]:
    document = _document(ctx)
    return list(document.presets) if document else []


def set_values(ctx: Any, incomplete: str) -> list[str]:
    """``ID=`` for each question, and ``ID=CHOICE`` once the id is typed."""
    document = _document(ctx)
    if document is None:
        return []
    qid, sep, _ = incomplete.partition("=")
    if not sep:
        return [f"{q}=" for q in document.questions]
    question = document.questions.get(qid)
    if question is None:
        return []
    return [f"{qid}={c}" for c in question.choices] + [f"{qid}=unsure"]
