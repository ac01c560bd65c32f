"""`fwchoice advise` without a terminal: presets, files, flags, outputs, teams, replay."""

from __future__ import annotations

import json
from fractions import Fraction

import jsonschema
import pytest
import yaml

from conftest import REPO, SHIPPED, assert_golden

ADVICE_SCHEMA = json.loads((REPO / "docs/schemas/advice.schema.json").read_text("utf-8"))
PRESETS = {
    "iot-ingestion": "fastapi",
    "ml-serving": "fastapi",
    "ecommerce": "django",
    "cms": "django",
    "api-microservice": "fastapi",
    "fullstack-webapp": "django",
    "llm-streaming": "fastapi",
    "django-realtime-chat": "django",
    "graphql-api": "fastapi",
    "typed-api-with-admin": "django",
    "long-lived-platform": "django",
    "data-dashboard": "django",
}


def advise_json(cli, *args: str) -> dict:
    result = cli("advise", "--criteria", str(SHIPPED), "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_terminal_or_answers_exit_2_with_guidance(cli, in_tmp) -> None:
    result = cli("advise")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    for flag in ("--preset", "--answers", "--set", "--defaults"):
        assert flag in result.stderr


@pytest.mark.parametrize(("preset", "winner"), list(PRESETS.items()))
def test_each_preset_gives_the_source_winner(cli, preset: str, winner: str) -> None:
    data = advise_json(cli, "--preset", preset)
    assert data["verdict"]["winner"] == winner
    jsonschema.Draft202012Validator(ADVICE_SCHEMA).validate(data)


def test_json_numbers_recompute_by_hand(cli) -> None:
    data = advise_json(cli, "--preset", "ecommerce")
    maximum = data["method"]["rating_max"]
    total = sum(Fraction(str(w["weight"])) for w in data["weights"])
    for score in data["scores"]:
        option = score["option"]
        weighted = sum(Fraction(str(w["weight"])) * w["ratings"][option] for w in data["weights"])
        assert weighted == Fraction(str(score["weighted_sum"]))
        assert round(float(100 * weighted / (maximum * total)), 2) == score["score"]
        for row in data["weights"]:
            base = Fraction(str(row["base"])) + sum(
                Fraction(str(c["delta"])) for c in row["changes"]
            )
            assert Fraction(str(row["weight"])) == max(base, Fraction(0))
            assert row["contributions"][option] == row["weight"] * row["ratings"][option]
    first, second = data["scores"][:2]
    assert data["verdict"]["margin"] == pytest.approx(first["score"] - second["score"], abs=0.02)


def test_list_presets(cli) -> None:
    result = cli("advise", "--criteria", str(SHIPPED), "--list-presets")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == list(PRESETS)
    assert "(source example)" in result.stdout


def test_unknown_preset_names_the_valid_ones(cli) -> None:
    result = cli("advise", "--criteria", str(SHIPPED), "--preset", "ecomerce")
    assert result.exit_code == 2
    assert "did you mean 'ecommerce'" in result.stderr
    assert "Presets are: iot-ingestion" in result.stderr


def test_bad_set_id_and_value(cli) -> None:
    bad_id = cli("advise", "--criteria", str(SHIPPED), "--defaults", "--set", "admn=yes")
    assert bad_id.exit_code == 2
    assert "unknown question 'admn'; did you mean 'admin'?" in bad_id.stderr
    bad_value = cli("advise", "--criteria", str(SHIPPED), "--defaults", "--set", "team=rails")
    assert bad_value.exit_code == 2
    assert "use one of django, fastapi, neither, or unsure" in bad_value.stderr
    no_equals = cli("advise", "--criteria", str(SHIPPED), "--defaults", "--set", "admin")
    assert no_equals.exit_code == 2
    assert "ID=VALUE" in no_equals.stderr


def test_set_overrides_preset_and_records_how(cli) -> None:
    data = advise_json(
        cli,
        "--preset",
        "ecommerce",
        "--set",
        "admin=no",
        "--set",
        "security=accounts,caching",
        "--set",
        "performance=critical",
    )
    how = {a["question"]: (a["answer"], a["how"]) for a in data["answers"]}
    assert how["admin"] == ("no", "flag")
    assert how["security"] == (["accounts", "caching"], "flag")
    assert how["performance"] == (5, "flag")
    assert how["app_kind"] == ("content", "preset")


def test_defaults(cli) -> None:
    data = advise_json(cli, "--defaults")
    assert {a["how"] for a in data["answers"]} == {"default"}
    assert data["verdict"]["winner"] == "fastapi"


def test_answers_files_yaml_and_json(cli, in_tmp) -> None:
    (in_tmp / "a.yaml").write_text("app_kind: content\nadmin: yes\n")
    (in_tmp / "a.json").write_text('{"app_kind": "content", "admin": "yes"}')
    for name in ("a.yaml", "a.json"):
        data = advise_json(cli, "--answers", name, "--defaults")
        assert data["verdict"]["winner"] == "django"
        assert {a["question"]: a["how"] for a in data["answers"]}["admin"] == "file"


def test_partial_answers_without_a_terminal_name_the_missing(cli, in_tmp) -> None:
    (in_tmp / "a.yaml").write_text("app_kind: api\n")
    result = cli("advise", "--criteria", str(SHIPPED), "--answers", "a.yaml")
    assert result.exit_code == 2
    assert "no answer to performance, concurrency" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("app_kind: [api\n", "FWC004"),
        ("- app_kind\n", "must map question ids to answers"),
        ("app_kind: &a api\nteam: *a\n", "FWC006"),
        ("app_kind: nope\n", "'nope' is not a choice of question 'app_kind'"),
        ("", "FWC009"),
    ],
)
def test_broken_answers_file_is_one_line_exit_2(cli, in_tmp, content: str, message: str) -> None:
    (in_tmp / "a.yaml").write_text(content)
    result = cli("advise", "--criteria", str(SHIPPED), "--answers", "a.yaml", "--defaults")
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_missing_answers_file(cli, in_tmp) -> None:
    result = cli("advise", "--answers", "nope.yaml")
    assert result.exit_code == 2
    assert "not found" in result.stderr


def test_output_refuses_to_overwrite_without_force(cli, in_tmp) -> None:
    args = ("advise", "--criteria", str(SHIPPED), "--preset", "cms", "--format", "markdown")
    assert cli(*args, "--output", "adr.md").exit_code == 0
    again = cli(*args, "--output", "adr.md")
    assert again.exit_code == 2
    assert "already exists; add --force" in again.stderr
    assert cli(*args, "--output", "adr.md", "--force").exit_code == 0


def test_markdown_is_a_madr_record(cli) -> None:
    result = cli(
        "advise",
        "--criteria",
        str(SHIPPED),
        "--preset",
        "ecommerce",
        "--format",
        "markdown",
        "--date",
        "2026-11-26",
    )
    text = result.stdout
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Use Django + DRF",
        "## Context and Problem Statement",
        "## Decision Drivers",
        "## Considered Options",
        "## Decision Outcome",
        "### Consequences",
        "### Confirmation",
        "## Pros and Cons of the Options",
        "### Django + DRF",
        "### FastAPI",
        "## More Information",
    ]
    assert text.startswith("---\nstatus: proposed\ndate: 2026-11-26\n---\n")
    assert 'Chosen option: "Django + DRF"' in text


def test_same_answers_same_output_byte_for_byte(cli) -> None:
    for output_format in ("json", "markdown", "rich"):
        args = (
            "advise",
            "--criteria",
            str(SHIPPED),
            "--preset",
            "iot-ingestion",
            "--format",
            output_format,
        )
        assert cli(*args).stdout == cli(*args).stdout


@pytest.mark.parametrize("output_format", ["rich", "markdown", "json"])
def test_golden_report(cli, in_repo, output_format: str) -> None:
    result = cli(
        "advise",
        "--criteria",
        "criteria.yaml",
        "--preset",
        "ecommerce",
        "--set",
        "security=unsure",
        "--format",
        output_format,
        env={"COLUMNS": "100"},
    )
    assert result.exit_code == 0
    extension = {"rich": "txt", "markdown": "md", "json": "json"}[output_format]
    assert_golden(f"advise/ecommerce-unsure.{extension}", result.stdout)


CLOSE_CALLS = {
    # The answers call for both sides (an admin, throughput very important): the
    # hybrid whose `when` they meet is suggested.
    "hybrid": ["--set", "admin=yes", "--set", "performance=4", "--set", "team=fastapi"],
    # A close call the answers do not call a hybrid for: either is sound, and the
    # question that would settle it is named.
    "tie-breaker": ["--set", "team=django", "--set", "performance=5"],
}


@pytest.mark.parametrize("case", list(CLOSE_CALLS))
def test_golden_close_calls(cli, in_repo, case: str) -> None:
    args = ("advise", "--criteria", "criteria.yaml", "--defaults", *CLOSE_CALLS[case])
    result = cli(*args, env={"COLUMNS": "100"})
    assert result.stdout.startswith("Close call:")
    flat = " ".join(result.stdout.split())
    if case == "hybrid":
        assert "The answers call for both" in flat
        assert "Either option is sound" not in flat
    else:
        assert "Consider" not in flat
        assert 'Either option is sound; what would settle it is "What are you building?"' in flat
    assert_golden(f"advise/close-{case}.txt", result.stdout)
    assert_golden(f"advise/close-{case}.md", cli(*args, "--format", "markdown").stdout)


@pytest.mark.parametrize("columns", [80, 120])
def test_golden_summary_at_80_and_120_columns(cli, in_repo, columns: int) -> None:
    result = cli(
        "advise", "--criteria", "criteria.yaml", "--preset", "api-microservice",
        env={"COLUMNS": str(columns)},
    )  # fmt: skip
    summary = result.stdout.split("\nDetails\n")[0]
    assert max(len(line) for line in summary.splitlines()) <= columns
    assert_golden(f"advise/api-microservice-{columns}.txt", result.stdout)


SUMMARY_CASES = (
    [["--preset", p] for p in PRESETS]
    + [["--defaults", *extra] for extra in CLOSE_CALLS.values()]
    + [
        ["--preset", "ml-serving", "--set", "admin=unsure", "--set", "security=unsure"],
        ["--preset", "api-microservice", "--set", "security=admin", "--set", "add_ons=no"],
    ]
)


@pytest.mark.parametrize("args", SUMMARY_CASES, ids=" ".join)
def test_the_summary_fits_one_80x24_screen(cli, args: list[str]) -> None:
    result = cli("advise", *args, env={"COLUMNS": "80", "LINES": "24"})
    summary = result.stdout.split("\nDetails\n")[0]
    # 23 lines, so the shell prompt that follows stays on the same screen.
    assert len(summary.splitlines()) <= 23, summary
    for needed in ("How sure", "What would change it"):
        assert needed in summary
    # The report is taller than the screen: its last line repeats the verdict.
    winner = json.loads(cli("advise", *args, "--format", "json").stdout)["verdict"]
    assert result.stdout.splitlines()[-1].startswith(f"Verdict: {winner['winner_label']}")


def test_save_and_replay_answers(cli, in_tmp) -> None:
    assert (
        cli(
            "advise",
            "--criteria",
            str(SHIPPED),
            "--preset",
            "ml-serving",
            "--set",
            "admin=unsure",
            "--save-answers",
            "saved.yaml",
            "--format",
            "json",
        ).exit_code
        == 0
    )
    saved = yaml.safe_load((in_tmp / "saved.yaml").read_text())
    assert saved["fwchoice_answers"] == 1
    assert saved["criteria"]["version"] == 1
    assert len(saved["criteria"]["sha256"]) == 64
    assert saved["how"]["admin"] == "flag"
    assert saved["answers"]["admin"] == "unsure"
    assert saved["verdict"]["winner"] == "fastapi"
    replayed = advise_json(cli, "--answers", "saved.yaml")
    assert replayed["replay"]["criteria_changed"] is False
    assert replayed["verdict"]["winner"] == saved["verdict"]["winner"]


def test_replay_against_an_edited_criteria_file(cli, in_tmp) -> None:
    assert (
        cli(
            "advise",
            "--criteria",
            str(SHIPPED),
            "--preset",
            "ecommerce",
            "--save-answers",
            "saved.yaml",
            "--format",
            "json",
        ).exit_code
        == 0
    )
    edited = SHIPPED.read_text("utf-8").replace(
        "ratings: {fastapi: 1, django: 5}", "ratings: {fastapi: 5, django: 5}"
    )
    (in_tmp / "edited.yaml").write_text(edited, encoding="utf-8")
    result = cli(
        "advise", "--criteria", "edited.yaml", "--answers", "saved.yaml", env={"COLUMNS": "100"}
    )
    assert result.exit_code == 0
    assert "Replay of saved answers" in result.stdout
    assert (
        "The criteria file changed since these answers were saved; Django + DRF still "
        "comes first (by 30.2 then, 12.7 now)." in " ".join(result.stdout.split())
    )
    assert "Then Django + DRF first, by 30.2 points" in result.stdout
    assert "Admin Interface: FastAPI rating 1 -> 5" in result.stdout
    data = json.loads(
        cli(
            "advise", "--criteria", "edited.yaml", "--answers", "saved.yaml", "--format", "json"
        ).stdout
    )
    moved = data["replay"]["moved_by"]
    assert [m["criterion"] for m in moved] == ["admin_interface"]
    assert moved[0]["margin_change"] < 0


def test_team_decision(cli, in_tmp) -> None:
    (in_tmp / "alice.yaml").write_text("app_kind: ml\nadmin: no\nteam: fastapi\n")
    (in_tmp / "bob.yaml").write_text("app_kind: content\nadmin: yes\nteam: django\n")
    team = (
        "advise",
        "--criteria",
        str(SHIPPED),
        "--answers",
        "alice.yaml",
        "--answers",
        "bob.yaml",
    )
    result = cli(*team, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(m["name"], m["winner"]) for m in data["members"]] == [
        ("alice", "fastapi"),
        ("bob", "django"),
    ]
    agenda = [item["question"] for item in data["agenda"]]
    assert set(agenda) >= {"app_kind", "admin", "team"}
    swings = [item["swing"] for item in data["agenda"]]
    assert swings == sorted(swings, reverse=True)
    markdown = cli(*team, "--format", "markdown").stdout
    assert "## Team" in markdown
    assert "### Agenda: where the team disagrees" in markdown
    table = cli(*team).stdout
    assert "Agenda: where the team disagrees" in table


def test_two_unsure_answers_name_the_question_to_settle_first(cli) -> None:
    data = advise_json(
        cli, "--preset", "ml-serving", "--set", "admin=unsure", "--set", "security=unsure"
    )
    uncertainty = data["insights"]["uncertainty"]
    assert [q["question"] for q in uncertainty["questions"]] == ["admin", "security"]
    assert uncertainty["exact"]
    assert uncertainty["winner_can_change"]
    # The security answer can add must-haves and exclude an option: it swings most.
    assert uncertainty["settle_first"]["question"] == "security"
    for option, score in ((s["option"], s["score"]) for s in data["scores"]):
        assert (
            uncertainty["ranges"][option]["low"] <= score <= uncertainty["ranges"][option]["high"]
        )


def test_answer_changes_that_flip_are_listed(cli) -> None:
    data = advise_json(cli, "--preset", "api-microservice")
    changes = data["what_would_change_it"]["answers"]
    assert changes["kind"] == "single"
    by_question: dict[str, list] = {}
    for change in changes["changes"]:
        (only,) = change["changes"]
        by_question.setdefault(only["question"], []).append((only["to"], change["winner"]))
    # Token authentication ships with both, so refusing add-ons no longer excludes FastAPI.
    # (picking several must-haves at once weighs Django + DRF up enough)
    assert set(by_question) == {"app_kind", "admin", "security", "team"}
    assert by_question["admin"] == [("Yes", "django")]
    robust = advise_json(cli, "--preset", "cms")
    assert robust["what_would_change_it"]["answers"]["kind"] == "none"


def test_team_agenda_swings_are_what_aligned_reruns_give(cli, in_tmp) -> None:
    # alice's api_clients answer does not apply to an ML service; once the team is
    # aligned on a content-heavy app it does, and must count as a rerun counts it.
    # Three options, one excluded by bob's must-have (no add-ons): the swing is
    # measured between eligible options only, as docs/json-output.md states it.
    criteria = str(REPO / "examples" / "fastapi-django-ninja.yaml")
    files = {
        "alice": "app_kind: ml\napi_clients: yes\nadmin: no\nteam: fastapi\n",
        "bob": "app_kind: content\nadmin: yes\nteam: django\nsecurity: [caching]\n"
        "add_ons: no\nperformance: 2\n",
    }
    resolved = {}
    for name, text in files.items():
        (in_tmp / f"{name}.yaml").write_text(text)
        single = ("advise", "--criteria", criteria, "--answers", f"{name}.yaml", "--defaults")
        alone = json.loads(cli(*single, "--format", "json").stdout)
        resolved[name] = {a["question"]: a["answer"] for a in alone["answers"]}
    team = ["advise", "--criteria", criteria, "--answers", "alice.yaml", "--answers", "bob.yaml"]
    data = json.loads(cli(*team, "--format", "json").stdout)
    leader = data["combined"]["verdict"]["winner"]
    assert data["agenda"]
    assert any(s["excluded"] for s in data["combined"]["scores"])
    for item in data["agenda"]:
        qid = item["question"]
        values = [r[qid] for r in resolved.values() if qid in r]
        margins = []
        for value in [v for i, v in enumerate(values) if v not in values[:i]]:
            aligned = []
            for name, text in files.items():
                answers = yaml.safe_load(text)
                answers[qid] = value
                (in_tmp / f"{name}-aligned.yaml").write_text(yaml.safe_dump(answers))
                aligned += ["--answers", f"{name}-aligned.yaml"]
            rerun = json.loads(
                cli("advise", "--criteria", criteria, *aligned, "--format", "json").stdout
            )
            eligible = [s for s in rerun["combined"]["scores"] if not s["excluded"]]
            if len(eligible) >= 2:  # the margin between the first two eligible options
                margin = eligible[0]["score"] - eligible[1]["score"]
                margins.append(margin if eligible[0]["option"] == leader else -margin)
        if len(margins) < 2:
            assert item["swing"] is None, item
        else:
            assert abs((max(margins) - min(margins)) - item["swing"]) < 0.02, item


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (["--preset", "cms"], "clear"),
        (["--defaults", *CLOSE_CALLS["tie-breaker"]], "close"),
        (
            ["--preset", "api-microservice", "--set", "security=admin", "--set", "add_ons=no"],
            "only",
        ),
        (["--defaults", "--set", "performance=4", "--set", "team=django"], "tie"),
    ],
)
def test_every_verdict_kind_saves_and_replays(cli, in_tmp, args: list[str], kind: str) -> None:
    saved = cli("advise", *args, "--save-answers", "saved.yaml", "--format", "json")
    assert saved.exit_code == 0, saved.stderr
    assert json.loads(saved.stdout)["verdict"]["kind"] == kind
    replay = cli("advise", "--answers", "saved.yaml", "--format", "json")
    assert replay.exit_code == 0, replay.stderr
    data = json.loads(replay.stdout)
    assert data["verdict"]["kind"] == kind
    assert data["replay"]["criteria_changed"] is False
