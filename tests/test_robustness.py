"""Broken, hostile and odd input never crashes fwchoice, and never fools it."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, SHIPPED, TESTS
from fwchoice.criteria.loader import MAX_BYTES
from fwchoice.lint.runner import analyse

BROKEN = sorted((TESTS / "lint_cases").glob("*.yaml")) + sorted((TESTS / "corpus").glob("*.yaml"))
HOSTILE = REPO / "tests" / "fixtures" / "hostile.yaml"
SCRIPT = Path(sys.executable).parent / "fwchoice"
SHIPPED_BYTES = SHIPPED.read_bytes()
OTHER_COMMANDS = [
    ["matrix"],
    ["matrix", "--format", "json"],
    ["advise", "--defaults"],
    ["advise", "--list-presets"],
]


def test_the_corpus_is_large_enough() -> None:
    assert len(BROKEN) >= 100
    assert len(list((TESTS / "corpus").glob("*.yaml"))) >= 50


def _errors(path: Path) -> list[str]:
    analysis = analyse(path.read_bytes(), str(path), full=False)
    return [d.format_text() for d in analysis.errors]


@pytest.mark.parametrize("case", BROKEN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_command_refuses_a_broken_file_with_the_same_line(cli, case: Path) -> None:
    errors = _errors(case)
    outcomes = [cli(*command, "--criteria", str(case)) for command in OTHER_COMMANDS]
    if not errors:  # warnings only, or a stale scenario: the file is still usable
        # (advise --defaults may still need an answer to a question without a default)
        assert [o.exit_code for o in outcomes][:2] == [0, 0], case.name
        assert outcomes[2].exit_code in (0, 2), case.name
        assert outcomes[3].exit_code == 0, case.name
        return
    first = outcomes[0].stderr
    assert first.startswith(f"fwchoice: {errors[0]}")
    for outcome in outcomes:
        assert outcome.exit_code == 1
        assert outcome.stdout == ""
        assert outcome.stderr == first
        assert outcome.stderr.count("\n") == 1
    if len(errors) > 1:
        assert f"(and {len(errors) - 1} more error" in first


def test_a_50_mb_file_is_refused_without_being_read(cli, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    for command in (["lint", str(big)], ["matrix", "--criteria", str(big)]):
        result = cli(*command)
        assert result.exit_code == 1
        assert ":1:1: FWC001 error: file is larger than 4 MiB" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"version: 1\nx: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", "FWC007"),
        (b"version: 1\n" + b"".join(b"  " * i + b"k:\n" for i in range(200)), "FWC007"),
        (
            b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
            + b"".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode()
                for i in range(8)
            ),
            "FWC006",
        ),
        (b"version: 1\ntitle: !!python/object/new:os.system [echo pwned]\n", "FWC008"),
    ],
    ids=["10000-levels", "deep-blocks", "billion-laughs", "python-object"],
)
def test_hostile_yaml_is_refused_by_every_command(
    cli, tmp_path: Path, content: bytes, code: str
) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content)
    lint = cli("lint", str(path))
    assert lint.exit_code == 1
    assert f" {code} " in lint.stdout
    first_error = lint.stdout.splitlines()[0]
    for command in OTHER_COMMANDS:
        result = cli(*command, "--criteria", str(path))
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith(f"fwchoice: {first_error}")


# --- generated cases ------------------------------------------------------------------

LINES = SHIPPED_BYTES.split(b"\n")


def _swap_scalar(change: tuple[int, bytes]) -> bytes:
    index, value = change
    swapped = re.sub(rb":\s+\S.*$", b": " + value, LINES[index], count=1)
    return b"\n".join([*LINES[:index], swapped, *LINES[index + 1 :]])


def _mutants() -> st.SearchStrategy[bytes]:
    delete_line = st.integers(0, len(LINES) - 1).map(
        lambda i: b"\n".join(LINES[:i] + LINES[i + 1 :])
    )
    duplicate_line = st.integers(0, len(LINES) - 1).map(
        lambda i: b"\n".join(LINES[: i + 1] + LINES[i:])
    )
    truncate = st.integers(0, len(SHIPPED_BYTES)).map(lambda n: SHIPPED_BYTES[:n])
    insert = st.tuples(st.integers(0, len(SHIPPED_BYTES)), st.binary(min_size=1, max_size=8)).map(
        lambda t: SHIPPED_BYTES[: t[0]] + t[1] + SHIPPED_BYTES[t[0] :]
    )
    swap_scalar = st.tuples(
        st.integers(0, len(LINES) - 1),
        st.sampled_from([b"yes", b"~", b"[]", b"{}", b"-1", b".nan", b"'text'", b"12.5", b"&a x"]),
    ).map(_swap_scalar)
    return st.one_of(delete_line, duplicate_line, truncate, insert, swap_scalar)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutant=_mutants())
def test_lint_never_raises_and_locates_every_problem(mutant: bytes) -> None:
    first = analyse(mutant, "m.yaml", full=True)
    again = analyse(mutant, "m.yaml", full=True)
    assert [d.format_text() for d in first.diagnostics] == [
        d.format_text() for d in again.diagnostics
    ]
    line_count = mutant.count(b"\n") + 2
    for diagnostic in first.diagnostics:
        assert 1 <= diagnostic.line <= line_count
        assert diagnostic.column >= 1
        assert "\n" not in diagnostic.format_text()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(mutant=_mutants())
def test_lint_cli_exits_0_or_1_on_mutants(cli, tmp_path_factory, mutant: bytes) -> None:
    path = tmp_path_factory.mktemp("m") / "m.yaml"
    path.write_bytes(mutant)
    result = cli("lint", "--format", "json", str(path))
    assert result.exit_code in (0, 1)
    json.loads(result.stdout)


_answer_values = st.one_of(
    st.text(max_size=12),
    st.integers(-5, 9),
    st.booleans(),
    st.none(),
    st.lists(st.sampled_from(["accounts", "tokens", "x", "unsure"]), max_size=3),
    st.sampled_from(["unsure", "api", "yes", "5", "critical"]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    answers=st.dictionaries(
        st.sampled_from(["app_kind", "admin", "performance", "security", "team", "nope", "Admin"]),
        _answer_values,
        max_size=5,
    ),
    garbage=st.binary(max_size=6),
)
def test_answers_files_never_crash_advise(cli, tmp_path_factory, answers, garbage: bytes) -> None:
    import yaml

    path = tmp_path_factory.mktemp("a") / "a.yaml"
    path.write_bytes(yaml.safe_dump(answers).encode() + garbage)
    result = cli(
        "advise",
        "--criteria",
        str(SHIPPED),
        "--answers",
        str(path),
        "--defaults",
        "--format",
        "json",
    )
    assert result.exit_code in (0, 2)
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1
    else:
        json.loads(result.stdout)


# --- injection through data -------------------------------------------------------------

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


@pytest.mark.parametrize(
    "command",
    [
        ["matrix"],
        ["matrix", "--format", "markdown"],
        ["advise", "--preset", "p"],
        ["advise", "--preset", "p", "--format", "markdown"],
        ["advise", "--list-presets"],
        ["lint"],
    ],
)
def test_data_cannot_inject_escapes_or_markup(cli, command: list[str]) -> None:
    target = ["--criteria", str(HOSTILE)] if command[0] != "lint" else [str(HOSTILE)]
    result = cli(*command, *target)
    assert result.exit_code == 0, result.stderr
    out = result.stdout + result.stderr
    assert not CONTROL.search(out.replace("\n", "")), repr(CONTROL.search(out))
    assert "\\x1b" in out  # escapes are shown, visibly


def test_rich_markup_in_data_is_shown_literally(cli) -> None:
    out = cli("matrix", "--criteria", str(HOSTILE), env={"COLUMNS": "200"}).stdout
    assert "[bold red]Pick[/bold red]" in out
    assert "[link=http://evil.example]click[/link]" in out
    assert "[blink]yes[/blink]" in out


def test_markdown_escapes_table_and_html_syntax(cli) -> None:
    out = cli("matrix", "--criteria", str(HOSTILE), "--format", "markdown").stdout
    assert "Speed \\| fast<br>second line" in out
    assert not re.search(r"(?<!\\)<(script|img)", out)
    assert "\\<img src=x onerror=alert(1)\\>" in out
    assert "https://example.com/a_%28b%29%7Cc" in out  # a URL cannot close the link early
    for line in out.splitlines():
        if line.startswith("| **Speed"):
            assert len(re.split(r"(?<!\\)\|", line)) == 8  # 6 cells, no extra column


def test_csv_neutralises_formulas(cli) -> None:
    out = cli("matrix", "--criteria", str(HOSTILE), "--format", "csv").stdout
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@")), cell
    assert '\'=IMPORTXML("x")' in cells
    assert "'-2+3" in cells
    assert "'=cmd" in cells
    assert not CONTROL.search(out.replace("\n", "").replace("\r", ""))


def test_json_keeps_data_exact(cli) -> None:
    data = json.loads(cli("matrix", "--criteria", str(HOSTILE), "--format", "json").stdout)
    assert data["options"][1]["summary"] == "\rOVERWRITTEN"  # exact data, JSON-escaped


# --- terminals, pipes and files -------------------------------------------------------------

installed = pytest.mark.skipif(not SCRIPT.exists(), reason="fwchoice is not installed")


@installed
def test_head_closing_the_pipe_is_quiet(tmp_path: Path) -> None:
    pipeline = subprocess.run(
        f"'{SCRIPT}' matrix --format csv | head -n 1; echo \"status=${{PIPESTATUS[0]}}\"",
        shell=True,
        executable="/bin/bash",
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert pipeline.stdout.splitlines()[0].startswith("criterion_id,")
    assert pipeline.stdout.splitlines()[-1] == "status=0"
    assert "Traceback" not in pipeline.stderr
    assert "BrokenPipe" not in pipeline.stderr


@installed
def test_closed_stdout_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        f"'{SCRIPT}' matrix >&-",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "fwchoice: standard output is closed; redirect it to a file or use --output\n"
    )


def test_write_into_a_missing_directory_fails_cleanly(cli, in_tmp) -> None:
    result = cli("matrix", "--output", "no/such/dir/m.md")
    assert result.exit_code == 2
    assert result.stderr == (
        "fwchoice: cannot write 'no/such/dir/m.md': directory 'no/such/dir' does not exist\n"
    )


def test_write_into_an_unwritable_directory_keeps_the_old_file(cli, tmp_path: Path) -> None:
    target = Path("/proc/fwchoice-report.md")  # even root cannot create files here
    result = cli("matrix", "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith("fwchoice: cannot write '/proc/fwchoice-report.md'")
    assert result.stderr.count("\n") == 1


def test_save_answers_refuses_a_directory(cli, in_tmp) -> None:
    (in_tmp / "d").mkdir()
    result = cli("advise", "--preset", "cms", "--save-answers", "d")
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


KILL_MID_WRITE = """
import os, signal, sys
from fwchoice import outputs

def die(fd):
    os.kill(os.getpid(), signal.SIGKILL)  # the new bytes are written, not yet renamed
outputs.os.fsync = die
plan = outputs.OutputPlan()
plan.add(sys.argv[1], "--output", force=True)
plan.commit({sys.argv[1]: "NEW " * 100000})
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_killed_mid_write_leaves_the_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("OLD CONTENT\n")
    result = subprocess.run(
        [sys.executable, "-c", KILL_MID_WRITE, str(target)], timeout=60, check=False
    )
    assert result.returncode == -signal.SIGKILL
    assert target.read_text() == "OLD CONTENT\n"


def test_size_limit_is_what_the_readme_says() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    assert f"| File size | {MAX_BYTES // (1024 * 1024)} MiB |" in readme
