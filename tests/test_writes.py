"""Every flag that writes follows one rule: no overwrite without --force, never an
input of the same run, never a device or FIFO, nothing written unless the command
succeeds, and of concurrent writers exactly one wins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHIPPED

SCRIPT = Path(sys.executable).parent / "fwchoice"

# Each command that writes, with the flag (or argument) that names the file.
WRITERS = [
    pytest.param(["advise", "--preset", "cms", "--output", "{out}"], id="advise --output"),
    pytest.param(
        ["advise", "--preset", "cms", "--format", "json", "--output", "{out}"],
        id="advise --format json --output",
    ),
    pytest.param(["advise", "--preset", "cms", "--save-answers", "{out}"], id="--save-answers"),
    pytest.param(["advise", "--preset", "cms", "--export", "{out}.svg"], id="advise --export"),
    pytest.param(["matrix", "--output", "{out}"], id="matrix --output"),
    pytest.param(["matrix", "--format", "csv", "--output", "{out}"], id="matrix csv --output"),
    pytest.param(["matrix", "--export", "{out}.html"], id="matrix --export"),
    pytest.param(["schema", "--output", "{out}"], id="schema --output"),
    pytest.param(["init", "{out}"], id="init"),
]


def _args(template: list[str], out: str) -> list[str]:
    return [a.replace("{out}", out) for a in template]


def _target(template: list[str], out: str) -> Path:
    return Path(next(a for a in _args(template, out) if a.startswith(out)))


@pytest.mark.parametrize("template", WRITERS)
def test_an_existing_file_is_kept_without_force(cli, in_tmp: Path, template) -> None:
    target = _target(template, "out")
    target.write_text("precious\n")
    extra = ["--criteria", str(SHIPPED)] if template[0] in ("advise", "matrix") else []
    result = cli(*_args(template, "out"), *extra)
    assert result.exit_code == 2
    assert "already exists; add --force" in result.stderr
    assert result.stderr.count("\n") == 1
    assert target.read_text() == "precious\n"


@pytest.mark.parametrize("template", WRITERS)
def test_force_replaces_a_regular_file(cli, in_tmp: Path, template) -> None:
    target = _target(template, "out")
    target.write_text("old\n")
    extra = ["--criteria", str(SHIPPED)] if template[0] in ("advise", "matrix") else []
    result = cli(*_args(template, "out"), *extra, "--force")
    assert result.exit_code == 0, result.stderr
    assert target.read_text() != "old\n"


@pytest.mark.parametrize("flag", ["--output", "--save-answers"], ids=["--output", "--save-answers"])
def test_the_criteria_file_being_read_is_never_written(cli, in_tmp: Path, flag: str) -> None:
    mine = in_tmp / "mine.yaml"
    mine.write_bytes(SHIPPED.read_bytes())
    for name in ("mine.yaml", "./mine.yaml", str(mine)):
        result = cli("advise", "--criteria", "mine.yaml", "--defaults", flag, name, "--force")
        assert result.exit_code == 2
        assert "is the criteria file this command reads" in result.stderr
    (in_tmp / "link.yaml").symlink_to(mine)
    result = cli("advise", "--criteria", "mine.yaml", "--defaults", flag, "link.yaml", "--force")
    assert result.exit_code == 2
    assert mine.read_bytes() == SHIPPED.read_bytes()


def test_an_answers_file_being_read_is_never_written(cli, in_tmp: Path) -> None:
    answers = in_tmp / "a.yaml"
    answers.write_text("admin: yes\n")
    result = cli(
        "advise",
        "--criteria",
        str(SHIPPED),
        "--answers",
        "a.yaml",
        "--defaults",
        "--save-answers",
        "a.yaml",
        "--force",
    )
    assert result.exit_code == 2
    assert "is the answers file this command reads" in result.stderr
    assert answers.read_text() == "admin: yes\n"


def test_two_flags_naming_one_file_are_refused(cli, in_tmp: Path) -> None:
    result = cli(
        "advise", "--preset", "cms", "--criteria", str(SHIPPED), "--output", "x.md",
        "--save-answers", "./x.md",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "both name" in result.stderr
    assert not (in_tmp / "x.md").exists()


def test_nothing_is_written_when_the_command_fails(cli, in_tmp: Path) -> None:
    # --save-answers is fine, --output names a missing directory: neither is written,
    # and the refusal comes before any work.
    result = cli(
        "advise", "--preset", "cms", "--criteria", str(SHIPPED), "--save-answers", "a.yaml",
        "--output", "missing/report.md",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert list(in_tmp.iterdir()) == []
    # A bad answer is found after the files were checked: still nothing written.
    result = cli(
        "advise", "--defaults", "--set", "admin=maybe", "--criteria", str(SHIPPED),
        "--save-answers", "a.yaml", "--output", "report.md",
    )  # fmt: skip
    assert result.exit_code == 2
    assert list(in_tmp.iterdir()) == []


def test_a_failing_stdout_writes_no_file(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [str(SCRIPT), "advise", "--preset", "cms", "--criteria", str(SHIPPED),
             "--save-answers", "a.yaml"],
            cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True, timeout=60,
            check=False,
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == "fwchoice: cannot write to standard output: no space left on device\n"
    assert not (tmp_path / "a.yaml").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_force_never_replaces_a_fifo_or_a_device(cli, in_tmp: Path) -> None:
    os.mkfifo(in_tmp / "pipe")
    for target in ("pipe", os.devnull):
        for command in (["schema", "--output", target], ["matrix", "--output", target]):
            result = cli(*command, "--force")
            assert result.exit_code == 2
            assert "fwchoice writes only regular files" in result.stderr
    assert (in_tmp / "pipe").exists()


def test_a_directory_is_not_a_file_name(cli, in_tmp: Path) -> None:
    (in_tmp / "d").mkdir()
    result = cli("schema", "--output", "d", "--force")
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_output_and_export_are_both_written(cli, in_tmp: Path) -> None:
    result = cli(
        "advise", "--preset", "cms", "--criteria", str(SHIPPED), "--format", "markdown",
        "--output", "adr.md", "--export", "adr.svg",
    )  # fmt: skip
    assert result.exit_code == 0
    assert (in_tmp / "adr.md").read_text().startswith("---\n")
    assert "<svg" in (in_tmp / "adr.svg").read_text()
    assert result.stderr == "wrote adr.md\nwrote adr.svg\n"
    result = cli("matrix", "--format", "csv", "--output", "m.csv", "--export", "m.html")
    assert result.exit_code == 0
    assert (in_tmp / "m.csv").read_text().startswith("criterion_id,")
    assert "<html" in (in_tmp / "m.html").read_text().lower()


def test_init_creates_missing_directories_and_removes_them_on_failure(cli, in_tmp: Path) -> None:
    assert cli("init", "decisions/db.yaml").exit_code == 0
    assert (in_tmp / "decisions" / "db.yaml").is_file()
    (in_tmp / "ro").mkdir()
    (in_tmp / "ro").chmod(0o500)
    try:
        result = cli("init", "ro/new/db.yaml")
        if os.geteuid() != 0:  # root writes anywhere
            assert result.exit_code == 2
            assert not (in_tmp / "ro" / "new").exists()
    finally:
        (in_tmp / "ro").chmod(0o700)


@pytest.mark.skipif(not SCRIPT.exists(), reason="fwchoice is not installed")
def test_of_ten_concurrent_writers_exactly_one_wins(tmp_path: Path) -> None:
    writers = [
        subprocess.Popen(
            [str(SCRIPT), "schema", "--output", "same.json"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(10)
    ]
    outcomes = []
    for writer in writers:
        _, err = writer.communicate(timeout=60)
        outcomes.append((writer.returncode, err))
    codes = sorted(code for code, _ in outcomes)
    assert codes == [0] + [2] * 9, outcomes
    assert all("already exists" in err for code, err in outcomes if code == 2)
    assert (tmp_path / "same.json").read_text().startswith("{")
    assert [p.name for p in tmp_path.iterdir()] == ["same.json"]  # no temporary files left
