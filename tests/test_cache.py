"""The analysis cache: a hit gives exactly what a miss computes, and can never go stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHIPPED, TESTS
from fwchoice.criteria import cache
from fwchoice.lint.runner import analyse


@pytest.fixture
def cache_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("FWCHOICE_NO_CACHE", raising=False)
    monkeypatch.setenv("FWCHOICE_CACHE_DIR", str(tmp_path / "cache"))
    # Behave as an installed package even when the tests run from a checkout.
    monkeypatch.setattr(cache, "__file__", "/venv/lib/python3/site-packages/fwchoice/cache.py")
    return tmp_path / "cache"


def _outcome(raw: bytes, name: str, scenarios: bool) -> tuple:
    result = analyse(raw, name, run_scenarios=scenarios)
    return (result.document, [d.format_text() for d in result.diagnostics])


@pytest.mark.parametrize(
    "path",
    [
        SHIPPED,
        TESTS / "fixtures/three_options.yaml",
        TESTS / "corpus/many_problems_at_once.yaml",
        TESTS / "lint_cases/fwc401_scenario_fails.yaml",
        TESTS / "corpus/unclosed_quote.yaml",
    ],
    ids=lambda p: p.stem,
)
def test_a_hit_equals_a_miss(cache_on: Path, path: Path) -> None:
    raw = path.read_bytes()
    for scenarios in (False, True):
        miss = _outcome(raw, "f.yaml", scenarios)
        hit = _outcome(raw, "f.yaml", scenarios)
        assert hit == miss
    assert len(list(cache_on.glob("*.marshal"))) == 2


def test_hits_report_the_path_given_this_time(cache_on: Path) -> None:
    raw = (TESTS / "corpus/many_problems_at_once.yaml").read_bytes()
    analyse(raw, "first.yaml", run_scenarios=True)
    again = analyse(raw, "second.yaml", run_scenarios=True)
    assert {d.file for d in again.diagnostics} == {"second.yaml"}


def test_an_edited_file_is_a_miss(cache_on: Path) -> None:
    raw = SHIPPED.read_bytes()
    assert not analyse(raw, "c", run_scenarios=True).errors
    edited = raw.replace(b"ratings: {fastapi: 1, django: 5}", b"ratings: {fastapi: 9, django: 5}")
    assert [d.code for d in analyse(edited, "c", run_scenarios=True).errors] == ["FWC106"]


def test_a_corrupt_entry_is_a_miss(cache_on: Path) -> None:
    raw = SHIPPED.read_bytes()
    analyse(raw, "c", run_scenarios=False)
    for entry in cache_on.glob("*.marshal"):
        entry.write_bytes(b"\x00garbage")
    result = analyse(raw, "c", run_scenarios=False)
    assert result.document is not None
    assert not result.errors


def test_an_unwritable_cache_never_fails_a_command(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("FWCHOICE_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "__file__", "/venv/lib/python3/site-packages/fwchoice/cache.py")
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("FWCHOICE_CACHE_DIR", str(blocker / "cache"))
    assert analyse(SHIPPED.read_bytes(), "c", run_scenarios=False).document is not None


def test_no_cache_means_no_files(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FWCHOICE_NO_CACHE", "1")
    monkeypatch.setenv("FWCHOICE_CACHE_DIR", str(tmp_path / "cache"))
    analyse(SHIPPED.read_bytes(), "c", run_scenarios=False)
    assert not (tmp_path / "cache").exists()


def test_old_entries_are_pruned(cache_on: Path, monkeypatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for i in range(6):
        analyse(b"version: 1\ntitle: t%d\n" % i, "c", run_scenarios=False)
    assert len(list(cache_on.glob("*.marshal"))) == 3


def test_a_source_checkout_caches_only_when_asked(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("FWCHOICE_NO_CACHE", raising=False)
    monkeypatch.delenv("FWCHOICE_CACHE_DIR", raising=False)
    monkeypatch.setattr(cache, "__file__", "/home/me/fwchoice/src/fwchoice/cache.py")
    assert cache.cache_dir() is None
    monkeypatch.setenv("FWCHOICE_CACHE_DIR", str(tmp_path / "cache"))
    assert cache.cache_dir() == tmp_path / "cache"
