"""`fwchoice schema`: a valid draft 2020-12 schema, in sync, and never looser than lint."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, SHIPPED, TESTS
from fwchoice.criteria.fileformat import json_schema
from fwchoice.lint.runner import analyse


def test_schema_is_valid_draft_2020_12(cli) -> None:
    result = cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_accepts_the_shipped_file() -> None:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json_schema()).validate(data)


def test_repository_copy_is_in_sync() -> None:
    # Editors read schema/criteria.schema.json (see the modeline in criteria.yaml).
    committed = json.loads((REPO / "schema" / "criteria.schema.json").read_text("utf-8"))
    assert committed == json_schema(), "run: fwchoice schema -o schema/criteria.schema.json --force"


def test_shipped_file_points_editors_at_the_schema() -> None:
    first_line = SHIPPED.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./schema/criteria.schema.json"


def test_output_option_writes_atomically_and_refuses_to_overwrite(cli, in_tmp) -> None:
    assert cli("schema", "--output", "s.json").exit_code == 0
    assert json.loads((in_tmp / "s.json").read_text()) == json_schema()
    again = cli("schema", "--output", "s.json")
    assert again.exit_code == 2
    assert "already exists; add --force" in again.stderr
    assert cli("schema", "--output", "s.json", "--force").exit_code == 0


def _lint_has_errors(data: object) -> bool:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    analysis = analyse(text.encode(), "mutant.yaml", full=False)
    return bool(analysis.errors)


SHIPPED_DATA = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(json_schema())

_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 1500),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=5),
    st.lists(st.integers(0, 6), max_size=2),
    st.dictionaries(st.sampled_from(["label", "x", "text"]), st.text(max_size=3), max_size=2),
)


def _paths(node: object, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*path, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_paths(value, (*path, i)))
    return found


PATHS = [p for p in _paths(SHIPPED_DATA) if p]


def _replace(data: object, path: tuple, value: object) -> object:
    copy = json.loads(json.dumps(data))
    node = copy
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return copy


@settings(max_examples=100, deadline=None)
@given(path=st.sampled_from(PATHS), value=_values)
def test_whatever_the_schema_rejects_lint_rejects(path: tuple, value: object) -> None:
    mutant = _replace(SHIPPED_DATA, path, value)
    if not VALIDATOR.is_valid(mutant):
        assert _lint_has_errors(mutant), f"schema rejects, lint accepts: {path} = {value!r}"


@pytest.mark.parametrize("case", sorted((TESTS / "lint_cases").glob("fwc1*.yaml")))
def test_schema_and_lint_agree_on_shape_cases(case) -> None:
    # Every FWC1xx case is a shape error, so the schema rejects it too (where
    # YAML 1.1 loading lets the data reach the schema at all).
    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    if case.stem in {"fwc105_boolean_key", "fwc104_duplicate_key"}:
        pytest.skip("YAML loaders hide these before any schema sees the data")
    if case.stem == "fwc107_nan_weight":
        pytest.skip("JSON has no NaN; JSON Schema's minimum lets it through, lint does not")
    assert not VALIDATOR.is_valid(data)
