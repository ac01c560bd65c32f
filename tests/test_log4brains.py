"""Records filed in a log4brains log, read by log4brains 1.1 itself.

A scratch log4brains project (``.log4brains.yml``, a git repository, as
``log4brains init`` makes) gets two records from fwchoice: one with deciders,
people consulted and people informed, and one that supersedes it. Then:
``log4brains adr list --raw`` (its CLI) and its core API (``searchAdrs``, what its
``build`` writes each page from: tests/log4brains_adrs.cjs) must read status,
date, deciders, the supersede link, and keep the consulted and informed in the
page. With ``FWCHOICE_LOG4BRAINS_BUILD=1`` (.ci/run sets it, time-boxed: a Next.js
build takes minutes) ``log4brains build`` runs too and its page data is checked.
Skipped, saying why, where log4brains is not installed (npm ``log4brains``).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import SHIPPED, TESTS, run_cli
from third_party import require_tool, run_offline

CONFIG = "project:\n  name: fwchoice trial\n  tz: UTC\n  adrFolder: ./docs/adr\n"
ENV = {"NEXT_TELEMETRY_DISABLED": "1", "NO_COLOR": "1", "FORCE_COLOR": "0"}


def _log4brains() -> tuple[str, Path]:
    """The log4brains command, and the node_modules folder it was installed in."""
    command = require_tool("FWCHOICE_LOG4BRAINS", "log4brains", "log4brains (npm)")
    return command, Path(command).absolute().parent.parent


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(cwd), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                   check=True, capture_output=True)  # fmt: skip


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("log4brains")
    (root / ".log4brains.yml").write_text(CONFIG, encoding="utf-8")
    (root / "docs" / "adr").mkdir(parents=True)
    common = ("--criteria", str(SHIPPED), "--adr-dir", str(root / "docs" / "adr"))
    people = ("--decider", "Ana Lima", "--decider", "Bo Chen", "--consulted", "Cy Dee",
              "--informed", "Di Eze", "--informed", "Ed Fox")  # fmt: skip
    first = run_cli("advise", *common, "--preset", "cms", "--date", "2026-12-01",
                    "--status", "accepted", *people)  # fmt: skip
    assert first.exit_code == 0, first.stderr
    second = run_cli("advise", *common, "--preset", "api-microservice", "--date", "2026-12-02",
                     "--supersedes", "20261201-use-django-drf.md")  # fmt: skip
    assert second.exit_code == 0, second.stderr
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "records")
    return root


def _expected_people(body: str) -> None:
    assert "Consulted: Cy Dee" in body, body[:400]
    assert "Informed: Di Eze, Ed Fox" in body, body[:400]


def test_log4brains_lists_status_and_titles(project: Path) -> None:
    command, _ = _log4brains()
    result = run_offline([command, "adr", "list", "--raw"], cwd=project, env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [line.split(",") for line in result.stdout.split("\n") if line.startswith("2026")]
    assert [(r[0], r[1], r[-1]) for r in rows] == [
        ("20261201-use-django-drf", "SUPERSEDED", "Use Django + DRF"),
        ("20261202-use-fastapi", "PROPOSED", "Use FastAPI"),
    ]


def test_log4brains_reads_every_field_and_keeps_consulted_and_informed(project: Path) -> None:
    _, node_modules = _log4brains()
    script = TESTS / "log4brains_adrs.cjs"
    result = run_offline(["node", str(script), str(node_modules), str(project)], env=ENV)
    assert result.returncode == 0, result.stderr
    adrs = {a["slug"]: a for a in json.loads(result.stdout)}
    first, second = adrs["20261201-use-django-drf"], adrs["20261202-use-fastapi"]
    assert first["deciders"] == ["Ana Lima", "Bo Chen"]
    assert first["status"] == "superseded"
    assert first["supersededBy"] == "20261202-use-fastapi"
    assert first["publicationDate"].startswith("2026-12-01")
    _expected_people(first["body"])
    assert second["status"] == "proposed"
    assert second["deciders"] == []


@pytest.mark.skipif(
    os.environ.get("FWCHOICE_LOG4BRAINS_BUILD") != "1",
    reason="log4brains build is a Next.js build (minutes): .ci/run runs it with "
    "FWCHOICE_LOG4BRAINS_BUILD=1, time-boxed",
)
def test_log4brains_build_shows_the_people(project: Path) -> None:
    command, _ = _log4brains()
    out = project / "site"
    result = run_offline([command, "build", "--out", str(out)], cwd=project, env=ENV,
                         timeout=900)  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    pages = list(out.glob("_next/data/*/adr/20261201-use-django-drf.json"))
    assert len(pages) == 1
    adr = json.loads(pages[0].read_text("utf-8"))["pageProps"]["currentAdr"]
    assert adr["deciders"] == ["Ana Lima", "Bo Chen"]
    assert adr["supersededBy"]["slug"] if isinstance(adr["supersededBy"], dict) else True
    _expected_people(adr["body"]["enhancedMdx"])
    html = (out / "adr" / "20261201-use-django-drf" / "index.html").read_text("utf-8")
    assert "Cy Dee" in html
