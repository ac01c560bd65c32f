"""The core never imports the terminal layer; commands import only what they use."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CORE = [
    "fwchoice.criteria.answers",
    "fwchoice.criteria.build",
    "fwchoice.criteria.fileformat",
    "fwchoice.lint.runner",
    "fwchoice.criteria.loader",
    "fwchoice.criteria.model",
    "fwchoice.criteria.schema",
    "fwchoice.decide.scoring",
    "fwchoice.criteria.yamlfile",
]
UI = ("typer", "rich", "questionary", "prompt_toolkit", "click")


def imported_after(code: str) -> set[str]:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui(module: str) -> None:
    loaded = imported_after(f"import {module}")
    leaked = sorted(m for m in loaded if m.split(".")[0] in UI)
    assert not leaked, f"{module} pulls in {leaked}"
