"""`fwchoice lint` as CI and pre-commit use it: formats, exit codes, file discovery."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, SHIPPED, TESTS

CASES = TESTS / "lint_cases"

THREE_PROBLEMS = """\
version: 1
title: Three problems
options:
  a: {label: A}
  b: {label: B}
criteria:
  speed:
    label: Speed
    description: How fast.
    ratings: {a: 7, b: 3}
    lable: typo
  comfort:
    label: Comfort
    description: How pleasant.
    ratings: {a: 1, b: 2}
  comfort:
    label: Comfort again
    description: How pleasant, again.
    ratings: {a: 2, b: 1}
"""


def test_shipped_file_is_clean(cli) -> None:
    result = cli("lint", str(SHIPPED))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no problems" in result.stderr
    assert "scenarios hold" in result.stderr


def test_three_problems_in_one_run(cli, in_tmp: Path) -> None:
    (in_tmp / "bad.yaml").write_text(THREE_PROBLEMS)
    result = cli("lint", "bad.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "bad.yaml:10:18: FWC106 error: 7 is out of range: ratings are whole stars from 0 to 5",
        "bad.yaml:11:5: FWC102 error: unknown key 'lable'; did you mean 'label'?",
        "bad.yaml:16:3: FWC104 error: duplicate key 'comfort' (first at line 12); "
        "YAML would silently keep only this one",
    ]
    assert "3 errors, 0 warnings" in result.stderr


def test_json_format_adds_end_positions_and_data_paths(cli, in_tmp: Path) -> None:
    (in_tmp / "bad.yaml").write_text(THREE_PROBLEMS)
    result = cli("lint", "--format", "json", "bad.yaml")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["format"] == "fwchoice.lint"
    assert report["format_version"] == 1
    assert report["errors"] == 3
    first = report["files"][0]["diagnostics"][0]
    assert first == {
        "file": "bad.yaml",
        "line": 10,
        "column": 18,
        "end_line": 10,
        "end_column": 19,
        "severity": "error",
        "code": "FWC106",
        "message": "7 is out of range: ratings are whole stars from 0 to 5",
        "path": "/criteria/speed/ratings/a",
    }


def test_github_format_is_workflow_commands(cli, in_tmp: Path) -> None:
    (in_tmp / "bad.yaml").write_text(THREE_PROBLEMS)
    result = cli("lint", "--format", "github", "bad.yaml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "::error file=bad.yaml,line=10,col=18,endLine=10,endColumn=19,title=FWC106 (error)"
        "::7 is out of range: ratings are whole stars from 0 to 5"
    )
    assert all(line.startswith("::error file=bad.yaml,line=") for line in lines)


def test_github_format_escapes_newlines_and_percent(cli, in_tmp: Path) -> None:
    (in_tmp / "bad.yaml").write_text(THREE_PROBLEMS.replace("lable: typo", '"100%\\nx": typo'))
    result = cli("lint", "--format", "github", "bad.yaml")
    assert "unknown key '100%25\\nx'" in result.stdout


def test_warnings_pass_unless_strict(cli) -> None:
    case = str(CASES / "fwc208_no_discrimination.yaml")
    assert cli("lint", case).exit_code == 0
    assert cli("lint", "--strict", case).exit_code == 1


def test_several_files_in_one_run(cli) -> None:
    result = cli(
        "lint", str(SHIPPED), str(CASES / "fwc106_rating_out_of_range.yaml"), "--format", "json"
    )
    assert result.exit_code == 1
    files = json.loads(result.stdout)["files"]
    assert [f["errors"] for f in files] == [0, 1]


def test_missing_file_is_a_usage_error(cli, in_tmp: Path) -> None:
    result = cli("lint", "missing.yaml")
    assert result.exit_code == 2
    assert result.stderr == "fwchoice: criteria file 'missing.yaml' not found; check the path\n"


def test_directory_is_a_usage_error(cli, in_tmp: Path) -> None:
    result = cli("lint", ".")
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_bad_flag_is_a_usage_error_on_one_line(cli) -> None:
    result = cli("lint", "--formt", "json")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "--format" in result.stderr


def test_bad_format_value_is_a_usage_error(cli) -> None:
    result = cli("lint", "--format", "xml")
    assert result.exit_code == 2
    assert "'xml'" in result.stderr


def test_without_path_uses_local_criteria_yaml(cli, in_tmp: Path) -> None:
    (in_tmp / "criteria.yaml").write_text(THREE_PROBLEMS)
    result = cli("lint")
    assert result.exit_code == 1
    assert "found in the current directory" in result.stderr


def test_without_path_or_local_file_uses_builtin(cli, in_tmp: Path) -> None:
    result = cli("lint")
    assert result.exit_code == 0
    assert "built-in criteria" in result.stderr


def test_environment_variable_chooses_the_file(cli, in_tmp: Path) -> None:
    (in_tmp / "other.yaml").write_text(THREE_PROBLEMS)
    result = cli("lint", env={"FWCHOICE_CRITERIA": "other.yaml"})
    assert result.exit_code == 1
    assert "other.yaml (from FWCHOICE_CRITERIA)" in result.stderr


def test_criteria_option_beats_environment(cli, in_tmp: Path) -> None:
    (in_tmp / "other.yaml").write_text(THREE_PROBLEMS)
    result = cli("lint", "--criteria", str(SHIPPED), env={"FWCHOICE_CRITERIA": "other.yaml"})
    assert result.exit_code == 0


def test_quiet_drops_the_summary(cli) -> None:
    result = cli("lint", "-q", str(SHIPPED))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_explain_a_code(cli) -> None:
    result = cli("lint", "--explain", "fwc104")
    assert result.exit_code == 0
    assert result.stdout.startswith("FWC104 (error): duplicate key")


def test_explain_an_unknown_code(cli) -> None:
    result = cli("lint", "--explain", "FWC999")
    assert result.exit_code == 2


SARIF_SHAPE = {
    # The parts of SARIF 2.1.0 code scanning requires (from the OASIS schema).
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "rules": {
                                        "type": "array",
                                        "items": {"type": "object", "required": ["id"]},
                                    }
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["ruleId", "message", "locations", "level"],
                            "properties": {
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "message": {"type": "object", "required": ["text"]},
                                "locations": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["physicalLocation"],
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "required": ["artifactLocation", "region"],
                                                "properties": {
                                                    "region": {
                                                        "type": "object",
                                                        "required": ["startLine", "startColumn"],
                                                        "properties": {
                                                            "startLine": {"minimum": 1},
                                                            "startColumn": {"minimum": 1},
                                                        },
                                                    }
                                                },
                                            }
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def test_sarif_for_code_scanning(cli) -> None:
    import jsonschema

    case = "tests/corpus/many_problems_at_once.yaml"
    result = cli("lint", "--format", "sarif", str(REPO / case))
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SARIF_SHAPE).validate(sarif)
    run = sarif["runs"][0]
    text = cli("lint", str(REPO / case)).stdout.splitlines()
    assert len(run["results"]) == len(text)
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for finding, line in zip(run["results"], text, strict=True):
        region = finding["locations"][0]["physicalLocation"]["region"]
        assert line.split(": ")[0].endswith(f":{region['startLine']}:{region['startColumn']}")
        assert rules[finding["ruleIndex"]] == finding["ruleId"]


def test_a_github_job_gets_a_summary(cli, tmp_path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    result = cli(
        "lint", str(REPO / "tests/corpus/many_problems_at_once.yaml"),
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    assert result.exit_code == 1
    text = summary.read_text()
    assert text.startswith("earlier step\n## fwchoice lint\n")
    assert "| File | Errors | Warnings |" in text


def test_a_saved_answers_file_is_linted_as_answers(cli, in_tmp) -> None:
    (in_tmp / "criteria.yaml").write_text(SHIPPED.read_text("utf-8"), encoding="utf-8")
    saved = cli("advise", "--preset", "cms", "--save-answers", "alice-answers.yaml",
                "--format", "json")  # fmt: skip
    assert saved.exit_code == 0
    clean = cli("lint", "alice-answers.yaml")
    assert clean.exit_code == 0, clean.stdout
    assert "saved answers, checked against criteria.yaml: no problems" in clean.stderr
    text = (in_tmp / "alice-answers.yaml").read_text()
    broken = text.replace("  admin: 'yes'", "  admin: maybe").replace(
        "  team: neither", "  teem: x"
    )
    (in_tmp / "alice-answers.yaml").write_text(broken)
    result = cli("lint", "alice-answers.yaml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert "FWC501 error: 'maybe' is not an answer to yes/no question 'admin'" in lines[0]
    assert (
        "FWC501 error: the criteria file has no question 'teem'; did you mean 'team'?" in lines[1]
    )


def test_a_saved_answers_file_whose_criteria_is_missing(cli, in_tmp) -> None:
    (in_tmp / "a.yaml").write_text(
        "fwchoice_answers: 1\ncriteria: {path: gone.yaml, sha256: "
        + "0" * 64
        + "}\nverdict: {kind: clear, winner: django}\nanswers: {admin: 'yes'}\n"
    )
    result = cli("lint", "a.yaml")
    assert result.exit_code == 1
    assert (
        "FWC502 error: cannot check the answers against the criteria file it names" in result.stdout
    )


def test_one_root_cause_gives_one_diagnostic(cli, in_tmp) -> None:
    # A rating of 7 is one mistake: not also a failed scenario for every case it touches.
    broken = SHIPPED.read_text("utf-8").replace(
        "ratings: {fastapi: 1, django: 5}", "ratings: {fastapi: 7, django: 5}"
    )
    (in_tmp / "c.yaml").write_text(broken, encoding="utf-8")
    result = cli("lint", "c.yaml")
    assert result.exit_code == 1
    assert [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()] == ["FWC106"]
