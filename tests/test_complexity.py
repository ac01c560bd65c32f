"""Inputs within the limits never stall (issue 20): doubling an input at most doubles
the work. Work is counted (calls, products, lines), never timed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import SHIPPED
from fwchoice.criteria.loader import resolve_source
from fwchoice.decide import robustness as robustness_module
from fwchoice.lint.runner import load_criteria


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    # (A monkeypatch of its own: undoing it must not undo the test's working directory.)
    """Count calls of ``module.name`` (and, for a dot product, the terms it sums)."""
    calls = [0, 0]
    original = getattr(module, name)

    def counted(*args: object) -> object:
        calls[0] += 1
        first = args[0]
        calls[1] += len(first) if isinstance(first, (list, tuple)) else 1
        return original(*args)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.mark.parametrize("answers_file", [False, True], ids=["--set", "answers file"])
def test_a_long_comma_list_is_read_in_linear_work(cli, in_tmp: Path, answers_file: bool) -> None:
    from fwchoice.criteria.question_types import multiple

    work = []
    for size in (2_000, 4_000):
        monkeypatch = pytest.MonkeyPatch()
        calls = _counting(monkeypatch, multiple, "by_id_or_label")
        text = ",".join(["accounts", "permissions", " uploads "] * (size // 3))
        if answers_file:
            (in_tmp / "a.yaml").write_text(yaml.safe_dump({"security": text}))
            given = ["--answers", "a.yaml"]
        else:
            given = ["--set", f"security={text}"]
        result = cli("advise", "--criteria", str(SHIPPED), *given, "--defaults", "--format",
                     "json")  # fmt: skip
        assert result.exit_code == 0, result.stderr
        work.append(calls[0])
        monkeypatch.undo()
    assert work[1] <= 2 * work[0] + 10, work


def _document(criteria: int, options: int = 4) -> dict[str, object]:
    ratings = [{f"o{i}": (k * 7 + i * 3) % 6 for i in range(options)} for k in range(criteria)]
    return {
        "version": 1,
        "title": "generated",
        "options": {f"o{i}": {"label": f"Option {i}"} for i in range(options)},
        "criteria": {
            f"c{k}": {"label": f"C {k}", "description": "d", "weight": 1 + k % 5, "ratings": row}
            for k, row in enumerate(ratings)
        },
    }


@pytest.mark.parametrize("start", [50, 500])
def test_robustness_work_at_most_doubles_and_is_capped(tmp_path: Path, start: int) -> None:
    """Below the cap the work grows with the criteria; past it, it stays at the cap."""
    work, samples = [], []
    for criteria in (start, 2 * start):
        path = tmp_path / f"c{criteria}.yaml"
        path.write_text(yaml.safe_dump(_document(criteria), sort_keys=False))
        document = load_criteria(resolve_source(str(path))).document
        monkeypatch = pytest.MonkeyPatch()
        calls = _counting(monkeypatch, robustness_module, "fsum")
        result = robustness_module.robustness(document, {})
        work.append(calls[1])
        samples.append(result.samples)
        monkeypatch.undo()
    assert work[1] <= 2 * work[0] + 1_000, (work, samples)
    options = 4
    for count, made in zip((start, 2 * start), samples, strict=True):
        # Each variation sums one product per varied weight and rival option.
        assert made >= robustness_module.MIN_SAMPLES
        assert made * count * options <= max(
            robustness_module.WORK, robustness_module.MIN_SAMPLES * count * options
        )


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_lint_output_is_capped_however_many_problems(in_tmp: Path, cli, fmt: str) -> None:
    sizes = []
    for count in (3_000, 6_000):
        (in_tmp / "dups.yaml").write_text("version: 1\n" + "x: 1\n" * count)
        sizes.append(len(cli("lint", "dups.yaml", "--format", fmt).stdout))
    assert sizes[1] <= sizes[0] * 1.01
