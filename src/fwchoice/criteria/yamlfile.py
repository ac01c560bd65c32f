"""Read a YAML file safely into plain data, keeping where every value came from.

Safety rules, all enforced before any value reaches the rest of fwchoice:

- the file must be UTF-8 without a BOM (its size is bounded when read, in ``loader``);
- only the safe loader is used, and explicit tags (``!!python/object`` ...) are
  refused rather than constructed;
- anchors and aliases are refused outright, with their location: a 400-byte
  alias bomb composes quickly but costs exponentially to anything that walks it;
- nesting is bounded (``MAX_DEPTH``), and libyaml's own limit stops the parser
  long before Python's recursion limit could;
- duplicate keys and keys that YAML 1.1 turns into non-text are reported, where
  PyYAML would silently keep the last one or turn ``no:`` into ``False``.

Positions become 1-based here and nowhere else.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import yaml

from fwchoice.codes import severity_of
from fwchoice.diagnostics import DataPath, Diagnostic, Span
from fwchoice.sanitize import quote

MAX_DEPTH = 24
MAX_NODES = 250_000
"""Values (scalars, lists, mappings) in one file: a 10,000-criteria file has about 150,000."""
MAX_REPORTED = 1_000
"""Problems one YAML pass records; past this, one FWC011 says the rest were not listed."""
MAX_SHADOWED = 100
"""Values hidden by duplicate keys that are kept, so lint can check them too."""

# libyaml composes the node tree about ten times faster than pure Python.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, with the resolver trimmed to what a plain data file needs.

    The composer asks the resolver about every node. PyYAML's resolver also
    walks a stack of path resolvers on each call, which a data file never
    uses; answering from the implicit-resolver table directly costs about a
    fifth of composing the built-in file. Tags are decided exactly as PyYAML's
    SafeLoader decides them (YAML 1.1).
    """

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return f"{_TAG}str"
        return f"{_TAG}seq" if kind is yaml.SequenceNode else f"{_TAG}map"


_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_YAML_TYPE_NAMES = {
    f"{_TAG}int": "a number",
    f"{_TAG}float": "a number",
    f"{_TAG}bool": "a boolean",
    f"{_TAG}null": "null",
    f"{_TAG}timestamp": "a date",
}


# --- YAML 1.2 readings (the core schema, as ruamel.yaml and editors resolve it) -----

_NUMBER_START = frozenset("0123456789+-.")
_WORDS_11 = frozenset(
    w for word in ("yes", "no", "on", "off", "y", "n") for w in (word, word.title(), word.upper())
)
_PATTERNS_12 = {
    "bool": r"true|True|TRUE|false|False|FALSE",
    "null": r"~|null|Null|NULL|",
    "int": r"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+",
    "float": (
        r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
        r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    ),
}
"""The YAML 1.2 core schema's implicit types, as ruamel.yaml resolves them."""


@functools.cache
def _pattern_12(kind: str) -> re.Pattern[str]:
    return re.compile(_PATTERNS_12[kind])


_UNREADABLE = object()
"""What a YAML 1.2 reader makes of a scalar it cannot convert (`+_` crashes ruamel)."""


def yaml12_value(text: str) -> Any:
    """What a YAML 1.2 core-schema reader makes of a plain scalar (timestamps stay
    text, as check-jsonschema keeps them)."""
    if _pattern_12("bool").fullmatch(text):
        return text.lower() == "true"
    if _pattern_12("null").fullmatch(text):
        return None
    if _pattern_12("float").fullmatch(text):
        plain = text.replace("_", "")
        special = plain.lstrip("+-").lower()
        if special in (".inf", ".nan"):
            number = float(special[1:])
            return -number if plain.startswith("-") else number
        try:
            return float(plain)
        except ValueError:
            return _UNREADABLE
    if _pattern_12("int").fullmatch(text):
        digits = text.replace("_", "")
        sign = -1 if digits.startswith("-") else 1
        digits = digits.lstrip("+-")
        try:
            for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
                if digits.startswith(prefix):
                    return sign * int(digits[2:], base)
            return sign * int(digits)
        except ValueError:
            return _UNREADABLE
    return text


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or (math.isnan(a) and math.isnan(b))
    return type(a) is type(b) and a == b


def _number(value: float) -> str:
    try:
        return repr(value)
    except ValueError:  # more digits than Python will print
        return "a number too long to show"


def _reading(value: Any) -> str:
    if value is _UNREADABLE:
        return "an error (no number)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return f"the number {_number(value)}"
    return f"the text {quote(value)}"


class YamlProblem(Exception):
    """The file cannot be turned into data at all; carries the located reasons (at
    most ``MAX_REPORTED`` of them, and one FWC011 counting the rest)."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        listed = capped(diagnostics)
        super().__init__(listed[0].message)
        self.diagnostics = listed


def capped(
    found: Iterable[Diagnostic], more_errors: int = 0, more_warnings: int = 0
) -> list[Diagnostic]:
    """The first ``MAX_REPORTED`` problems, then one FWC011 counting the others. The
    cap limits what is listed, never the verdict: FWC011 is an error only when an
    unlisted problem is one (a thousand and one warnings are still warnings)."""
    listed: list[Diagnostic] = []
    for diagnostic in found:
        if len(listed) < MAX_REPORTED:
            listed.append(diagnostic)
        elif diagnostic.severity == "error":
            more_errors += 1
        else:
            more_warnings += 1
    if more_errors or more_warnings:
        counts = ", ".join(
            f"{n:,} {word}{'' if n == 1 else 's'}"
            for n, word in ((more_errors, "error"), (more_warnings, "warning"))
            if n
        )
        file = listed[0].file if listed else ""
        total = more_errors + more_warnings
        # Located at 1:1, it comes first in file order: seen before the list it cuts.
        listed.insert(
            0,
            Diagnostic(
                file,
                Span(1, 1, 1, 2),
                "FWC011",
                "error" if more_errors else "warning",
                f"{total:,} more {'problem was' if total == 1 else 'problems were'} not "
                f"listed ({counts}); fix the first ones and run lint again",
            ),
        )
    return listed


class ParsedYaml:
    """Plain data (dicts, lists, str, int, float, bool, None) and its source positions.

    ``shadowed`` holds values hidden by a later duplicate key, each rooted at its
    own node; ``base`` is the data path of ``root`` (non-empty only for those).
    """

    __slots__ = (
        "_children",
        "base",
        "data",
        "diagnostics",
        "file",
        "root",
        "shadowed",
        "unreported",
        "unreported_errors",
    )

    def __init__(
        self,
        data: Any,
        root: yaml.Node,
        file: str,
        diagnostics: list[Diagnostic] | None = None,
        shadowed: list[ParsedYaml] | None = None,
        base: DataPath = (),
    ) -> None:
        self.data = data
        self.root = root
        self.file = file
        self.diagnostics = diagnostics or []
        self.shadowed = shadowed or []
        self.base = base
        self.unreported = 0
        """Problems past ``MAX_REPORTED`` that were counted, not recorded (see FWC011)."""
        self.unreported_errors = 0
        """How many of those are errors."""
        self._children: dict[int, dict[Any, tuple[yaml.Node, yaml.Node]]] = {}

    def locate(self, path: DataPath, *, key: bool = False) -> Span:
        """Where the value at ``path`` is (or its key, with ``key=True``).

        A path that does not exist in the file (a missing key) resolves to the
        nearest ancestor that does, and there to its key, which is where a reader
        would add the missing entry.
        """
        node: yaml.Node = self.root
        key_node: yaml.Node | None = None
        for step in path[len(self.base) :]:
            child = self._child(node, step)
            if child is None:
                return _span(key_node or node)
            key_node, node = child
        if key and key_node is not None:
            return _span(key_node)
        return _span(node)

    def _child(self, node: yaml.Node, step: str | int) -> tuple[yaml.Node, yaml.Node] | None:
        if isinstance(node, yaml.SequenceNode):
            if isinstance(step, int) and 0 <= step < len(node.value):
                item = node.value[step]
                return item, item
            return None
        if isinstance(node, yaml.MappingNode):
            # Built once per mapping on first use: diagnostics are rare, files are not.
            children = self._children.get(id(node))
            if children is None:
                children = {k.value: (k, v) for k, v in node.value}
                self._children[id(node)] = children
            return children.get(step)
        return None


def _span(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _point(line: int, column: int) -> Span:
    return Span(line, column, line, column + 1)


def _diag(file: str, span: Span, code: str, message: str, path: DataPath = ()) -> Diagnostic:
    return Diagnostic(file, span, code, severity_of(code), message, path)


def _position_of_offset(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def decode(raw: bytes, file: str) -> tuple[str, list[Diagnostic]]:
    """UTF-8 bytes to text, and a diagnostic for a UTF-8 byte-order mark.

    A UTF-8 BOM is reported and then ignored, so the rest of the file is still
    checked; UTF-16 and invalid bytes stop here, located.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem(
            [
                _diag(
                    file,
                    _point(1, 1),
                    "FWC003",
                    "file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
                )
            ]
        )
    found: list[Diagnostic] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        found.append(
            _diag(
                file,
                _point(1, 1),
                "FWC003",
                "file starts with a byte-order mark; save it as UTF-8 without BOM",
            )
        )
    try:
        return raw.decode("utf-8"), found
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8")
        line, column = _position_of_offset(good, len(good))
        raise YamlProblem(
            [
                *found,
                _diag(
                    file,
                    _point(line, column),
                    "FWC002",
                    f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8",
                ),
            ]
        ) from None


def parse(text: str, file: str, *, what: str = "criteria file") -> ParsedYaml:
    """Compose, check and convert one YAML document. Raises ``YamlProblem``.

    ``what`` names the kind of file in messages ("criteria file", "answers file").
    """
    if _node_bound(text) > MAX_NODES:
        _refuse_too_many_nodes(text, file, what)
    root = _compose(text, file)
    if root is None or _is_empty_document(root):
        start = (
            "starts with `version: 1`"
            if what == "criteria file"
            else "maps question ids to answers"
        )
        raise YamlProblem([_diag(file, _point(1, 1), "FWC009", f"file is empty; a {what} {start}")])
    if "&" in text or "*" in text:
        anchors = capped(_anchors_and_aliases(text, file))
        if anchors:
            raise YamlProblem(anchors)
    # Answers files accept `admin: yes` as YAML 1.1 and 1.2 read it alike (a yes/no
    # answer either way); a criteria file must mean one thing to every reader.
    converter = _Converter(file, check_yaml12=what == "criteria file")
    data = converter.convert(root, (), 0)
    shadowed = [
        ParsedYaml(value, node, file, base=path) for path, value, node in converter.shadowed
    ]
    parsed = ParsedYaml(data, root, file, converter.diagnostics, shadowed)
    parsed.unreported = converter.unreported
    parsed.unreported_errors = converter.unreported_errors
    return parsed


def _node_bound(text: str) -> int:
    """An upper bound on the number of YAML nodes, counted in C: every node but the
    root is introduced by an indicator (':', '-', ',', '?', '[', '{'), and none
    introduces more than two (a key and its value)."""
    indicators = sum(text.count(c) for c in ":-,?[{")
    return 1 + 2 * indicators


def _refuse_too_many_nodes(text: str, file: str, what: str) -> None:
    """Count the nodes exactly from the event stream, stopping at the limit.

    Composing a file costs memory for every node; a 4 MiB file of `x: 1` lines
    holds 1.7 million of them. The event stream is read lazily and dropped as it
    goes, so the count itself stays small and stops at the limit.
    """
    count = 0
    node_events = (
        yaml.ScalarEvent,
        yaml.SequenceStartEvent,
        yaml.MappingStartEvent,
        yaml.AliasEvent,
    )
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, node_events):
                count += 1
                if count > MAX_NODES:
                    mark = event.start_mark
                    where = _point(mark.line + 1, mark.column + 1) if mark else _point(1, 1)
                    raise YamlProblem(
                        [
                            _diag(
                                file,
                                where,
                                "FWC010",
                                f"file holds more than {MAX_NODES:,} values; a {what} is "
                                "far smaller (wrong file?)",
                            )
                        ]
                    )
    except yaml.YAMLError:
        return  # a syntax error: composing reports it, located


def _is_empty_document(root: yaml.Node) -> bool:
    """A document that is only '---' or an explicit null holds nothing."""
    return (
        isinstance(root, yaml.ScalarNode)
        and root.tag == f"{_TAG}null"
        and root.value in ("", "~", "null", "Null", "NULL")
    )


def _compose(text: str, file: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem([_syntax_diagnostic(exc, text, file)]) from None
    except yaml.reader.ReaderError as exc:
        # Raised for characters YAML forbids anywhere, such as raw control bytes.
        line, column = _position_of_offset(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"character U+{code:04X} is not allowed in YAML; remove it or escape it"
        raise YamlProblem([_diag(file, _point(line, column), "FWC004", message)]) from None
    except RecursionError:
        # Only the pure-Python composer recurses; libyaml stops at its own limit.
        raise YamlProblem(
            [
                _diag(
                    file,
                    _point(1, 1),
                    "FWC007",
                    "data nests too deeply for a criteria file; flatten it",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors
        raise YamlProblem([_diag(file, _point(1, 1), "FWC004", str(exc))]) from None


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, text: str, file: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "invalid YAML").strip()
    span = _point(line, column)
    if "another document" in problem:
        return _diag(
            file,
            span,
            "FWC009",
            "file holds more than one YAML document ('---'); keep one",
        )
    if "nesting depth" in problem:
        return _diag(file, span, "FWC007", "data nests too deeply for a criteria file; flatten it")
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    indentation = here[: len(here) - len(here.lstrip(" \t"))]
    if "\t" in indentation:
        tab = _point(line, indentation.index("\t") + 1)
        return _diag(file, tab, "FWC005", "tab used for indentation; indent with spaces")
    message = problem
    if "expected key" in problem or "mapping values are not allowed" in problem:
        problem += "; check the indentation and the ':' after each key"
        message = problem
    if exc.context and exc.context_mark and exc.context_mark is not mark:
        where = f"line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
        message = f"{problem} ({exc.context} at {where})"
    return _diag(file, span, "FWC004", f"YAML syntax: {message}")


def _anchors_and_aliases(text: str, file: str) -> Iterator[Diagnostic]:
    """Locate every anchor and alias from the event stream (linear; nothing expands)."""
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)
        mark = event.start_mark
        if not anchor or mark is None:
            continue
        where = _point(mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.AliasEvent):
            message = f"alias *{anchor} is not accepted; write the value out in full"
        else:
            message = f"anchor &{anchor} is not accepted; remove it and write values out"
        yield _diag(file, where, "FWC006", message)


class _Converter:
    """Node tree to plain data, reporting what PyYAML would hide."""

    def __init__(self, file: str, *, check_yaml12: bool = True) -> None:
        self.file = file
        self.check_yaml12 = check_yaml12
        self.diagnostics: list[Diagnostic] = []
        self.unreported = 0
        self.unreported_errors = 0
        self.shadowed: list[tuple[DataPath, Any, yaml.Node]] = []
        self._constructor = yaml.SafeLoader("")  # only its scalar constructors are used
        self._scalars: dict[str, Callable[[yaml.ScalarNode], Any]] = {
            f"{_TAG}int": self._constructor.construct_yaml_int,
            f"{_TAG}float": self._constructor.construct_yaml_float,
            f"{_TAG}bool": self._constructor.construct_yaml_bool,
            f"{_TAG}null": self._constructor.construct_yaml_null,
        }

    def report(self, node: yaml.Node, code: str, message: str, path: DataPath) -> None:
        # A file of a million duplicate keys must not keep a million diagnostics.
        if len(self.diagnostics) >= MAX_REPORTED:
            self.unreported += 1
            self.unreported_errors += severity_of(code) == "error"
            return
        self.diagnostics.append(_diag(self.file, _span(node), code, message, path))

    def convert(self, node: yaml.Node, path: DataPath, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self.report(node, "FWC007", "data nests too deeply for a criteria file", path)
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if not node.tag.startswith(_TAG) or node.tag not in (f"{_TAG}seq", f"{_TAG}map"):
            self._unsupported_tag(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)  # the only other kind of node
        return self._mapping(node, path, depth)

    def _mapping(self, node: yaml.MappingNode, path: DataPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        value_nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.report(
                    key_node, "FWC101", "a key must be plain text, not a list or mapping", path
                )
                continue
            key = key_node.value
            if key_node.tag not in _SCALAR_TAGS:
                self._unsupported_tag(key_node, (*path, key))
                continue
            if key_node.tag != f"{_TAG}str" and not key_node.style:
                kind = _YAML_TYPE_NAMES.get(key_node.tag, "not text")
                self.report(
                    key_node,
                    "FWC105",
                    f'key {quote(key)} is read as {kind} by YAML 1.1; quote it: "{key}"',
                    (*path, key),
                )
            if key in first_seen:
                earlier = first_seen[key].start_mark.line + 1
                self.report(
                    key_node,
                    "FWC104",
                    f"duplicate key {quote(key)} (first at line {earlier}); "
                    "YAML would silently keep only this one",
                    (*path, key),
                )
                # Keep the hidden value too, so lint can still check what it says.
                if len(self.shadowed) < MAX_SHADOWED:
                    self.shadowed.append(((*path, key), result[key], value_nodes[key]))
            else:
                first_seen[key] = key_node
            result[key] = self.convert(value_node, (*path, key), depth + 1)
            value_nodes[key] = value_node
        return result

    def _scalar(self, node: yaml.ScalarNode, path: DataPath) -> Any:
        tag = node.tag
        if tag in (f"{_TAG}str", f"{_TAG}timestamp"):
            # A date stays the text the author wrote; the format has no date type.
            # (Plain style is None from PyYAML's composer and "" from libyaml's.)
            if self.check_yaml12 and not node.style and node.value[:1] in _NUMBER_START:
                self._check_yaml12(node, node.value, path)
            return node.value
        if tag not in _SCALAR_TAGS:
            self._unsupported_tag(node, path)
            return node.value
        try:
            value = self._scalars[tag](node)
        except Exception:
            # e.g. `!!bool maybe` (KeyError), `!!int ""` (IndexError), or an integer
            # with more digits than Python converts (ValueError)
            kind = _YAML_TYPE_NAMES.get(tag, "a value")
            self.report(node, "FWC101", f"{quote(node.value)} is not usable as {kind}", path)
            return None
        if (
            self.check_yaml12
            and not node.style
            and (node.value[:1] in _NUMBER_START or node.value in _WORDS_11)
        ):
            self._check_yaml12(node, value, path)
        return value

    def _check_yaml12(self, node: yaml.ScalarNode, value: Any, path: DataPath) -> None:
        """A plain scalar YAML 1.2 readers (editors, check-jsonschema) read otherwise
        than YAML 1.1 ones (PyYAML, and so fwchoice): `1:0` is 60 or '1:0', `010` is
        8 or 10, `yes` a boolean or text, `1e3` text or 1000.0. The file must mean
        one thing to every reader."""
        other = yaml12_value(node.value)
        if _same(value, other):
            return
        text = node.value
        if isinstance(value, bool):
            fix = f'write {str(value).lower()}, or "{text}" in quotes for text'
        elif isinstance(value, (int, float)):
            fix = f'write {_number(value)}, or "{text}" in quotes for text'
        elif isinstance(other, (int, float)):
            fix = f'write "{text}" in quotes for text, or {_number(other)} for the number'
        else:
            fix = f'write "{text}" in quotes'
        self.report(
            node,
            "FWC116",
            f"{quote(text)} reads as {_reading(value)} in YAML 1.1 (fwchoice, PyYAML) but "
            f"{_reading(other)} in YAML 1.2 (editors, check-jsonschema); {fix}",
            path,
        )

    def _unsupported_tag(self, node: yaml.Node, path: DataPath) -> None:
        tag = node.tag.replace(_TAG, "!!")
        self.report(
            node,
            "FWC008",
            f"YAML tag {quote(tag)} is not accepted; remove it (only plain data is read)",
            path,
        )


def may_read_otherwise(text: str) -> bool:
    """Whether ``text``, written plain, is one a reader might take for a number or a
    boolean (what FWC116 looks at): a writer quotes it."""
    if not (text[:1] in _NUMBER_START or text in _WORDS_11):
        return False
    return not _same(text, yaml12_value(text))
