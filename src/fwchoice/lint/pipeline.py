"""The analysis itself: bytes to located diagnostics, never stopping at the first problem.

1. decode and parse the YAML (fatal problems end here: nothing else can be read);
2. validate the data against the format (``fwchoice.criteria.fileformat``), which also
   leaves out each bad value so it is reported only once;
3. build the typed document from what is left;
4. run every registered semantic check (and, for lint, the scenarios).
"""

from fwchoice.codes import severity_of
from fwchoice.criteria.build import build_document
from fwchoice.criteria.fileformat import DOCUMENT
from fwchoice.criteria.model import Document
from fwchoice.criteria.schema import INVALID, type_name
from fwchoice.criteria.yamlfile import ParsedYaml, YamlProblem, decode, parse
from fwchoice.diagnostics import DataPath, Diagnostic
from fwchoice.lint import questionnaire, references  # noqa: F401 - registers checks
from fwchoice.lint.registry import CHECKS, CheckContext, Where
from fwchoice.record import NamedTuple

# Problems about a value point at the value; the rest (unknown, missing,
# duplicate keys, undefined ids used as keys...) point at the key.
_VALUE_CODES = frozenset(
    {
        "FWC101",
        "FWC106",
        "FWC107",
        "FWC108",
        "FWC110",
        "FWC111",
        "FWC113",
        "FWC205",
        "FWC209",
        "FWC302",
        "FWC305",
        "FWC306",
        "FWC308",
        "FWC401",
    }
)


class _Collector:
    def __init__(self, parsed: ParsedYaml) -> None:
        self.parsed = parsed
        self.diagnostics: list[Diagnostic] = list(parsed.diagnostics)

    def __call__(self, code: str, path: DataPath, message: str, *, at: Where | None = None) -> None:
        where = at or ("value" if code in _VALUE_CODES else "key")
        span = self.parsed.locate(path, key=where == "key")
        self.diagnostics.append(
            Diagnostic(self.parsed.file, span, code, severity_of(code), message, path)
        )


class Outcome(NamedTuple):
    document: Document | None
    diagnostics: list[Diagnostic]


def run_pipeline(raw: bytes, file: str, *, full: bool) -> Outcome:
    """Analyse a file. ``full`` is lint's analysis: every check, scenarios and
    warnings included; without it, only what decides whether the file can be used."""
    try:
        text, encoding_problems = decode(raw, file)
        parsed = parse(text, file)
    except YamlProblem as problem:
        return Outcome(None, sorted(problem.diagnostics, key=Diagnostic.sort_key))
    collector = _Collector(parsed)
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
            hidden_collector = _Collector(hidden)
            spec.check(hidden.data, hidden.base, hidden_collector)
            collector.diagnostics.extend(hidden_collector.diagnostics)
    document = None
    if cleaned is not INVALID:
        document = build_document(cleaned)
        if full:
            # The scenario check (and the scorer it needs) is imported only for
            # lint: loading a file for matrix or advise does not pay for it.
            from fwchoice.lint import scenarios  # noqa: F401 - registers its check
        context = CheckContext(document, parsed.data, collector, text)
        for registered in CHECKS:
            if full or not registered.lint_only:
                registered.function(context)
    unique = {(d.span, d.code, d.message): d for d in collector.diagnostics}
    ordered = sorted(unique.values(), key=Diagnostic.sort_key)
    return Outcome(document, ordered)
