"""A record that says one thing and replays another is reported (issue 20, round 4).

fwchoice writes a record's title from the verdict in its replay block, and the
status link from the record that superseded it. ``review`` and ``lint`` report a
record whose title names another verdict than its block (FWC503), a "superseded
by" link to a record that is not in the folder, and locate a replay block's YAML
problems in the record's own lines, every position a message names included.
``advise --answers RECORD.md`` replays a record as ``review`` scores it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import SHIPPED

DATE = "2026-11-30"
LAYOUTS = ["madr", "adr-tools", "log4brains"]


def _folder(root: Path, layout: str) -> Path:
    folder = root / "adr"
    folder.mkdir()
    if layout == "adr-tools":
        (root / ".adr-dir").write_text("adr")
    elif layout == "log4brains":
        (root / ".log4brains.yml").write_text("project:\n  adrFolder: ./adr\n")
    return folder


def _file(cli, folder: Path, *extra: str, preset: str = "api-microservice") -> Path:
    before = set(folder.glob("*.md"))
    run = cli("advise", "--criteria", str(SHIPPED), "--preset", preset, "--adr-dir", str(folder),
              "--date", DATE, "--format", "json", *extra)  # fmt: skip
    assert run.exit_code == 0, run.stderr
    (record,) = set(folder.glob("*.md")) - before
    return record


def _review(cli, folder: Path, *extra: str) -> tuple[int, dict[str, dict[str, object]]]:
    run = cli("review", str(folder), "--criteria", str(SHIPPED), "--format", "json", *extra)
    records = {Path(r["path"]).name: r for r in json.loads(run.stdout)["records"]}
    return run.exit_code, records


def _title_line(text: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith("# "))


EDITS = {
    # The stranger's edit: another winner, other answers, other provenance.
    "winner": lambda t: (
        t.replace("  winner: fastapi", "  winner: django")
        .replace("  app_kind: api\n", "  app_kind: content\n")
        .replace("  app_kind: preset", "  app_kind: asked")
    ),
    "kind": lambda t: t.replace("  kind: clear", "  kind: close"),
    "title": lambda t: re.sub(
        r"^(# (?:\d+\. )?)Use FastAPI$", r"\1Use Django + DRF", t, flags=re.MULTILINE
    ),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("edit", list(EDITS))
def test_a_title_that_contradicts_the_replay_block_is_reported(
    cli, in_tmp: Path, layout: str, edit: str
) -> None:
    folder = _folder(in_tmp, layout)
    record = _file(cli, folder)
    text = record.read_text("utf-8")
    edited = EDITS[edit](text)
    assert edited != text
    record.write_text(edited, "utf-8")
    line = _title_line(edited)
    for fail_on in ("changed", "moved", "overdue"):
        code, records = _review(cli, folder, "--fail-on", fail_on)
        entry = records[record.name]
        assert code == 1
        assert entry["state"] == "broken"
        assert f"{record}:{line}: the record does not match its replay block" in str(
            entry["problem"]
        )
    lint = cli("lint", "--criteria", str(SHIPPED), str(record))
    assert lint.exit_code == 1
    assert f"{record}:{line}:1: FWC503 error: the record does not match" in lint.stdout
    text_review = cli("review", str(folder), "--criteria", str(SHIPPED))
    assert "does not match its replay block" in text_review.stdout


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_record_as_written_or_retitled_in_own_words_is_no_contradiction(
    cli, in_tmp: Path, layout: str
) -> None:
    folder = _folder(in_tmp, layout)
    written = _file(cli, folder)
    close = _file(cli, folder, preset="cms")
    own = _file(cli, folder, preset="ml-serving")
    own.write_text(re.sub(r"^(# (?:\d+\. )?).*$", r"\1Our API framework", own.read_text("utf-8"),
                          count=1, flags=re.MULTILINE))  # fmt: skip
    code, records = _review(cli, folder)
    assert code == 0
    for record in (written, close, own):
        assert records[record.name]["state"] == "unchanged"
        assert records[record.name]["problem"] == ""
    lint = cli("lint", "--criteria", str(SHIPPED), str(written), str(close), str(own))
    assert lint.exit_code == 0, lint.stdout
    assert "FWC503" not in lint.stdout


def test_fwc503_is_explained(cli) -> None:
    explained = cli("lint", "--explain", "FWC503")
    assert explained.exit_code == 0
    assert "record contradicts its replay block" in explained.stdout


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_superseded_by_link_to_no_record_is_reported_and_the_record_reviewed(
    cli, in_tmp: Path, layout: str
) -> None:
    folder = _folder(in_tmp, layout)
    old = _file(cli, folder)
    new = _file(cli, folder, "--supersedes", old.name)
    code, records = _review(cli, folder, "--fail-on", "moved")
    assert code == 0
    assert records[old.name]["state"] == "superseded"
    new.unlink()  # the link fwchoice wrote now leads nowhere
    for fail_on in ("changed", "moved"):
        code, records = _review(cli, folder, "--fail-on", fail_on)
        entry = records[old.name]
        assert code == 1
        assert entry["state"] == "unchanged"  # reviewed, not skipped
        assert entry["fails"] is True
        assert f"{old}: broken link" in str(entry["problem"])
        assert new.stem in str(entry["problem"])
    text = cli("review", str(folder), "--criteria", str(SHIPPED))
    assert "broken link" in text.stdout
    github = cli("review", str(folder), "--criteria", str(SHIPPED), "--format", "github")
    assert github.stdout.startswith("::error ")
    assert "broken link" in github.stdout


@pytest.mark.parametrize(
    ("status", "broken"),
    [
        ('"superseded by 9999-nothing"', True),
        ("superseded by 0002-nothing.md", True),
        ('"superseded by ADR-0002"', False),
        ('"superseded by 0002-use-django-drf"', False),
        ("superseded", False),
    ],
)
def test_madr_status_names_a_record_by_name_or_number(
    cli, in_tmp: Path, status: str, broken: bool
) -> None:
    folder = _folder(in_tmp, "madr")
    old = _file(cli, folder)
    _file(cli, folder, preset="cms")
    old.write_text(old.read_text("utf-8").replace("status: proposed", f"status: {status}", 1))
    code, records = _review(cli, folder)
    assert (code == 1) is broken
    assert records[old.name]["state"] == ("unchanged" if broken else "superseded")


def _break_block(record: Path) -> tuple[int, int]:
    """A flow sequence left open in the replay block: (its line, its column) in the record."""
    lines = record.read_text("utf-8").split("\n")
    at = lines.index("  app_kind: api")
    lines[at] = "  app_kind: [api, content"
    record.write_text("\n".join(lines), "utf-8")
    return at + 1, lines[at].index("[") + 1


def test_yaml_problems_in_a_replay_block_count_in_the_records_lines(cli, in_tmp: Path) -> None:
    folder = _folder(in_tmp, "madr")
    record = _file(cli, folder)
    line, column = _break_block(record)
    _, records = _review(cli, folder)
    problem = str(records[record.name]["problem"])
    advise = cli("advise", "--criteria", str(SHIPPED), "--answers", str(record))
    lint = cli("lint", "--criteria", str(SHIPPED), str(record))
    assert advise.exit_code == 2
    assert lint.exit_code == 1
    for message in (problem, advise.stderr, lint.stdout):
        assert "FWC004" in message
        # Every position the message names is the record's: the problem's and the
        # sequence's start alike.
        assert f"flow sequence at line {line}, column {column})" in message, message
        for named in re.findall(r"line (\d+)", message):
            assert int(named) >= line


def test_one_name_for_a_record_in_every_message(cli, in_tmp: Path) -> None:
    folder = _folder(in_tmp, "madr")
    record = _file(cli, folder)
    text = record.read_text("utf-8")
    record.write_text(text.replace("fwchoice_answers: 1", "fwchoice_answers: 7"), "utf-8")
    _, records = _review(cli, folder)
    advise = cli("advise", "--criteria", str(SHIPPED), "--answers", str(record))
    for message in (str(records[record.name]["problem"]), advise.stderr):
        assert message.startswith(("decision record", "fwchoice: decision record")), message
        assert "answers file" not in message
    _break_block(record)
    advise = cli("advise", "--criteria", str(SHIPPED), "--answers", str(record))
    assert advise.stderr.startswith("fwchoice: decision record "), advise.stderr


def test_advise_replays_a_record_as_review_does(cli, in_tmp: Path) -> None:
    """A record whose answers leave a follow-up unanswered: both take its default."""
    folder = _folder(in_tmp, "madr")
    record = _file(cli, folder)
    text = record.read_text("utf-8")
    # A content app, so api_clients is asked; the record has no answer to it.
    record.write_text(text.replace("  app_kind: api\n", "  app_kind: content\n"), "utf-8")
    assert "api_clients" not in record.read_text("utf-8")
    advise = cli("advise", "--criteria", str(SHIPPED), "--answers", str(record), "--format",
                 "json", input="")  # fmt: skip
    assert advise.exit_code == 0, advise.stderr
    data = json.loads(advise.stdout)
    answers = {a["question"]: a for a in data["answers"]}
    assert answers["api_clients"]["how"] == "default"
    _, records = _review(cli, folder)
    now = records[record.name]["now"]
    assert isinstance(now, dict)
    assert data["verdict"]["winner"] == now["winner"]
    assert data["verdict"]["margin"] == pytest.approx(now["margin"])
    shown = cli("advise", "--criteria", str(SHIPPED), "--answers", str(record), "--details",
                input="")  # fmt: skip
    assert re.search(r"Will other teams or customers build\s.*default", shown.stdout, re.DOTALL)
