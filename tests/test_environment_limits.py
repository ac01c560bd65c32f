"""The environment and the limits (issue 20): the job summary, the problem cap,
paths the system refuses, and inputs that once raised a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import SHIPPED
from fwchoice.criteria.yamlfile import MAX_REPORTED


def _run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "FWCHOICE_CRITERIA": "", "NO_COLOR": "1", **(env or {})}
    return subprocess.run(  # noqa: PLW1510 - the exit status is what is tested
        [sys.executable, "-m", "fwchoice", *args],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_the_job_summary_never_writes_into_an_input(cli, in_tmp: Path) -> None:
    criteria = in_tmp / "criteria.yaml"
    criteria.write_bytes(SHIPPED.read_bytes())
    (in_tmp / "link.md").symlink_to("criteria.yaml")
    os.link(criteria, in_tmp / "hard.md")
    for target in ("criteria.yaml", "link.md", "hard.md", str(criteria)):
        result = cli("lint", "criteria.yaml", env={"GITHUB_STEP_SUMMARY": target})
        assert result.exit_code == 0
        assert "no job summary written" in result.stderr
    assert criteria.read_bytes() == SHIPPED.read_bytes()
    # A record the review reads is an input too.
    assert cli("advise", "--criteria", "criteria.yaml", "--preset", "cms", "--adr-dir",
               "adr").exit_code == 0  # fmt: skip
    (record,) = (in_tmp / "adr").glob("*.md")
    before = record.read_bytes()
    result = cli("review", "adr", "--criteria", "criteria.yaml",
                 env={"GITHUB_STEP_SUMMARY": str(record)})  # fmt: skip
    assert "no job summary written" in result.stderr
    assert record.read_bytes() == before
    # A regular file that is no input gets it.
    assert cli("lint", "criteria.yaml", env={"GITHUB_STEP_SUMMARY": "summary.md"}).exit_code == 0
    assert (in_tmp / "summary.md").read_text().strip()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("target", ["fifo", "/dev/null", "."])
def test_the_job_summary_never_waits_on_a_fifo_or_writes_a_device(
    tmp_path: Path, target: str
) -> None:
    os.mkfifo(tmp_path / "fifo")
    result = _run("lint", str(SHIPPED), cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": target})
    assert result.returncode == 0
    assert "job summary" in result.stderr


def _criteria_with_warnings(count: int, weight: int = 0) -> dict:
    data = yaml.safe_load(SHIPPED.read_text())
    for i in range(count):
        data["criteria"][f"same_{i}"] = {
            "label": f"Same {i}",
            "description": "d",
            "weight": weight,
            "ratings": dict.fromkeys(data["options"], 3),
        }
    return data


def test_warnings_past_the_cap_stay_warnings(in_tmp: Path, cli) -> None:
    path = in_tmp / "c.yaml"
    path.write_text(yaml.safe_dump(_criteria_with_warnings(MAX_REPORTED + 1), sort_keys=False))
    for fmt in ("text", "sarif"):
        result = cli("lint", "c.yaml", "--format", fmt)
        assert result.exit_code == 0, (fmt, result.stdout[:300])
        assert "FWC011" in result.stdout
    assert cli("lint", "--strict", "c.yaml").exit_code == 1
    assert cli("advise", "--criteria", "c.yaml", "--defaults", "--format", "json").exit_code == 0


def test_errors_past_the_cap_keep_the_verdict(in_tmp: Path, cli) -> None:
    data = yaml.safe_load(SHIPPED.read_text())
    for i in range(MAX_REPORTED + 5):
        data["criteria"][f"bad_{i}"] = {"label": f"Bad {i}", "description": "d", "weight": 1,
                                        "ratings": dict.fromkeys(data["options"], 9)}  # fmt: skip
    (in_tmp / "c.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    result = cli("lint", "c.yaml")
    assert result.exit_code == 1
    assert "FWC011 error" in result.stdout


@pytest.mark.parametrize(
    ("body", "fmt"),
    [
        ("".join(f"k{i}: &a{i} 1\n" for i in range(3_000)), "sarif"),  # unique anchors
        ("".join(f"k{i}: &a{i} 1\n" for i in range(3_000)), "text"),
        ("version: 1\n" + "x: 1\n" * 3_000, "json"),  # duplicate keys
        ("".join(f"k{i}: !!python/object:x 1\n" for i in range(3_000)), "github"),  # tags
    ],
    ids=["anchors-sarif", "anchors-text", "duplicates-json", "tags-github"],
)
def test_every_kind_of_problem_is_capped_in_every_format(
    in_tmp: Path, cli, body: str, fmt: str
) -> None:
    (in_tmp / "many.yaml").write_text(body)
    result = cli("lint", "many.yaml", "--format", fmt)
    assert result.exit_code == 1
    # At most the cap, one FWC011, and each problem's own few hundred bytes.
    assert result.stdout.count("FWC0") <= 2 * (MAX_REPORTED + 1) + 40
    assert len(result.stdout) < (MAX_REPORTED + 1) * 2_000


def test_a_deleted_current_directory_is_named(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    script = (
        "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
        "from fwchoice.__main__ import main; sys.argv = ['fwchoice', *sys.argv[2:]]; main()"
    )
    for args in (["advise", "--defaults"], ["review"], ["lint"], ["matrix"]):
        gone.mkdir()
        result = subprocess.run(  # noqa: PLW1510 - the exit status is what is tested
            [sys.executable, "-c", script, str(gone), *args],
            capture_output=True, text=True, timeout=60,
            env={**os.environ, "FWCHOICE_CRITERIA": ""},
        )  # fmt: skip
        assert result.returncode == 2, (args, result.stderr)
        assert "current directory no longer exists" in result.stderr
        assert "Traceback" not in result.stderr
        assert "standard output" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "{long}/x.yaml"],
        ["review", "{long}"],
        ["advise", "--defaults", "--adr-dir", "{long}"],
        ["advise", "--defaults", "--output", "{long}/x.md"],
        ["advise", "--answers", "{long}.yaml"],
        ["matrix", "--criteria", "{long}.yaml"],
    ],
)
def test_a_path_too_long_is_a_usage_error_naming_it(tmp_path: Path, args: list[str]) -> None:
    long = "a" * 300
    result = _run(*[a.format(long=long) for a in args], cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "aaaaaaaaaa" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root searches every folder")
def test_an_unsearchable_folder_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    (locked / "adr").mkdir(parents=True)
    locked.chmod(0)
    try:
        for args in (["review", "locked/adr"], ["advise", "--defaults", "--adr-dir", "locked/adr"],
                     ["lint", "locked/x.yaml"]):  # fmt: skip
            result = _run(*args, cwd=tmp_path)
            assert result.returncode == 2, result.stderr
            assert "locked" in result.stderr
    finally:
        locked.chmod(0o755)


def test_a_tiny_weight_is_scored_not_a_traceback(in_tmp: Path, cli) -> None:
    data = yaml.safe_load(SHIPPED.read_text())
    first = next(iter(data["criteria"]))
    data["criteria"][first]["weight"] = 5.0e-324
    (in_tmp / "c.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    assert cli("lint", "c.yaml").exit_code == 0
    for args in (["advise", "--defaults", "--format", "json"], ["matrix"], ["advise", "--preset",
                 "cms", "--format", "markdown"]):  # fmt: skip
        assert cli(*args, "--criteria", "c.yaml").exit_code == 0


def test_a_review_date_past_9999_is_refused(in_tmp: Path, cli) -> None:
    data = yaml.safe_load(SHIPPED.read_text())
    data.setdefault("decision", {})["review_after"] = 30
    (in_tmp / "c.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    result = cli("advise", "--criteria", "c.yaml", "--defaults", "--date", "9999-12-31",
                 "--format", "markdown")  # fmt: skip
    assert result.exit_code == 2
    assert "past 9999-12-31" in result.stderr
    result = cli("advise", "--criteria", "c.yaml", "--defaults", "--date", "9999-12-31",
                 "--review-by", "9999-12-31", "--adr-dir", "adr")  # fmt: skip
    assert result.exit_code == 0


def test_undecodable_names_reach_no_record_raw(tmp_path: Path) -> None:
    bad = os.fsdecode(b"\xff\xfe")
    (tmp_path / f"{bad}.yaml").write_text("app_kind: api\n")
    (tmp_path / "b.yaml").write_text("app_kind: content\n")
    runs = [
        ["advise", "--defaults", "--adr-dir", "adr", "--decider", bad],
        ["advise", "--answers", f"{bad}.yaml", "--answers", "b.yaml", "--adr-dir", "adr"],
        ["advise", "--answers", f"{bad}.yaml", "--answers", "b.yaml", "--format", "markdown",
         "--output", "o.md"],
        ["advise", "--answers", f"{bad}.yaml", "--answers", "b.yaml", "--format", "json"],
    ]  # fmt: skip
    for args in runs:
        result = _run(*args, cwd=tmp_path, env={"FWCHOICE_CRITERIA": str(SHIPPED)})
        assert result.returncode == 0, result.stderr
    for written in [*(tmp_path / "adr").glob("*.md"), tmp_path / "o.md"]:
        text = written.read_bytes().decode("utf-8")  # strict
        assert "\\\\xff\\\\xfe" in text or "\\\\udcff" in text or "\\\\xff" in text
