"""No cache can change a result: fwchoice keeps none, and ignores anything planted.

Earlier versions restored analyses from ``~/.cache/fwchoice`` (or
``$FWCHOICE_CACHE_DIR``). Whoever could write there could flip a
recommendation or make lint pass a broken file. The cache is gone; these tests
plant every kind of entry an attacker (or a CI cache restored from another
branch) could leave where it used to be, and check that every command gives
byte for byte what it gives with an empty, unused directory, and finishes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import fwchoice
from conftest import SHIPPED, TESTS

SCRIPT = Path(sys.executable).parent / "fwchoice"
BROKEN = TESTS / "corpus" / "many_problems_at_once.yaml"
# The version that kept a cache, and this one (a planted entry may claim either).
VERSIONS = ("0.1.0", fwchoice.__version__)


def _plant(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    digest = "0" * 64
    for version in VERSIONS:
        for key in (digest, "a" * 64):
            for kind in ("lint", "load"):
                stem = f"{version}-{key}-{kind}"
                (directory / f"{stem}.marshal").write_bytes(b"\xe3\x00\x00\x00\x00")  # 5 bytes
    (directory / "clean-lint.marshal").write_bytes(b"{'cleaned': {}, 'diagnostics': []}")
    if hasattr(os, "mkfifo"):
        os.mkfifo(directory / f"{VERSIONS[-1]}-fifo-lint.marshal")
    (directory / f".{VERSIONS[-1]}-x.marshal.1.tmp").symlink_to(directory / "victim")
    (directory / "huge.marshal").write_bytes(b"\x00" * (2 * 1024 * 1024))


COMMANDS = [
    ["lint", str(SHIPPED)],
    ["lint", str(BROKEN)],
    ["lint", "--format", "json", str(BROKEN)],
    ["matrix", "--format", "json", "--criteria", str(SHIPPED)],
    ["advise", "--preset", "cms", "--format", "json", "--criteria", str(SHIPPED)],
    ["advise", "--defaults", "--criteria", str(BROKEN)],
]


def _run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    result = subprocess.run(
        [str(SCRIPT), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return result.returncode, result.stdout, result.stderr


@pytest.mark.skipif(not SCRIPT.exists(), reason="fwchoice is not installed")
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_planted_cache_entries_change_nothing(tmp_path: Path, args: list[str]) -> None:
    planted_home = tmp_path / "home"
    planted = planted_home / ".cache" / "fwchoice"
    explicit = tmp_path / "explicit"
    _plant(planted)
    _plant(explicit)
    before = sorted(p.name for p in planted.iterdir())
    base = {k: v for k, v in os.environ.items() if not k.startswith("FWCHOICE")}
    tampered = {
        **base,
        "HOME": str(planted_home),
        "XDG_CACHE_HOME": str(planted_home / ".cache"),
        "FWCHOICE_CACHE_DIR": str(explicit),
    }
    clean = {**base, "HOME": str(tmp_path), "FWCHOICE_NO_CACHE": "1"}
    assert _run(args, tampered, tmp_path) == _run(args, clean, tmp_path)
    assert sorted(p.name for p in planted.iterdir()) == before
    assert not (planted / "victim").exists()


@pytest.mark.skipif(not SCRIPT.exists(), reason="fwchoice is not installed")
def test_no_cache_directory_is_created(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FWCHOICE")}
    env.update({"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "xdg")})
    assert _run(["lint", str(SHIPPED)], env, tmp_path)[0] == 0
    assert _run(["matrix", "--criteria", str(SHIPPED)], env, tmp_path)[0] == 0
    assert not (tmp_path / "xdg").exists()
    assert not (tmp_path / ".cache").exists()
