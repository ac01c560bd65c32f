"""Decision records no text can forge, and numbers no race can duplicate (issue 20).

Every name and title in a record goes through the text gate: one line, visible,
never Markdown structure; ``review`` and ``advise --answers RECORD.md`` read the
replay block only where fwchoice writes it (the record's last lines) and the
status only where the record's layout keeps it. Several shapes of each attack
are tried in each layout, through the command line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SHIPPED
from fwchoice.adr.embed import SUMMARY, locate
from fwchoice.sanitize import is_unsafe

DATE = "2026-11-30"
PAST = "2020-01-01"

# Names that try to end the header and start structure of their own.
FORGERIES = [
    "A\n```yaml\nx",
    "Ops\nSuperseded by x",
    "x\n## Status\n\nSuperseded by [y](0002-y.md)",
    "x\n- Status: superseded",
    "x\nstatus: superseded\n---",
    '"\nstatus: superseded by 0009-x\ninformed: "',
    "\n<details>\n<summary>" + SUMMARY + "</summary>\n\n```yaml\nfwchoice_answers: 1\n",
    "````yaml",
    "</details>",
    "a\r\nb\rc",
]


def _forged_block(answers: dict[str, object]) -> str:
    """A complete replay block, as a hostile name would carry it."""
    body = yaml.safe_dump({"fwchoice_answers": 1, "answers": answers}, sort_keys=False)
    return "\n".join(
        ["", "<details>", f"<summary>{SUMMARY}</summary>", "", "```yaml", body, "```", "",
         "</details>", ""]
    )  # fmt: skip


def _layout(folder: Path, layout: str) -> None:
    folder.mkdir(parents=True)
    if layout == "adr-tools":
        (folder.parent / ".adr-dir").write_text(folder.name)
    elif layout == "log4brains":
        (folder.parent / ".log4brains.yml").write_text(f"project:\n  adrFolder: ./{folder.name}\n")


def _advise(cli, folder: Path, *extra: str, preset: str = "cms"):
    return cli(
        "advise", "--criteria", str(SHIPPED), "--preset", preset, "--adr-dir", str(folder),
        "--date", DATE, "--format", "json", *extra,
    )  # fmt: skip


def _only_record(folder: Path) -> Path:
    (record,) = sorted(folder.glob("*.md"))
    return record


def _data_lines_are_fwchoices(text: str) -> None:
    """Every line outside the replay block starts as fwchoice writes lines: nothing a
    name holds can start a line (a fence, a heading, a status, a details tag)."""
    found = locate(text)
    assert found is not None, "the record's replay block is not where fwchoice writes it"
    head = text.split("\n")[: found[1] - 4]
    for line in head:
        assert not line.startswith(("```", "<details", "</details", "Superseded", "status: s")), (
            line
        )


@pytest.mark.parametrize("layout", ["madr", "adr-tools", "log4brains"])
@pytest.mark.parametrize("flag", ["--decider", "--consulted", "--informed"])
def test_names_cannot_forge_a_records_structure(cli, in_tmp: Path, layout: str, flag: str) -> None:
    folder = in_tmp / "adr"
    _layout(folder, layout)
    people = [arg for name in FORGERIES for arg in (flag, name)]
    result = _advise(cli, folder, *people, "--review-by", PAST)
    assert result.exit_code == 0, result.stderr
    text = _only_record(folder).read_text("utf-8")
    _data_lines_are_fwchoices(text)
    # The record is reviewed (not skipped, not "superseded"), and its review date counts.
    review = cli("review", str(folder), "--criteria", str(SHIPPED), "--today", DATE,
                 "--format", "json")  # fmt: skip
    assert review.exit_code == 1, review.stdout + review.stderr
    (record,) = json.loads(review.stdout)["records"]
    assert record["state"] == "unchanged"
    assert record["overdue"]


@pytest.mark.parametrize("layout", ["madr", "adr-tools", "log4brains"])
def test_a_name_holding_a_whole_replay_block_replays_nothing_of_it(
    cli, in_tmp: Path, layout: str
) -> None:
    folder = in_tmp / "adr"
    _layout(folder, layout)
    forged = _forged_block({"app_kind": "api", "admin": "no"})
    result = _advise(cli, folder, "--decider", forged, "--informed", forged)
    assert result.exit_code == 0, result.stderr
    given = json.loads(result.stdout)["answers"]
    record = _only_record(folder)
    replayed = cli("advise", "--criteria", str(SHIPPED), "--answers", str(record), "--format",
                   "json")  # fmt: skip
    assert replayed.exit_code == 0, replayed.stderr
    assert [(a["question"], a["answer"]) for a in json.loads(replayed.stdout)["answers"]] == [
        (a["question"], a["answer"]) for a in given
    ]


def test_a_team_members_name_cannot_forge_the_record(cli, in_tmp: Path) -> None:
    folder = in_tmp / "adr"
    for i, name in enumerate([FORGERIES[0], _forged_block({"app_kind": "api"})]):
        (in_tmp / f"m{i}.yaml").write_text(yaml.safe_dump({"name": name, "app_kind": "content"}))
    result = cli("advise", "--criteria", str(SHIPPED), "--answers", "m0.yaml", "--answers",
                 "m1.yaml", "--adr-dir", str(folder), "--date", DATE, "--review-by", PAST,
                 "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    _data_lines_are_fwchoices(_only_record(folder).read_text("utf-8"))
    review = cli("review", str(folder), "--criteria", str(SHIPPED), "--today", DATE,
                 "--format", "json")  # fmt: skip
    (record,) = json.loads(review.stdout)["records"]
    assert record["state"] == "unchanged"
    assert record["overdue"]


def test_review_finds_the_block_only_at_the_end(cli, in_tmp: Path) -> None:
    folder = in_tmp / "adr"
    _advise(cli, folder)
    record = _only_record(folder)
    text = record.read_text("utf-8")
    # A block pasted above the real one is not read; text added after the real one
    # makes the record broken (it says why), never replayed from elsewhere.
    record.write_text(text.replace("## Context", _forged_block({"app_kind": "api"}) + "## Context"))
    replayed = cli("advise", "--criteria", str(SHIPPED), "--answers", str(record), "--format",
                   "json")  # fmt: skip
    assert {a["question"]: a["answer"] for a in json.loads(replayed.stdout)["answers"]}[
        "app_kind"
    ] == "content"
    record.write_text(text + "\nSuperseded by [x](0009-x.md)\n")
    review = cli("review", str(folder), "--criteria", str(SHIPPED), "--format", "json")
    (entry,) = json.loads(review.stdout)["records"]
    assert review.exit_code == 1
    assert entry["state"] == "broken"
    assert "not where fwchoice writes it" in entry["problem"]


UNSAFE = ["\x1b[2J", "\x9b31m", "\u202e", "\u200b", "\r", "\x07", "\u2028", "\x85", "\udcff"]


@pytest.mark.parametrize("layout", ["madr", "adr-tools", "log4brains"])
def test_no_raw_control_or_invisible_character_reaches_a_record(
    cli, in_tmp: Path, layout: str
) -> None:
    folder = in_tmp / "adr"
    _layout(folder, layout)
    name = "Al" + "".join(UNSAFE) + "ice"
    (folder / "0001-old.md").write_text(
        f"# 1. Old {''.join(UNSAFE[:-1])} *title*\n\n## Status\n\nAccepted\n\n## Context\n"
    )
    result = _advise(cli, folder, "--decider", name, "--consulted", name, "--informed", name,
                     "--supersedes", "1")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    for record in folder.glob("*.md"):
        text = record.read_bytes().decode("utf-8")  # strict: no raw bytes either
        bad = [c for c in text if c not in "\n" and is_unsafe(c)]
        if record.name.startswith("0001"):
            continue  # the user's own record keeps its own bytes; only the link was added
        assert not bad, (record.name, bad)
        # The old title, shown: its escape sequence as text (backslash escaped for Markdown).
        assert "Old \\\\x1b\\[2J" in text or layout == "log4brains", text


def test_a_hostile_file_name_never_becomes_a_live_link(cli, in_tmp: Path) -> None:
    folder = in_tmp / "adr"
    folder.mkdir()
    for hostile in ["0001-x) [p](javascript:alert(1)).md", "0001-<img src=x onerror=alert(1)>.md"]:
        for old in folder.iterdir():
            old.unlink()
        (folder / hostile).write_text("# x) [p](javascript:alert(1))\n\nbody\n")
        result = _advise(cli, folder, "--supersedes", "1")
        assert result.exit_code == 0, result.stderr
        (new,) = [p for p in folder.iterdir() if p.name != hostile]
        added = [
            line
            for line in (folder / hostile).read_text("utf-8").splitlines()
            if line.startswith("Superseded by")
        ]
        for text in (new.read_text("utf-8"), "\n".join(added)):
            # Links are an unescaped "](": an escaped "\](" is text.
            targets = re.findall(r"(?<!\\)\]\(([^)]*)\)", text.split("<details>")[0])
            assert targets
            assert all(":" not in t and " " not in t for t in targets), targets
            assert "<img" not in new.read_text("utf-8")
        new.unlink()


def test_an_earlier_title_is_escaped_once(cli, in_tmp: Path) -> None:
    folder = in_tmp / "adr"
    _advise(cli, folder)
    first = _only_record(folder)
    first.write_text(first.read_text("utf-8").replace("# Use ", "# Use *A* \\_B\\_ ", 1))
    assert _advise(cli, folder, "--supersedes", "1").exit_code == 0
    second = next(p for p in folder.iterdir() if p.name.startswith("0002"))
    assert "Supersedes [Use \\*A\\* \\_B\\_ " in second.read_text("utf-8")


WRITERS = 3
WRITER = """
import sys
from fwchoice.__main__ import main
sys.argv = ["fwchoice", *sys.argv[1:]]
main()
"""


def _writers(folder: Path, count: int, *extra: str) -> list[subprocess.CompletedProcess[str]]:
    env = {**os.environ, "FWCHOICE_CRITERIA": str(SHIPPED)}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                "advise",
                "--preset",
                "cms",
                "--adr-dir",
                str(folder),
                "--date",
                DATE,
                "--format",
                "json",
                "--decider",
                f"writer {i}",
                *extra,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for i in range(count)
    ]
    done = []
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, "", err))
    return done


@pytest.mark.parametrize(("layout", "rounds"), [("madr", 2), ("adr-tools", 1), ("log4brains", 1)])
def test_concurrent_writers_get_one_number_each_and_every_link(
    in_tmp: Path, layout: str, rounds: int
) -> None:
    folder = in_tmp / "adr"
    _layout(folder, layout)
    assert [r.returncode for r in _writers(folder, 1)] == [0]
    first = sorted(p.name for p in folder.glob("*.md"))[0]
    for round_ in range(rounds):
        results = _writers(folder, WRITERS, "--supersedes", first)
        assert [r.returncode for r in results] == [0] * WRITERS, [r.stderr for r in results]
        assert not any("--force" in r.stderr for r in results)
        names = sorted(p.name for p in folder.glob("*.md"))
        assert len(names) == 1 + WRITERS * (round_ + 1), names
        old = (folder / first).read_text("utf-8")
        newer = [n for n in names if n != first]
        for name in newer:
            assert f"({first})" in (folder / name).read_text("utf-8")
        if layout == "log4brains":
            # log4brains' status names one record: the last writer's, as if in turn.
            assert sum(f"({name})" in old for name in newer) == 1, old
        else:
            # Every writer's link is in the superseded record.
            assert all(f"({name})" in old for name in newer), old


def test_review_reports_each_record_on_its_own(cli, in_tmp: Path) -> None:
    folder = in_tmp / "adr"
    _advise(cli, folder)
    _advise(cli, folder)
    good, bad = sorted(folder.glob("*.md"))
    lines = bad.read_text("utf-8").split("\n")
    at = lines.index("fwchoice_answers: 1")
    lines[at] = "fwchoice_answers: 7"
    bad.write_text("\n".join(lines))
    (folder / "0003-foreign.md").write_bytes(b"# Not ours \xff\xfe\n\nplain notes\n")
    (folder / "0004-huge.md").write_bytes(b"# x\n" + b"y" * (5 * 1024 * 1024))
    review = cli("review", str(folder), "--criteria", str(SHIPPED), "--format", "json")
    assert review.exit_code == 1, review.stderr
    data = json.loads(review.stdout)
    states = {Path(r["path"]).name: r for r in data["records"]}
    assert states[good.name]["state"] == "unchanged"
    assert states[bad.name]["state"] == "broken"
    # Located in the record's own lines (1-based), as lint locates it.
    assert f"{bad.name}:{at + 1}:" in states[bad.name]["problem"]
    assert states["0004-huge.md"]["state"] == "broken"
    assert "larger than" in states["0004-huge.md"]["problem"]
    assert [Path(p).name for p in data["skipped"]] == ["0003-foreign.md"]
    text = cli("review", str(folder), "--criteria", str(SHIPPED))
    assert f"{bad.name}: cannot be replayed:" in text.stdout


@pytest.mark.parametrize("review_by", ["2026-02-30", "9999-99-99", "2026-13-01", "0000-01-01"])
def test_a_records_review_date_is_a_real_date(cli, in_tmp: Path, review_by: str) -> None:
    folder = in_tmp / "adr"
    _advise(cli, folder, "--review-by", "2030-01-01")
    record = _only_record(folder)
    record.write_text(
        record.read_text("utf-8")
        .replace("review_by: '2030-01-01'", f"review_by: '{review_by}'")
        .replace('review_by: "2030-01-01"', f'review_by: "{review_by}"')
    )
    assert review_by in record.read_text("utf-8")
    review = cli("review", str(folder), "--criteria", str(SHIPPED), "--format", "json")
    (entry,) = json.loads(review.stdout)["records"]
    assert review.exit_code == 1
    assert entry["state"] == "broken", entry
    assert review_by in entry["problem"]


def test_what_fwchoice_writes_review_reads_at_the_limits(cli, in_tmp: Path) -> None:
    folder = in_tmp / "adr"
    long_stem = "p" * 240
    files = []
    for i in range(50):
        path = in_tmp / (f"{long_stem}{i:02d}.yaml" if i < 2 else f"m{i}.yaml")
        name = {"name": "n" * 200} if i == 2 else {"name": "\x01" * 50} if i == 3 else {}
        path.write_text(yaml.safe_dump({**name, "app_kind": "content"}))
        files += ["--answers", path.name]
    result = cli("advise", "--criteria", str(SHIPPED), *files, "--adr-dir", str(folder),
                 "--date", DATE, "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    review = cli("review", str(folder), "--criteria", str(SHIPPED), "--format", "json")
    assert review.exit_code == 0, review.stdout
    assert json.loads(review.stdout)["records"][0]["state"] == "unchanged"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"name": "n" * 201, "app_kind": "content"}, "at most 200"),
        ({"name": "\x01" * 51, "app_kind": "content"}, "at most 200"),
    ],
)
def test_a_name_a_record_cannot_hold_is_refused(cli, in_tmp: Path, content, message) -> None:
    (in_tmp / "a.yaml").write_text(yaml.safe_dump(content))
    (in_tmp / "b.yaml").write_text("app_kind: api\n")
    result = cli("advise", "--criteria", str(SHIPPED), "--answers", "a.yaml", "--answers",
                 "b.yaml", "--adr-dir", "adr")  # fmt: skip
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (in_tmp / "adr").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--decider", "n" * 201],
        ["--informed", "\x1b" * 60],
        ["--consulted", "  "],
        [arg for i in range(51) for arg in ("--decider", f"p{i}")],
    ],
)
def test_people_a_record_cannot_hold_are_refused(cli, in_tmp: Path, args: list[str]) -> None:
    result = _advise(cli, in_tmp / "adr", *args)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("fwchoice: --")
    assert "Traceback" not in result.stderr


def test_a_team_larger_than_a_record_holds_is_refused(cli, in_tmp: Path) -> None:
    files = []
    for i in range(51):
        (in_tmp / f"m{i}.yaml").write_text("app_kind: api\n")
        files += ["--answers", f"m{i}.yaml"]
    result = cli("advise", "--criteria", str(SHIPPED), *files)
    assert result.exit_code == 2
    assert "at most 50 answers files" in result.stderr


@pytest.mark.parametrize(
    "flags",
    [["--preset", "cms"], ["--set", "admin=yes"], ["--save-answers", "s.yaml"],
     ["--set", "admin=yes", "--preset", "cms"]],
)  # fmt: skip
def test_team_mode_refuses_one_persons_flags(cli, in_tmp: Path, flags: list[str]) -> None:
    for name in ("a", "b"):
        (in_tmp / f"{name}.yaml").write_text("app_kind: api\n")
    result = cli("advise", "--criteria", str(SHIPPED), "--answers", "a.yaml", "--answers",
                 "b.yaml", *flags)  # fmt: skip
    assert result.exit_code == 2
    assert flags[0] in result.stderr
    assert "team decision" in result.stderr
    assert not (in_tmp / "s.yaml").exists()


def test_adr_tools_record_ten_thousand_is_titled_so(cli, in_tmp: Path) -> None:
    folder = in_tmp / "doc" / "adr"
    _layout(folder, "adr-tools")
    (folder / "9999-last.md").write_text("# 9999. Last\n\n## Status\n\nAccepted\n")
    _advise(cli, folder)
    (new,) = folder.glob("10000-*.md")
    assert new.read_text("utf-8").startswith("# 10000. Use ")


@pytest.mark.parametrize("planted", ["18999999-x.md", "19000000-x.md", "99991231-far-future.md"])
def test_a_planted_name_never_makes_records_collide(cli, in_tmp: Path, planted: str) -> None:
    folder = in_tmp / "adr"
    folder.mkdir()
    (folder / planted).write_text("# planted\n")
    for _ in range(3):
        result = _advise(cli, folder)
        assert result.exit_code == 0, result.stderr
    assert len(list(folder.glob("*.md"))) == 4


def test_far_future_log4brains_dates_stay_log4brains(cli, in_tmp: Path) -> None:
    folder = in_tmp / "adr"
    folder.mkdir()
    (folder / "20260101-first.md").write_text("# First\n\n- Status: accepted\n")
    for date in ("9999-12-31", "9999-12-31", "0001-01-01"):
        result = cli("advise", "--criteria", str(SHIPPED), "--preset", "cms", "--adr-dir",
                     str(folder), "--date", date, "--format", "json")  # fmt: skip
        assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in folder.glob("*.md"))
    assert names == ["00010101-use-django-drf.md", "20260101-first.md",
                     "99991231-use-django-drf-2.md", "99991231-use-django-drf.md"]  # fmt: skip


@pytest.mark.parametrize("reference", ["²", "٣", "1" * 5000, "-1", "+1", "0x1", " "])
def test_odd_supersedes_numbers_are_usage_errors(cli, in_tmp: Path, reference: str) -> None:
    folder = in_tmp / "adr"
    _advise(cli, folder)
    result = _advise(cli, folder, "--supersedes", reference)
    assert result.exit_code == 2
    assert "--supersedes" in result.stderr


MARKDOWN = [
    "\n", "\r", "\r\n", "```", "````yaml", "~~~", "<details>", "</details>", "<summary>",
    "fwchoice_answers: 1", "fwchoice_team: 1", "---", "status: superseded", "## Status",
    "- Status: superseded", "Superseded by [x](0002-x.md)", "[p](javascript:alert(1))", "# ",
    "1. ", "> ", "|", "\\", "*", "_", "&#10;", "\x1b[31m", "\x9b", "\u202e", "\u200b", "\u2028",
    "\x85", "\udcff", "\x00", "'", '"', ": ", "#", "1e3", "010", "on",
]  # fmt: skip
names = (
    st.lists(
        st.one_of(
            st.sampled_from(MARKDOWN), st.text(st.characters(exclude_categories=()), max_size=6)
        ),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(lambda name: bool(name.strip()) and len(name) <= 40)
)


def _shipped_questions() -> dict[str, list[str]]:
    from fwchoice.criteria.loader import resolve_source
    from fwchoice.lint.runner import load_criteria

    document = load_criteria(resolve_source(str(SHIPPED))).document
    return {qid: list(q.choices) for qid, q in document.questions.items() if q.choices}


QUESTIONS = _shipped_questions()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    decider=names,
    consulted=names,
    informed=names,
    # A file holds no lone surrogate (fwchoice refuses one, located); a flag can.
    member=names.filter(lambda name: not any("\ud800" <= c <= "\udfff" for c in name)),
    layout=st.sampled_from(["madr", "adr-tools", "log4brains"]),
    choices=st.fixed_dictionaries({q: st.sampled_from(c) for q, c in QUESTIONS.items()}),
)
def test_every_field_of_a_record_passes_the_gate(
    cli, tmp_path_factory, decider, consulted, informed, member, layout, choices
) -> None:
    """Whatever the names, the record is one fwchoice can read back: review finds it
    unchanged and not superseded, its review date counts, and --answers RECORD.md
    replays exactly the answers given."""
    root = tmp_path_factory.mktemp("gate")
    folder = root / "adr"
    _layout(folder, layout)
    answers = root / "answers.yaml"
    multiple = {"security"}
    given_answers = {q: ([c] if q in multiple else c) for q, c in choices.items()}
    content = {"name": member, **given_answers}
    answers.write_text(yaml.safe_dump(content, allow_unicode=True), "utf-8")
    first = cli("advise", "--criteria", str(SHIPPED), "--answers", str(answers), "--defaults",
                "--adr-dir", str(folder), "--date", DATE, "--review-by", PAST, "--format",
                "json", "--decider", decider, "--consulted", consulted, "--informed",
                informed)  # fmt: skip
    assert first.exit_code == 0, first.stderr
    record = _only_record(folder)
    text = record.read_bytes().decode("utf-8")
    assert not [c for c in text if c != "\n" and is_unsafe(c)]
    _data_lines_are_fwchoices(text)
    review = cli("review", str(folder), "--criteria", str(SHIPPED), "--today", DATE,
                 "--format", "json")  # fmt: skip
    (entry,) = json.loads(review.stdout)["records"]
    assert (entry["state"], entry["overdue"]) == ("unchanged", True), entry
    replayed = cli("advise", "--criteria", str(SHIPPED), "--answers", str(record), "--format",
                   "json")  # fmt: skip
    assert replayed.exit_code == 0, replayed.stderr
    assert [(a["question"], a["answer"]) for a in json.loads(replayed.stdout)["answers"]] == [
        (a["question"], a["answer"]) for a in json.loads(first.stdout)["answers"]
    ]
