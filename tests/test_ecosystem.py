"""Fitting in: init, examples, pictures, completion, help, pre-commit and packaging."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SHIPPED
from fwchoice.lint.runner import analyse

SCRIPT = Path(sys.executable).parent / "fwchoice"
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))
installed = pytest.mark.skipif(not SCRIPT.exists(), reason="fwchoice is not installed")


def test_init_writes_a_file_that_passes_lint(cli, in_tmp: Path) -> None:
    result = cli("init", "new.yaml")
    assert result.exit_code == 0
    assert "wrote new.yaml" in result.stderr
    text = (in_tmp / "new.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=https://")
    assert "fwchoice lint new.yaml" in text
    lint = cli("lint", "new.yaml")
    assert lint.exit_code == 0
    assert lint.stdout == ""
    assert "no problems" in lint.stderr


def test_init_is_complete(cli, in_tmp: Path) -> None:
    cli("init")
    document = analyse((in_tmp / "criteria.yaml").read_bytes(), "c", full=True).document
    assert len(document.options) == 2
    assert len(document.criteria) >= 3
    assert all(q.choices for q in document.questions.values())
    assert any(c.weights for q in document.questions.values() for c in q.choices.values())
    assert any(q.when for q in document.questions.values())
    assert document.presets
    assert document.scenarios
    assert cli("advise", "--preset", "side-project", "--format", "json").exit_code == 0


def test_init_refuses_to_overwrite(cli, in_tmp: Path) -> None:
    (in_tmp / "criteria.yaml").write_text("mine\n")
    result = cli("init")
    assert result.exit_code == 2
    assert "already exists; add --force" in result.stderr
    assert (in_tmp / "criteria.yaml").read_text() == "mine\n"
    assert cli("init", "--force").exit_code == 0


def test_init_creates_the_directory(cli, in_tmp: Path) -> None:
    assert cli("init", "decisions/db.yaml").exit_code == 0
    assert cli("lint", "decisions/db.yaml").exit_code == 0


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_lint_clean_and_their_scenarios_hold(cli, example: Path) -> None:
    result = cli("lint", "--strict", str(example))
    assert result.exit_code == 0, result.stdout
    assert "scenarios hold" in result.stderr


def test_the_three_way_example_works_in_every_command(cli) -> None:
    example = str(REPO / "examples" / "fastapi-django-ninja.yaml")
    data = json.loads(cli("matrix", "--criteria", example, "--format", "json").stdout)
    assert [o["label"] for o in data["options"]] == ["FastAPI", "Django + DRF", "Django Ninja"]
    advice = json.loads(
        cli(
            "advise", "--criteria", example, "--preset", "typed-api-with-admin", "--format", "json"
        ).stdout
    )
    assert advice["verdict"]["winner"] == "ninja"
    assert len(advice["scores"]) == 3
    assert advice["verdict"]["hybrids"][0]["id"] == "ninja_beside_drf"
    # The two options the source compares keep the source's ratings.
    shipped = analyse(SHIPPED.read_bytes(), "c", full=False).document
    three = analyse(Path(example).read_bytes(), "e", full=False).document
    for cid, criterion in shipped.criteria.items():
        if not criterion.in_source:
            continue  # added from research: not in the three-way example
        assert {o: three.criteria[cid].ratings[o] for o in ("fastapi", "django")} == dict(
            criterion.ratings
        )


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["matrix", "--section", "matrix"], "m.svg"),
        (["advise", "--preset", "cms"], "a.svg"),
    ],
)
def test_export_svg_is_a_valid_picture(cli, in_tmp: Path, command: list[str], name: str) -> None:
    result = cli(*command, "--export", name)
    assert result.exit_code == 0
    assert result.stdout == ""
    root = ET.parse(in_tmp / name).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.attrib["viewBox"].startswith("0 0 ")
    text = (in_tmp / name).read_text()
    assert "Django" in text


def test_export_html_and_bad_names(cli, in_tmp: Path) -> None:
    assert cli("matrix", "--export", "m.html").exit_code == 0
    assert "<html" in (in_tmp / "m.html").read_text()
    bad = cli("advise", "--preset", "cms", "--export", "m.png")
    assert bad.exit_code == 2
    assert "--export writes .svg or .html files" in bad.stderr
    again = cli("matrix", "--export", "m.html")
    assert again.exit_code == 2  # an existing picture is kept unless --force


def test_no_arguments_prints_an_overview(cli) -> None:
    result = cli()
    assert result.exit_code == 0
    assert "fwchoice advise" in result.stdout
    assert "fwchoice matrix" in result.stdout


def test_the_overview_and_the_readme_list_every_command(cli) -> None:
    from conftest import REPO
    from fwchoice.cli import SUBCOMMANDS

    overview = cli().stdout
    table = (REPO / "README.md").read_text(encoding="utf-8").split("## Commands", 1)[1]
    table = table.split("\n\n", 2)[1]  # the table under the heading
    for name in SUBCOMMANDS:
        assert f"fwchoice {name}" in overview, name
        assert f"| `fwchoice {name}` |" in table, name


def _help_examples(cli, command: str) -> list[str]:
    text = cli(command, "--help").stdout
    assert "Examples:" in text
    tail = text.split("Examples:", 1)[1]
    return [m.strip() for m in re.findall(r"(fwchoice [^\n│]+)", tail)]


@pytest.mark.parametrize("command", ["advise", "matrix", "lint", "init", "schema"])
def test_every_help_ends_with_examples_that_run(cli, in_tmp: Path, command: str) -> None:
    examples = _help_examples(cli, command)
    assert 2 <= len(examples) <= 4
    (in_tmp / "alice.yaml").write_text("app_kind: ml\n")
    (in_tmp / "bob.yaml").write_text("app_kind: content\n")
    (in_tmp / "criteria.yaml").write_text(SHIPPED.read_text("utf-8"), encoding="utf-8")
    (in_tmp / "schema").mkdir()
    for example in examples:
        args = shlex.split(example)[1:]
        if args == ["advise"]:
            continue  # asks on a terminal
        if ">" in args:
            args = args[: args.index(">")]
        if args[:1] == ["init"]:
            args.append("--force")
        result = cli(*args)
        assert result.exit_code == 0, (example, result.stderr)


def _complete(words: str, cword: int) -> list[str]:
    env = {
        **os.environ,
        "_FWCHOICE_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(cword),
    }
    result = subprocess.run(
        [str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    return result.stdout.split()


@installed
def test_completion_of_commands_sections_presets_and_set_values() -> None:
    assert _complete("fwchoice ma", 1) == ["matrix"]
    assert _complete("fwchoice qu", 1) == ["questions"]
    assert _complete("fwchoice matrix --section ", 3) == [
        "matrix",
        "features",
        "benchmarks",
        "use-cases",
        "all",
    ]
    assert _complete("fwchoice advise --preset e", 3) == ["ecommerce"]
    assert _complete("fwchoice advise --set ad", 3) == ["admin=", "add_ons="]
    assert _complete("fwchoice advise --set admin=", 3) == ["admin=yes", "admin=no", "admin=unsure"]
    assert "--format" in _complete("fwchoice lint --f", 2)


@installed
def test_completion_scripts_for_each_shell() -> None:
    # Without this variable --show-completion is a flag that detects the shell and
    # ignores "zsh"/"fish": every run would print the bash script.
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    scripts = {}
    for shell in ("bash", "zsh", "fish"):
        result = subprocess.run(
            [str(SCRIPT), "--show-completion", shell],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0
        assert "_FWCHOICE_COMPLETE" in result.stdout
        scripts[shell] = result.stdout
    assert "compopt -o nospace" in scripts["bash"]  # fwchoice's own bash script
    assert "compdef _fwchoice_completion fwchoice" in scripts["zsh"]
    assert scripts["fish"].startswith("complete --command fwchoice")
    source_bash = subprocess.run(
        [str(SCRIPT)],
        env={**os.environ, "_FWCHOICE_COMPLETE": "source_bash"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    ).stdout
    assert source_bash.strip() == scripts["bash"].strip()


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "fwchoice-lint")
    assert hook["entry"] == "fwchoice lint"
    assert hook["language"] == "python"
    assert re.search(hook["files"], "criteria.yaml")
    assert re.search(hook["files"], "decisions/criteria.yml")
    assert not re.search(hook["files"], "other.yaml")


def test_github_actions_workflow_in_docs_is_valid_yaml() -> None:
    text = (REPO / "docs" / "ci.md").read_text()
    workflow = yaml.safe_load(re.search(r"```yaml\n(.*?)```", text, re.DOTALL).group(1))
    steps = workflow["jobs"]["lint"]["steps"]
    assert any("fwchoice lint --format github" in step.get("run", "") for step in steps)


def test_package_metadata_is_complete() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    for key in (
        "description",
        "license",
        "requires-python",
        "classifiers",
        "urls",
        "readme",
        "keywords",
        "authors",
    ):
        assert project.get(key), key
    assert project["requires-python"] == ">=3.10"
    assert "Programming Language :: Python :: 3.10" in project["classifiers"]
    assert project["scripts"] == {"fwchoice": "fwchoice.__main__:main"}
