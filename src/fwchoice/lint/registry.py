"""The registry of semantic checks: each is a small function with its codes.

A check receives a ``CheckContext`` and reports through it; it never prints
and never raises for bad data. Its docstring says what it catches.
"""

from collections.abc import Callable
from typing import Any, Protocol

from fwchoice.criteria.located import Where
from fwchoice.criteria.model import Document
from fwchoice.diagnostics import DataPath
from fwchoice.record import NamedTuple


class Reporter(Protocol):
    def __call__(self, code: str, path: DataPath, message: str, *, at: Where | None = None) -> None:
        """Record a diagnostic at ``path``: at its key or its value (default: by code)."""


class Freshness(NamedTuple):
    """How old a note's ``checked`` date may be (``lint --max-age``, ``--today``)."""

    max_age: int = 365
    today: str | None = None
    """YYYY-MM-DD; None: the local date."""


class CheckContext(NamedTuple):
    document: Document
    data: Any
    """The data as loaded, before the schema left out bad values."""
    reporter: Reporter
    source_text: str = ""
    """The file's text, for checks that can rule a problem out without walking the data."""
    freshness: Freshness = Freshness()

    def report(self, code: str, path: DataPath, message: str, *, at: Where | None = None) -> None:
        self.reporter(code, path, message, at=at)

    def section_ok(self, name: str) -> bool:
        """Whether a top-level section is a mapping (if it is not, that was reported,
        and references into it would only repeat the problem)."""
        return isinstance(self.data, dict) and isinstance(self.data.get(name, {}), dict)

    def present(self, path: DataPath) -> bool:
        """Whether the file wrote something at ``path``, valid or not."""
        node = self.data
        for step in path:
            in_mapping = isinstance(node, dict) and step in node
            in_list = isinstance(node, list) and isinstance(step, int) and step < len(node)
            if in_mapping or in_list:
                node = node[step]
            else:
                return False
        return True


CheckFunction = Callable[[CheckContext], None]


class Check(NamedTuple):
    function: CheckFunction
    codes: tuple[str, ...]
    lint_only: bool
    """Run by ``fwchoice lint`` only: scenarios (a file whose expectations went stale
    can still be explored) and checks that can only warn (other commands refuse a
    file for its errors, and do not show warnings)."""
    after_errors_only: bool = False
    """Run only when no error was found before it (scenarios: one bad rating would
    otherwise fail every scenario it touches, one diagnostic per scenario)."""

    @property
    def name(self) -> str:
        return self.function.__name__


CHECKS: list[Check] = []


def check(
    *codes: str, lint_only: bool = False, after_errors_only: bool = False
) -> Callable[[CheckFunction], CheckFunction]:
    def register(function: CheckFunction) -> CheckFunction:
        CHECKS.append(Check(function, codes, lint_only, after_errors_only))
        return function

    return register
