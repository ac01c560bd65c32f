"""`fwchoice matrix`: every section in every format, golden-checked, at any width."""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest

from conftest import REPO, assert_golden

FIXTURES = {
    "shipped": "criteria.yaml",
    "three": "tests/fixtures/three_options.yaml",
}
FORMATS = ["table", "markdown", "json", "csv"]
SECTIONS = ["matrix", "features", "benchmarks", "use-cases", "all"]
EXTENSION = {"table": "txt", "markdown": "md", "json": "json", "csv": "csv"}
MATRIX_SCHEMA = json.loads((REPO / "docs" / "schemas" / "matrix.schema.json").read_text("utf-8"))


def matrix(cli, fixture: str, *args: str, width: int = 80):
    return cli("matrix", "--criteria", FIXTURES[fixture], *args, env={"COLUMNS": str(width)})


@pytest.mark.parametrize("fixture", list(FIXTURES))
@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("section", SECTIONS)
def test_golden(cli, in_repo, fixture: str, output_format: str, section: str) -> None:
    result = matrix(cli, fixture, "--format", output_format, "--section", section)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    name = f"matrix/{fixture}-{section}.{EXTENSION[output_format]}"
    assert_golden(name, result.stdout)


@pytest.mark.parametrize("fixture", list(FIXTURES))
def test_json_matches_its_documented_schema(cli, in_repo, fixture: str) -> None:
    data = json.loads(matrix(cli, fixture, "--format", "json").stdout)
    jsonschema.Draft202012Validator(MATRIX_SCHEMA).validate(data)
    assert data["sections"] == ["matrix", "features", "benchmarks", "use-cases"]


def test_json_holds_the_values_the_table_shows(cli, in_repo) -> None:
    data = json.loads(matrix(cli, "shipped", "--format", "json").stdout)
    table = matrix(cli, "shipped", "--section", "matrix", width=120).stdout
    labels = {o["id"]: o["label"] for o in data["options"]}
    for row in data["matrix"]:
        line = next(line for line in table.splitlines() if line.startswith(row["label"]))
        numbers = [int(n) for n in re.findall(r"[★☆]+ (\d)", line)]
        assert numbers == [row["ratings"][o] for o in labels], row["label"]
        leader = " = ".join(labels[o] for o in row["leaders"]) or "tie"
        assert leader in line


def test_source_values_appear_in_every_format(cli, in_repo) -> None:
    for output_format in FORMATS:
        out = matrix(cli, "shipped", "--format", output_format).stdout
        for figure in ("15,000", "5,000", "8,000", "4,000") if output_format != "json" else ():
            shown = figure.replace(",", "") if output_format == "csv" else figure
            assert shown in out, (output_format, shown)
        for label in ("API Performance", "Admin Interface", "Migrations", "E-commerce platform"):
            assert label in out, (output_format, label)


def test_benchmark_ratio_to_best(cli, in_repo) -> None:
    data = json.loads(matrix(cli, "shipped", "--format", "json", "-s", "benchmarks").stdout)
    simple = data["benchmarks"][0]["results"]
    assert simple["fastapi"]["ratio_to_best"] == 1.0
    assert simple["django"]["ratio_to_best"] == 3.0
    assert "3.0× lower" in matrix(cli, "shipped", "-s", "benchmarks").stdout


def test_lower_is_better_benchmark(cli, in_repo) -> None:
    data = json.loads(matrix(cli, "three", "--format", "json", "-s", "benchmarks").stdout)
    results = data["benchmarks"][0]["results"]
    assert results["rq"]["best"]
    assert results["celery"]["ratio_to_best"] == 2.0
    assert "2.0× higher" in matrix(cli, "three", "-s", "benchmarks").stdout


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("fixture", list(FIXTURES))
def test_fits_the_width_and_keeps_numbers_whole(cli, in_repo, fixture: str, width: int) -> None:
    out = matrix(cli, fixture, width=width).stdout
    for line in out.splitlines():
        if "https://" not in line:  # URLs are never wrapped, so a terminal keeps them clickable
            assert len(line) <= width, line
    data = json.loads(matrix(cli, fixture, "--format", "json").stdout)
    for row in data["matrix"]:
        for rating in row["ratings"].values():
            assert re.search(rf"[★☆]+ {rating}\b", out)
    for row in data["benchmarks"]:
        for result in row["results"].values():
            assert f"{result['value']:,.0f}" in out or f"{result['value']:,.1f}" in out
    if width == 120:
        assert "Criterion" in out  # a real table
    if width == 40:
        assert "Criterion" not in out  # stacked rows instead of a squashed table


def test_twenty_columns_does_not_crash(cli, in_repo) -> None:
    result = matrix(cli, "shipped", width=20)
    assert result.exit_code == 0
    assert "★★★★★ 5" in result.stdout


def test_csv_is_one_table_per_section_and_parses(cli, in_repo) -> None:
    out = matrix(cli, "three", "--format", "csv").stdout
    tables = out.split("\n\n")
    assert len(tables) == 4
    headers = [next(csv.reader(io.StringIO(t)))[0] for t in tables]
    assert headers == ["criterion_id", "feature_id", "benchmark_id", "option"]


@pytest.mark.parametrize("fixture", list(FIXTURES))
def test_markdown_tables_have_consistent_columns(cli, in_repo, fixture: str) -> None:
    out = matrix(cli, fixture, "--format", "markdown").stdout
    blocks = re.findall(r"(?:^\|.*\|$\n?)+", out, flags=re.MULTILINE)
    assert len(blocks) == 4
    for block in blocks:
        lines = block.strip().splitlines()
        assert re.fullmatch(r"\|( --- \|)+", lines[1])
        # Escaped pipes (\|) are text; the others separate cells.
        widths = {len(re.split(r"(?<!\\)\|", line)) for line in lines}
        assert len(widths) == 1, block


def test_repeated_and_all_sections(cli, in_repo) -> None:
    data = json.loads(
        matrix(
            cli,
            "shipped",
            "--format",
            "json",
            "-s",
            "benchmarks",
            "-s",
            "matrix",
            "-s",
            "benchmarks",
        ).stdout
    )
    assert data["sections"] == ["benchmarks", "matrix"]
    assert "features" not in data


def test_unknown_section_is_a_usage_error(cli, in_repo) -> None:
    result = matrix(cli, "shipped", "-s", "pricing")
    assert result.exit_code == 2
    assert "unknown section 'pricing'" in result.stderr


def test_output_file(cli, in_tmp) -> None:
    result = cli("matrix", "--format", "markdown", "--output", "m.md")
    assert result.exit_code == 0
    assert (in_tmp / "m.md").read_text("utf-8").startswith("# ")
    assert cli("matrix", "--output", "m.md").exit_code == 2


def test_uses_builtin_file_outside_a_project(cli, in_tmp) -> None:
    data = json.loads(cli("matrix", "--format", "json").stdout)
    assert data["criteria_file"]["origin"] == "built-in"
    assert "built-in criteria" in cli("matrix", "-s", "benchmarks").stdout
