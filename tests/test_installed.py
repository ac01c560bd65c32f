"""The installed console script, run as a user would, from outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fwchoice import __version__

SCRIPT = Path(sys.executable).parent / ("fwchoice.exe" if os.name == "nt" else "fwchoice")


def run_installed(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "FWCHOICE_CRITERIA"}
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="fwchoice is not installed")


def test_version_from_an_empty_directory(tmp_path: Path) -> None:
    result = run_installed("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"fwchoice {__version__}\n")


def test_builtin_criteria_ship_in_the_package(tmp_path: Path) -> None:
    result = run_installed("lint", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "built-in criteria" in result.stderr
    assert "no problems" in result.stderr


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "fwchoice", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout == f"fwchoice {__version__}\n"
