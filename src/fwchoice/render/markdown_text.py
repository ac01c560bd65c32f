"""Escaping data for GitHub-flavoured Markdown, so text from a file stays text.

A label holding ``|`` must not split a table cell, a newline must not end a
row, and ``[text](javascript:...)``, ``<img ...>``, ``# heading`` or ``$math$``
must not become a link, HTML, structure or a formula. Every data string passes
through ``md`` or ``md_cell``, which are the text gate's Markdown steps
(``fwchoice.sanitize``). Escapes are targeted, so ordinary text such as
"Option A + B" or "async/await" stays readable in the Markdown source.
"""

from __future__ import annotations

from urllib.parse import quote

from fwchoice.sanitize import markdown_cell, markdown_line, visible

md = markdown_line
"""Escape text for a paragraph, heading or list item (always one line)."""

md_cell = markdown_cell
"""Escape text for a table cell; line breaks become <br>."""


def md_url(url: str) -> str:
    """A URL safe inside ``(...)``: only http(s), with spaces and brackets encoded."""
    if not url.startswith(("http://", "https://")):
        return ""
    return quote(visible(url), safe=":/?#@!$&'*+,;=%~-._")


def md_link(title: str, url: str) -> str:
    target = md_url(url)
    return f"[{md(title)}]({target})" if target else md(title)
