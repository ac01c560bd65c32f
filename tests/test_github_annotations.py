"""GitHub annotations name their file exactly, whatever its name holds.

``parse_workflow_command`` reads a line the way the Actions runner does
(actions/runner, src/Runner.Common/ActionCommand.cs, TryParseV2): the command
info ends at the first ``::``, properties split on ``,`` and then at the first
``=``, and the escapes are undone in the runner's order (``%25`` last). A file
name with CR, LF, ``%``, ``:``, ``,``, ``=`` or a tab must come back unchanged.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli

BROKEN = "version: 1\ntitle: [\n"


def _unescape_property(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def _unescape_data(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def parse_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    line = line.lstrip()
    assert line.startswith("::"), line
    end = line.index("::", 2)
    info = line[2:end]
    command, _, properties = info.partition(" ")
    props: dict[str, str] = {}
    for prop in properties.strip().split(","):
        key, sep, value = prop.partition("=")
        if prop and sep and key and value:
            props[key] = _unescape_property(value)
    return command, props, _unescape_data(line[end + 2 :])


def test_the_parser_reads_the_runners_escapes() -> None:
    command, props, data = parse_workflow_command(
        "::error file=a%0Db%0Ac%25%3A%2Cd,line=3,title=T%3A x::50%25 sure%0Anext"
    )
    assert (command, props, data) == (
        "error", {"file": "a\rb\nc%:,d", "line": "3", "title": "T: x"}, "50% sure\nnext"
    )  # fmt: skip


NAME_CHARS = st.sampled_from([*list("ab-_. \t\r\n%:,=;]#"), "%0A", "%25", "::", "é", "★"])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=st.lists(NAME_CHARS, min_size=1, max_size=8))
def test_lint_annotation_names_its_file_exactly(parts: list[str], tmp_path_factory) -> None:
    name = "".join(parts) + ".yaml"
    folder = tmp_path_factory.mktemp("names")
    (folder / name).write_text(BROKEN, encoding="utf-8")
    previous = os.getcwd()
    os.chdir(folder)
    try:
        result = run_cli("lint", "--format", "github", "--", name)
    finally:
        os.chdir(previous)
    assert result.exit_code == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, lines  # a line break in the name never splits the command
    command, props, message = parse_workflow_command(lines[0])
    assert command == "error"
    assert props["file"] == name
    assert props["line"] == "3"
    assert props["title"] == "FWC004 (error)"
    assert message.startswith("YAML syntax")


def test_a_control_character_the_rules_cannot_carry_is_shown_not_sent(tmp_path: Path) -> None:
    name = "esc\x1b[2J.yaml"
    (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    result = run_cli("lint", "--format", "github", str(tmp_path / name))
    assert "\x1b" not in result.stdout
    assert "esc\\x1b[2J.yaml" in result.stdout
