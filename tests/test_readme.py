"""The README's commands are true: each one runs and succeeds as written."""

from __future__ import annotations

import re
import shlex

import pytest

from conftest import REPO, SHIPPED

README = (REPO / "README.md").read_text(encoding="utf-8")
CI = (REPO / ".ci" / "run").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
# Each block's fwchoice commands, in order: a block may build on its own steps.
FWCHOICE_BLOCKS = [
    lines
    for block in BLOCKS
    if (
        lines := [
            ln.split("  #")[0].strip() for ln in block.splitlines() if ln.startswith("fwchoice")
        ]
    )
]


def test_quickstart_is_two_commands_install_and_run() -> None:
    quickstart = README.split("## Quickstart", 1)[1].split("## ", 1)[0]
    commands = [c.strip() for c in re.findall(r"```sh\n(.*?)```", quickstart, flags=re.DOTALL)]
    assert len(commands) == 2
    advise, tests = commands
    assert advise.startswith("python3 -m venv .venv")
    assert advise.endswith("fwchoice advise")
    assert "'.[test]'" in tests
    assert tests.endswith("python -m pytest")


def test_ci_installs_and_tests_exactly_as_the_readme_says() -> None:
    quickstart = README.split("## Quickstart", 1)[1]
    tests = re.findall(r"```sh\n(.*?)```", quickstart, flags=re.DOTALL)[1].strip()
    install, _, run = tests.rpartition(" && ")
    assert install in CI
    assert run in CI
    assert "fwchoice lint criteria.yaml" in CI


@pytest.mark.parametrize("lines", FWCHOICE_BLOCKS, ids=lambda lines: lines[0])
def test_readme_commands_run(cli, in_tmp, lines: list[str]) -> None:
    (in_tmp / "alice.yaml").write_text("app_kind: ml\nadmin: no\n")
    (in_tmp / "bob.yaml").write_text("app_kind: content\nadmin: yes\n")
    (in_tmp / "criteria.yaml").write_text(SHIPPED.read_text("utf-8"), encoding="utf-8")
    (in_tmp / "schema").mkdir()
    for line in lines:
        if line == "fwchoice advise":
            continue  # asks on a terminal; covered by test_pty.py
        args = shlex.split(line)[1:]
        if ">" in args:
            args = args[: args.index(">")]
        result = cli(*args)
        assert result.exit_code == 0, (line, result.stderr)


# --- pinned releases in pasted snippets ------------------------------------------

_PINNED_FILES = ("README.md", "docs/ci.md", ".pre-commit-hooks.yaml")
_FROZEN_REV = re.compile(r"rev: ([0-9a-f]{40})  # frozen: v(\d+\.\d+\.\d+)$", re.MULTILINE)
_PIP_AT = re.compile(r"fwchoice@([0-9a-f]{40})\"  # v(\d+\.\d+\.\d+)$", re.MULTILINE)


def _pins() -> list[tuple[str, str, str]]:
    found = []
    for name in _PINNED_FILES:
        text = (REPO / name).read_text(encoding="utf-8")
        # Every rev: and every pip install from git is pinned the frozen way.
        revs = re.findall(r"^[#\s]*(?:- )?rev:", text, re.MULTILINE)
        assert len(_FROZEN_REV.findall(text)) == len(revs), name
        assert len(_PIP_AT.findall(text)) == text.count("fwchoice@"), name
        found += [(name, sha, v) for sha, v in _FROZEN_REV.findall(text) + _PIP_AT.findall(text)]
    return found


def test_every_snippet_pins_one_release() -> None:
    pins = _pins()
    assert {name for name, _, _ in pins} == set(_PINNED_FILES)
    assert len({(sha, version) for _, sha, version in pins}) == 1


def test_pinned_release_is_a_commit_of_this_repository_with_that_version() -> None:
    """The rev users paste must exist and be the release it claims to be."""
    import subprocess

    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False
        )

    if git("rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        pytest.skip("shallow clone: the release commit may not be here")
    for name, sha, version in _pins():
        shown = git("show", f"{sha}:src/fwchoice/__init__.py")
        assert shown.returncode == 0, f"{name}: {sha} is not a commit here ({shown.stderr})"
        assert f'__version__ = "{version}"' in shown.stdout, f"{name}: {sha} is not v{version}"
        # And it is an ancestor of what is tested, so users get a version of this history.
        assert git("merge-base", "--is-ancestor", sha, "HEAD").returncode == 0, name
