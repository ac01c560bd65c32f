"""The hooks, run by pre-commit itself on the configuration the README documents.

The hook repository is this working tree, copied into a scratch repository and
committed (so the test sees uncommitted edits too); a user repository holds a
criteria file, adr-tools' own first record, fwchoice records in ``docs/decisions``
and ``decisions/``, and saved answers. pre-commit builds the hook's environment
from the package index, as it does for users, which takes a minute: so these
tests run only with ``FWCHOICE_PRE_COMMIT_HOOKS=1``, as .ci/run's pre-commit step
runs them, and where pre-commit is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, SHIPPED, run_cli
from third_party import require_tool

pytestmark = pytest.mark.skipif(
    os.environ.get("FWCHOICE_PRE_COMMIT_HOOKS") != "1",
    reason="builds a pre-commit environment from the package index (about a minute): "
    ".ci/run runs it in its pre-commit step; set FWCHOICE_PRE_COMMIT_HOOKS=1 to run it here",
)

ADR_TOOLS_FIRST_RECORD = """# 1. Record architecture decisions

Date: 2026-12-07

## Status

Accepted

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records.

## Consequences

See Michael Nygard's article.
"""


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, text=True,
                          check=True)  # fmt: skip
    return done.stdout.strip()


def _hook_repository(into: Path) -> str:
    """This working tree as a committed repository; its commit's SHA."""
    for name in _git(REPO, "ls-files").splitlines():
        source = REPO / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    _git(into, "init", "-q")
    _git(into, "add", "-A")
    _git(into, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "hooks")
    return _git(into, "rev-parse", "HEAD")


def _readme_hooks() -> str:
    readme = (REPO / "README.md").read_text("utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "hooks:" in b]
    fragment = next(b for b in blocks if "fwchoice-lint-records" in b)
    assert fragment.startswith("    hooks:\n")
    return fragment


@pytest.fixture(scope="module")
def user_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pre-commit")
    hooks = work / "hooks"
    hooks.mkdir()
    sha = _hook_repository(hooks)
    user = work / "user"
    (user / "docs" / "decisions").mkdir(parents=True)
    (user / "decisions").mkdir()
    shutil.copy(SHIPPED, user / "criteria.yaml")
    (user / "docs" / "decisions" / "0001-record-architecture-decisions.md").write_text(
        ADR_TOOLS_FIRST_RECORD, encoding="utf-8"
    )
    for folder, preset in (("docs/decisions", "cms"), ("decisions", "api-microservice")):
        made = run_cli("advise", "--criteria", str(user / "criteria.yaml"), "--preset", preset,
                       "--adr-dir", str(user / folder))  # fmt: skip
        assert made.exit_code == 0, made.stderr
    config = f"repos:\n  - repo: {hooks}\n    rev: {sha}\n" + _readme_hooks()
    (user / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(user, "init", "-q")
    _git(user, "add", "-A")
    return user


def _run(pre_commit: str, user: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(user.parent / "cache")}
    return subprocess.run([pre_commit, "run", "--all-files"], cwd=user, env=env,
                          capture_output=True, text=True, timeout=600, check=False)  # fmt: skip


def test_the_documented_hooks_check_records_and_skip_other_markdown(user_repository) -> None:
    pre_commit = require_tool("FWCHOICE_PRE_COMMIT", "pre-commit", "pre-commit")
    result = _run(pre_commit, user_repository)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(re.match(r"fwchoice lint \(decision records\)\.+Passed", ln) for ln in lines)
    assert sum(bool(re.match(r"fwchoice lint\.+Passed", ln)) for ln in lines) == 2, lines


def test_a_record_that_no_longer_fits_fails_each_hook_that_catches_it(user_repository) -> None:
    pre_commit = require_tool("FWCHOICE_PRE_COMMIT", "pre-commit", "pre-commit")
    broken = []
    for record in [*user_repository.glob("docs/decisions/0002-*.md"),
                   *user_repository.glob("decisions/0001-*.md")]:  # fmt: skip
        text = record.read_text("utf-8")
        record.write_text(re.sub(r"(\n\s+admin: )'?\w+'?", r"\1maybe", text, count=1), "utf-8")
        broken.append(record.relative_to(user_repository).as_posix())
    _git(user_repository, "add", "-A")
    result = _run(pre_commit, user_repository)
    assert result.returncode == 1, result.stdout
    for name in broken:
        assert re.search(rf"{re.escape(name)}:\d+:\d+: FWC501", result.stdout), result.stdout
    assert "0001-record-architecture-decisions.md:" not in result.stdout.replace(
        "0001-record-architecture-decisions.md: a Markdown file", ""
    )
