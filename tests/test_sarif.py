"""`lint --format sarif` against the full official SARIF 2.1.0 schema and Sarif.Multitool.

Files are named by relative, percent-encoded URIs under ``%SRCROOT%`` (the
repository's top), whatever their names hold (spaces, ``:``, ``%``, non-ASCII),
from any folder of the repository; a file outside it by an absolute ``file:``
URI. Every URI is checked three ways: against the official schema (vendored in
tests/sarif, see its NOTICE.md) with a strict RFC 3986 check of
``uri-reference``; by resolving it back to the file; and, where they install,
by check-jsonschema (offline) and Microsoft's Sarif.Multitool ``validate``,
which must report no error and no warning (its notes are advice, e.g. to embed
code snippets). The control proves the Multitool test can fail: a raw path
with a space gets SARIF1002, as fwchoice 0.2.0's output did.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from conftest import TESTS, run_cli
from third_party import require_tool, run_offline

SCHEMA = json.loads((TESTS / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
BROKEN = (TESTS / "corpus" / "many_problems_at_once.yaml").read_text("utf-8")

# RFC 3986, appendix A: a URI-reference is a URI (scheme ":" ...) or a relative
# reference, made of unreserved and reserved characters and %XX escapes only; a
# relative reference's first segment has no ":".
_PCT = r"%[0-9A-Fa-f]{2}"
_CHARS = rf"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|{_PCT})*"
_URI = re.compile(rf"[A-Za-z][A-Za-z0-9+.\-]*:{_CHARS}(?:#{_CHARS})?")
_RELATIVE = re.compile(rf"(?:[A-Za-z0-9\-._~!$&'()*+,;=@/]|{_PCT})*(?:[/?#]{_CHARS})?")

FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("uri-reference")
def _is_uri_reference(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if _URI.fullmatch(value):
        return True
    first_segment = re.split(r"[/?#]", value, maxsplit=1)[0]
    return ":" not in first_segment and bool(_RELATIVE.fullmatch(value))


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(_URI.fullmatch(value))


def test_the_uri_check_is_strict() -> None:
    assert _is_uri_reference("my%20decisions/criteria.yaml")
    assert _is_uri_reference("file:///tmp/a%20b.yaml")
    assert not _is_uri_reference("my decisions/criteria.yaml")
    # a valid URI of scheme "a", not the file: why a ":" in a name is escaped (%3A)
    assert _URI.fullmatch("a:b/criteria.yaml")
    assert not _is_uri_reference("100%/x.yaml")


NAMES = ["my decisions/criteria.yaml", "a:b/criteria.yaml", "100%/crit ère#1.yaml", "top.yaml"]


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A repository (with files under awkward names) and a file outside it; the
    working directory is a folder inside the repository."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    for name in NAMES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(BROKEN, encoding="utf-8")
    outside = tmp_path / "elsewhere" / "other file.yaml"
    outside.parent.mkdir()
    outside.write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(root / "my decisions")
    return root, outside


def _sarif(root: Path, outside: Path) -> dict:
    args = ["criteria.yaml", *(os.path.join("..", n) for n in NAMES[1:]), str(outside)]
    result = run_cli("lint", "--format", "sarif", *args)
    assert result.exit_code == 1, result.stderr
    return json.loads(result.stdout)


def test_uris_are_relative_percent_encoded_and_resolve_to_the_files(repository) -> None:
    root, outside = repository
    sarif = _sarif(root, outside)
    jsonschema.Draft4Validator(SCHEMA, format_checker=FORMATS).validate(sarif)
    run = sarif["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == root.as_uri() + "/"
    named: set[Path] = set()
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        uri = location["uri"]
        if "uriBaseId" in location:
            assert location["uriBaseId"] == "%SRCROOT%"
            assert not uri.startswith("/")
            assert not urlsplit(uri).scheme
            named.add(root / unquote(uri))
        else:
            assert uri.startswith("file:///")
            named.add(Path(unquote(urlsplit(uri).path)))
    assert named == {root / n for n in NAMES} | {outside}
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert "my%20decisions/criteria.yaml" in uris
    assert "a%3Ab/criteria.yaml" in uris


def test_check_jsonschema_accepts_it_offline_against_the_official_schema(
    repository, tmp_path: Path
) -> None:
    checker = require_tool("FWCHOICE_CHECK_JSONSCHEMA", "check-jsonschema", "check-jsonschema")
    root, outside = repository
    out = tmp_path / "fwchoice.sarif"
    out.write_text(json.dumps(_sarif(root, outside)), encoding="utf-8")
    schema = str(TESTS / "sarif" / "sarif-schema-2.1.0.json")
    result = run_offline([checker, "--no-cache", "--schemafile", schema, str(out)])
    assert result.returncode == 0, result.stdout + result.stderr


def _multitool(log: Path, tmp_path: Path) -> list[dict]:
    """Sarif.Multitool's findings on ``log``: (rule, level, message arguments)."""
    tool = require_tool("FWCHOICE_SARIF_MULTITOOL", "Sarif.Multitool", "Sarif.Multitool")
    report = tmp_path / "validation.sarif"
    result = run_offline(
        [tool, "validate", str(log), "--output", str(report), "--level", "Error;Warning;Note"],
        env={"DOTNET_CLI_TELEMETRY_OPTOUT": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert report.exists(), result.stdout
    found = json.loads(report.read_text("utf-8"))["runs"][0]["results"]
    return [
        {"rule": f["ruleId"], "level": f.get("level", "warning"),
         "arguments": f["message"].get("arguments", [])}
        for f in found
    ]  # fmt: skip


def test_sarif_multitool_finds_no_error_or_warning(repository, tmp_path: Path) -> None:
    root, outside = repository
    log = tmp_path / "fwchoice.sarif"
    log.write_text(json.dumps(_sarif(root, outside)), encoding="utf-8")
    findings = _multitool(log, tmp_path)
    serious = [f for f in findings if f["level"] in ("error", "warning")]
    assert serious == [], serious


def test_control_sarif_multitool_flags_a_raw_path(repository, tmp_path: Path) -> None:
    root, outside = repository
    sarif = _sarif(root, outside)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    location["artifactLocation"] = {"uri": "my decisions/criteria.yaml"}
    log = tmp_path / "raw.sarif"
    log.write_text(json.dumps(sarif), encoding="utf-8")
    assert "SARIF1002" in {f["rule"] for f in _multitool(log, tmp_path) if f["level"] == "error"}
