"""Decision records in ADR folders: names, layouts other tools read, supersede, review.

adr-tools' rules (checked against its scripts, version 3.0.0 as Debian ships
it): a record's title is line 1 minus ``# ``; the next number is one above the
largest leading number of any entry; ``adr new -s N`` removes an exact
``Accepted`` line from the ``## Status`` section and inserts its link just
before the next ``##`` heading. log4brains 1.1.0 reads ``- Status:`` and
``- Date:`` bullets between the title and the first ``##``, and ignores front
matter. When ``adr`` is installed (CI installs it where it can), the real
scripts are run on fwchoice's records too.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import SHIPPED

DATE = "2026-11-30"


def advise(cli, folder: Path, *extra: str, preset: str | None = "cms"):
    answers = ["--preset", preset] if preset else []
    result = cli(
        "advise", "--criteria", str(SHIPPED), *answers, "--adr-dir", str(folder),
        "--date", DATE, "--format", "json", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return result


def front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n")[1])


# --- names: the folder's own scheme, twice in a row ------------------------------------


def test_an_empty_folder_gets_madr_records_numbered_from_1(cli, in_tmp: Path) -> None:
    folder = in_tmp / "docs" / "decisions"  # created on the first record
    first = advise(cli, folder)
    second = advise(cli, folder, preset="ml-serving")
    assert sorted(p.name for p in folder.iterdir()) == [
        "0001-use-django-drf.md",
        "0002-use-fastapi.md",
    ]
    assert f"wrote {folder / '0001-use-django-drf.md'}" in first.stderr
    assert f"wrote {folder / '0002-use-fastapi.md'}" in second.stderr
    text = (folder / "0001-use-django-drf.md").read_text("utf-8")
    assert front_matter(text) == {"status": "proposed", "date": dt.date(2026, 11, 30)}
    assert "\n# Use Django + DRF\n" in text


def test_a_madr_folder_continues_its_numbers(cli, in_tmp: Path) -> None:
    folder = in_tmp / "decisions"
    folder.mkdir()
    (folder / "0007-use-postgresql.md").write_text(
        "---\nstatus: accepted\n---\n\n# Use PostgreSQL\n"
    )
    (folder / "README.md").write_text("# Decisions\n")
    advise(cli, folder)
    advise(cli, folder, preset="ml-serving")
    assert {p.name for p in folder.iterdir()} >= {"0008-use-django-drf.md", "0009-use-fastapi.md"}


def test_an_adr_tools_folder_gets_adr_tools_records(cli, in_tmp: Path) -> None:
    (in_tmp / ".adr-dir").write_text("doc/adr\n")
    folder = in_tmp / "doc" / "adr"
    folder.mkdir(parents=True)
    (folder / "0001-record-architecture-decisions.md").write_text(
        "# 1. Record architecture decisions\n\nDate: 2026-11-30\n\n## Status\n\nAccepted\n\n"
        "## Context\n\nWe need to record decisions.\n"
    )
    advise(cli, folder, "--status", "accepted")
    advise(cli, folder, preset="ml-serving")
    text = (folder / "0002-use-django-drf.md").read_text("utf-8")
    lines = text.split("\n")
    assert lines[0] == "# 2. Use Django + DRF"  # adr-tools' title: line 1 minus "# "
    assert "\r" not in text
    status = lines.index("## Status")
    assert lines[status + 1 : status + 4] == ["", "Accepted", ""]
    assert lines[status + 4].startswith("## ")  # a heading follows, where links go
    assert not text.startswith("---")
    assert (folder / "0003-use-fastapi.md").is_file()


def test_a_log4brains_folder_gets_dated_names_and_bullets(cli, in_tmp: Path) -> None:
    (in_tmp / ".log4brains.yml").write_text(
        "project:\n  name: test\n  tz: UTC\n  adrFolder: ./docs/adr\n"
    )
    folder = in_tmp / "docs" / "adr"
    folder.mkdir(parents=True)
    advise(cli, folder)
    advise(cli, folder)  # the same title on the same day: -2
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["20261130-use-django-drf-2.md", "20261130-use-django-drf.md"]
    text = (folder / "20261130-use-django-drf.md").read_text("utf-8")
    head = text.split("\n## ", 1)[0].split("\n")
    assert head[0] == "# Use Django + DRF"
    assert "- Status: proposed" in head
    assert f"- Date: {DATE}" in head
    assert not text.startswith("---")


def test_dated_records_alone_make_a_log4brains_folder(cli, in_tmp: Path) -> None:
    folder = in_tmp / "adr"
    folder.mkdir()
    (folder / "20250101-first.md").write_text("# First\n\n- Status: accepted\n")
    advise(cli, folder)
    assert (folder / "20261130-use-django-drf.md").is_file()


# --- supersede -----------------------------------------------------------------------


def test_supersede_in_a_madr_folder_links_both_ways(cli, in_tmp: Path) -> None:
    folder = in_tmp / "decisions"
    advise(cli, folder)
    advise(cli, folder, "--supersedes", "1", preset="ml-serving")
    old = (folder / "0001-use-django-drf.md").read_text("utf-8")
    new = (folder / "0002-use-fastapi.md").read_text("utf-8")
    assert front_matter(old)["status"] == "superseded by 0002-use-fastapi"
    assert "Superseded by [Use FastAPI](0002-use-fastapi.md)." in old
    assert "Supersedes [Use Django + DRF](0001-use-django-drf.md)." in new


def test_supersede_in_an_adr_tools_folder_edits_as_adr_tools_does(cli, in_tmp: Path) -> None:
    (in_tmp / ".adr-dir").write_text("doc/adr\n")
    folder = in_tmp / "doc" / "adr"
    advise(cli, folder, "--status", "accepted")
    advise(cli, folder, "--supersedes", "0001", preset="ml-serving")
    old = (folder / "0001-use-django-drf.md").read_text("utf-8").split("\n")
    status = old.index("## Status")
    # "Accepted" removed; the link just before the next heading, as `adr new -s` does.
    assert old[status + 1 : status + 5] == [
        "",
        "Superseded by [2. Use FastAPI](0002-use-fastapi.md)",
        "",
        "## Context and Problem Statement",
    ]
    new = (folder / "0002-use-fastapi.md").read_text("utf-8")
    assert "Supersedes [1. Use Django + DRF](0001-use-django-drf.md)\n" in new


def test_supersede_in_a_log4brains_folder_names_the_slug(cli, in_tmp: Path) -> None:
    folder = in_tmp / "adr"
    folder.mkdir()
    (folder / "20250101-use-flask.md").write_text(
        "# Use Flask\n\n- Status: accepted\n\n## Context\n"
    )
    advise(cli, folder, "--supersedes", "20250101-use-flask")
    old = (folder / "20250101-use-flask.md").read_text("utf-8")
    # log4brains follows the link's text, which must be the superseder's slug.
    assert "- Status: superseded by [20261130-use-django-drf](20261130-use-django-drf.md)" in old


def test_supersede_refuses_a_missing_record_before_any_question(cli, in_tmp: Path) -> None:
    result = cli("advise", "--adr-dir", "decisions", "--supersedes", "3", "--defaults")
    assert result.exit_code == 2
    assert "--supersedes: no record '3'" in result.stderr
    assert not (in_tmp / "decisions").exists()


# --- what a record says about itself -------------------------------------------------


def test_team_members_are_the_decision_makers(cli, in_tmp: Path) -> None:
    (in_tmp / "a.yaml").write_text("name: Alice Smith\napp_kind: ml\nteam: fastapi\n")
    (in_tmp / "b.yaml").write_text("app_kind: content\nadmin: yes\n")
    result = cli(
        "advise", "--answers", "a.yaml", "--answers", "b.yaml", "--adr-dir", "decisions",
        "--date", DATE, "--consulted", "Security team", "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [record] = (in_tmp / "decisions").iterdir()
    meta = front_matter(record.read_text("utf-8"))
    assert meta["decision-makers"] == "Alice Smith, b"
    assert meta["consulted"] == "Security team"
    names = [m["name"] for m in json.loads(result.stdout)["members"]]
    assert names == ["Alice Smith", "b"]


def test_a_record_carries_no_path_of_the_machine(cli, in_tmp: Path) -> None:
    # The same decision from an absolute path, a relative one and another folder:
    # the same bytes, as a record made by pipx and one made by uv must be.
    copies = [in_tmp / "criteria.yaml", in_tmp / "elsewhere" / "criteria.yaml"]
    copies[1].parent.mkdir()
    for copy in copies:
        shutil.copy(SHIPPED, copy)
    texts = []
    for criteria in (str(copies[0]), "criteria.yaml", str(copies[1])):
        result = cli(
            "advise", "--criteria", criteria, "--preset", "cms", "--format", "markdown",
            "--date", DATE,
        )  # fmt: skip
        texts.append(result.stdout)
    assert texts[0] == texts[1] == texts[2]
    assert str(in_tmp) not in texts[0]


def test_another_install_writes_the_same_bytes(cli, in_tmp: Path) -> None:
    args = ["advise", "--preset", "cms", "--format", "markdown", "--date", DATE]
    in_process = cli(*args).stdout  # the built-in file, from this checkout
    script = Path(sys.executable).parent / "fwchoice"
    env = {k: v for k, v in os.environ.items() if k != "FWCHOICE_CRITERIA"}
    installed = subprocess.run(
        [str(script), *args], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert in_process == installed
    assert "Generated by fwchoice from fwchoice's built-in criteria" in installed


def test_the_embedded_answers_replay_the_record(cli, in_tmp: Path) -> None:
    advise(cli, in_tmp / "d", preset="ml-serving")
    [record] = (in_tmp / "d").iterdir()
    text = record.read_text("utf-8")
    assert "<details>" in text
    assert "</details>\n" in text
    replay = cli("advise", "--criteria", str(SHIPPED), "--answers", str(record), "--format", "json")
    assert replay.exit_code == 0, replay.stderr
    data = json.loads(replay.stdout)
    assert data["verdict"]["winner"] == "fastapi"
    assert data["replay"]["criteria_changed"] is False


@pytest.mark.parametrize("team", [False, True], ids=["one person", "team"])
def test_lint_checks_a_records_replay_block_with_lines_of_the_record(
    cli, in_tmp: Path, team: bool
) -> None:
    if team:
        (in_tmp / "a.yaml").write_text("app_kind: ml\n")
        (in_tmp / "b.yaml").write_text("app_kind: content\n")
        made = cli(
            "advise", "--criteria", str(SHIPPED), "--answers", "a.yaml", "--answers", "b.yaml",
            "--adr-dir", "d", "--date", DATE, "--format", "json",
        )  # fmt: skip
        assert made.exit_code == 0, made.stderr
    else:
        advise(cli, in_tmp / "d", preset="ml-serving")
    [record] = (in_tmp / "d").iterdir()
    clean = cli("lint", "--criteria", str(SHIPPED), str(record))
    assert clean.exit_code == 0, clean.stdout + clean.stderr
    assert "replay block" in clean.stderr
    lines = record.read_text("utf-8").split("\n")
    [at] = [i for i, line in enumerate(lines) if line.strip() == "app_kind: ml"]
    indent = len(lines[at]) - len(lines[at].lstrip())
    lines[at] = lines[at].replace("app_kind: ml", "app_knd: ml")
    record.write_text("\n".join(lines), "utf-8")
    broken = cli("lint", "--criteria", str(SHIPPED), str(record))
    assert broken.exit_code == 1
    assert f"{record}:{at + 1}:{indent + 1}: FWC501 error: " in broken.stdout
    assert "did you mean 'app_kind'?" in broken.stdout


def test_review_dates_from_the_flag_or_the_criteria_file(cli, in_tmp: Path) -> None:
    advise(cli, in_tmp / "d", "--review-by", "2027-06-01")
    edited = SHIPPED.read_text("utf-8").replace(
        "decision:\n", "decision:\n  review_after: 365\n", 1
    )
    (in_tmp / "c.yaml").write_text(edited, encoding="utf-8")
    result = cli(
        "advise", "--criteria", "c.yaml", "--preset", "cms", "--adr-dir", "d", "--date", DATE,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    first, second = sorted((in_tmp / "d").iterdir())
    assert "Review by: 2027-06-01." in first.read_text("utf-8")
    assert "Review by: 2027-11-30." in second.read_text("utf-8")


# --- review ---------------------------------------------------------------------------


@pytest.fixture
def three_records(cli, in_tmp: Path) -> Path:
    """Three records: one the edit below leaves alone, one it moves, one it overturns."""
    folder = in_tmp / "decisions"
    advise(cli, folder, preset="ml-serving")  # no admin: the edit does not touch it
    advise(cli, folder, preset="cms")  # Django, its lead cut by the edit
    # A close call that the admin decides: the edit hands it to FastAPI.
    advise(cli, folder, "--defaults", "--set", "admin=yes", "--set", "performance=4",
           "--set", "team=fastapi", "--review-by", "2027-01-01", preset=None)  # fmt: skip
    return folder


def _edited(in_tmp: Path) -> str:
    # FastAPI gains a built-in admin (Admin Interface 1 -> 5).
    text = SHIPPED.read_text("utf-8")
    edited = text.replace("ratings: {fastapi: 1, django: 5}", "ratings: {fastapi: 5, django: 5}")
    assert edited != text
    (in_tmp / "edited.yaml").write_text(edited, encoding="utf-8")
    return "edited.yaml"


def test_review_finds_the_overturned_decision(cli, three_records: Path, in_tmp: Path) -> None:
    criteria = _edited(in_tmp)
    result = cli("review", str(three_records), "--criteria", criteria, "--format", "json",
                 "--today", DATE)  # fmt: skip
    data = json.loads(result.stdout)
    states = {Path(r["path"]).name: r["state"] for r in data["records"]}
    assert states == {
        "0001-use-fastapi.md": "unchanged",
        "0002-use-django-drf.md": "moved",
        "0003-django-drf-or-fastapi-a-close-call.md": "changed",
    }
    assert result.exit_code == 1
    moved = next(r for r in data["records"] if r["state"] == "moved")
    assert moved["moved_by"][0]["label"] == "Admin Interface"
    github = cli("review", str(three_records), "--criteria", criteria, "--format", "github",
                 "--today", DATE).stdout  # fmt: skip
    lines = github.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::warning file=")
    assert "0002-use-django-drf.md" in lines[0]
    assert lines[1].startswith("::error file=")
    assert "title=Decision overturned" in lines[1]


def test_review_passes_when_nothing_changed_and_fails_on_request(cli, three_records: Path) -> None:
    same = cli("review", str(three_records), "--criteria", str(SHIPPED), "--today", DATE)
    assert same.exit_code == 0, same.stdout
    assert same.stdout.count(": unchanged:") == 3
    assert "3 records reviewed: 3 unchanged" in same.stderr
    late = cli("review", str(three_records), "--criteria", str(SHIPPED), "--today", "2027-02-01")
    assert late.exit_code == 1
    assert "its review date 2027-01-01 has passed" in late.stdout
    allowed = cli("review", str(three_records), "--criteria", str(SHIPPED), "--today",
                  "2027-02-01", "--fail-on", "changed")  # fmt: skip
    assert allowed.exit_code == 0


def test_review_fail_on_moved_and_never(cli, three_records: Path, in_tmp: Path) -> None:
    criteria = _edited(in_tmp)
    base = ["review", str(three_records), "--criteria", criteria, "--today", DATE]
    assert cli(*base, "--fail-on", "never").exit_code == 0
    assert cli(*base, "--fail-on", "moved").exit_code == 1
    assert cli(*base, "--fail-on", "bogus").exit_code == 2


def test_review_skips_superseded_and_foreign_records(cli, in_tmp: Path) -> None:
    folder = in_tmp / "decisions"
    advise(cli, folder)
    advise(cli, folder, "--supersedes", "1", preset="ml-serving")
    (folder / "0003-by-hand.md").write_text("# A record written by hand\n")
    result = cli("review", str(folder), "--criteria", str(SHIPPED), "--format", "json")
    data = json.loads(result.stdout)
    assert [r["state"] for r in data["records"]] == ["superseded", "unchanged"]
    assert [Path(p).name for p in data["skipped"]] == ["0003-by-hand.md"]
    assert result.exit_code == 0


def test_review_finds_the_folder_by_itself(cli, in_tmp: Path) -> None:
    nothing = cli("review")  # no folder yet: zero records, and it says so
    assert nothing.exit_code == 0
    assert "no records to review" in nothing.stderr
    assert cli("review", "--require-records").exit_code == 1
    advise(cli, in_tmp / "docs" / "decisions")
    result = cli("review", "--criteria", str(SHIPPED))
    assert result.exit_code == 0, result.stderr
    assert "0001-use-django-drf.md: unchanged" in result.stdout


# --- the real adr-tools, where installed ---------------------------------------------

ADR = shutil.which("adr")


@pytest.mark.skipif(ADR is None, reason="adr-tools is not installed")
def test_the_real_adr_tools_reads_and_supersedes_fwchoice_records(cli, in_tmp: Path) -> None:
    env = {**os.environ, "ADR_DATE": DATE, "VISUAL": "true", "EDITOR": "true"}
    subprocess.run(["git", "init", "-q"], check=True, cwd=in_tmp)
    subprocess.run([ADR, "init", "doc/adr"], check=True, cwd=in_tmp, env=env, capture_output=True)
    advise(cli, in_tmp / "doc" / "adr", "--status", "accepted")
    toc = subprocess.run([ADR, "generate", "toc"], check=True, cwd=in_tmp, env=env,
                         capture_output=True, text=True).stdout  # fmt: skip
    assert "* [2. Use Django + DRF](0002-use-django-drf.md)" in toc
    subprocess.run([ADR, "new", "-s", "0002", "Use FastAPI after all"], check=True,
                   cwd=in_tmp, env=env, capture_output=True)  # fmt: skip
    ours = (in_tmp / "doc" / "adr" / "0002-use-django-drf.md").read_text("utf-8")
    status = ours.split("## Status\n", 1)[1].split("\n## ", 1)[0]
    assert "Accepted" not in status
    assert "Superseded by [3. Use FastAPI after all](0003-use-fastapi-after-all.md)" in status
    # ... and fwchoice's review sees it as superseded.
    data = json.loads(
        cli("review", "doc/adr", "--criteria", str(SHIPPED), "--format", "json").stdout
    )
    assert [r["state"] for r in data["records"]] == ["superseded"]


@pytest.mark.parametrize("seed", ["2", "3"])
def test_the_same_team_gives_the_same_bytes_in_every_process(in_tmp: Path, seed: str) -> None:
    # Sets iterate in an order that changes with the hash seed; nothing shown may.
    (in_tmp / "a.yaml").write_text("app_kind: ml\nsecurity: [permissions, caching]\nadd_ons: no\n")
    (in_tmp / "b.yaml").write_text("app_kind: content\nsecurity: [admin, accounts]\nadd_ons: no\n")
    script = Path(sys.executable).parent / "fwchoice"
    outputs = []
    for hash_seed in ("1", seed):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "FWCHOICE_CRITERIA": str(SHIPPED)}
        run = subprocess.run(
            [str(script), "advise", "--answers", "a.yaml", "--answers", "b.yaml", "--format",
             "markdown", "--date", DATE],
            capture_output=True, text=True, env=env, cwd=in_tmp, check=True,
        )  # fmt: skip
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]


def test_review_json_matches_its_schema(cli, three_records: Path, in_tmp: Path) -> None:
    import jsonschema

    from conftest import REPO

    schema = json.loads((REPO / "docs" / "schemas" / "review.schema.json").read_text("utf-8"))
    data = json.loads(
        cli("review", str(three_records), "--criteria", _edited(in_tmp), "--format", "json",
            "--today", DATE).stdout
    )  # fmt: skip
    jsonschema.Draft202012Validator(schema).validate(data)


def test_review_writes_a_job_summary(cli, three_records: Path, in_tmp: Path) -> None:
    summary = in_tmp / "summary.md"
    cli("review", str(three_records), "--criteria", _edited(in_tmp), "--today", DATE,
        env={"GITHUB_STEP_SUMMARY": str(summary)})  # fmt: skip
    text = summary.read_text()
    assert text.startswith("## fwchoice review\n")
    assert "| Record | State | What became of it |" in text
    assert "verdict changed" in text
