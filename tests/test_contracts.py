"""Every JSON fwchoice prints or writes matches its schema, and every key is documented.

Real outputs (several commands, the shipped file and the three-option example,
unsure answers, exclusions, replays, a team, a review, lint) are validated against
``docs/schemas/*.schema.json``; then every key they hold must be named, as
`key`, in its format's section of docs/json-output.md (keys that are ids from
the criteria file, option or question ids, are data, not fields).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource

from conftest import REPO, SHIPPED, TESTS
from fwchoice.adr.embed import extract
from fwchoice.criteria.fileformat import answers_json_schema, team_record_json_schema
from fwchoice.lint.runner import analyse

SCHEMAS = REPO / "docs" / "schemas"
DOCS = (REPO / "docs" / "json-output.md").read_text("utf-8")
THREE = REPO / "examples" / "fastapi-django-ninja.yaml"


def _schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))


# Each schema under its file name (how a relative $ref names it: team.schema.json has
# no $id, so its reference to advice.schema.json resolves beside it) and its $id.
REGISTRY = Registry().with_resources(
    (uri, Resource.from_contents(schema))
    for path in SCHEMAS.glob("*.schema.json")
    for schema in [json.loads(path.read_text("utf-8"))]
    for uri in (path.name, schema.get("$id"))
    if uri
)


def validate(name: str, instance: Any) -> None:
    jsonschema.Draft202012Validator(_schema(name), registry=REGISTRY).validate(instance)


def _ids(*documents: Path) -> set[str]:
    ids: set[str] = set()
    for path in documents:
        doc = analyse(path.read_bytes(), path.name, full=False).document
        assert doc is not None
        ids |= set(doc.options) | set(doc.criteria) | set(doc.questions) | set(doc.features)
        ids |= set(doc.benchmarks)
    return ids


IDS = _ids(SHIPPED, THREE, TESTS / "fixtures" / "three_options.yaml")


def keys(value: Any, into: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in IDS:
                into.add(key)
            keys(item, into)
    elif isinstance(value, list):
        for item in value:
            keys(item, into)
    return into


def section(format_name: str) -> str:
    """The part of docs/json-output.md about one format (with the shared preamble)."""
    preamble = DOCS.split("\n## ", 1)[0]
    for part in DOCS.split("\n## ")[1:]:
        if f"`{format_name}`" in part.split("\n", 1)[0]:
            return preamble + part
    raise AssertionError(f"docs/json-output.md has no section for {format_name}")


def assert_documented(format_name: str, outputs: list[Any], *, also: str = "") -> None:
    text = section(format_name) + also
    found: set[str] = set()
    for output in outputs:
        keys(output, found)
    undocumented = sorted(k for k in found if f"`{k}`" not in text)
    assert not undocumented, f"{format_name}: not in docs/json-output.md: {undocumented}"


def test_every_schema_is_valid_draft_2020_12() -> None:
    for path in SCHEMAS.glob("*.schema.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text("utf-8")))


def test_the_answers_schemas_are_the_format_lint_uses() -> None:
    assert _schema("answers") == answers_json_schema()
    assert _schema("team-record") == team_record_json_schema()


# --- the outputs ------------------------------------------------------------------------

ADVICE_RUNS = [
    ["--preset", "cms"],
    ["--preset", "ml-serving", "--ratings", "evidence"],
    ["--preset", "ml-serving", "--set", "admin=unsure", "--set", "security=unsure"],
    ["--preset", "api-microservice", "--set", "security=admin", "--set", "add_ons=no"],
    ["--defaults", "--set", "team=django", "--set", "performance=5"],
    ["--defaults", "--set", "admin=yes", "--set", "performance=4", "--set", "team=fastapi"],
    ["--criteria", str(THREE), "--preset", "typed-api-with-admin"],
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, list[Any]]:
    from conftest import run_cli as cli

    work = tmp_path_factory.mktemp("contracts")
    shutil.copy(SHIPPED, work / "criteria.yaml")
    found: dict[str, list[Any]] = {k: [] for k in
                                   ("matrix", "advice", "team", "questions", "review", "lint",
                                    "answers", "team-record")}  # fmt: skip
    for criteria in (SHIPPED, THREE):
        found["matrix"].append(
            json.loads(cli("matrix", "--criteria", str(criteria), "--format", "json").stdout)
        )
        found["questions"].append(
            json.loads(cli("questions", "--criteria", str(criteria), "--format", "json").stdout)
        )
    for args in ADVICE_RUNS:
        found["advice"].append(json.loads(cli("advise", *args, "--format", "json").stdout))
    # a replay against an edited file, and the saved answers behind it
    saved = work / "saved.yaml"
    cli("advise", "--criteria", str(SHIPPED), "--preset", "cms", "--save-answers", str(saved),
        "--format", "json", "--review-by", "2027-01-01")  # fmt: skip
    found["answers"].append(yaml.safe_load(saved.read_text("utf-8")))
    edited = work / "edited.yaml"
    text = SHIPPED.read_text("utf-8")
    edited.write_text(
        text.replace("ratings: {fastapi: 1, django: 5}", "ratings: {fastapi: 5, django: 5}"),
        encoding="utf-8",
    )
    found["advice"].append(
        json.loads(
            cli(
                "advise", "--criteria", str(edited), "--answers", str(saved), "--format", "json"
            ).stdout
        )
    )
    # a team, its record, and a review of the records
    (work / "a.yaml").write_text("name: Ana\napp_kind: ml\nteam: fastapi\n")
    (work / "b.yaml").write_text("app_kind: content\nadmin: yes\nsecurity: [admin]\nadd_ons: no\n")
    team = [
        "advise",
        "--criteria",
        str(SHIPPED),
        "--answers",
        str(work / "a.yaml"),
        "--answers",
        str(work / "b.yaml"),
    ]
    found["team"].append(json.loads(cli(*team, "--format", "json").stdout))
    cli(*team, "--adr-dir", str(work / "d"), "--date", "2026-11-30")
    cli("advise", "--criteria", str(SHIPPED), "--preset", "cms", "--adr-dir", str(work / "d"),
        "--date", "2026-11-30", "--review-by", "2026-12-01")  # fmt: skip
    for record in sorted((work / "d").iterdir()):
        block = yaml.safe_load(extract(record.read_text("utf-8")) or "")
        found["team-record" if "fwchoice_team" in block else "answers"].append(block)
    found["review"].append(
        json.loads(
            cli(
                "review",
                str(work / "d"),
                "--criteria",
                str(edited),
                "--format",
                "json",
                "--today",
                "2027-01-01",
            ).stdout
        )
    )
    # lint: a clean file and a broken one
    for path in (SHIPPED, TESTS / "corpus" / "many_problems_at_once.yaml"):
        found["lint"].append(json.loads(cli("lint", "--format", "json", str(path)).stdout))
    return found


@pytest.mark.parametrize(
    "name", ["matrix", "advice", "team", "questions", "review", "lint", "answers", "team-record"]
)
def test_real_outputs_match_their_schema(outputs, name: str) -> None:
    assert outputs[name], name
    for output in outputs[name]:
        validate(name, output)


def test_a_teams_combined_result_is_an_advice(outputs) -> None:
    for team in outputs["team"]:
        validate("advice", team["combined"])
        assert team["combined"]["answers"] == []
        assert team["combined"]["what_would_change_it"]["answers"] is None


@pytest.mark.parametrize(
    ("name", "format_name"),
    [
        ("matrix", "fwchoice.matrix"),
        ("advice", "fwchoice.advice"),
        ("team", "fwchoice.team"),
        ("questions", "fwchoice.questions"),
        ("review", "fwchoice.review"),
        ("lint", "fwchoice.lint"),
    ],
)
def test_every_key_is_documented(outputs, name: str, format_name: str) -> None:
    # A team's combined result is an advice: its keys are documented there.
    also = section("fwchoice.advice") if name == "team" else ""
    # An advice names hybrids as the matrix does.
    also += section("fwchoice.matrix") if name in ("advice", "team") else ""
    assert_documented(format_name, outputs[name], also=also)


def test_every_saved_answers_key_is_documented(outputs) -> None:
    text = DOCS.split("## Saved answers", 1)[1]
    found: set[str] = set()
    for output in outputs["answers"] + outputs["team-record"]:
        keys(output, found)
    undocumented = sorted(k for k in found if f"`{k}`" not in text + section("fwchoice.advice"))
    assert not undocumented, undocumented
