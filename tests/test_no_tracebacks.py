"""Whatever a user can cause is one line and an exit code, never a Python traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import SHIPPED

SCRIPT = Path(sys.executable).parent / "fwchoice"


def _saved(cli, folder: Path) -> dict:
    assert cli("advise", "--preset", "cms", "--save-answers", "good.yaml").exit_code == 0
    return yaml.safe_load((folder / "good.yaml").read_text())


# Tampered saved answers: each edit turns a well-formed record into a broken one.
TAMPERED = {
    "verdict is text": lambda r: r.update(verdict="clear"),
    "winner is a list": lambda r: r["verdict"].update(winner=["x"]),
    "winner is null": lambda r: r["verdict"].update(winner=None),
    "kind unknown": lambda r: r["verdict"].update(kind="landslide"),
    "margin is text": lambda r: r["verdict"].update(margin="36.6 points"),
    "scores is a list": lambda r: r["verdict"].update(scores=[1, 2]),
    "score too big": lambda r: r["verdict"]["scores"].update(django=10**400),
    "weight is text": lambda r: r["snapshot"]["admin_interface"].update(weight="2.0x"),
    "weight is infinite": lambda r: r["snapshot"]["admin_interface"].update(weight=float("inf")),
    "weight is huge": lambda r: r["snapshot"]["admin_interface"].update(weight=10**400),
    "rating is null": lambda r: r["snapshot"]["admin_interface"]["ratings"].update(fastapi=None),
    "rating is huge": lambda r: r["snapshot"]["admin_interface"]["ratings"].update(fastapi=10**400),
    "ratings is a list": lambda r: r["snapshot"]["admin_interface"].update(ratings=[1, 5]),
    "snapshot is a number": lambda r: r.update(snapshot=5),
    "criteria missing": lambda r: r.pop("criteria"),
    "sha256 is a list": lambda r: r["criteria"].update(sha256=[1]),
    "format version 99": lambda r: r.update(fwchoice_answers=99),
    "answers is a list": lambda r: r.update(answers=["admin"]),
    "how is unknown": lambda r: r["how"].update(admin="guessed"),
    "unknown key": lambda r: r.update(extra=1),
}


@pytest.mark.parametrize("edit", list(TAMPERED))
def test_a_tampered_saved_answers_file_is_one_line(cli, in_tmp: Path, edit: str) -> None:
    record = _saved(cli, in_tmp)
    TAMPERED[edit](record)
    (in_tmp / "t.yaml").write_text(yaml.safe_dump(record, sort_keys=False))
    for extra in ([], ["--format", "json"], ["--format", "markdown"]):
        result = cli("advise", "--answers", "t.yaml", "--defaults", *extra)
        assert result.exit_code == 2, (edit, result.stderr)
        assert result.stderr.startswith("fwchoice: saved answers file t.yaml:"), result.stderr
        assert result.stderr.count("\n") == 1
        assert result.stdout == ""


def test_an_intact_saved_answers_file_replays(cli, in_tmp: Path) -> None:
    _saved(cli, in_tmp)
    result = cli("advise", "--answers", "good.yaml", "--format", "json")
    assert result.exit_code == 0
    assert '"replay"' in result.stdout


@pytest.mark.parametrize(
    "value",
    ["²", "①", "٣", "３", "9" * 5000, "1e3", "-1", "0x3", "3.0", "", "  ", "3 4"],
)
def test_scale_answers_take_plain_digits_only(cli, value: str) -> None:
    result = cli(
        "advise", "--criteria", str(SHIPPED), "--defaults", "--set", f"performance={value}"
    )
    assert result.exit_code == 2
    assert "is not a point on the scale of question 'performance'" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("value", ["3", " 3 ", "critical", "Critical", "unsure"])
def test_scale_answers_by_number_or_label(cli, value: str) -> None:
    result = cli(
        "advise", "--criteria", str(SHIPPED), "--defaults", "--set", f"performance={value}"
    )
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    "scalar",
    [
        "!!bool maybe",
        '!!int ""',
        "!!int x",
        "!!float abc",
        "!!null something",
        "!!float 1:1:1:1:1:1:1:1",
        "0x" + "f" * 5000,
        "0" + "7" * 5000,
        "0b" + "1" * 20000,
        "1" + ":59" * 3000,
        "1" * 5000,
    ],
)
def test_any_scalar_is_a_diagnostic_not_a_crash(cli, in_tmp: Path, scalar: str) -> None:
    (in_tmp / "s.yaml").write_text(
        SHIPPED.read_text().replace("weight: 2\n", f"weight: {scalar}\n", 1)
    )
    lint = cli("lint", "s.yaml")
    assert lint.exit_code == 1
    assert ":" in lint.stdout
    matrix = cli("matrix", "--criteria", "s.yaml")
    assert matrix.exit_code == 1
    assert matrix.stderr.count("\n") == 1


@pytest.mark.skipif(sys.platform != "linux", reason="non-UTF-8 file names")
def test_undecodable_file_names_are_shown_not_crashed_on(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    bad = os.fsdecode(b"r\xff")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(SCRIPT), *args], cwd=tmp_path, env=env, capture_output=True, timeout=60,
            check=False,
        )  # fmt: skip

    for args in (
        ["advise", "--preset", "cms", "--format", "markdown", "--output", f"{bad}.md"],
        ["advise", "--preset", "cms", "--export", f"{bad}.svg"],
        ["advise", "--preset", "cms", "--save-answers", f"{bad}.yaml"],
        ["matrix", "--output", f"{bad}.txt"],
    ):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr
        assert b"\\udcff" in result.stderr  # the name, shown with its byte escaped
    assert run("advise", "--preset", "cms", "--save-answers", "b.yaml").returncode == 0
    for fmt in ("rich", "markdown", "json"):
        team = run("advise", "--answers", f"{bad}.yaml", "--answers", "b.yaml", "--format", fmt)
        assert team.returncode == 0, team.stderr
        assert b"Traceback" not in team.stderr
    missing = run("matrix", "--criteria", f"{bad}-missing.yaml")
    assert missing.returncode == 2
    assert missing.stderr.count(b"\n") == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["matrix"],
        ["matrix", "--format", "json"],
        ["advise", "--preset", "cms"],
        ["lint", str(SHIPPED)],
        ["--help"],
        ["--version"],
        ["schema"],
    ],
    ids=" ".join,
)
def test_a_full_device_on_stdout_is_one_line(tmp_path: Path, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [str(SCRIPT), *args], cwd=tmp_path, stdout=full, stderr=subprocess.PIPE,
            text=True, timeout=60, check=False,
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == "fwchoice: cannot write to standard output: no space left on device\n"


# Ctrl-C can arrive while any module is still importing. Instead of racing a
# timer, an import hook raises KeyboardInterrupt exactly when the named module
# starts to import, then the console-script entry point runs as installed.
INTERRUPT_AT_IMPORT = """
import sys
AT = sys.argv[1]
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == AT:
            raise KeyboardInterrupt
        return None
sys.meta_path.insert(0, Interrupt())
sys.argv = ["fwchoice", *sys.argv[2:]]
from fwchoice.__main__ import main
main()
"""


@pytest.mark.parametrize(
    "module",
    [
        "fwchoice.cli",
        "typer",
        "typer.main",
        "fwchoice.commands.matrix",
        "fwchoice.criteria.loader",
        "yaml",
        "fwchoice.lint.pipeline",
        "rich.console",
        "fwchoice.render.comparison_table",
    ],
)
def test_ctrl_c_while_importing_is_aborted_130(tmp_path: Path, module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPT_AT_IMPORT, module, "matrix", "--criteria", str(SHIPPED)],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 130, result.stderr
    assert result.stderr == "fwchoice: Aborted.\n"
