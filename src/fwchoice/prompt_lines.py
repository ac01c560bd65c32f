"""Prompt text broken into lines that fit the terminal, between words, nothing lost.

prompt_toolkit draws a prompt's message in a window that cuts a line at the
terminal's edge, and breaks a long choice line wherever the edge falls. So the
prompts break every line themselves, before prompt_toolkit sees it: between
words, measured in terminal cells with prompt_toolkit's own measure (a wide
character takes two), across styled fragments as one text (a word that begins
one fragment, such as the echoed answer after the question, is measured like
any other), and a word wider than a whole line is split at the edge rather
than lost. Continuation lines start at ``indent``.
"""

from __future__ import annotations

import re

Fragment = tuple[str, str]
"""(prompt_toolkit style, text), as questionary builds a prompt line."""

_PIECES = re.compile(r"\n| +|[^ \n]+")


def _cells(text: str) -> int:
    from prompt_toolkit.utils import get_cwidth

    return sum(get_cwidth(ch) for ch in text)


def wrap_fragments(
    fragments: list[Fragment], width: int, *, start: int = 0, indent: int = 2
) -> list[Fragment]:
    """``fragments`` with line breaks (and ``indent`` spaces after each) so that no
    line is wider than ``width`` cells; the first line starts at column ``start``.

    Breaks go where a space was (the space is dropped); a newline already in the
    text is kept. Only a word wider than a line is split between characters.
    """
    width = max(width, 2)
    indent = max(0, min(indent, width // 2))
    words: list[tuple[list[Fragment], list[Fragment]] | None] = []
    """Each word with the spaces before it; None for a newline in the text."""
    spaces: list[Fragment] = []
    word: list[Fragment] = []
    for style, text in fragments:
        for piece in _PIECES.findall(text):
            if piece == "\n" or piece.startswith(" "):
                if word:
                    words.append((spaces, word))
                    spaces, word = [], []
                if piece == "\n":
                    words.append(None)
                    spaces = []
                else:
                    spaces.append((style, piece))
            else:
                word.append((style, piece))
    if word or spaces:
        words.append((spaces, word))

    out: list[Fragment] = []
    column = start
    empty = True  # nothing of ours on this line yet (a break gains only if column > indent)
    break_line = "\n" + " " * indent
    for item in words:
        if item is None:
            out.append(("", "\n"))
            column, empty = 0, True
            continue
        before, pieces = item
        gap = sum(_cells(t) for _, t in before)
        size = sum(_cells(t) for _, t in pieces)
        space_style = before[0][0] if before else ""
        if not pieces:  # spaces at the very end: kept only where they fit
            if column + gap <= width:
                out.extend(before)
                column += gap
            continue
        if column + gap + size <= width:
            out.extend(before)
            out.extend(pieces)
            column, empty = column + gap + size, False
            continue
        if (not empty or column > indent) and indent + size <= width:
            out.append((space_style, break_line))
            out.extend(pieces)
            column = indent + size
            continue
        # Wider than a whole line: start it where it stands, split it at the edge.
        if before and column + gap < width:
            out.extend(before)
            column += gap
        elif before:
            out.append((space_style, break_line))
            column, empty = indent, True
        for style, text in pieces:
            for ch in text:
                cells = _cells(ch)
                if column + cells > width and (not empty or column > indent):
                    out.append((style, break_line))
                    column = indent
                out.append((style, ch))
                column, empty = column + cells, False
    return _merged(out)


def fit_text(text: str, width: int, *, indent: int) -> str:
    """``text`` that starts at column ``indent``, broken to ``width`` cells, its
    continuation lines indented to the same column (a choice under its pointer)."""
    return "".join(t for _, t in wrap_fragments([("", text)], width, start=indent, indent=indent))


def _merged(fragments: list[Fragment]) -> list[Fragment]:
    """Neighbouring fragments of one style as one (a split word is one again)."""
    merged: list[Fragment] = []
    for style, text in fragments:
        if merged and merged[-1][0] == style:
            merged[-1] = (style, merged[-1][1] + text)
        else:
            merged.append((style, text))
    return merged
