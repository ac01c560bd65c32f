"""The built-in file carries the source comparison faithfully (values checked one by one)."""

from __future__ import annotations

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
    rows = [(c.label, c.ratings["fastapi"], c.ratings["django"]) for c in DOC.criteria.values()]
    assert rows == SOURCE_MATRIX
    for criterion in DOC.criteria.values():
        assert criterion.description
        assert criterion.rationale


# Two rows say more than the source, each with a note: the Documentation row
# names what it compares (not the framework's manual), and DRF does not ship JWT.
CORRECTED = {
    "Documentation": ("Automatic API documentation", None),
    "Authentication": (
        "Authentication",
        "Built in: sessions, tokens, basic (JWT needs djangorestframework-simplejwt)",
    ),
}


def test_feature_table_matches_the_source() -> None:
    from_source = [
        f for f in DOC.features.values() if "Not a row of the source" not in f.description
    ]
    expected = []
    for label, fastapi, django in SOURCE_FEATURES:
        new_label, new_django = CORRECTED.get(label, (label, None))
        expected.append((new_label, fastapi, new_django or django))
    rows = [(f.label, f.values["fastapi"].text, f.values["django"].text) for f in from_source]
    assert rows == expected
    authentication = DOC.features["authentication"]
    assert authentication.notes[0].status == "disputed"
    assert "djangorestframework-simplejwt" in authentication.notes[0].text
    # Rows added from research say where they come from.
    added = [f for f in DOC.features.values() if f not in from_source]
    assert {f.id for f in added} == {"jwt", "websockets"}


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
    for fid in ("authentication", "file_uploads", "testing"):
        assert DOC.features[fid].notes[0].status == "disputed", fid
    assert DOC.benchmarks["simple_endpoint"].notes[0].status == "unsourced"
    assert DOC.benchmarks["with_database"].notes[0].status == "disputed"


def test_questionnaire_presets_and_scenarios() -> None:
    assert 8 <= len(DOC.questions) <= 12
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
