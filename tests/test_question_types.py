"""A question type is one module: registered once, it is asked, answered, scored, linted
and shown with no other change (``tests/question_type_ordered.py`` is the module)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import SHIPPED
from fwchoice.criteria.build import build_document
from fwchoice.criteria.question_types import KINDS
from fwchoice.decide.questionnaire import run_questionnaire
from question_type_ordered import KIND

TESTS = Path(__file__).resolve().parent
# Registered before the file format is first read, as a type listed in KINDS is.
REGISTERED = f"""
import sys
sys.path.insert(0, {str(TESTS)!r})
from fwchoice.criteria.question_types import register
from question_type_ordered import KIND
register(KIND)
from fwchoice.__main__ import main
sys.argv = ["fwchoice", *sys.argv[1:]]
main()
"""
PACE = {
    "text": "How fast must requests be served?",
    "type": "ordered",
    "default": "steady",
    "choices": {
        "relaxed": {"label": "Relaxed", "weights": {"api_performance": -1}},
        "steady": {"label": "Steady"},
        "fast": {"label": "As fast as possible", "weights": {"api_performance": 4}},
    },
}


def criteria_with(question: dict[str, object]) -> dict[str, object]:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    data["questions"] = {"pace": question, **data["questions"]}
    return data


@pytest.fixture
def criteria(tmp_path: Path) -> Path:
    path = tmp_path / "criteria.yaml"
    path.write_text(yaml.safe_dump(criteria_with(PACE), sort_keys=False), encoding="utf-8")
    return path


def fwchoice(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", REGISTERED, *args],
        cwd=cwd, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_it_is_linted_by_its_own_module(criteria: Path, tmp_path: Path) -> None:
    assert fwchoice("lint", "--strict", str(criteria), cwd=tmp_path).returncode == 0
    short = {**PACE, "choices": {k: PACE["choices"][k] for k in ("relaxed", "fast")}}  # type: ignore[index]
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(criteria_with(short), sort_keys=False), encoding="utf-8")
    result = fwchoice("lint", str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert "FWC301 error: an ordered question lists at least 3 choices" in result.stdout


def test_its_name_is_in_the_schema(tmp_path: Path) -> None:
    schema = json.loads(fwchoice("schema", cwd=tmp_path).stdout)
    question = schema["properties"]["questions"]["additionalProperties"]
    assert question["properties"]["type"]["enum"][-1] == "ordered"
    needs_choices = question["allOf"][0]
    assert "ordered" in needs_choices["if"]["properties"]["type"]["enum"]


def test_it_is_answered_and_scored(criteria: Path, tmp_path: Path) -> None:
    def advise(pace: str) -> dict:  # type: ignore[type-arg]
        result = fwchoice(
            "advise", "--criteria", str(criteria), "--defaults", "--set", f"pace={pace}",
            "--format", "json", cwd=tmp_path,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    fast, by_place = advise("fast"), advise("3")
    assert fast == by_place  # its place in the list is the same answer
    answer = next(a for a in fast["answers"] if a["question"] == "pace")
    assert (answer["answer"], answer["display"]) == ("fast", "As fast as possible")
    weight = next(w for w in fast["weights"] if w["criterion"] == "api_performance")
    assert {"question": "pace", "choice": "fast", "delta": 4} in [
        {k: c[k] for k in ("question", "choice", "delta")} for c in weight["changes"]
    ]
    steady = advise("steady")
    points = {s["option"]: s["score"] for s in fast["scores"]}
    assert points != {s["option"]: s["score"] for s in steady["scores"]}
    refused = fwchoice(
        "advise", "--criteria", str(criteria), "--defaults", "--set", "pace=4", cwd=tmp_path
    )
    assert refused.returncode == 2
    assert "its place from 1 to 3" in refused.stderr


def test_it_is_shown(criteria: Path, tmp_path: Path) -> None:
    listed = fwchoice("questions", "--criteria", str(criteria), cwd=tmp_path)
    assert "pace: How fast must requests be served? (one choice, or its place in the list;" in (
        listed.stdout
    )
    record = fwchoice(
        "advise", "--criteria", str(criteria), "--defaults", "--set", "pace=1",
        "--format", "markdown", cwd=tmp_path,
    )  # fmt: skip
    assert "- How fast must requests be served? **Relaxed**" in record.stdout


def test_it_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(KINDS, KIND.name, KIND)
    document = build_document(criteria_with(PACE))
    shown = []

    class Prompter:
        def ask(self, spec):  # type: ignore[no-untyped-def]
            shown.append(spec)
            if spec.question_id == "pace":
                return spec.choices[2].value
            return spec.default or spec.choices[0].value

        def review(self, items):  # type: ignore[no-untyped-def]
            return None

        def offer_early_finish(self, skipped, leader):  # type: ignore[no-untyped-def]
            return False

    result = run_questionnaire(document, {}, Prompter(), fill_defaults=False)
    pace = shown[0]
    assert (pace.question_id, pace.kind, pace.default) == ("pace", "select", "steady")
    assert [c.title for c in pace.choices][:3] == [
        "Relaxed [relaxed]",
        "Steady [steady]",
        "As fast as possible [fast]",
    ]
    assert result.answers["pace"].choices == ("fast",)
