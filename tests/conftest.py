"""Shared fixtures: the repository's files, and running the CLI in-process."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

import fwchoice
from fwchoice.cli import app

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "criteria.yaml"
TESTS = Path(__file__).resolve().parent

# Tests of an installed copy would pass or fail for code that is not in this
# checkout: stop at once, naming both places, rather than test the wrong code.
_IMPORTED = Path(fwchoice.__file__).resolve().parent
if _IMPORTED != REPO / "src" / "fwchoice":
    pytest.exit(
        f"the tests import fwchoice from {_IMPORTED}, not from this checkout "
        f"({REPO / 'src' / 'fwchoice'}); install it editable: pip install -e '.[test]'",
        returncode=4,
    )


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Run:
    """Run ``fwchoice ARGS`` through Typer's runner, colour off, isolated from the user's env."""
    base_env = {"FWCHOICE_CRITERIA": "", "NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"}
    base_env.update(env or {})
    result = CliRunner().invoke(app, list(args), env=base_env, input=input, color=False)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty directory, so ./criteria.yaml discovery does not see the repository."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FWCHOICE_CRITERIA", raising=False)
    return tmp_path


@pytest.fixture(autouse=True)
def _no_user_criteria(monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's own FWCHOICE_CRITERIA must not change what the tests see.
    if os.environ.get("FWCHOICE_CRITERIA"):
        monkeypatch.delenv("FWCHOICE_CRITERIA")


GOLDEN = TESTS / "golden"
_SHA = __import__("re").compile(r"[0-9a-f]{64}")


def assert_golden(name: str, text: str) -> None:
    """Compare ``text`` with tests/golden/NAME; FWCHOICE_UPDATE_GOLDEN=1 rewrites it.

    Content hashes are masked so that editing criteria.yaml only changes the
    golden files whose visible content changed.
    """
    text = _SHA.sub("<sha256>", text)
    path = GOLDEN / name
    if os.environ.get("FWCHOICE_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.is_file(), f"missing golden file {name}; run with FWCHOICE_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"output differs from golden/{name}"


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so paths in outputs are short and stable."""
    monkeypatch.chdir(REPO)
    return REPO
