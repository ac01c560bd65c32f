"""Problems found in parsed YAML, each located at the node it is about.

Used for criteria files (by lint's pipeline, before and during the semantic
checks) and for saved answers files: the same spec language, the same
positions, the same one-line messages.
"""

from __future__ import annotations

from typing import Any, Literal

from fwchoice.codes import severity_of
from fwchoice.criteria.schema import Spec
from fwchoice.criteria.yamlfile import MAX_REPORTED, ParsedYaml, capped
from fwchoice.diagnostics import DataPath, Diagnostic

Where = Literal["key", "value"]

# Problems about a value point at the value; the rest (unknown, missing,
# duplicate keys, undefined ids used as keys...) point at the key.
VALUE_CODES = frozenset(
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


class Collector:
    """Records problems reported by data path, located in ``parsed``; at most
    ``MAX_REPORTED`` of them, and then one FWC011 saying how many more there were."""

    def __init__(self, parsed: ParsedYaml) -> None:
        self.parsed = parsed
        self.diagnostics: list[Diagnostic] = list(parsed.diagnostics)
        self.unreported = parsed.unreported
        self.unreported_errors = parsed.unreported_errors

    def __call__(self, code: str, path: DataPath, message: str, *, at: Where | None = None) -> None:
        if len(self.diagnostics) >= MAX_REPORTED:
            self.unreported += 1
            self.unreported_errors += severity_of(code) == "error"
            return
        where = at or ("value" if code in VALUE_CODES else "key")
        span = self.parsed.locate(path, key=where == "key")
        self.diagnostics.append(
            Diagnostic(self.parsed.file, span, code, severity_of(code), message, path)
        )

    def finish(self) -> list[Diagnostic]:
        """Every diagnostic, once each, in file order: at most ``MAX_REPORTED``, whatever
        added them (a check, a hidden duplicate's own collector, the file's encoding),
        and then one FWC011 counting the rest, an error only if one of them is."""
        unique = {(d.span, d.code, d.message): d for d in self.diagnostics}
        # A value YAML 1.1 and 1.2 read differently (FWC116) is often also of the
        # wrong type for its place (`label: On` is a boolean): one cause, one report.
        ambiguous = {d.span for d in unique.values() if d.code == "FWC116"}
        kept = [d for d in unique.values() if not (d.code == "FWC101" and d.span in ambiguous)]
        errors, warnings = self.unreported_errors, self.unreported - self.unreported_errors
        self.unreported = self.unreported_errors = 0
        return capped(sorted(kept, key=Diagnostic.sort_key), errors, warnings)


def validate(spec: Spec, parsed: ParsedYaml) -> tuple[Any, list[Diagnostic]]:
    """Check parsed data against a spec: the cleaned data and every located problem."""
    collector = Collector(parsed)
    cleaned = spec.check(parsed.data, (), collector)
    return cleaned, collector.finish()
