"""The built-in file carries the source comparison faithfully (values checked one by one)."""

from __future__ import annotations

import pytest

from conftest import SHIPPED
from fwchoice.criteria.loader import CriteriaSource
from fwchoice.lint.runner import load_criteria

DOC = load_criteria(CriteriaSource(SHIPPED, "criteria.yaml", "argument")).document

# The source's decision matrix, row by row: (label, FastAPI stars, Django + DRF stars).
SOURCE_MATRIX = [
    ("API Performance", 5, 3),
    ("Development Speed", 4, 5),
    ("Learning Curve", 4, 3),
    ("Documentation", 5, 4),
    ("Built-in Features", 2, 5),
    ("Type Safety", 5, 3),
    ("Community/Ecosystem", 4, 5),
    ("Async Support", 5, 3),
    ("Admin Interface", 1, 5),
    ("Testing Tools", 3, 5),
]

# The source's feature table: (row, FastAPI, Django + DRF).
SOURCE_FEATURES = [
    ("Documentation", "Auto-generated OpenAPI/Swagger", "Manual or third-party tools"),
    ("Data Validation", "Pydantic (automatic)", "DRF Serializers (manual)"),
    ("Authentication", "Manual or third-party", "Built-in (sessions, tokens, JWT)"),
    ("Database ORM", "No built-in ORM", "Django ORM (excellent)"),
    ("Admin Interface", "None", "Built-in admin panel"),
    ("File Uploads", "Manual handling", "Built-in support"),
    ("Permissions", "Custom implementation", "Comprehensive built-in system"),
    ("Caching", "Manual or third-party", "Built-in cache framework"),
    ("Testing", "Manual setup", "Comprehensive test framework"),
    ("Migrations", "No built-in support", "Automatic database migrations"),
]


def test_options() -> None:
    assert [o.label for o in DOC.options.values()] == ["FastAPI", "Django + DRF"]


def test_decision_matrix_matches_the_source() -> None:
    # The source's ten criteria, rated exactly as published; a criterion added from
    # research says so (in_source: false) and has no weight until an answer gives it one.
    from_source = [c for c in DOC.criteria.values() if c.in_source]
    rows = [(c.label, c.ratings["fastapi"], c.ratings["django"]) for c in from_source]
    assert rows == SOURCE_MATRIX
    for criterion in DOC.criteria.values():
        assert criterion.description
        assert criterion.rationale
    added = [c for c in DOC.criteria.values() if not c.in_source]
    assert [c.id for c in added] == ["support_horizon"]
    assert all(c.weight == 0 for c in added)


# Two rows are labelled more precisely than the source: the Documentation row
# compares the API docs (not the framework's manual), and "Authentication" is
# split into accounts and sessions, token authentication and JWT.
RELABELLED = {
    "Documentation": "Automatic API documentation",
    "Authentication": "User accounts and sessions",
}


def test_feature_table_keeps_the_published_cells_beside_the_corrections() -> None:
    from_source = [
        f for f in DOC.features.values() if "Not a row of the source" not in f.description
    ]
    rows = [
        (
            f.label,
            f.values["fastapi"].published or f.values["fastapi"].text,
            f.values["django"].published or f.values["django"].text,
        )
        for f in from_source
    ]
    assert rows == [(RELABELLED.get(label, label), a, b) for label, a, b in SOURCE_FEATURES]
    # Rows added from research say where they come from.
    added = [f for f in DOC.features.values() if f not in from_source]
    assert [f.id for f in added] == [
        "token_auth",
        "jwt",
        "websockets",
        "streaming",
        "background_jobs",
        "graphql",
    ]


# Each corrected fact, as the table now has it: (feature, option, built in, words the
# cell must say). A feature is built in when it ships with the framework's own
# package; an extra it needs installed is said, not counted against it.
CORRECTED_CELLS = [
    ("testing", "fastapi", True, ("TestClient", "httpx")),
    ("file_uploads", "fastapi", True, ("UploadFile", "python-multipart")),
    ("data_validation", "django", True, ("ModelSerializer",)),
    ("token_auth", "fastapi", True, ("fastapi.security",)),
    ("token_auth", "django", True, ("TokenAuthentication",)),
    ("jwt", "fastapi", False, ("PyJWT",)),
    ("jwt", "django", False, ("djangorestframework-simplejwt",)),
    ("authentication", "django", True, ("sessions",)),
    ("streaming", "django", True, ("StreamingHttpResponse", "ASGI")),
    ("streaming", "fastapi", True, ("EventSourceResponse",)),
    ("websockets", "django", False, ("Channels",)),
    ("websockets", "fastapi", True, ()),
    ("graphql", "fastapi", False, ("Strawberry",)),
    ("graphql", "django", False, ("Graphene-Django", "strawberry-django")),
    ("background_jobs", "django", False, ("Tasks API", "no worker")),
    ("background_jobs", "fastapi", False, ("BackgroundTasks",)),
]


@pytest.mark.parametrize(("feature", "option", "builtin", "words"), CORRECTED_CELLS)
def test_corrected_feature_cells(
    feature: str, option: str, builtin: bool, words: tuple[str, ...]
) -> None:
    value = DOC.features[feature].values[option]
    assert value.builtin is builtin
    for word in words:
        assert word in value.text, (feature, option, word)
    if not builtin:
        assert value.fill, "a gap names how teams fill it"
    # The row agrees with what its own notes support (lint's FWC218, as data).
    for note in DOC.features[feature].notes:
        if option in note.supports:
            assert note.supports[option] is builtin


def test_the_add_ons_the_report_names() -> None:
    assert "Channels" in DOC.features["websockets"].values["django"].fill
    assert "Strawberry" in DOC.features["graphql"].values["fastapi"].fill
    assert "Graphene-Django" in DOC.features["graphql"].values["django"].fill
    assert "SQLAdmin" in DOC.features["admin"].values["fastapi"].fill
    assert "Celery" in DOC.features["background_jobs"].values["fastapi"].fill


def test_hybrid_mounts_django_with_a2wsgi() -> None:
    hybrid = DOC.hybrids["fastapi_front_django_mounted"]
    assert "a2wsgi" in hybrid.summary
    assert any("from a2wsgi import WSGIMiddleware" in step for step in hybrid.steps)


def test_benchmark_notes_know_techempower_is_sunset() -> None:
    note = DOC.benchmarks["simple_endpoint"].notes[0]
    assert "sunsetting" in note.text
    assert "March 2025" not in note.text
    assert any(s.date == "2026-03-24" for s in note.sources)


def test_every_note_is_sourced_and_honestly_dated() -> None:
    sections = [DOC.options, DOC.criteria, DOC.features, DOC.benchmarks, DOC.alternatives]
    for section in sections:
        for entry in section.values():
            for note in entry.notes:
                assert note.sources, entry.id
                assert note.checked == "2026-12-07", entry.id
                for source in note.sources:
                    assert source.date or source.version, (entry.id, source.title)
                    assert not source.date or source.date <= note.checked


def test_benchmarks_match_the_source() -> None:
    simple, database = DOC.benchmarks.values()
    assert (simple.results["fastapi"].value, simple.results["django"].value) == (15000, 5000)
    assert (database.results["fastapi"].value, database.results["django"].value) == (8000, 4000)
    assert database.results["fastapi"].setup == "FastAPI + SQLAlchemy"
    assert database.results["django"].setup == "Django + ORM"
    assert {b.unit for b in (simple, database)} == {"req/s"}
    assert simple.approximate
    assert database.approximate


def test_use_cases_and_choose_when() -> None:
    fastapi, django = DOC.options.values()
    assert len(fastapi.ideal_for) == len(django.ideal_for) == 5
    assert len(fastapi.choose_when) == len(django.choose_when) == 5
    assert [e.label for e in fastapi.examples] == [
        "IoT data collection service",
        "Machine learning model serving",
    ]
    assert [e.label for e in django.examples] == [
        "E-commerce platform",
        "Content management system",
    ]
    assert len(DOC.hybrids) == 2
    assert {a.id: a.scope for a in DOC.alternatives.values()} == {
        "django_ninja": "beside",
        "data_app_frameworks": "outside",
        "static_site_generator": "outside",
    }


def test_dated_and_disputed_claims_carry_notes_with_sources() -> None:
    flagged = {
        "api_performance": "disputed",
        "learning_curve": "unsourced",
        "documentation": "disputed",
        "community": "dated",
        "async_support": "dated",
        "testing_tools": "disputed",
    }
    for cid, status in flagged.items():
        notes = DOC.criteria[cid].notes
        assert notes, cid
        assert notes[0].status == status, cid
        if status != "unsourced":
            assert all(s.url.startswith("https://") for s in notes[0].sources), cid
    # Where the research puts a rating elsewhere, the file carries it as data
    # (research/claims-and-evidence.md, "Suggested evidence ratings").
    evidence = {cid: dict(c.evidence) for cid, c in DOC.criteria.items() if c.evidence}
    assert evidence == {
        "documentation": {"django": 5},
        "community": {"fastapi": 5},
        "testing_tools": {"fastapi": 4},
    }
    for fid in ("authentication", "data_validation", "file_uploads", "testing"):
        assert DOC.features[fid].notes[0].status == "disputed", fid
    assert DOC.benchmarks["simple_endpoint"].notes[0].status == "unsourced"
    assert DOC.benchmarks["with_database"].notes[0].status == "disputed"


def test_questionnaire_presets_and_scenarios() -> None:
    assert 8 <= len(DOC.questions) <= 14
    assert {q.type for q in DOC.questions.values()} == {"single", "multiple", "yes_no", "scale"}
    assert any(q.when for q in DOC.questions.values())
    assert set(DOC.presets) >= {
        "iot-ingestion",
        "ml-serving",
        "ecommerce",
        "cms",
        "api-microservice",
        "fullstack-webapp",
    }
    expected = {
        "iot-ingestion": "fastapi",
        "ml-serving": "fastapi",
        "ecommerce": "django",
        "cms": "django",
    }
    for sid, winner in expected.items():
        assert DOC.scenarios[sid].expect_winner == winner
        assert DOC.scenarios[sid].preset == sid
