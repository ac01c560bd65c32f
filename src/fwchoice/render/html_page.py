"""A recorded terminal view as an HTML page fit to share: titled, in English, with a
``<main>`` landmark and an ``<h1>`` heading for screen readers, its links
clickable, and every colour readable on the page (contrast of at least 4.5:1,
WCAG AA for text)."""

from __future__ import annotations

import html
import re

from rich.console import Console

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{{stylesheet}}
body {{{{
    color: {{foreground}};
    background-color: {{background}};
}}}}
a {{{{ color: inherit; }}}}
h1 {{{{ font-size: 1.25em; font-family: system-ui, sans-serif; }}}}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<pre style="font-family:Menlo,'DejaVu Sans Mono',consolas,'Courier New',monospace">
<code style="font-family:inherit">{{code}}</code></pre>
</main>
</body>
</html>
"""
MIN_CONTRAST = 4.5
_COLOR = re.compile(r"(?<![-\w])color: #([0-9a-fA-F]{6})")
"""A text colour (not a background colour, nor text-decoration-color)."""
_URL = re.compile(r"https?://[^\s<>\"']+")


def html_page(recorder: Console, *, title: str) -> str:
    code_format = PAGE.format(title=html.escape(title).replace("{", "{{").replace("}", "}}"))
    page = recorder.export_html(inline_styles=True, code_format=code_format)
    page = _COLOR.sub(lambda m: "color: #" + _readable(m.group(1)), page)
    return _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', page)


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        value = c / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(hex_color: str, background: str = "ffffff") -> float:
    """The WCAG contrast ratio of two colours given as six hex digits."""
    a = _luminance(_rgb(hex_color))
    b = _luminance(_rgb(background))
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return (int(hex_color[0:2], 16), int(hex_color[2:4], 16), int(hex_color[4:6], 16))


def _readable(hex_color: str) -> str:
    """The colour, darkened just enough to be read on white (dim grey, olive...)."""
    r, g, b = _rgb(hex_color)
    while contrast(f"{r:02x}{g:02x}{b:02x}") < MIN_CONTRAST and (r or g or b):
        r, g, b = (int(c * 0.9) for c in (r, g, b))
    return f"{r:02x}{g:02x}{b:02x}"
