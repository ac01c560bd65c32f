"""Lint and the published schema agree, as check-jsonschema (a YAML 1.2 reader) sees it.

Over every file in the corpus and the lint cases (more than 100), plus the shipped
file and the examples: whatever check-jsonschema rejects, lint rejects; and
whatever lint rejects for a rule the schema expresses, check-jsonschema rejects.
Rules a JSON Schema cannot express are lint's alone, listed in SCHEMA_CANNOT_SAY
(and in the README).

check-jsonschema is run once over all the files, from ``FWCHOICE_CHECK_JSONSCHEMA``
(CI installs it in a venv of its own; it needs Python 3.11) or from PATH; the test
is skipped where it is not installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, TESTS
from fwchoice.codes import CODES
from fwchoice.lint.runner import analyse

CHECK_JSONSCHEMA = os.environ.get("FWCHOICE_CHECK_JSONSCHEMA") or shutil.which("check-jsonschema")
pytestmark = pytest.mark.skipif(not CHECK_JSONSCHEMA, reason="check-jsonschema is not installed")

CASES = [*(TESTS / "corpus").glob("*.yaml"), *(TESTS / "lint_cases").glob("*.yaml")]
FILES = [
    *sorted(CASES, key=lambda p: p.name),
    REPO / "criteria.yaml",
    *sorted((REPO / "examples").glob("*.yaml")),
]
# FWC2xx-4xx are about what the data means: references, conditions, scenarios.
MEANING = [code for code in CODES if code.startswith(("FWC2", "FWC3", "FWC4"))]

SCHEMA_CANNOT_SAY = {
    # encodings and YAML features: lint is stricter than any schema
    "FWC002": "bytes that are not UTF-8 (a YAML reader may decode UTF-16 itself)",
    "FWC003": "a byte-order mark",
    "FWC006": "anchors and aliases",
    "FWC008": "explicit tags",
    "FWC105": "keys YAML 1.1 reads as booleans, numbers or null",
    "FWC107": "NaN or infinite numbers (NaN compares false with every bound)",
    "FWC116": "values YAML 1.1 and YAML 1.2 read differently",
    # meaning: references between parts of the file, and what the file says
    **dict.fromkeys(MEANING, "a rule about what the data means"),
}


def _errors(path: Path) -> set[str]:
    diagnostics = analyse(path.read_bytes(), path.name, full=True).diagnostics
    return {d.code for d in diagnostics if d.severity == "error"}


def _check_jsonschema(files: list[Path]) -> subprocess.CompletedProcess[str]:
    schema = str(REPO / "schema" / "criteria.schema.json")
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "-o", "json", "--schemafile", schema, *map(str, files)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def rejected_by_check_jsonschema() -> set[str]:
    assert len(FILES) >= 30
    # Nesting deep enough for lint's FWC007 makes check-jsonschema's YAML reader
    # recurse until Python stops it (a traceback, exit 1): such files run alone,
    # and that failure counts as a rejection. The rest run in one call.
    deep = [p for p in FILES if "FWC007" in _errors(p)]
    run = _check_jsonschema([p for p in FILES if p not in deep])
    report = json.loads(run.stdout)
    failed = {e["filename"] for e in report.get("errors", [])}
    failed |= {e["filename"] for e in report.get("parse_errors", [])}
    assert (run.returncode != 0) == bool(failed)
    failed |= {str(p) for p in deep if _check_jsonschema([p]).returncode != 0}
    return {str(Path(f)) for f in failed}


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_lint_and_the_schema_agree(rejected_by_check_jsonschema, path: Path) -> None:
    errors = _errors(path)
    schema_rejects = str(path) in rejected_by_check_jsonschema
    if schema_rejects:
        assert errors, "check-jsonschema rejects it but lint passes it"
    if errors - set(SCHEMA_CANNOT_SAY):
        assert schema_rejects, f"lint rejects it for {sorted(errors)} but the schema accepts it"
