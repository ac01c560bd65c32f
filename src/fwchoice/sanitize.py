"""Make text from a criteria or answers file safe to show.

Data is untrusted: a label may hold terminal escape sequences, bidirectional
overrides or other invisible controls. Every renderer passes data text through
``visible()`` so it can neither move the cursor nor hide what it says.
"""

from __future__ import annotations

import re

# C0 and C1 controls (but not \t and \n, which are handled by each caller),
# DEL, and the Unicode format characters that reorder or hide text.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """Return ``text`` with every control character shown as an escape.

    With ``newlines=False`` line breaks and tabs become spaces, so the result is
    always one line.
    """
    if text.isprintable():
        # The common case, decided in C: printable text holds no control or
        # format character (isprintable is False for every one we escape).
        return text
    if not newlines:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    else:
        text = text.replace("\r\n", "\n").replace("\t", " ")
    return _UNSAFE.sub(_escape, text)


def has_unsafe_characters(text: str) -> bool:
    return _UNSAFE.search(text.replace("\r\n", "\n")) is not None


def quote(value: object, limit: int = 60) -> str:
    """A short, one-line, quoted rendering of a value for a message."""
    text = value if isinstance(value, str) else repr(value)
    text = visible(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def normalize_label(text: str) -> str:
    """Fold a label for comparing two labels that a reader would see as the same."""
    import unicodedata  # lint only

    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
