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
        self.tags: list[str] = []
        self.heading = ""
        self._in_title = False
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_heading = self._in_heading or tag == "h1"
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag == "title":
            self._in_title = True
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"
        self._in_heading = self._in_heading and tag != "h1"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_heading:
            self.heading += data


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
    # A landmark and a heading, so a screen reader can jump to the content.
    assert page.tags.count("main") == 1
    assert page.heading == title
    assert page.tags.index("main") < page.tags.index("h1") < page.tags.index("pre")
    if command[0] == "matrix":
        assert "https://fastapi.tiangolo.com/benchmarks/" in page.links
    for color in re.findall(r"(?<![-\w])color: #([0-9a-f]{6})", text):
        assert contrast(color) >= 4.5, color
    assert str(SHIPPED.parent) not in text
    assert "Criteria: fwchoice&#x27;s built-in criteria" in text


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


# --- SVG: every text measured as it is, and the same bytes from any install ----------

_SVG_TEXT = re.compile(r'<text [^>]*textLength="([\d.]+)"[^>]*>([^<]*)</text>')

SVG_EXPORTS = [
    ["matrix"],
    ["advise", "--preset", "cms"],
    ["advise", "--answers", "{team}/alice.yaml", "--answers", "{team}/bob.yaml"],
]


@pytest.mark.parametrize("command", SVG_EXPORTS, ids=lambda c: " ".join(c[:2]))
def test_every_svg_text_is_as_long_as_what_it_says(cli, in_tmp: Path, command) -> None:
    """rich gives each text a textLength (cells times the width of a cell), which a
    browser stretches the text to: a length left from other text spreads the
    letters across the picture."""
    from html import unescape

    from rich.cells import cell_len

    from conftest import TESTS

    args = [a.replace("{team}", str(TESTS / "fixtures" / "team")) for a in command]
    assert cli(*args, "--export", "out.svg").exit_code == 0
    svg = (in_tmp / "out.svg").read_text("utf-8")
    widths = {
        round(float(length) / cell_len(unescape(text)), 6)
        for length, text in _SVG_TEXT.findall(svg)
        if cell_len(unescape(text))
    }
    assert len(_SVG_TEXT.findall(svg)) > 20
    assert len(widths) == 1, widths  # one cell width for every text element
    assert "fwchoice&#x27;s&#160;built-in&#160;criteria" in svg


def test_svg_exports_are_the_same_bytes_from_any_install_location(tmp_path: Path) -> None:
    """Two copies of the package, as two installs would lay them out (the built-in
    criteria file beside the package), at paths of different lengths."""
    import os
    import shutil
    import subprocess
    import sys

    from conftest import REPO

    pictures = []
    for where in ("a", "a much/longer install location/with spaces/site-packages"):
        site = tmp_path / where
        shutil.copytree(REPO / "src" / "fwchoice", site / "fwchoice",
                        ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
        shutil.copy(SHIPPED, site / "fwchoice" / "criteria.yaml")
        work = tmp_path / f"run-{len(pictures)}"
        work.mkdir()
        env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1", "FWCHOICE_CRITERIA": ""}
        code = (
            "import sys, fwchoice; assert fwchoice.__file__.startswith(sys.argv[1]), "
            "fwchoice.__file__; from fwchoice.__main__ import main; sys.argv[1:] = sys.argv[2:]; "
            "main()"
        )
        for command in (["matrix", "--section", "benchmarks"], ["advise", "--preset", "cms"]):
            done = subprocess.run(
                [sys.executable, "-c", code, str(site), *command, "--export", "x.svg"],
                cwd=work, env=env, capture_output=True, text=True, timeout=120, check=False,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
            pictures.append((command[0], (work / "x.svg").read_bytes()))
            (work / "x.svg").unlink()
    assert pictures[0] == pictures[2]
    assert pictures[1] == pictures[3]
    assert b"site-packages" not in pictures[0][1] + pictures[1][1]
