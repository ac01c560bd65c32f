"""What a command pays for: the modules it imports, and how its work grows.

Wall-clock time is measured by bench/run.py, never asserted here: machines are
shared and noisy. These are exact: which modules load, and how many Python
function calls the work takes as the input grows tenfold.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SHIPPED

sys.path.insert(0, str(REPO / "bench"))
from fwchoice.comparison import comparison_data
from fwchoice.criteria.answers import collect, complete
from fwchoice.decide.advice import build_advice
from fwchoice.lint.pipeline import run_pipeline
from generate import generate

RUN_AND_LIST_MODULES = """
import atexit, json, os, sys
atexit.register(lambda: open(os.environ["MODULES_OUT"], "w").write(json.dumps(sorted(sys.modules))))
sys.argv = ["fwchoice", *json.loads(os.environ["FWCHOICE_ARGS"])]
from fwchoice.cli import main
main()
"""
UI_FOR_PROMPTS = ("questionary", "prompt_toolkit")


def modules_after(tmp_path: Path, *args: str) -> set[str]:
    out = tmp_path / "modules.json"
    env = {**os.environ, "MODULES_OUT": str(out), "FWCHOICE_ARGS": json.dumps(list(args))}
    subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    return {
        m.split(".")[0] if not m.startswith("fwchoice") else m for m in json.loads(out.read_text())
    }


def test_version_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    loaded = modules_after(tmp_path, "--version")
    assert not loaded & {
        "yaml",
        "rich",
        "questionary",
        "prompt_toolkit",
        "fwchoice.criteria.loader",
    }


@pytest.mark.parametrize(
    "args",
    [
        ["lint", str(SHIPPED)],
        ["matrix", "--format", "json", "--criteria", str(SHIPPED)],
        ["matrix", "--format", "csv", "--criteria", str(SHIPPED)],
        ["advise", "--preset", "ecommerce", "--format", "json", "--criteria", str(SHIPPED)],
        ["advise", "--preset", "ecommerce", "--format", "markdown", "--criteria", str(SHIPPED)],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_plain_text_commands_import_neither_rich_nor_prompts(tmp_path: Path, args) -> None:
    loaded = modules_after(tmp_path, *args)
    assert not loaded & {"rich", *UI_FOR_PROMPTS}


@pytest.mark.parametrize(
    "args",
    [
        ["matrix", "--criteria", str(SHIPPED)],
        ["advise", "--preset", "cms", "--criteria", str(SHIPPED)],
    ],
    ids=["matrix", "advise"],
)
def test_no_non_interactive_command_imports_the_prompts(tmp_path: Path, args) -> None:
    loaded = modules_after(tmp_path, *args)
    assert "rich" in loaded
    assert not loaded & set(UI_FOR_PROMPTS)


def test_showing_a_matrix_runs_no_scenario(tmp_path: Path) -> None:
    # Scenarios are lint's job: the matrix needs the file checked, not scored.
    loaded = modules_after(tmp_path, "matrix", "--format", "json", "--criteria", str(SHIPPED))
    assert "fwchoice.lint.pipeline" in loaded
    assert not loaded & {"fwchoice.lint.scenarios", "fwchoice.decide.scoring"}


def test_importing_the_cli_computes_nothing(tmp_path: Path) -> None:
    script = "import sys, json; import fwchoice.cli; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = set(json.loads(result.stdout))
    assert not loaded & {
        "yaml",
        "rich",
        "fwchoice.criteria.loader",
        "fwchoice.criteria.model",
        "questionary",
    }


# --- how work grows ---------------------------------------------------------------------


def calls(function) -> int:
    """Python function calls made by ``function()``: exact, unlike time."""
    count = 0

    def profile(frame, event, arg) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        function()
    finally:
        sys.setprofile(None)
    return count


def _work(size: int) -> dict[str, int]:
    raw = generate(size).encode()
    outcome = run_pipeline(raw, "g.yaml", full=True)
    document = outcome.document
    given = collect(document, [("preset", dict(document.presets["all-a"].answers))])
    answers = complete(document, given, fill_defaults=True)[0]
    return {
        "lint": calls(lambda: run_pipeline(raw, "g.yaml", full=True)),
        "matrix": calls(lambda: comparison_data(document)),
        "advise": calls(lambda: build_advice(document, answers, criteria_file={})),
    }


def test_ten_times_the_criteria_at_most_eleven_times_the_work() -> None:
    small, large = _work(60), _work(600)
    for command in small:
        ratio = large[command] / small[command]
        assert ratio <= 11, f"{command}: {small[command]} -> {large[command]} calls ({ratio:.1f}x)"
