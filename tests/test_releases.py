"""Every version the docs name is a release, tagged in the repository.

A version is named in the README, docs/, the changelog and the hook manifest as
``fwchoice X.Y[.Z]``, ``vX.Y.Z`` (pins, ``# frozen:`` comments) or a changelog
heading. Each must be a release in CHANGELOG.md no later than ``__version__``,
and have its tag ``vX.Y.Z`` on the commit whose ``__version__`` is X.Y.Z (the
pins in snippets name that very commit). ``pre-commit autoupdate`` finds
releases by their tags, so a missing tag sends users to an unreleased commit;
the last test runs pre-commit itself to show both cases.

A clone made without tags (``git clone --no-tags``, a bare push of a branch)
cannot show them: the tag tests are then skipped with that reason, unless
``FWCHOICE_REQUIRE_TAGS=1`` (the release procedure sets it, docs/releasing.md).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import fwchoice
from conftest import REPO
from third_party import require_tool, run_offline

DOCUMENTS = [
    "README.md",
    "CHANGELOG.md",
    ".pre-commit-hooks.yaml",
    *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md")),
]
_NAMED = re.compile(r"(?:\bfwchoice |(?<![\w.])v)(\d+\.\d+(?:\.\d+)?)\b")
_HEADING = re.compile(r"^## (\d+\.\d+\.\d+) \((\d{4}-\d\d-\d\d)\)$", re.MULTILINE)


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _full(version: str) -> str:
    return version if version.count(".") == 2 else version + ".0"


def releases() -> list[str]:
    """The releases in CHANGELOG.md (dated headings), newest first."""
    return [v for v, _ in _HEADING.findall((REPO / "CHANGELOG.md").read_text("utf-8"))]


def named_versions() -> dict[str, set[str]]:
    """Every version the documents name, with the documents that name it."""
    found: dict[str, set[str]] = {}
    for name in DOCUMENTS:
        text = (REPO / name).read_text("utf-8")
        for version in _NAMED.findall(text) + [v for v, _ in _HEADING.findall(text)]:
            found.setdefault(_full(version), set()).add(name)
    return found


def test_every_version_named_is_a_release_no_later_than_this_one() -> None:
    released = releases()
    assert released, "CHANGELOG.md names no release"
    assert released[0] == fwchoice.__version__, "CHANGELOG's newest release is not __version__"
    assert released == sorted(released, key=_key, reverse=True)
    named = named_versions()
    assert fwchoice.__version__ in named
    wrong = {v: sorted(where) for v, where in named.items() if v not in released}
    assert not wrong, f"versions named that are not releases in CHANGELOG.md: {wrong}"


def test_the_version_check_catches_an_unreleased_version() -> None:
    assert _full(_NAMED.findall("Version 2 (fwchoice 0.3) added")[0]) == "0.3.0"
    assert _NAMED.findall("rev: abc  # frozen: v0.2.0") == ["0.2.0"]
    assert _NAMED.findall("SARIF 2.1.0, Python 3.12, typer 0.28") == []


def _git(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, text=True,
                          check=False)  # fmt: skip


@pytest.fixture(scope="module")
def tags() -> set[str]:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    if _git("rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        pytest.skip("shallow clone: the tagged release commits may not be here")
    found = set(_git("tag", "--list", "v*").stdout.split())
    if not found and os.environ.get("FWCHOICE_REQUIRE_TAGS") != "1":
        pytest.skip(
            "this clone has no tags (cloned without them): fetch them with "
            "`git fetch --tags`, or set FWCHOICE_REQUIRE_TAGS=1 to fail instead"
        )
    return found


def test_every_version_named_has_its_tag_on_its_release_commit(tags: set[str]) -> None:
    for version, where in sorted(named_versions().items()):
        tag = f"v{version}"
        assert tag in tags, (
            f"{tag} is named in {', '.join(sorted(where))} but not tagged here: "
            f"tag the release commit (docs/releasing.md, step 2)"
        )
        # Lightweight: `pre-commit autoupdate --freeze` writes `git rev-parse TAG`, which
        # for an annotated tag is the tag object, not the commit the snippets pin.
        kind = _git("cat-file", "-t", f"refs/tags/{tag}").stdout.strip()
        assert kind == "commit", f"{tag} is an annotated tag: make it lightweight"
        shown = _git("show", f"{tag}^{{commit}}:src/fwchoice/__init__.py")
        assert f'__version__ = "{version}"' in shown.stdout, f"{tag} is not fwchoice {version}"
        assert _git("merge-base", "--is-ancestor", tag, "HEAD").returncode == 0, tag
    for name in ("README.md", "docs/ci.md", ".pre-commit-hooks.yaml"):
        text = (REPO / name).read_text("utf-8")
        for sha, version in re.findall(r"([0-9a-f]{40})\"?  # (?:frozen: )?v([\d.]+)", text):
            tagged = _git("rev-parse", f"v{version}^{{commit}}").stdout.strip()
            assert sha == tagged, f"{name}: the pin of v{version} is not the tagged commit"


def _snippet() -> str:
    readme = (REPO / "README.md").read_text("utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if b.startswith("repos:")]
    assert len(blocks) == 1
    return blocks[0]


def test_pre_commit_autoupdate_keeps_the_tagged_release_and_warns_without_tags(
    tags: set[str], tmp_path: Path
) -> None:
    """What the README says about `pre-commit autoupdate`, shown by pre-commit itself:
    with the tags it freezes the newest release (the snippet as written); in a
    clone without them it writes the bare SHA of the branch's tip, no release."""
    pre_commit = require_tool("FWCHOICE_PRE_COMMIT", "pre-commit", "pre-commit")
    url = "https://github.com/fwchoice/fwchoice"
    for label, clone_args in (("tagged", []), ("untagged", ["--no-tags"])):
        source = tmp_path / label / "fwchoice"
        assert (
            _git("clone", "-q", *clone_args, str(REPO), str(source), cwd=tmp_path).returncode == 0
        )
        user = tmp_path / label / "user"
        user.mkdir()
        _git("init", "-q", cwd=user)
        config = user / ".pre-commit-config.yaml"
        config.write_text(_snippet().replace(url, str(source)), encoding="utf-8")
        env = {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_NOSYSTEM": "1"}
        result = run_offline([pre_commit, "autoupdate", "--freeze"], cwd=user, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        written = config.read_text("utf-8")
        if label == "tagged":
            assert written == _snippet().replace(url, str(source)), written
        else:
            tip = _git("rev-parse", "HEAD", cwd=source).stdout.strip()
            assert f"rev: {tip}\n" in written, written
            assert "# frozen:" not in written, written
    shutil.rmtree(tmp_path / "cache", ignore_errors=True)
