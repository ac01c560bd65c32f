"""``advise --answers TEAM_RECORD.md`` replays the team decision the record holds:
the same members, answers and result as the answers files it was made from; with
more answers files, the record's members join them."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SHIPPED, TESTS

TEAM = TESTS / "fixtures" / "team"
FILES = ["--answers", str(TEAM / "alice.yaml"), "--answers", str(TEAM / "bob.yaml")]


def _without_files(data: dict) -> dict:
    for member in data["members"]:
        member.pop("file")
    return data


def test_a_team_record_replays_as_the_team_decision(cli, in_tmp: Path) -> None:
    common = ("--criteria", str(SHIPPED))
    assert cli("advise", *common, *FILES, "--adr-dir", "decisions").exit_code == 0
    (record,) = (in_tmp / "decisions").glob("*.md")
    replayed = cli("advise", *common, "--answers", str(record), "--format", "json")
    assert replayed.exit_code == 0, replayed.stderr
    original = json.loads(cli("advise", *common, *FILES, "--format", "json").stdout)
    again = json.loads(replayed.stdout)
    assert again["format"] == "fwchoice.team"
    assert _without_files(again) == _without_files(original)
    text = cli("advise", *common, "--answers", str(record))
    assert text.stdout == cli("advise", *common, *FILES).stdout


def test_a_team_record_and_another_person_make_a_larger_team(cli, in_tmp: Path) -> None:
    common = ("--criteria", str(SHIPPED))
    assert cli("advise", *common, *FILES, "--adr-dir", "decisions").exit_code == 0
    (record,) = (in_tmp / "decisions").glob("*.md")
    (in_tmp / "carol.yaml").write_text("name: carol\napp_kind: ml\n")
    result = cli("advise", *common, "--answers", str(record), "--answers", "carol.yaml",
                 "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert [m["name"] for m in json.loads(result.stdout)["members"]] == ["alice", "bob", "carol"]
