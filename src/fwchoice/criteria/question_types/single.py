"""``type: single``: one of the listed choices."""

from __future__ import annotations

from fwchoice.criteria.question_types.base import ChoiceKind

KIND = ChoiceKind()
