"""Every command docs/ci.md's workflows run succeeds in a repository with no records yet.

The ``run:`` steps are read from the page's YAML (the workflow and the
code-scanning job), the install step left out (this checkout's fwchoice is on
PATH), and each is run by bash as the runner would, in a fresh git repository
holding only a criteria file made by ``fwchoice init``: a team adopting the
workflow before its first decision record.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

from conftest import REPO


def documented_steps() -> list[str]:
    docs = (REPO / "docs" / "ci.md").read_text("utf-8")
    workflow, scan_job = re.findall(r"```yaml\n(.*?)```", docs, re.S)[:2]
    jobs = yaml.safe_load(workflow)["jobs"]
    jobs.update(yaml.safe_load(textwrap.dedent(scan_job)))
    steps = [step["run"] for job in jobs.values() for step in job["steps"] if "run" in step]
    return [s for s in steps if not s.startswith("pip install")]


def test_the_steps_are_found() -> None:
    steps = documented_steps()
    assert "fwchoice lint --format github criteria.yaml" in steps
    assert any(s.startswith("fwchoice review") for s in steps)
    assert any("--format sarif" in s for s in steps)


def test_every_documented_step_passes_in_a_repository_with_no_records(tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "FWCHOICE_CRITERIA": "",
        "NO_COLOR": "1",
    }
    repository = tmp_path / "repository"
    repository.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repository, check=True)
    made = subprocess.run([str(bin_dir / "fwchoice"), "init", "criteria.yaml"], cwd=repository,
                          env=env, capture_output=True, text=True, check=False)  # fmt: skip
    assert made.returncode == 0, made.stderr
    for step in documented_steps():
        done = subprocess.run(["bash", "-e", "-c", step], cwd=repository, env=env,
                              capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
        assert done.returncode == 0, f"{step}: {done.stdout}{done.stderr}"
        if step.startswith("fwchoice review"):
            assert "0 records reviewed" in done.stderr, done.stderr
    summary = (tmp_path / "summary.md").read_text("utf-8")
    assert "## fwchoice review" in summary
