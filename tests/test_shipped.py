"""The shipped criteria file, precomputed (as a wheel carries it): used only for exactly
its bytes, and every output is the same as from the file read the usual way."""

from __future__ import annotations

from pathlib import Path

import pytest

import fwchoice.lint.pipeline
from conftest import SHIPPED, run_cli
from fwchoice.criteria import shipped
from fwchoice.criteria.loader import CriteriaSource
from fwchoice.lint.precompute import precompute
from fwchoice.lint.runner import load_criteria


@pytest.fixture
def precomputed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped file precomputed, where an installed wheel keeps it."""
    path = tmp_path / "precomputed.json"
    path.write_text(precompute(SHIPPED.read_bytes(), str(SHIPPED)), encoding="utf-8")
    monkeypatch.setattr(shipped, "PRECOMPUTED", path)
    return path


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files read the usual way (parsed and validated) during the test."""
    seen: list[str] = []
    usual = fwchoice.lint.pipeline.run_pipeline

    def counting(raw: bytes, file: str, **kw):  # type: ignore[no-untyped-def]
        seen.append(file)
        return usual(raw, file, **kw)

    monkeypatch.setattr(fwchoice.lint.pipeline, "run_pipeline", counting)
    return seen


def load(path: Path):  # type: ignore[no-untyped-def]
    return load_criteria(CriteriaSource(path, str(path), "argument"))


def test_the_shipped_file_is_built_from_its_precomputed_form(
    precomputed: Path, parsed: list[str]
) -> None:
    fast = load(SHIPPED)
    assert parsed == []
    shipped.PRECOMPUTED = Path("/nonexistent/precomputed.json")  # restored by monkeypatch
    assert load(SHIPPED) == fast
    assert parsed == [str(SHIPPED)]


def test_a_changed_byte_reads_the_file_the_usual_way(
    precomputed: Path, parsed: list[str], tmp_path: Path
) -> None:
    copy = tmp_path / "criteria.yaml"
    copy.write_bytes(SHIPPED.read_bytes() + b"# one more line\n")
    load(copy)
    assert parsed == [str(copy)]
    unchanged = tmp_path / "same.yaml"
    unchanged.write_bytes(SHIPPED.read_bytes())
    load(unchanged)  # the same bytes under another name: the same document
    assert parsed == [str(copy)]


@pytest.mark.parametrize(
    "args",
    [
        ["matrix", "--format", "json"],
        ["matrix", "--format", "csv"],
        ["questions", "--format", "json"],
        ["advise", "--preset", "ecommerce", "--format", "json"],
        ["advise", "--preset", "ecommerce", "--format", "markdown", "--date", "2026-12-01"],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_every_output_is_the_same_either_way(
    args: list[str], precomputed: Path, parsed: list[str]
) -> None:
    fast = run_cli(*args, "--criteria", str(SHIPPED))
    assert parsed == []
    shipped.PRECOMPUTED = Path("/nonexistent/precomputed.json")
    usual = run_cli(*args, "--criteria", str(SHIPPED))
    assert parsed == [str(SHIPPED)]
    assert fast == usual


def test_lint_always_reads_the_file(precomputed: Path, parsed: list[str]) -> None:
    # Lint's findings depend on the date (stale notes) and are located in the file.
    assert run_cli("lint", str(SHIPPED)).exit_code == 0
    assert parsed == [str(SHIPPED)]


def test_a_file_with_problems_is_not_precomputed(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"is not precomputed: .*FWC"):
        precompute(b"version: 1\ntitle: 3\n", "bad.yaml")
