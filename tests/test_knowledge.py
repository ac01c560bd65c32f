"""What the built-in file knows, as a user meets it: the corrected facts, the default
ratings, the questions experts ask, the approaches beyond the two options and the
edges of the comparison."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHIPPED


def advise(cli, *args: str) -> dict:
    result = cli("advise", "--criteria", str(SHIPPED), "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def text(cli, *args: str) -> list[str]:
    result = cli("advise", "--criteria", str(SHIPPED), *args, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


# --- token authentication and JWT ---------------------------------------------------------


def test_token_auth_without_add_ons_excludes_neither(cli) -> None:
    # Both ship token authentication (fastapi.security; DRF's TokenAuthentication):
    # the must-have excludes no one, and the verdict is an ordinary one.
    data = advise(cli, "--defaults", "--set", "app_kind=ml", "--set", "security=tokens",
                  "--set", "add_ons=no")  # fmt: skip
    assert data["verdict"]["kind"] == "clear"
    assert data["verdict"]["winner"] == "fastapi"
    assert data["exclusions"] == []
    lines = text(cli, "--defaults", "--set", "app_kind=ml", "--set", "security=tokens",
                 "--set", "add_ons=no")  # fmt: skip
    assert "only option" not in "\n".join(lines)
    assert "JWT" not in "\n".join(lines[:12])


@pytest.mark.parametrize("add_ons", ["yes", "no"])
def test_jwt_must_have_excludes_neither_side(cli, add_ons: str) -> None:
    # Neither ships JWT: a must-have both meet only with an add-on never excludes one.
    for app_kind, winner in (("ml", "fastapi"), ("content", "django")):
        data = advise(cli, "--defaults", "--set", f"app_kind={app_kind}", "--set",
                      "security=jwt", "--set", f"add_ons={add_ons}")  # fmt: skip
        assert data["exclusions"] == []
        assert data["verdict"]["winner"] == winner
        [caveat] = [c for c in data["caveats"] if c["feature"] == "jwt"]
        assert caveat["shared"] is True
        assert caveat["must_have"] is True


def test_a_must_have_one_side_lacks_still_excludes_it(cli) -> None:
    data = advise(cli, "--defaults", "--set", "security=admin", "--set", "add_ons=no")
    assert data["verdict"]["kind"] == "only"
    assert [e["option"] for e in data["exclusions"]] == ["fastapi"]


# --- which ratings count ----------------------------------------------------------------


def test_default_scores_use_the_best_supported_ratings(cli) -> None:
    # Defaults: weights API 3, Dev 2, Learning 3, Docs 3, Built-in 1, Types 3,
    # Community 2, Async 2, Admin 0, Testing 2 (Support Horizon 0), of 21 x 5 = 105.
    # Published: FastAPI 91, Django 80. Evidence: Docs Django 5 (+3), Community
    # FastAPI 5 (+2), Testing FastAPI 4 (+2): FastAPI 95, Django 83.
    evidence = advise(cli, "--defaults")
    assert evidence["method"]["ratings"] == "evidence"
    scores = {s["option"]: s["score"] for s in evidence["scores"]}
    assert scores == {"fastapi": round(9500 / 105, 2), "django": round(8300 / 105, 2)}
    source = advise(cli, "--defaults", "--ratings", "source")
    scores = {s["option"]: s["score"] for s in source["scores"]}
    assert scores == {"fastapi": round(9100 / 105, 2), "django": round(8000 / 105, 2)}
    # Each report carries the other set's verdict.
    assert evidence["evidence"]["other_verdict"]["scores"] == {
        "fastapi": round(9100 / 105, 2),
        "django": round(8000 / 105, 2),
    }


def test_source_ratings_leave_out_the_criteria_added_from_research(cli) -> None:
    data = advise(cli, "--preset", "long-lived-platform", "--ratings", "source")
    assert "support_horizon" not in [w["criterion"] for w in data["weights"]]
    default = advise(cli, "--preset", "long-lived-platform")
    horizon = next(w for w in default["weights"] if w["criterion"] == "support_horizon")
    assert horizon["weight"] == 4  # 0 + 1 (long-lived) + 3 (long-term support)


def test_a_reason_on_a_published_rating_the_evidence_contradicts_says_so(cli) -> None:
    flat = " ".join(
        " ".join(text(cli, "--preset", "api-microservice", "--ratings", "source")).split()
    )
    assert "Testing Tools (Django + DRF 5 of 5, FastAPI 3; disputed)" in flat
    # Scored by the evidence (the default), a reason says what was published instead.
    data = advise(cli, "--preset", "api-microservice", "--set", "team=django")
    reasons = [r for r in data["reasons"] + data["counter_reasons"] if r["disputed"]]
    assert all(r["winner_rating"] is not None for r in reasons)


def test_matrix_shows_published_and_evidence_ratings_side_by_side(cli) -> None:
    out = cli("matrix", "--criteria", str(SHIPPED), "--section", "matrix",
              env={"COLUMNS": "100"}).stdout  # fmt: skip
    testing = next(line for line in out.splitlines() if line.startswith("Testing Tools"))
    assert "3 → 4" in testing
    flat = " ".join(out.split())
    assert "added from research: Support Horizon" in flat


# --- the questions experts ask -----------------------------------------------------------


def test_follow_ups_appear_only_when_called_for(cli) -> None:
    data = json.loads(cli("questions", "--criteria", str(SHIPPED), "--format", "json").stdout)
    by_id = {q["id"]: q for q in data["questions"]}
    unconditional = [q for q in by_id.values() if not q["when"]]
    assert len(unconditional) <= 11  # about ten answers finish the questionnaire
    assert by_id["upgrades"]["when"]
    assert by_id["workload"]["when"]
    defaults = advise(cli, "--defaults")
    answered = {a["question"] for a in defaults["answers"]}
    assert "upgrades" not in answered
    assert "workload" in answered
    dashboard = advise(cli, "--defaults", "--set", "app_kind=dashboard")
    assert "workload" not in {a["question"] for a in dashboard["answers"]}


def test_support_horizon_moves_a_long_lived_system(cli) -> None:
    lts = advise(cli, "--preset", "long-lived-platform")
    keep_up = advise(cli, "--preset", "long-lived-platform", "--set", "upgrades=keep_up")
    assert lts["verdict"]["winner"] == "django"
    assert keep_up["verdict"]["winner"] == "fastapi"
    short = advise(cli, "--preset", "long-lived-platform", "--set", "timeline=balanced")
    assert "upgrades" not in {a["question"] for a in short["answers"]}


def test_a_django_real_time_chat_names_channels(cli) -> None:
    data = advise(cli, "--preset", "django-realtime-chat")
    assert data["verdict"]["winner"] == "django"
    [websockets] = [c for c in data["caveats"] if c["feature"] == "websockets"]
    assert "Channels" in websockets["fill"]
    summary = "\n".join(text(cli, "--preset", "django-realtime-chat")[:20])
    assert "Django Channels" in summary


def test_streaming_needs_no_channels_on_django(cli) -> None:
    data = advise(cli, "--defaults", "--set", "app_kind=content", "--set", "team=django",
                  "--set", "workload=streaming")  # fmt: skip
    assert data["verdict"]["winner"] == "django"
    assert not {"streaming", "websockets"} & {c["feature"] for c in data["caveats"]}
    streamed = advise(cli, "--defaults", "--set", "workload=streaming")
    plain = advise(cli, "--defaults")
    weight = {w["criterion"]: w["weight"] for w in streamed["weights"]}
    assert (
        weight["async_support"]
        == 2 + {w["criterion"]: w["weight"] for w in plain["weights"]}["async_support"]
    )


@pytest.mark.parametrize(
    ("team", "library"), [("neither", "Strawberry"), ("django", "Graphene-Django")]
)
def test_a_graphql_api_names_its_libraries(cli, team: str, library: str) -> None:
    data = advise(cli, "--preset", "graphql-api", "--set", f"team={team}")
    [graphql] = [c for c in data["caveats"] if c["feature"] == "graphql"]
    assert library in graphql["fill"]


def test_background_jobs_name_a_worker(cli) -> None:
    data = advise(cli, "--defaults", "--set", "workload=jobs")
    [jobs] = [c for c in data["caveats"] if c["feature"] == "background_jobs"]
    assert "Celery" in jobs["fill"]


# --- Django Ninja -------------------------------------------------------------------------


def test_admin_and_a_typed_api_offer_django_ninja(cli) -> None:
    data = advise(cli, "--preset", "typed-api-with-admin")
    assert [(a["id"], a["scope"]) for a in data["alternatives"]] == [("django_ninja", "beside")]
    ninja = data["alternatives"][0]
    assert ninja["reasons"]
    assert ninja["trade_offs"]
    assert {c["question"] for c in ninja["because"]} == {"admin", "type_safety"}
    lines = text(cli, "--preset", "typed-api-with-admin")
    assert any(line.startswith("Also consider: Django Ninja") for line in lines[:25])


@pytest.mark.parametrize(
    "args",
    [
        ("--preset", "api-microservice"),
        ("--defaults", "--set", "admin=yes"),
        ("--defaults", "--set", "admin=yes", "--set", "type_safety=unsure"),
    ],
)
def test_django_ninja_is_not_offered_without_its_condition(cli, args) -> None:
    assert advise(cli, *args)["alternatives"] == []


# --- the edges of the comparison --------------------------------------------------------


def test_a_data_dashboard_hears_streamlit_and_dash_before_any_score(cli) -> None:
    lines = text(cli, "--preset", "data-dashboard")
    assert lines[0].startswith("Outside this comparison")
    first_score = next(
        i
        for i, line in enumerate(lines)
        if line.startswith(("Recommendation", "Close call", "A tie"))
    )
    before = " ".join(lines[:first_score])
    for name in ("Streamlit", "Dash", "Panel"):
        assert name in before
    data = advise(cli, "--preset", "data-dashboard")
    assert [a["scope"] for a in data["alternatives"]] == ["outside"]


def test_the_record_leads_with_the_edge_too(cli) -> None:
    result = cli("advise", "--criteria", str(SHIPPED), "--preset", "data-dashboard",
                 "--format", "markdown")  # fmt: skip
    body = result.stdout.split("## Context and Problem Statement")[0]
    assert "Outside this comparison" in body
    assert "Streamlit" in body


def test_a_static_site_hears_of_a_generator(cli) -> None:
    lines = text(cli, "--defaults", "--set", "app_kind=static")
    assert lines[0].startswith("Outside this comparison")
    assert "Pelican" in " ".join(lines[:4])


def test_an_api_is_inside_the_comparison(cli) -> None:
    lines = text(cli, "--defaults")
    assert lines[0].startswith("Recommendation")


# --- scenarios can expect alternatives -------------------------------------------------


def test_lint_checks_a_scenarios_alternatives(cli, tmp_path: Path) -> None:
    edited = SHIPPED.read_text("utf-8").replace(
        "expect: {winner: django, alternatives: [django_ninja]}",
        "expect: {winner: django, alternatives: []}",
    )
    path = tmp_path / "criteria.yaml"
    path.write_text(edited, encoding="utf-8")
    result = cli("lint", str(path))
    assert result.exit_code == 1
    assert "FWC401" in result.stdout
    assert "expects the alternatives none but the answers call for django_ninja" in result.stdout
