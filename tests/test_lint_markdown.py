"""lint on a folder of decision records: a Markdown file without fwchoice's replay
block (adr-tools' own first record, a record written by hand) is not a fwchoice
record: skipped with a note and exit 0, as ``review`` skips it; a fwchoice record
beside it is still checked. With adr-tools installed, its own ``adr init`` record."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SHIPPED
from test_pre_commit import ADR_TOOLS_FIRST_RECORD

NOTE = "a Markdown file without fwchoice's replay block: not a fwchoice record, skipped"


@pytest.fixture
def records(cli, in_tmp: Path) -> Path:
    folder = in_tmp / "doc" / "adr"
    adr = shutil.which("adr")
    if adr:  # the real tool's own first record
        subprocess.run([adr, "init", "doc/adr"], cwd=in_tmp, check=True, capture_output=True)
    else:
        folder.mkdir(parents=True)
        (folder / "0001-record-architecture-decisions.md").write_text(ADR_TOOLS_FIRST_RECORD)
    shutil.copy(SHIPPED, in_tmp / "criteria.yaml")
    assert cli("advise", "--preset", "cms", "--adr-dir", "doc/adr").exit_code == 0
    return folder


def test_a_markdown_file_without_a_replay_block_is_skipped_with_a_note(cli, records) -> None:
    files = sorted(str(p) for p in records.glob("*.md"))
    assert len(files) == 2
    text = cli("lint", *files)
    assert text.exit_code == 0, text.stdout + text.stderr
    assert text.stdout == ""
    assert f"0001-record-architecture-decisions.md: {NOTE}" in text.stderr
    assert "a decision record's replay block" in text.stderr
    assert "no problems" in text.stderr

    data = json.loads(cli("lint", "--format", "json", *files).stdout)
    assert [f.get("skipped") for f in data["files"]] == [NOTE, None]
    assert data["errors"] == 0

    github = cli("lint", "--format", "github", *files).stdout.splitlines()
    assert github == [f"::notice file={files[0]},title=not a fwchoice record::{NOTE}"]


def test_a_broken_block_in_a_record_is_still_an_error(cli, records) -> None:
    record = next(records.glob("0002-*.md"))
    text = record.read_text()
    broken = re.sub(r"(\n\s+admin: )'?\w+'?", r"\1maybe", text, count=1)
    assert broken != text
    record.write_text(broken)
    result = cli("lint", str(record))
    assert result.exit_code == 1
    assert "FWC501" in result.stdout
