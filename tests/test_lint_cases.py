"""Every broken file produces exactly the diagnostics beside it.

``lint_cases/`` has a file per diagnostic code; ``corpus/`` a file per kind of
mistake people make. Each ``NAME.yaml`` has a ``NAME.expected`` holding lint's
text output: the code, the line and column, and the message. Adding a case is
adding two files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from fwchoice.codes import CODES
from fwchoice.lint.registry import Freshness
from fwchoice.lint.runner import analyse

CASES = Path(__file__).parent / "lint_cases"
CORPUS = Path(__file__).parent / "corpus"
CASE_FILES = sorted(CASES.glob("*.yaml")) + sorted(CORPUS.glob("*.yaml"))
NEEDS_LIBYAML = {"fwc007_libyaml_limit"}


TODAY = Freshness(max_age=365, today="2026-11-30")
"""Note ages (FWC216) are counted from a fixed day, so the expectations never age."""


def lint_lines(path: Path) -> list[str]:
    analysis = analyse(path.read_bytes(), path.name, full=True, freshness=TODAY)
    return [d.format_text() for d in analysis.diagnostics]


@pytest.mark.parametrize("case", CASE_FILES, ids=lambda p: p.stem)
def test_case_produces_expected_diagnostics(case: Path) -> None:
    if case.stem in NEEDS_LIBYAML and not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("the location comes from libyaml's own nesting limit")
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert lint_lines(case) == expected


def test_every_case_has_expectations() -> None:
    for case in CASE_FILES:
        assert case.with_suffix(".expected").is_file(), case.name


def test_every_code_is_triggered_by_some_case() -> None:
    seen = set()
    for expected in CASES.glob("*.expected"):
        seen.update(re.findall(r": (FWC\d{3}) ", expected.read_text(encoding="utf-8")))
    # FWC001 (file too large), FWC010 (too many values) and FWC011 (too many problems)
    # need files of megabytes or thousands of lines: generated in test_limits.py.
    # FWC501 and FWC502 are about saved answers files, checked against the criteria
    # file they name: test_lint_cli.py runs them. FWC503 is about a decision record's
    # title and its replay block: test_record_consistency.py runs it in each layout.
    answers_codes = {"FWC501", "FWC502", "FWC503"}
    missing = set(CODES) - seen - {"FWC001", "FWC010", "FWC011"} - answers_codes
    assert not missing, f"no lint case triggers {sorted(missing)}"


def test_crlf_file_reports_the_same_position_as_lf() -> None:
    crlf = (CASES / "crlf_line_ends.yaml").read_bytes()
    assert b"\r\n" in crlf
    lf = crlf.replace(b"\r\n", b"\n")
    as_lf = analyse(lf, "crlf_line_ends.yaml", full=True).diagnostics
    as_crlf = analyse(crlf, "crlf_line_ends.yaml", full=True).diagnostics
    assert [(d.line, d.column, d.code) for d in as_crlf] == [
        (d.line, d.column, d.code) for d in as_lf
    ]
