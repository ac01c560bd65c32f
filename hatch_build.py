"""Build hook: the wheel carries the shipped criteria file precomputed
(``src/fwchoice/criteria/shipped.py`` says why and when it is used).

It runs ``python -m fwchoice.lint.precompute`` on ``criteria.yaml`` from this very
source tree, so the precomputed form always matches the file and the code in the
same wheel; a file with any problem fails the build.
"""

from __future__ import annotations

import os
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
        # Keep the PYTHONPATH the build frontend set: pip's isolated build
        # environment (where pyyaml is installed) reaches this interpreter through it.
        inherited = os.environ.get("PYTHONPATH")
        paths = [str(root / "src"), *([inherited] if inherited else [])]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "fwchoice.lint.precompute",
                str(root / "criteria.yaml"),
                str(target),
            ],
            check=True,
            env=env,
        )
        build_data["force_include"][str(target)] = "fwchoice/precomputed.json"
