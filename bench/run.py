"""fwchoice's benchmark: whole processes, each beside a floor measured in the same run.

    python bench/run.py            # the full run (11 runs each, scaling to 10,000 criteria)
    python bench/run.py --quick    # what CI prints (3 runs, scaling to 1,000)
    python bench/run.py --check    # exit 1 when a budget is missed

Times are medians of several runs after a warm-up, command and floor
alternating so that machine noise hits both alike; a figure is read as its
ratio to the floor, which is what the budgets are written in. Wall-clock
numbers vary between machines; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PYTHON = sys.executable
FWCHOICE = str(Path(PYTHON).parent / "fwchoice")
CRITERIA = str(REPO / "criteria.yaml")
START_UP_BUDGET = 1.25
ADVICE_BUDGET = 1.4
"""advise does real analysis (what would change it, robustness): its own budget."""
GROWTH_BUDGET = 11.0
MEMORY_BUDGET_MB = 200
LINT_VS_TOOLS_BUDGET = 0.2

MINIMAL_TYPER_APP = """
import typer, yaml, rich.console, rich.table

app = typer.Typer()


@app.command()
def main(name: str = typer.Option("x")) -> None:
    print(name)


app()
"""


def python_c(code: str) -> list[str]:
    return [PYTHON, "-c", code]


@dataclass
class Timing:
    median: float
    low: float
    high: float

    def text(self) -> str:
        return f"{self.median * 1000:7.1f} ms ({self.low * 1000:.0f}-{self.high * 1000:.0f})"


def run_once(
    command: Sequence[str], cwd: Path, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Seconds of wall time and peak memory (MiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"benchmark command failed ({process.returncode}): {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024


def first_prompt_once(command: Sequence[str], cwd: Path, marker: bytes) -> float:
    """Seconds until ``marker`` appears on a pseudo-terminal running ``command``."""
    main, secondary = pty.openpty()
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "100", "LINES": "40"},
    )
    os.close(secondary)
    seen = b""
    try:
        while marker not in seen:
            ready, _, _ = select.select([main], [], [], 10)
            if not ready:
                raise SystemExit(f"no prompt from {' '.join(command)}")
            seen += os.read(main, 65536)
        return time.perf_counter() - start
    finally:
        process.kill()
        process.wait()
        os.close(main)


def measure(
    pairs: list[tuple[Callable[[], float], Callable[[], float]]], runs: int
) -> list[tuple[Timing, Timing]]:
    """Run each (command, floor) pair ``runs`` times, alternating, after one warm-up."""
    samples: list[tuple[list[float], list[float]]] = [([], []) for _ in pairs]
    for command, floor in pairs:
        command()
        floor()
    for _ in range(runs):
        for (command, floor), (mine, base) in zip(pairs, samples, strict=True):
            mine.append(command())
            base.append(floor())
    return [(_timing(mine), _timing(base)) for mine, base in samples]


def _timing(values: list[float]) -> Timing:
    return Timing(statistics.median(values), min(values), max(values))


@dataclass
class Row:
    name: str
    mine: Timing
    floor_name: str
    floor: Timing
    budget: float | None

    @property
    def ratio(self) -> float:
        return self.mine.median / self.floor.median

    @property
    def ok(self) -> bool:
        return self.budget is None or self.ratio <= self.budget


def budget_of(name: str) -> float | None:
    if name.startswith("minimal"):
        return None
    return ADVICE_BUDGET if name.startswith("fwchoice advise --preset") else START_UP_BUDGET


def start_up(runs: int, work: Path) -> list[Row]:
    app = work / "minimal_typer_app.py"
    app.write_text(MINIMAL_TYPER_APP)
    records = work / "decisions"
    record = ["--adr-dir", str(records), "--date", "2026-12-01", "--format", "json"]
    subprocess.run(
        [FWCHOICE, "advise", "--preset", "ecommerce", "--criteria", CRITERIA, *record],
        cwd=work, stdout=subprocess.DEVNULL, check=True,
    )  # fmt: skip
    floors = {
        "import typer": python_c("import typer"),
        "import typer, yaml": python_c("import typer, yaml"),
        "import typer, yaml, rich.console, rich.table": python_c(
            "import typer, yaml, rich.console, rich.table"
        ),
    }
    cases = [
        ("fwchoice --version", [FWCHOICE, "--version"], "import typer"),
        (
            "fwchoice matrix",
            [FWCHOICE, "matrix", "--criteria", CRITERIA],
            "import typer, yaml, rich.console, rich.table",
        ),
        (
            "fwchoice matrix --format json",
            [FWCHOICE, "matrix", "--format", "json", "--criteria", CRITERIA],
            "import typer, yaml",
        ),
        (
            "fwchoice matrix --format csv",
            [FWCHOICE, "matrix", "--format", "csv", "--criteria", CRITERIA],
            "import typer, yaml",
        ),
        (
            "fwchoice matrix --format markdown",
            [FWCHOICE, "matrix", "--format", "markdown", "--criteria", CRITERIA],
            "import typer, yaml",
        ),
        ("fwchoice lint criteria.yaml", [FWCHOICE, "lint", "-q", CRITERIA], "import typer, yaml"),
        (
            "fwchoice questions",
            [FWCHOICE, "questions", "--criteria", CRITERIA],
            "import typer, yaml",
        ),
        (
            "fwchoice questions --format json",
            [FWCHOICE, "questions", "--format", "json", "--criteria", CRITERIA],
            "import typer, yaml",
        ),
        (
            "fwchoice review (one record)",
            [FWCHOICE, "review", "-q", str(records), "--criteria", CRITERIA],
            "import typer, yaml",
        ),
        (
            "fwchoice advise --preset ecommerce --format json",
            [
                FWCHOICE,
                "advise",
                "--preset",
                "ecommerce",
                "--format",
                "json",
                "--criteria",
                CRITERIA,
            ],
            "import typer, yaml",
        ),
        (
            "fwchoice advise --preset ecommerce",
            [FWCHOICE, "advise", "--preset", "ecommerce", "--criteria", CRITERIA],
            "import typer, yaml, rich.console, rich.table",
        ),
        (
            "minimal Typer app, one string option",
            [PYTHON, str(app), "--name", "y"],
            "import typer, yaml, rich.console, rich.table",
        ),
    ]
    pairs = [
        (
            (lambda c=command: run_once(c, work)[0]),
            (lambda f=floors[floor]: run_once(f, work)[0]),
        )
        for _, command, floor in cases
    ]
    prompt_floor = python_c(
        "import typer, yaml, rich.console, rich.table, questionary; print('?', flush=True)"
    )
    pairs.append(
        (
            lambda: first_prompt_once([FWCHOICE, "advise", "--criteria", CRITERIA], work, b"?"),
            lambda: first_prompt_once(prompt_floor, work, b"?"),
        )
    )
    results = measure(pairs, runs)
    rows = [
        Row(
            name,
            mine,
            floor,
            base,
            budget_of(name),
        )
        for (name, _, floor), (mine, base) in zip(cases, results, strict=False)
    ]
    mine, base = results[-1]
    rows.append(
        Row(
            "fwchoice advise: first question (pty)",
            mine,
            "import typer, yaml, rich, questionary",
            base,
            START_UP_BUDGET,
        )
    )
    return rows


def peers(runs: int, work: Path) -> list[tuple[str, Timing]]:
    found = [
        (f"{tool} --help", [path, "--help"])
        for tool in ("cz", "copier", "cookiecutter")
        if (path := shutil.which(tool))
    ]
    result = []
    for name, command in found:
        run_once(command, work)
        result.append((name, _timing([run_once(command, work)[0] for _ in range(runs)])))
    return result


def scaling(sizes: list[int], runs: int, work: Path) -> list[tuple[str, int, Timing, float]]:
    rows = []
    for size in sizes:
        path = work / f"criteria-{size}.yaml"
        path.write_text(generate(size), encoding="utf-8")
        commands = {
            "lint": [FWCHOICE, "lint", "-q", str(path)],
            "matrix --format json": [
                FWCHOICE,
                "matrix",
                "--format",
                "json",
                "--criteria",
                str(path),
            ],
            "advise --preset": [
                FWCHOICE,
                "advise",
                "--preset",
                "all-a",
                "--format",
                "json",
                "--criteria",
                str(path),
            ],
        }
        for name, command in commands.items():
            samples = [run_once(command, work) for _ in range(runs)]
            rows.append((name, size, _timing([s[0] for s in samples]), max(s[1] for s in samples)))
    return rows


def versus_tools(work: Path) -> list[tuple[str, float]]:
    """fwchoice lint against general-purpose tools on the same ~1 MB file."""
    path = work / "one-megabyte.yaml"
    path.write_text(generate(2600, padding=60), encoding="utf-8")
    schema = work / "criteria.schema.json"
    with schema.open("w") as handle:
        subprocess.run([FWCHOICE, "schema"], stdout=handle, check=True)
    tools = [("fwchoice lint", [FWCHOICE, "lint", "-q", str(path)])]
    if shutil.which("check-jsonschema"):
        tools.append(
            ("check-jsonschema", ["check-jsonschema", "--schemafile", str(schema), str(path)])
        )
    if shutil.which("yamllint"):
        tools.append(("yamllint", ["yamllint", "-d", "relaxed", str(path)]))
    size = path.stat().st_size / 1024 / 1024
    print(f"\nLint a {size:.2f} MiB criteria file (median of 3)")
    return [
        (name, statistics.median(run_once(cmd, work)[0] for _ in range(3))) for name, cmd in tools
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller files (CI)")
    parser.add_argument("--runs", type=int, help="runs per command (default 11, quick 3)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a budget is missed")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 11)
    print(
        f"fwchoice benchmark: {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs; {runs} runs each"
    )
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("\nStart-up: each command beside its floor (median, min-max)")
        print(f"{'command':46} {'time':>22}  {'floor':>22}  ratio  budget")
        for row in start_up(runs, work):
            mark = "" if row.budget is None else ("ok" if row.ok else "OVER")
            if row.budget:
                budget = f"<= {row.budget:.2f}x {mark}"
            elif row.name.startswith("minimal"):
                budget = "(the CLI framework's own cost)"
            print(
                f"{row.name:46} {row.mine.text():>22}  {row.floor.text():>22}  "
                f"{row.ratio:4.2f}x  {budget}"
            )
            print(f"{'':46}   floor: {row.floor_name}")
            failed |= not row.ok
        peer_rows = peers(max(3, runs // 3), work)
        if peer_rows:
            print("\nPeers, for scale")
            for name, timing in peer_rows:
                print(f"{name:46} {timing.text():>22}")
        sizes = [100, 1000] if args.quick else [100, 1000, 10000]
        print("\nScaling with the number of criteria (median time, peak memory)")
        table = scaling(sizes, max(3, runs // 3), work)
        by_command: dict[str, list[tuple[int, Timing, float]]] = {}
        for name, size, timing, memory in table:
            by_command.setdefault(name, []).append((size, timing, memory))
            print(f"{name:24} {size:>6} criteria  {timing.text():>22}  {memory:6.1f} MiB")
        for name, points in by_command.items():
            for (small, t_small, _), (big, t_big, memory) in itertools.pairwise(points):
                growth = t_big.median / t_small.median
                ok = growth <= GROWTH_BUDGET and memory <= MEMORY_BUDGET_MB
                failed |= not ok
                print(
                    f"  {name}: {small} -> {big} criteria: {growth:4.1f}x time "
                    f"(budget <= {GROWTH_BUDGET:.0f}x), {memory:.0f} MiB "
                    f"(budget <= {MEMORY_BUDGET_MB}) {'ok' if ok else 'OVER'}"
                )
        if not args.quick:
            results = versus_tools(work)
            for name, seconds in results:
                print(f"{name:24} {seconds * 1000:8.0f} ms")
            others = [s for name, s in results if name != "fwchoice lint"]
            if others:
                ratio = results[0][1] / min(others)
                ok = ratio <= LINT_VS_TOOLS_BUDGET
                failed |= not ok
                print(
                    f"  fwchoice lint / fastest general tool: {ratio:.2f}x "
                    f"(budget <= {LINT_VS_TOOLS_BUDGET}) {'ok' if ok else 'OVER'}"
                )
            else:
                print("  (install check-jsonschema and yamllint to compare)")
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
