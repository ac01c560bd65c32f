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
