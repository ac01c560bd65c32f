"""The analysis itself: bytes to located diagnostics, never stopping at the first problem.

1. decode and parse the YAML (fatal problems end here: nothing else can be read);
2. validate the data against the format (``fwchoice.criteria.fileformat``), which also
   leaves out each bad value so it is reported only once;
3. build the typed document from what is left;
4. run every registered semantic check (and, for lint, the scenarios).
"""

from typing import Any

from fwchoice.criteria.build import build_document
from fwchoice.criteria.fileformat import DOCUMENT
from fwchoice.criteria.located import Collector
from fwchoice.criteria.model import Document
from fwchoice.criteria.schema import INVALID, type_name
from fwchoice.criteria.yamlfile import YamlProblem, decode, parse
from fwchoice.diagnostics import Diagnostic
from fwchoice.lint import notes, questionnaire, references  # noqa: F401 - registers checks
from fwchoice.lint.registry import CHECKS, CheckContext, Freshness
from fwchoice.record import NamedTuple


class Outcome(NamedTuple):
    document: Document | None
    diagnostics: list[Diagnostic]
    data: Any = None
    """The data as the format checked it (bad values left out), when it could be read."""


def run_pipeline(
    raw: bytes, file: str, *, full: bool, freshness: Freshness | None = None
) -> Outcome:
    """Analyse a file. ``full`` is lint's analysis: every check, scenarios and
    warnings included; without it, only what decides whether the file can be used."""
    try:
        text, encoding_problems = decode(raw, file)
        parsed = parse(text, file)
    except YamlProblem as problem:
        return Outcome(None, sorted(problem.diagnostics, key=Diagnostic.sort_key))
    collector = Collector(parsed)
    collector.diagnostics.extend(encoding_problems)
    if not isinstance(parsed.data, dict):
        collector(
            "FWC101",
            (),
            "the file must be a mapping that starts with `version: 1`, "
            f"not {type_name(parsed.data)}",
        )
        return Outcome(None, sorted(collector.diagnostics, key=Diagnostic.sort_key))
    cleaned = DOCUMENT.check(parsed.data, (), collector)
    for hidden in parsed.shadowed:
        spec = DOCUMENT.at(hidden.base)
        if spec is not None:
            hidden_collector = Collector(hidden)
            spec.check(hidden.data, hidden.base, hidden_collector)
            collector.diagnostics.extend(hidden_collector.diagnostics)
            collector.unreported += hidden_collector.unreported
            collector.unreported_errors += hidden_collector.unreported_errors
    document = None
    if cleaned is not INVALID:
        document = build_document(cleaned)
        if full:
            # The scenario check (and the scorer it needs) is imported only for
            # lint: loading a file for matrix or advise does not pay for it.
            from fwchoice.lint import scenarios  # noqa: F401 - registers its check
        context = CheckContext(document, parsed.data, collector, text, freshness or Freshness())
        wanted = [c for c in CHECKS if full or not c.lint_only]
        for registered in (c for c in wanted if not c.after_errors_only):
            registered.function(context)
        # A scenario scored on a file with a broken rating or weight would only
        # repeat that one problem, once per scenario: such checks wait for a clean file.
        if not collector.unreported_errors and not any(
            d.severity == "error" for d in collector.diagnostics
        ):
            for registered in (c for c in wanted if c.after_errors_only):
                registered.function(context)
    return Outcome(document, collector.finish(), None if cleaned is INVALID else cleaned)
