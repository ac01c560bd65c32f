"""The typed report reaches every renderer: a field added to ``AdviceReport`` fails here
until the terminal view and the Markdown record read it (or it is listed as not shown)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from fwchoice.decide.report import AdviceReport

RENDER = Path(__file__).resolve().parents[1] / "src" / "fwchoice" / "render"
RENDERERS = {
    # Each renderer with the sentence module every format shares.
    "terminal and accessible view": ("advice_view.py", "advice_words.py"),
    "Markdown record": ("advice_markdown.py", "advice_words.py"),
}
NOT_SHOWN = {
    "format": "the JSON envelope",
    "format_version": "the JSON envelope",
    "title": "the criteria file's title; the view leads with the verdict instead",
}
NOT_IN = {
    "terminal and accessible view": {"needs": "a needed feature the winner lacks is a caveat"},
}


def attributes_read(*files: str) -> set[str]:
    names = set()
    for file in files:
        for node in ast.walk(ast.parse((RENDER / file).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                names.add(node.attr)
    return names


@pytest.mark.parametrize("renderer", list(RENDERERS))
def test_every_field_of_the_report_reaches_the_renderer(renderer: str) -> None:
    read = attributes_read(*RENDERERS[renderer])
    skipped = {**NOT_SHOWN, **NOT_IN.get(renderer, {})}
    unread = [f for f in AdviceReport._fields if f not in read and f not in skipped]
    assert unread == [], f"the {renderer} shows nothing of {unread}"
