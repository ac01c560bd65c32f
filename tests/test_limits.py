"""Every input within the documented limits finishes in seconds with bounded memory,
or is refused with one line saying which limit it passed.

The generated inputs run the installed command in a subprocess under a memory
cap (``resource.setrlimit``) and a timeout; they assert exit codes and the
absence of tracebacks, never a wall-clock time (machines are shared).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SHIPPED
from fwchoice.criteria.fileformat import MAX_MULTIPLE_CHOICES, MAX_QUESTIONS
from fwchoice.criteria.loader import MAX_BYTES
from fwchoice.criteria.yamlfile import MAX_NODES, MAX_REPORTED

SCRIPT = Path(sys.executable).parent / "fwchoice"
MEMORY_CAP = 1024 * 1024 * 1024  # bytes of address space for one run
TIMEOUT = 60  # seconds: far above what any case needs, so only a hang trips it

pytestmark = [
    pytest.mark.skipif(not SCRIPT.exists(), reason="fwchoice is not installed"),
    pytest.mark.skipif(os.name == "nt", reason="resource limits are POSIX"),
]


def _cap_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
        preexec_fn=_cap_memory,
        check=False,
    )


# --- generated inputs ----------------------------------------------------------------


def _header(questions: str = "") -> str:
    return (
        "version: 1\ntitle: Generated\noptions:\n  a: {label: A}\n  b: {label: B}\n"
        "  c: {label: C}\ncriteria:\n"
        + "".join(
            f"  c{i}: {{label: C{i}, description: d, weight: 2, "
            f"ratings: {{a: {i % 5}, b: {(i * 3) % 5}, c: {(i * 2 + 1) % 6}}}}}\n"
            for i in range(20)
        )
        + questions
    )


def _chained_questions(count: int, choices: int, kind: str, default: str) -> str:
    lines = ["questions:"]
    for q in range(count):
        lines += [f"  q{q}:", f"    text: Question {q}?", f"    type: {kind}"]
        lines.append(f"    default: {default}")
        if q:
            allowed = ", ".join(f"x{c}" for c in range(choices))
            lines.append(f"    when: {{q{q - 1}: [{allowed}]}}")
        lines.append("    choices:")
        for c in range(choices):
            other = (c + q + 1) % 20 if (c + q + 1) % 20 != c else (c + 13) % 20
            lines.append(
                f"      x{c}: {{label: X{c}, weights: {{c{c}: {c % 3 + 1}, c{other}: -1}}}}"
            )
    return "\n".join(lines) + "\n"


GENERATED: dict[str, Callable[[], str]] = {
    "duplicate keys past the node limit": lambda: "version: 1\n" + "x: 1\n" * (MAX_NODES // 2 + 10),
    "duplicate keys within the node limit": lambda: "version: 1\n" + "x: 1\n" * 60_000,
    "a long block list": lambda: "version: 1\nx:\n" + "- a\n" * (MAX_NODES + 10),
    "a long flow list": lambda: "version: 1\nx: [" + "1," * (MAX_NODES + 10) + "1]\n",
    "unknown keys within the node limit": lambda: (
        "version: 1\n" + "".join(f"k{i}: 1\n" for i in range(60_000))
    ),
    "one huge scalar": lambda: "version: 1\ntitle: '" + "a" * (MAX_BYTES - 40) + "'\n",
    "deep flow nesting": lambda: "version: 1\nx: " + "[" * 5000 + "]" * 5000 + "\n",
    "many questions": lambda: _header(_chained_questions(MAX_QUESTIONS + 20, 3, "single", "x0")),
    "chained multiple choice at the limits": lambda: _header(
        _chained_questions(MAX_QUESTIONS, MAX_MULTIPLE_CHOICES, "multiple", "[x0]")
    ),
    "chained single choice at the limits": lambda: _header(
        _chained_questions(MAX_QUESTIONS, 20, "single", "x0")
    ),
}
ALL_UNSURE = [f"--set=q{q}=unsure" for q in range(MAX_QUESTIONS)]


@pytest.mark.parametrize("name", list(GENERATED))
def test_generated_inputs_finish_with_bounded_memory(tmp_path: Path, name: str) -> None:
    path = tmp_path / "generated.yaml"
    path.write_text(GENERATED[name](), encoding="utf-8")
    assert path.stat().st_size <= MAX_BYTES or name == "one huge scalar"
    outcomes = [
        run("lint", "generated.yaml", cwd=tmp_path),
        run("matrix", "--format", "json", "--criteria", "generated.yaml", cwd=tmp_path),
        run(
            "advise", "--defaults", "--format", "json", "--criteria", "generated.yaml", cwd=tmp_path
        ),
    ]
    if "at the limits" in name:
        outcomes.append(
            run(
                "advise",
                "--defaults",
                *ALL_UNSURE,
                "--format",
                "json",
                "--criteria",
                "generated.yaml",
                cwd=tmp_path,
            )
        )
    for outcome in outcomes:
        assert outcome.returncode in (0, 1, 2), (name, outcome.stderr[-500:])
        assert "Traceback" not in outcome.stderr
        assert "MemoryError" not in outcome.stderr
    for outcome in outcomes[1:]:
        assert outcome.stderr.count("\n") <= 1, outcome.stderr[:500]


def test_too_many_values_is_refused_where_the_limit_is_passed(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text("version: 1\nx:\n" + "- a\n" * (MAX_NODES + 10))
    result = run("lint", "many.yaml", cwd=tmp_path)
    assert result.returncode == 1
    line = result.stdout.strip()
    # nodes before the list: the document, `version`, 1, `x`, the list itself
    # five nodes come first (document, `version`, its 1, `x`, the list); items start
    # on line 3, so the node past the limit is the item on line 3 + (MAX_NODES - 5)
    assert line.startswith(f"many.yaml:{MAX_NODES - 2}:3:")
    assert f"FWC010 error: file holds more than {MAX_NODES:,} values" in line


def test_a_flood_of_problems_is_listed_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "dups.yaml"
    path.write_text("version: 1\n" + "x: 1\n" * 5000)
    result = run("lint", "dups.yaml", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert len(lines) == MAX_REPORTED + 1
    assert "FWC011 error" in lines[0]
    assert "more problems were not listed" in lines[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_or_device_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    cases = [
        (["lint", "pipe.yaml"], {}),
        (["matrix", "--criteria", "pipe.yaml"], {}),
        (["matrix"], {"FWCHOICE_CRITERIA": "pipe.yaml"}),
        (["advise", "--criteria", str(SHIPPED), "--answers", "pipe.yaml", "--defaults"], {}),
        (["matrix", "--criteria", "/dev/zero"], {}),
        (["advise", "--criteria", str(SHIPPED), "--answers", "/dev/zero"], {}),
        (["lint", str(tmp_path)], {}),
    ]
    for args, env in cases:
        result = run(*args, cwd=tmp_path, env=env)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1
        assert "not a file" in result.stderr, result.stderr
    answers = run(
        "advise", "--criteria", str(SHIPPED), "--answers", "pipe.yaml", "--defaults", cwd=tmp_path
    )
    assert answers.stderr.startswith("fwchoice: answers file 'pipe.yaml' is a FIFO")


def test_a_missing_answers_file_is_named_as_one(cli, in_tmp: Path) -> None:
    result = cli("advise", "--criteria", str(SHIPPED), "--answers", "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr == "fwchoice: answers file 'nope.yaml' not found; check the path\n"
