"""The core never imports the terminal layer; imports run one way, down the layers, in no cycle."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path

import pytest

CORE = [
    "fwchoice.criteria.answers",
    "fwchoice.criteria.build",
    "fwchoice.criteria.fileformat",
    "fwchoice.lint.runner",
    "fwchoice.criteria.loader",
    "fwchoice.criteria.model",
    "fwchoice.criteria.schema",
    "fwchoice.decide.scoring",
    "fwchoice.criteria.yamlfile",
]
UI = ("typer", "rich", "questionary", "prompt_toolkit", "click")


def imported_after(code: str) -> set[str]:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui(module: str) -> None:
    loaded = imported_after(f"import {module}")
    leaked = sorted(m for m in loaded if m.split(".")[0] in UI)
    assert not leaked, f"{module} pulls in {leaked}"


# --- the import graph: no cycles, and layers that import one way ---------------------------

SRC = Path(__file__).resolve().parents[1] / "src" / "fwchoice"

LAYERS: tuple[tuple[str, ...], ...] = (
    # Shared by every layer: records, the text gate, errors and diagnostics, files out.
    (
        "fwchoice",
        "fwchoice.adr",
        "fwchoice.artifact_uri",
        "fwchoice.codes",
        "fwchoice.dates",
        "fwchoice.diagnostics",
        "fwchoice.errors",
        "fwchoice.hints",
        "fwchoice.inputs",
        "fwchoice.outputs",
        "fwchoice.pathkind",
        "fwchoice.record",
        "fwchoice.sanitize",
    ),
    ("fwchoice.criteria",),
    ("fwchoice.decide", "fwchoice.comparison"),
    (
        "fwchoice.render",
        "fwchoice.lint",
        "fwchoice.prompts",
        "fwchoice.prompt_lines",
        "fwchoice.plain_prompts",
    ),
    ("fwchoice.commands", "fwchoice.console", "fwchoice.completion", "fwchoice.pager"),
    ("fwchoice.cli", "fwchoice.__main__"),
)
"""STYLE.md's layers, lowest first: a module imports only from its own layer or below."""
APART = {("fwchoice.render", "fwchoice.lint"), ("fwchoice.lint", "fwchoice.render")}
"""Neighbours in one layer that do not import each other: rendering and checking."""


def module_names() -> dict[str, Path]:
    names = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def imports_of(name: str, path: Path, known: Collection[str]) -> set[str]:
    """Every fwchoice module ``name`` imports: at the top, inside functions, and for type
    checking alike (a lazy import still ties the two modules together)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                # `from fwchoice.decide import advice` imports the module `advice`.
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {m for m in found if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    names = module_names()
    return {name: imports_of(name, path, names) for name, path in names.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one node (Tarjan), each a cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def home(module: str) -> str:
    """The unit a module belongs to: its subpackage, or itself at the top level."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 2 or (SRC / parts[-1]).is_dir() else module


def layer(module: str) -> int:
    unit = home(module)
    for rank, members in enumerate(LAYERS):
        if unit in members:
            return rank
    raise AssertionError(f"{module} has no layer: add it to LAYERS in {__file__}")


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(import_graph()) == []


def test_no_package_imports_itself_through_others() -> None:
    packages: dict[str, set[str]] = {}
    for module, targets in import_graph().items():
        packages.setdefault(home(module), set()).update(home(t) for t in targets)
    for unit, targets in packages.items():
        targets.discard(unit)
    assert cycles(packages) == []


def test_every_import_goes_down_the_layers() -> None:
    wrong = [
        f"{module} -> {target}"
        for module, targets in import_graph().items()
        for target in sorted(targets)
        if layer(target) > layer(module) or (home(module), home(target)) in APART
    ]
    assert wrong == []


def test_the_graph_checks_see_a_cycle_and_a_wrong_way_import(tmp_path: Path) -> None:
    # The checks above must be able to fail: a lazy import back closes a cycle, and the
    # criteria layer importing lint goes the wrong way.
    ring = {
        "fwchoice.a": {"fwchoice.b"},
        "fwchoice.b": {"fwchoice.c"},
        "fwchoice.c": {"fwchoice.a"},
    }
    assert cycles(ring) == [["fwchoice.a", "fwchoice.b", "fwchoice.c"]]
    source = tmp_path / "fake.py"
    source.write_text("def f():\n    from ..lint import runner\n", encoding="utf-8")
    found = imports_of("fwchoice.criteria.fake", source, module_names())
    assert found == {"fwchoice.lint.runner"}
    assert layer("fwchoice.lint.runner") > layer("fwchoice.criteria.fake")


@pytest.mark.parametrize(
    ("command", "module"),
    [
        ("advise", "advice_output"),
        ("lint", "lint"),
        ("matrix", "matrix"),
        ("questions", "questions"),
        ("review", "review"),
    ],
)
def test_a_commands_formats_are_its_formats_table(command: str, module: str) -> None:
    # Declared once: the CLI offers exactly the names the command can render.
    import importlib

    import typer

    from fwchoice.cli import SUBCOMMANDS

    built = typer.main.get_command(SUBCOMMANDS[command])
    option = next(p for p in built.params if p.name == "output_format")
    table = importlib.import_module(f"fwchoice.commands.{module}").FORMATS
    assert tuple(option.type.choices) == tuple(table)  # type: ignore[attr-defined]
    assert option.default in table


LONGEST = 80
"""Lines a function may take; a CLI command's option declarations do not count."""


def test_no_function_is_longer_than_a_screen() -> None:
    long = []
    for name, path in module_names().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            declares_options = name == "fwchoice.cli" and any(
                isinstance(d, ast.Call) and getattr(d.func, "id", "") == "command"
                for d in node.decorator_list
            )
            first = node.body[0].lineno if declares_options else node.lineno
            assert node.end_lineno is not None
            if node.end_lineno - first + 1 > LONGEST:
                long.append(f"{name}.{node.name}: {node.end_lineno - first + 1} lines")
    assert long == []
