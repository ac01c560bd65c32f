"""Escaping data for GitHub-flavoured Markdown, so text from a file stays text.

A label holding ``|`` must not split a table cell, a newline must not end a
row, and ``[text](javascript:...)``, ``<img ...>``, ``# heading`` or ``$math$``
must not become a link, HTML, structure or a formula. Every data string passes
through ``md`` or ``md_cell``. Escapes are targeted, so ordinary text such as
"Option A + B" or "async/await" stays readable in the Markdown source.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from fwchoice.sanitize import visible

# Characters that start inline structure anywhere: emphasis, code, links,
# HTML, table cells, strikethrough, math, and the escape character itself.
_INLINE = re.compile(r"([\\`*_\[\]<>|~$])")
# An entity reference (&amp; &#124;) would be decoded; escape its ampersand.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What turns the start of a line into a heading, quote, list or rule.
_LEADING = re.compile(r"^(\s*)(\d*)([#>+=.)-])")


def _inline(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    return _ENTITY.sub(r"\\&", text)


def md(text: str) -> str:
    """Escape text for a paragraph, heading or list item (always one line)."""
    escaped = _inline(visible(text))
    return _LEADING.sub(_escape_leading, escaped)


def _escape_leading(match: re.Match[str]) -> str:
    space, digits, mark = match.groups()
    if digits and mark not in ".)":
        return match.group()
    if not digits and mark in ".)":
        return match.group()
    return f"{space}{digits}\\{mark}"


def md_cell(text: str) -> str:
    """Escape text for a table cell; line breaks become <br>."""
    lines = visible(text, newlines=True).split("\n")
    return "<br>".join(_inline(line) for line in lines)


def md_url(url: str) -> str:
    """A URL safe inside ``(...)``: only http(s), with spaces and brackets encoded."""
    if not url.startswith(("http://", "https://")):
        return ""
    return quote(visible(url), safe=":/?#@!$&'*+,;=%~-._")


def md_link(title: str, url: str) -> str:
    target = md_url(url)
    return f"[{md(title)}]({target})" if target else md(title)
