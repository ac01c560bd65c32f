"""review names records the way lint names files: relative to the current directory
(the repository's top, in CI), also when it finds the folder through an
``.adr-dir`` file; and a missing or empty folder is zero records unless
``--require-records``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import SHIPPED


@pytest.fixture
def repository(cli, in_tmp: Path) -> Path:
    (in_tmp / ".adr-dir").write_text("doc/architecture\n")
    folder = in_tmp / "doc" / "architecture"
    made = cli("advise", "--criteria", str(SHIPPED), "--preset", "cms", "--adr-dir", str(folder))
    assert made.exit_code == 0, made.stderr
    record = next(folder.glob("*.md"))
    text = record.read_text()
    record.write_text(re.sub(r"(\n\s+admin: )'?\w+'?", r"\1maybe", text, count=1))
    return in_tmp


def test_records_found_through_adr_dir_are_named_relative(cli, repository: Path) -> None:
    data = json.loads(cli("review", "--criteria", str(SHIPPED), "--format", "json").stdout)
    assert [r["path"] for r in data["records"]] == ["doc/architecture/0001-use-django-drf.md"]
    github = cli("review", "--criteria", str(SHIPPED), "--format", "github")
    assert github.exit_code == 1
    assert github.stdout.startswith("::error file=doc/architecture/0001-use-django-drf.md,")
    assert str(repository) not in github.stdout + github.stderr.split("; criteria:")[0]


def test_from_a_subfolder_the_names_are_relative_to_it(cli, repository: Path, monkeypatch) -> None:
    (repository / "src").mkdir()
    monkeypatch.chdir(repository / "src")
    data = json.loads(cli("review", "--criteria", str(SHIPPED), "--format", "json").stdout)
    assert [r["path"] for r in data["records"]] == ["../doc/architecture/0001-use-django-drf.md"]


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_a_missing_or_empty_folder_is_zero_records(cli, in_tmp: Path, make: str) -> None:
    if make == "empty":
        (in_tmp / "docs" / "decisions").mkdir(parents=True)
    args = ["review", "docs/decisions", "--criteria", str(SHIPPED)]
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["records"] == []
    assert "0 records reviewed" in result.stderr
    required = cli(*args, "--require-records")
    assert required.exit_code == 1
    assert "--require-records asks for one" in required.stderr


def test_a_file_where_the_folder_should_be_is_still_a_usage_error(cli, in_tmp: Path) -> None:
    (in_tmp / "decisions").write_text("not a folder")
    assert cli("review", "decisions", "--criteria", str(SHIPPED)).exit_code == 2
