"""The one gate for text that fwchoice did not write itself.

Labels, answers, flag values and file names are untrusted: they may hold
terminal escape sequences, bidirectional overrides, invisible format
characters, line separators or undecodable bytes from a file name. Before any
output, in every command and format, such text passes through this module:

- ``visible()`` for terminals, plain text, Markdown and CSV: every unsafe
  character becomes a printable escape (``\\x1b``, ``\\u202e``), so data can
  neither move the cursor, clear the screen, write the clipboard, forge an
  extra output line nor hide what it says;
- ``json_safe()`` for JSON: the same characters become JSON's own ``\\uXXXX``
  escapes, so the data a program reads back is exactly the data in the file.

What is unsafe: every character Python does not call printable (control,
format, surrogate, private-use, unassigned, line and paragraph separators),
except the ordinary space separators (U+00A0 and the like), which display as
blanks. Tabs and line breaks are decided by each caller (``newlines=``).

Markdown (decision records, job summaries, exports) is one more step of the same
gate: ``markdown_line()`` makes text visible, keeps it on one line and escapes
whatever Markdown would read as structure (a heading, list, quote, fence, link,
HTML, table cell...); ``markdown_cell()`` does the same for a table cell, and
``link_target()`` turns a file name into a relative link that cannot be a URL of
its own (``javascript:``...).
"""

from __future__ import annotations

import re
from typing import Any, TypeVar
from urllib.parse import quote as _url_quote

Report = TypeVar("Report", bound=tuple[object, ...])

# Category Zs: spaces that display as blank space; printable in every sense
# that matters here, though str.isprintable() says otherwise.
_SPACES = frozenset(
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)


def is_unsafe(char: str) -> bool:
    """Whether one character must be escaped before it is shown."""
    return not char.isprintable() and char not in _SPACES


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """``text`` with every unsafe character shown as an escape.

    With ``newlines=False`` (the default) line breaks and tabs become spaces, so
    the result is always one line; with ``newlines=True`` ``\\n`` (and ``\\r\\n``)
    stay line breaks and tabs become spaces.
    """
    if text.isprintable():
        # The common case, decided in C: printable text holds nothing unsafe.
        return text
    text = text.replace("\r\n", "\n")
    if text.replace("\n", "").replace("\t", "").isprintable():
        # Only line breaks and tabs: still no need to look at each character.
        return text.replace("\t", " ").replace("\n", "\n" if newlines else " ")
    out = []
    for char in text:
        if char == "\n":
            out.append("\n" if newlines else " ")
        elif char == "\t":
            out.append(" ")
        elif is_unsafe(char):
            out.append(_escape(char))
        else:
            out.append(char)
    return "".join(out)


def has_unsafe_characters(text: str) -> bool:
    """Whether ``text`` holds anything ``visible()`` would escape (tabs and newlines aside)."""
    text = text.replace("\r\n", "").replace("\n", "").replace("\t", "")
    if text.isprintable():
        return False
    return any(is_unsafe(c) for c in text)


def visible_data(value: Any) -> Any:
    """A copy of plain data (dicts, lists, strings...) with every string made visible.

    Renderers for the terminal (and its SVG and HTML pictures) get data through
    this, so no field they show can carry an escape sequence, whichever way the
    renderer builds its text.
    """
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {k: visible_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [visible_data(v) for v in value]
    return value


def visible_report(report: Report) -> Report:
    """A copy of a typed report (``decide.report``) with every string made visible: the
    terminal's renderers take reports through this, as they take plain data through
    ``visible_data``."""
    return _visible_record(report)  # type: ignore[no-any-return]


def _visible_record(value: Any) -> Any:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, tuple):
        items = [_visible_record(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if isinstance(value, dict):
        return {k: _visible_record(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_visible_record(v) for v in value]
    return value


def json_safe(text: str) -> str:
    """JSON text with every unsafe character written as a ``\\uXXXX`` escape.

    Applied to the output of ``json.dumps(..., ensure_ascii=False)``: JSON's own
    structure is printable ASCII, so anything unsafe is inside a string, where
    the escape means exactly the same character to a JSON reader.
    """
    if text.replace("\n", "").isprintable():
        return text  # decided in C: the usual case, since JSON's line breaks are structure
    out = []
    for char in text:
        if char == "\n" or not is_unsafe(char):
            out.append(char)
            continue
        code = ord(char)
        if code > 0xFFFF:  # JSON escapes astral characters as a surrogate pair
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out)


def quote(value: object, limit: int = 60) -> str:
    """A short, one-line, quoted rendering of a value for a message."""
    text = value if isinstance(value, str) else repr(value)
    # In a quoted value every character counts: a line break or tab is shown as
    # its escape, not as the space visible() would make of it.
    text = visible(text.replace("\n", "\\n").replace("\t", "\\t"))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def normalize_label(text: str) -> str:
    """Fold a label for comparing two labels that a reader would see as the same."""
    import unicodedata  # lint only

    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


# Characters that start inline structure anywhere: emphasis, code, links,
# HTML, table cells, strikethrough, math, and the escape character itself.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~$])")
# An entity reference (&amp; &#124;) would be decoded; escape its ampersand.
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
# What turns the start of a line into a heading, quote, list, rule or fence.
_MD_LEADING = re.compile(r"^(\s*)(\d*)([#>+=.)-])")


def markdown_inline(text: str) -> str:
    """Text for the middle of a Markdown line (a link's text, after a fixed word):
    visible, one line, and no character that starts inline structure."""
    return _MD_ENTITY.sub(r"\\&", _MD_INLINE.sub(r"\\\1", visible(text)))


def markdown_line(text: str) -> str:
    """Text for a paragraph, heading or list item: ``markdown_inline``, and a start that
    cannot make the line a heading, quote, list or rule."""
    # Leading blanks would make an indented code block of a line of its own.
    return _MD_LEADING.sub(_escape_leading, markdown_inline(text).lstrip())


def _escape_leading(match: re.Match[str]) -> str:
    space, digits, mark = match.groups()
    if digits and mark not in ".)":
        return match.group()
    if not digits and mark in ".)":
        return match.group()
    return f"{space}{digits}\\{mark}"


def markdown_cell(text: str) -> str:
    """Text for a table cell; line breaks become <br>, so the cell stays one line."""
    lines = visible(text, newlines=True).split("\n")
    return "<br>".join(_MD_ENTITY.sub(r"\\&", _MD_INLINE.sub(r"\\\1", line)) for line in lines)


_MD_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def markdown_unescape(text: str) -> str:
    """The text a Markdown line shows, for a line fwchoice (or a person) escaped:
    backslash escapes of punctuation removed (CommonMark's rule), so that text read
    from a record can go through ``markdown_line`` again without being escaped twice."""
    return _MD_ESCAPED.sub(r"\1", text)


def link_target(file_name: str) -> str:
    """A file name as a relative link target: every character but letters, digits
    and ``-._~`` percent-encoded, so ``)`` cannot end the link and ``x:`` cannot make
    it a URL with a scheme; what cannot be encoded (a lone surrogate from an
    undecodable name) is shown as its escape first."""
    return _url_quote(visible(file_name), safe="")
