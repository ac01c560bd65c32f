"""What the wheel carries: the code, the built-in criteria, the starter, py.typed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO, SHIPPED


def test_the_wheel_carries_what_the_package_promises(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir",
         str(tmp_path), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    [wheel] = tmp_path.glob("fwchoice-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        # "Typing :: Typed" in the metadata is only true with the marker file.
        assert "fwchoice/py.typed" in names
        assert "fwchoice/templates/starter.yaml" in names
        assert archive.read("fwchoice/criteria.yaml") == SHIPPED.read_bytes()
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        assert "Classifier: Typing :: Typed" in archive.read(metadata).decode("utf-8")
    assert not any(n.startswith(("tests/", "bench/")) for n in names)
