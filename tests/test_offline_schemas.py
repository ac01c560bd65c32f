"""Every schema in docs/schemas validates offline, wherever the docs folder is copied.

check-jsonschema (a real validator, run with no network: see third_party.py) checks
each schema against its metaschema and a real output of fwchoice against each
schema, from a copy of the folder in a directory elsewhere (with a space in its
name). A reference between schemas must resolve beside the file: an absolute URL
would need a host that serves it. The control case proves the test can fail: the
absolute reference team.schema.json had in 0.2.0 does not resolve offline.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SHIPPED, TESTS, run_cli
from fwchoice.adr.embed import extract
from third_party import require_tool, run_offline

SCHEMAS = REPO / "docs" / "schemas"
TEAM = TESTS / "fixtures" / "team"


def _json(*args: str) -> object:
    result = run_cli(*args)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def instances(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One real output of fwchoice per schema."""
    work = tmp_path_factory.mktemp("outputs")
    criteria = work / "criteria.yaml"
    shutil.copy(SHIPPED, criteria)
    c = ("--criteria", str(criteria))
    found: dict[str, object] = {
        "advice": _json("advise", *c, "--preset", "cms", "--format", "json"),
        "team": _json(
            "advise",
            *c,
            "--answers",
            str(TEAM / "alice.yaml"),
            "--answers",
            str(TEAM / "bob.yaml"),
            "--format",
            "json",
        ),
        "lint": _json(
            "lint", str(TESTS / "corpus" / "many_problems_at_once.yaml"), "--format", "json"
        ),
        "matrix": _json("matrix", *c, "--format", "json"),
        "questions": _json("questions", *c, "--format", "json"),
    }
    records = work / "decisions"
    assert run_cli("advise", *c, "--preset", "cms", "--adr-dir", str(records)).exit_code == 0
    assert run_cli("advise", *c, "--answers", str(TEAM / "alice.yaml"), "--answers",
                   str(TEAM / "bob.yaml"), "--adr-dir", str(records)).exit_code == 0  # fmt: skip
    found["review"] = _json("review", *c, str(records), "--format", "json")
    for record in sorted(records.glob("*.md")):
        block = yaml.safe_load(extract(record.read_text("utf-8")) or "")
        found["team-record" if "fwchoice_team" in block else "answers"] = block
    return found


def test_there_is_an_output_for_every_schema(instances: dict[str, object]) -> None:
    names = {p.name.removesuffix(".schema.json") for p in SCHEMAS.glob("*.schema.json")}
    assert names == set(instances)


@pytest.mark.parametrize(
    "name", sorted(p.name.removesuffix(".schema.json") for p in SCHEMAS.glob("*.schema.json"))
)
def test_each_schema_validates_offline_from_a_copied_folder(
    name: str, instances: dict[str, object], tmp_path: Path
) -> None:
    checker = require_tool("FWCHOICE_CHECK_JSONSCHEMA", "check-jsonschema", "check-jsonschema")
    copied = tmp_path / "copied docs" / "schemas"
    shutil.copytree(SCHEMAS, copied)
    instance = tmp_path / f"{name}.json"
    instance.write_text(json.dumps(instances[name]), encoding="utf-8")
    schema = copied / f"{name}.schema.json"

    result = run_offline([checker, "--no-cache", "--schemafile", str(schema), str(instance)],
                         cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_every_schema_is_valid_against_its_metaschema_offline(tmp_path: Path) -> None:
    checker = require_tool("FWCHOICE_CHECK_JSONSCHEMA", "check-jsonschema", "check-jsonschema")
    copied = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, copied)
    schemas = sorted(str(p) for p in copied.glob("*.schema.json"))
    result = run_offline([checker, "--no-cache", "--check-metaschema", *schemas], cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_control_an_absolute_reference_does_not_resolve_offline(
    instances: dict[str, object], tmp_path: Path
) -> None:
    checker = require_tool("FWCHOICE_CHECK_JSONSCHEMA", "check-jsonschema", "check-jsonschema")
    copied = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, copied)
    team = json.loads((copied / "team.schema.json").read_text("utf-8"))
    team["$id"] = "https://github.com/fwchoice/fwchoice/raw/main/docs/schemas/team.schema.json"
    team["properties"]["combined"]["$ref"] = (
        "https://github.com/fwchoice/fwchoice/raw/main/docs/schemas/advice.schema.json"
    )
    (copied / "team.schema.json").write_text(json.dumps(team), encoding="utf-8")
    instance = tmp_path / "team.json"
    instance.write_text(json.dumps(instances["team"]), encoding="utf-8")
    result = run_offline(
        [checker, "--no-cache", "--schemafile", str(copied / "team.schema.json"), str(instance)],
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "validation done" not in result.stdout
