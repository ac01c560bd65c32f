"""A small declarative schema language: one description of the format, two uses.

Each ``Spec`` can (1) validate plain data loaded from YAML, reporting every
problem with its data path, and (2) describe itself as JSON Schema (draft
2020-12) for editors and for ``fwchoice schema``. Because both come from the
same objects, whatever the JSON Schema rejects, lint rejects too (lint also
checks what JSON Schema cannot say: references, conditions, scenarios).

Validation returns a *cleaned* copy: a value that fails is left out, so later
checks see only well-typed data and a single mistake is reported once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from fwchoice.diagnostics import DataPath
from fwchoice.hints import did_you_mean
from fwchoice.record import NamedTuple
from fwchoice.sanitize import quote

Report = Callable[[str, DataPath, str], None]
"""``report(code, path, message)``; a path ending in a key locates the key itself."""


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid()

# Patterns are written so that Python's re (lint, the jsonschema library) and
# ECMAScript (check-jsonschema's default, and editors) read them the same way:
# `$` also matches before a final newline in Python, so the end is written
# `(?![\s\S])`; `\s` differs between the two (U+FEFF, U+001C-001F, U+0085),
# so whitespace is spelled out as the union of both.
END = r"(?![\s\S])"
WHITESPACE = r"\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
NOT_BLANK = f"[^{WHITESPACE}]"
"""Matches any character a reader would see as more than blank space."""
ID_PATTERN = f"^[a-z][a-z0-9_-]{{0,63}}{END}"
_ID_RE = re.compile(ID_PATTERN)
_NOT_BLANK_RE = re.compile(NOT_BLANK)


def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing (null)"


class Spec:
    """Base of every schema node."""

    description: str = ""

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        raise NotImplementedError

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def expected(self) -> str:
        """How a message names what belongs here: 'text', 'a mapping'..."""
        raise NotImplementedError

    def child(self, step: str | int) -> Spec | None:
        """The spec of the value one step below this one, if the step is known."""
        return None

    def at(self, path: DataPath) -> Spec | None:
        spec: Spec | None = self
        for step in path:
            spec = spec.child(step) if spec is not None else None
        return spec

    def _wrong_type(self, value: Any, path: DataPath, report: Report) -> _Invalid:
        report("FWC101", path, f"expected {self.expected()}, got {type_name(value)}")
        return INVALID

    def _with_description(self, schema: dict[str, Any]) -> dict[str, Any]:
        if self.description:
            return {"description": self.description, **schema}
        return schema


class Text(Spec):
    def __init__(
        self,
        description: str = "",
        max_length: int = 2000,
        pattern: str | None = None,
        pattern_hint: str = "",
    ) -> None:
        self.description = description
        self.max_length = max_length
        self.pattern = pattern
        self.pattern_hint = pattern_hint

    def expected(self) -> str:
        return "text"

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        if isinstance(value, bool):
            report(
                "FWC101",
                path,
                "expected text, got true/false (YAML 1.1 reads yes, no, on and off as "
                "booleans); quote it",
            )
            return INVALID
        if not isinstance(value, str):
            return self._wrong_type(value, path, report)
        if not _NOT_BLANK_RE.search(value):
            report("FWC108", path, "text is empty; write something a reader can use")
            return INVALID
        if len(value) > self.max_length:
            report("FWC113", path, f"text is {len(value)} characters; at most {self.max_length}")
            return INVALID
        if self.pattern and not re.search(self.pattern, value):
            report("FWC111", path, f"{quote(value)} is not valid here: {self.pattern_hint}")
            return INVALID
        return value

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "string",
            "minLength": 1,
            "maxLength": self.max_length,
        }
        # A pattern that also rules out whitespace-only text.
        schema["pattern"] = self.pattern or NOT_BLANK
        return self._with_description(schema)


class Date(Text):
    """A calendar date written YYYY-MM-DD, checked as --date is: ``2026-02-30`` and
    ``9999-99-99`` have the shape of a date and are none."""

    def __init__(self, description: str = "") -> None:
        super().__init__(
            description,
            max_length=10,
            pattern=f"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{END}",
            pattern_hint="a date is written YYYY-MM-DD",
        )

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        checked = super().check(value, path, report)
        if checked is INVALID:
            return INVALID
        import datetime

        try:
            datetime.date.fromisoformat(checked)
        except ValueError:
            report("FWC111", path, f"{quote(checked)} is not a real date (YYYY-MM-DD)")
            return INVALID
        return checked


class Id(Spec):
    """A reference to (or name of) an entry: lower-case, typeable on a command line."""

    def __init__(self, description: str = "") -> None:
        self.description = description

    def expected(self) -> str:
        return "an id"

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        if not isinstance(value, str):
            return self._wrong_type(value, path, report)
        if not _ID_RE.match(value):
            report("FWC109", path, f"{quote(value)} is not a valid id; {ID_RULE}")
            return INVALID
        return value

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        defs.setdefault("id", {"type": "string", "pattern": ID_PATTERN, "description": ID_RULE})
        return {"$ref": "#/$defs/id"}


ID_RULE = "use lower-case letters, digits, '_' or '-', starting with a letter"


class Number(Spec):
    def __init__(
        self,
        description: str = "",
        minimum: float | None = None,
        maximum: float | None = None,
        integer: bool = False,
        range_hint: str = "",
    ) -> None:
        self.description = description
        self.minimum = minimum
        self.maximum = maximum
        self.integer = integer
        self.range_hint = range_hint

    def expected(self) -> str:
        return "a whole number" if self.integer else "a number"

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return self._wrong_type(value, path, report)
        if isinstance(value, float) and not math.isfinite(value):
            report("FWC107", path, f"{value} is not a finite number")
            return INVALID
        if self.integer and not isinstance(value, int):
            report("FWC101", path, f"expected a whole number, got {value}")
            return INVALID
        low, high = self.minimum, self.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            report("FWC106", path, f"{_shown(value)} is out of range: {self._range_text()}")
            return INVALID
        return value

    def _range_text(self) -> str:
        if self.range_hint:
            return self.range_hint
        if self.minimum is not None and self.maximum is not None:
            return f"use {_num(self.minimum)} to {_num(self.maximum)}"
        if self.minimum is not None:
            return f"use {_num(self.minimum)} or more"
        return f"use {_num(self.maximum or 0)} or less"

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return self._with_description(schema)


def _shown(value: float) -> str:
    """A number as the file wrote it, shortened if it runs to hundreds of digits.

    (Python refuses to turn an integer of more than 4,300 digits into text.)"""
    if isinstance(value, int) and value.bit_length() > 80:
        return f"a {int(value.bit_length() * 0.30103) + 1}-digit number"
    return str(value)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class Boolean(Spec):
    def __init__(self, description: str = "") -> None:
        self.description = description

    def expected(self) -> str:
        return "true or false"

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        if not isinstance(value, bool):
            return self._wrong_type(value, path, report)
        return value

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return self._with_description({"type": "boolean"})


class Choice(Spec):
    """One of a fixed set of texts."""

    def __init__(self, values: Sequence[str] = (), description: str = "") -> None:
        self.values = values
        self.description = description

    def expected(self) -> str:
        return "one of " + ", ".join(self.values)

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        if not isinstance(value, str):
            return self._wrong_type(value, path, report)
        if value not in self.values:
            hint = did_you_mean(value, self.values)
            report("FWC111", path, f"{quote(value)} is not {self.expected()}{hint}")
            return INVALID
        return value

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return self._with_description({"type": "string", "enum": list(self.values)})


class Version(Spec):
    """A format's version number, under the key that names the format."""

    def __init__(self, supported: int = 1, description: str = "", key: str = "version") -> None:
        self.supported = supported
        self.description = description
        self.key = key

    def expected(self) -> str:
        return f"the number {self.supported}"

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        if isinstance(value, str) and value.strip() == str(self.supported):
            report(
                "FWC110",
                path,
                f"{self.key} must be the number {self.supported}, not text; write "
                f"`{self.key}: {self.supported}` without quotes",
            )
            return INVALID
        if value != self.supported or isinstance(value, bool):
            report(
                "FWC110",
                path,
                f"unsupported format version {quote(value)}; this fwchoice reads "
                f"`{self.key}: {self.supported}`",
            )
            return INVALID
        return value

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return self._with_description({"const": self.supported})


class Nullable(Spec):
    """A value of ``spec``, or null."""

    def __init__(self, spec: Spec, description: str = "") -> None:
        self.spec = spec
        self.description = description

    def expected(self) -> str:
        return f"{self.spec.expected()} or null"

    def child(self, step: str | int) -> Spec | None:
        return self.spec.child(step)

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        return None if value is None else self.spec.check(value, path, report)

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return self._with_description({"anyOf": [self.spec.json_schema(defs), {"type": "null"}]})


class ListOf(Spec):
    def __init__(
        self, item: Spec, min_items: int = 0, max_items: int = 10_000, description: str = ""
    ) -> None:
        self.item = item
        self.min_items = min_items
        self.max_items = max_items
        self.description = description

    def expected(self) -> str:
        return "a list"

    def child(self, step: str | int) -> Spec | None:
        return self.item if isinstance(step, int) else None

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        if not isinstance(value, list):
            return self._wrong_type(value, path, report)
        if len(value) < self.min_items:
            report("FWC112", path, f"list needs at least {self.min_items} item(s)")
        if len(value) > self.max_items:
            report("FWC112", path, f"list has {len(value)} items; at most {self.max_items}")
            return INVALID
        cleaned = [self.item.check(v, (*path, i), report) for i, v in enumerate(value)]
        return [v for v in cleaned if v is not INVALID]

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema(defs)}
        if self.min_items:
            schema["minItems"] = self.min_items
        schema["maxItems"] = self.max_items
        return self._with_description(schema)


class IdMap(Spec):
    """A mapping from ids to values of one kind: options, criteria, questions..."""

    def __init__(
        self,
        value: Spec,
        min_items: int = 0,
        what: str = "entry",
        description: str = "",
        max_items: int | None = None,
    ) -> None:
        self.value = value
        self.min_items = min_items
        self.max_items = max_items
        self.what = what
        self.description = description

    def expected(self) -> str:
        return f"a mapping of {self.what} ids"

    def child(self, step: str | int) -> Spec | None:
        return self.value if isinstance(step, str) else None

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        if not isinstance(value, dict):
            return self._wrong_type(value, path, report)
        if len(value) < self.min_items:
            report("FWC112", path, f"needs at least {self.min_items} {self.what}(s)")
        if self.max_items is not None and len(value) > self.max_items:
            under = f" under {quote(path[-1])}" if path else ""
            report(
                "FWC114",
                path,
                f"{len(value):,} entries{under}; at most {self.max_items:,} (see the "
                "README's Limits)",
            )
            return INVALID
        cleaned: dict[str, Any] = {}
        for key, item in value.items():
            if not _ID_RE.match(key):
                report("FWC109", (*path, key), f"{quote(key)} is not a valid id; {ID_RULE}")
                continue
            checked = self.value.check(item, (*path, key), report)
            if checked is not INVALID:
                cleaned[key] = checked
            elif _is_record(self.value):
                # The entry exists but is broken: keep its id, so references to it
                # are not reported as undefined on top of the real problem.
                cleaned[key] = {}
        return cleaned

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        Id().json_schema(defs)
        schema: dict[str, Any] = {
            "type": "object",
            "propertyNames": {"$ref": "#/$defs/id"},
            "additionalProperties": self.value.json_schema(defs),
        }
        if self.min_items:
            schema["minProperties"] = self.min_items
        if self.max_items is not None:
            schema["maxProperties"] = self.max_items
        return self._with_description(schema)


_HINTED = 20


class Field(NamedTuple):
    spec: Spec
    required: bool = False
    # Said after the type error when a key whose meaning changed still holds
    # the old form (text where a mapping now belongs), so the fix is named.
    text_hint: str = ""


class Record(Spec):
    """A mapping with known keys; anything else is a typo until proven otherwise."""

    def __init__(
        self,
        description: str = "",
        fields: Mapping[str, Field] | None = None,
        extra_json: Mapping[str, Any] | None = None,
    ) -> None:
        self.description = description
        self.fields = fields or {}
        # JSON Schema fragments the field list cannot express (if/then on a type);
        # lint enforces the same rules in its semantic checks.
        self.extra_json = extra_json or {}

    def expected(self) -> str:
        return "a mapping"

    def child(self, step: str | int) -> Spec | None:
        known = self.fields.get(step) if isinstance(step, str) else None
        return known.spec if known else None

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        if not isinstance(value, dict):
            return self._wrong_type(value, path, report)
        cleaned: dict[str, Any] = {}
        unknown = 0
        for key, item in value.items():
            spec = self.fields.get(key)
            if spec is None:
                unknown += 1
                # A "did you mean" costs a fuzzy match; a mapping of thousands of
                # unknown keys is the wrong file, and gets hints for the first few.
                hint = did_you_mean(key, list(self.fields)) if unknown <= _HINTED else ""
                report("FWC102", (*path, key), f"unknown key {quote(key)}{hint}")
                continue
            if spec.text_hint and isinstance(item, str):
                report(
                    "FWC101",
                    (*path, key),
                    f"expected {spec.spec.expected()}, got text; {spec.text_hint}",
                )
                continue
            checked = spec.spec.check(item, (*path, key), report)
            if checked is not INVALID:
                cleaned[key] = checked
        for name, spec in self.fields.items():
            if spec.required and name not in value:
                report("FWC103", path, f"missing required key {quote(name)}")
        return cleaned

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {name: f.spec.json_schema(defs) for name, f in self.fields.items()},
            "additionalProperties": False,
        }
        required = [name for name, f in self.fields.items() if f.required]
        if required:
            schema["required"] = required
        schema.update(self.extra_json)
        return self._with_description(schema)


class AnyOf(Spec):
    def __init__(self, options: Sequence[Spec], description: str = "") -> None:
        self.options = options
        self.description = description

    def expected(self) -> str:
        return " or ".join(o.expected() for o in self.options)

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        attempts = [(option, _trial(option, value, path)) for option in self.options]
        for _, (checked, problems) in attempts:
            if not problems:
                return checked
        # Report the problems of the alternative whose type matched, if one did.
        for _, (_, problems) in attempts:
            if problems[0][0] != "FWC101":
                for problem in problems:
                    report(*problem)
                return INVALID
        return self._wrong_type(value, path, report)

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return self._with_description({"anyOf": [o.json_schema(defs) for o in self.options]})


class Named(Spec):
    """A spec emitted once under ``$defs`` and referenced elsewhere."""

    def __init__(self, name: str, spec: Spec) -> None:
        self.name = name
        self.spec = spec

    def expected(self) -> str:
        return self.spec.expected()

    def child(self, step: str | int) -> Spec | None:
        return self.spec.child(step)

    def check(self, value: Any, path: DataPath, report: Report) -> Any:
        return self.spec.check(value, path, report)

    def json_schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        if self.name not in defs:
            defs[self.name] = {}  # placeholder first: a definition may refer to itself
            defs[self.name] = self.spec.json_schema(defs)
        return {"$ref": f"#/$defs/{self.name}"}


def _trial(spec: Spec, value: Any, path: DataPath) -> tuple[Any, list[tuple[str, DataPath, str]]]:
    problems: list[tuple[str, DataPath, str]] = []
    checked = spec.check(
        value, path, lambda code, at, message: problems.append((code, at, message))
    )
    return checked, problems


def _is_record(spec: Spec) -> bool:
    return isinstance(spec, Record) or (isinstance(spec, Named) and isinstance(spec.spec, Record))


def to_json_schema(root: Spec, *, title: str, schema_id: str) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    body = root.json_schema(defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": title,
        **body,
        "$defs": dict(sorted(defs.items())),
    }
