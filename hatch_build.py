"""Build hook: the wheel carries the shipped criteria file precomputed
(``src/fwchoice/criteria/shipped.py`` says why and when it is used).

It runs ``python -m fwchoice.lint.precompute`` on ``criteria.yaml`` from this very
source tree, so the precomputed form always matches the file and the code in the
same wheel; a file with any problem fails the build.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class PrecomputeShippedCriteria(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads src/ and the checkout's file: nothing to add
        root = Path(self.root)
        target = Path(tempfile.mkdtemp()) / "precomputed.json"
        # The environment is the build frontend's (pip's isolated build environment,
        # where pyyaml is installed, reaches this interpreter through PYTHONPATH).
        # src/ goes on sys.path once Python has started: pip's sitecustomize drops
        # every path an installed .pth names, and an editable install of this
        # checkout names src/, so src/ on PYTHONPATH would be dropped there.
        run_precompute = (
            "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); "
            "runpy.run_module('fwchoice.lint.precompute', run_name='__main__')"
        )
        subprocess.run(
            [
                sys.executable,
                "-c",
                run_precompute,
                str(root / "src"),
                str(root / "criteria.yaml"),
                str(target),
            ],
            check=True,
        )
        build_data["force_include"][str(target)] = "fwchoice/precomputed.json"
