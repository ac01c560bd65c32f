"""Finding and loading a criteria file: the path every command starts on.

Which file is used, in order: ``--criteria PATH``; the ``FWCHOICE_CRITERIA``
environment variable; ``./criteria.yaml`` in the current directory; the
built-in file shipped inside the package. Every command says which it used.
"""

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from fwchoice.criteria.model import Document
from fwchoice.diagnostics import Diagnostic, Span
from fwchoice.errors import FwchoiceError, InvalidDocument, UsageError
from fwchoice.lint.runner import Analysis, analyse
from fwchoice.record import NamedTuple
from fwchoice.sanitize import quote

MAX_BYTES = 4 * 1024 * 1024
"""The largest criteria or answers file read; anything bigger is refused unread."""
ENV_VAR = "FWCHOICE_CRITERIA"
FILE_NAME = "criteria.yaml"
Origin = Literal["argument", "--criteria", "FWCHOICE_CRITERIA", "current directory", "built-in"]


class CriteriaSource(NamedTuple):
    path: Path
    label: str
    """The path as the user gave it, or the installed path of the built-in file."""
    origin: Origin

    def describe(self) -> str:
        """How reports name the file: where it came from, when that is not obvious."""
        if self.origin == "built-in":
            return f"built-in criteria ({self.label})"
        if self.origin == "current directory":
            return f"{self.label} (found in the current directory)"
        if self.origin == "FWCHOICE_CRITERIA":
            return f"{self.label} (from FWCHOICE_CRITERIA)"
        return self.label


def content_key(data: bytes) -> str:
    """SHA-256 of a file's bytes. CPython's built-in implementation imports in a
    fraction of the time hashlib takes to load OpenSSL, which every run would pay."""
    try:
        from _sha2 import sha256  # CPython 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # CPython 3.10-3.11
        except ImportError:
            from hashlib import sha256
    digest: str = sha256(data).hexdigest()
    return digest


def builtin_path() -> Path:
    # The wheel puts the file beside this module (a plain path: importlib.resources
    # would cost a few milliseconds of imports on every run for the same answer).
    installed = Path(__file__).resolve().parents[1] / FILE_NAME
    if installed.is_file():
        return installed
    # An editable install or a source checkout: the one copy at the repository root.
    checkout = Path(__file__).resolve().parents[3] / FILE_NAME
    if checkout.is_file():
        return checkout
    raise FwchoiceError(
        "the built-in criteria file is missing from this installation; reinstall fwchoice"
    )


def resolve_source(
    explicit: str | None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> CriteriaSource:
    environ = os.environ if environ is None else environ
    if explicit:
        return CriteriaSource(Path(explicit), explicit, "--criteria")
    from_env = environ.get(ENV_VAR, "").strip()
    if from_env:
        return CriteriaSource(Path(from_env), from_env, "FWCHOICE_CRITERIA")
    local = (cwd or Path.cwd()) / FILE_NAME
    if local.is_file():
        return CriteriaSource(local, FILE_NAME, "current directory")
    path = builtin_path()
    return CriteriaSource(path, str(path), "built-in")


def read_bounded(path: Path, label: str) -> bytes | Diagnostic:
    """The file's bytes, or a located diagnostic if it is too large to be a criteria file."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(MAX_BYTES + 1) if size <= MAX_BYTES else b""
    except FileNotFoundError:
        raise UsageError(f"criteria file {quote(label)} not found; check the path") from None
    except IsADirectoryError:
        raise UsageError(
            f"{quote(label)} is a directory; give the path of a criteria file"
        ) from None
    except PermissionError:
        raise UsageError(f"cannot read {quote(label)}: permission denied") from None
    except OSError as exc:
        raise UsageError(f"cannot read {quote(label)}: {exc.strerror or exc}") from None
    if size > MAX_BYTES or len(data) > MAX_BYTES:
        limit = MAX_BYTES // (1024 * 1024)
        return Diagnostic(
            label,
            Span(1, 1, 1, 2),
            "FWC001",
            "error",
            f"file is larger than {limit} MiB; a criteria file is far smaller (wrong file?)",
        )
    return data


def analyse_source(source: CriteriaSource, *, full: bool) -> tuple[Analysis, str]:
    """Lint a source; also returns the SHA-256 of its content (empty if unread)."""
    data = read_bounded(source.path, source.label)
    if isinstance(data, Diagnostic):
        return Analysis(source.label, None, [data]), ""
    return analyse(data, source.label, full=full), content_key(data)


class LoadedCriteria(NamedTuple):
    source: CriteriaSource
    document: Document
    sha256: str
    warnings: tuple[Diagnostic, ...]

    def file_info(self) -> dict[str, str]:
        """How outputs record which file they came from (and which exact content)."""
        return {
            "path": self.source.label,
            "origin": self.source.origin,
            "described_as": self.source.describe(),
            "sha256": self.sha256,
        }


def load_criteria(source: CriteriaSource) -> LoadedCriteria:
    """Load a file for use; any error refuses it (scenarios are left to lint)."""
    analysis, digest = analyse_source(source, full=False)
    if analysis.errors or analysis.document is None:
        raise InvalidDocument(analysis.diagnostics, errors=analysis.errors)
    return LoadedCriteria(source, analysis.document, digest, tuple(analysis.warnings))
