"""Exported pictures: a page fit to share (title, language, links, contrast), one
section at a time for slides, and no path of the machine they were made on."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import SHIPPED
from fwchoice.render.html_page import contrast


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.title = ""
        self.links: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag == "title":
            self._in_title = True
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


@pytest.mark.parametrize(
    ("command", "title"),
    [
        (["matrix"], "fwchoice matrix: FastAPI vs Django + Django REST Framework"),
        (["advise", "--preset", "cms"], "fwchoice advise: Django + DRF"),
    ],
)
def test_an_html_export_is_a_page_to_share(cli, in_tmp: Path, command, title: str) -> None:
    # The built-in file: its installed path must not leak into the page.
    result = cli(*command, "--export", "page.html")
    assert result.exit_code == 0, result.stderr
    text = (in_tmp / "page.html").read_text("utf-8")
    page = _Page()
    page.feed(text)
    assert page.lang == "en"
    assert page.title == title
    if command[0] == "matrix":
        assert "https://fastapi.tiangolo.com/benchmarks/" in page.links
    for color in re.findall(r"(?<![-\w])color: #([0-9a-f]{6})", text):
        assert contrast(color) >= 4.5, color
    assert str(SHIPPED.parent) not in text
    assert "fwchoice's built-in criteria" in text


def test_one_section_exports_alone_for_a_slide(cli, in_tmp: Path) -> None:
    for section in ("matrix", "features", "benchmarks", "use-cases"):
        assert cli("matrix", "--section", section, "--export", f"{section}.svg").exit_code == 0
    heights = {
        p.stem: int(
            re.search(r'viewBox="0 0 [\d.]+ ([\d.]+)', p.read_text()).group(1).split(".")[0]
        )
        for p in in_tmp.glob("*.svg")
    }
    cli("matrix", "--export", "all.svg")
    whole = int(
        re.search(r'viewBox="0 0 [\d.]+ ([\d.]+)', (in_tmp / "all.svg").read_text())
        .group(1)
        .split(".")[0]
    )
    assert all(h < whole for h in heights.values())
    assert heights["benchmarks"] < whole / 3
    assert str(SHIPPED.parent) not in (in_tmp / "all.svg").read_text()
