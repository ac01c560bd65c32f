"""Hostile YAML is refused quickly, with bounded work, and located."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from fwchoice.criteria.loader import MAX_BYTES, CriteriaSource
from fwchoice.lint.runner import analyse, analyse_source


def codes(raw: bytes) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in analyse(raw, "f.yaml", full=True).diagnostics]


def test_billion_laughs_is_refused_with_bounded_memory() -> None:
    lines = ['a0: &a0 "lol"']
    for i in range(1, 30):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    bomb = ("\n".join(lines) + "\n").encode()
    tracemalloc.start()
    found = codes(bomb)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert found[0] == (1, 5, "FWC006")
    assert {code for _, _, code in found} == {"FWC006"}
    # 9**29 strings if expanded; refused while the file is still a few KB of events.
    assert peak < 20 * 1024 * 1024


def test_self_referencing_alias_is_refused() -> None:
    assert {c for _, _, c in codes(b"a: &a [*a]\n")} == {"FWC006"}


def test_ten_thousand_levels_of_nesting() -> None:
    deep = b"version: 1\nx: " + b"[" * 10_000 + b"]" * 10_000 + b"\n"
    assert [c for _, _, c in codes(deep)] == ["FWC007"]


def test_block_nesting_beyond_the_format_is_refused() -> None:
    text = "version: 1\n" + "".join("  " * i + f"k{i}:\n" for i in range(40)) + "  " * 40 + "x\n"
    assert "FWC007" in {c for _, _, c in codes(text.encode())}


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.write(b"version: 1\n")
        handle.write(b"# padding\n" * (MAX_BYTES // 10 + 1))
    analysis, _ = analyse_source(CriteriaSource(big, "big.yaml", "argument"), full=True)
    assert [(d.line, d.column, d.code) for d in analysis.diagnostics] == [(1, 1, "FWC001")]


def test_non_utf8_is_located() -> None:
    assert codes(b"version: 1\ntitle: caf\xe9\n") == [(2, 11, "FWC002")]


def test_utf16_is_refused_as_a_byte_order_mark() -> None:
    assert codes("version: 1\n".encode("utf-16")) == [(1, 1, "FWC003")]


def test_control_character_is_a_syntax_error() -> None:
    assert codes(b"version: 1\ntitle: a\x07b\n") == [(2, 9, "FWC004")]


def test_huge_integer_is_reported_not_raised() -> None:
    found = codes(b"version: 1\ntitle: x\nbig: " + b"9" * 5000 + b"\n")
    assert (3, 6, "FWC101") in found
