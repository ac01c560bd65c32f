"""Finding and reading a criteria file: the path every command starts on.

Which file is used, in order: ``--criteria PATH``; the ``FWCHOICE_CRITERIA``
environment variable; ``./criteria.yaml`` in the current directory; the
built-in file shipped inside the package. Every command says which it used.
Reading it for use runs lint's checks, so that step lives beside them:
``lint.runner.load_criteria``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from fwchoice.criteria.model import Document
from fwchoice.diagnostics import Diagnostic, Span
from fwchoice.errors import FwchoiceError, UsageError
from fwchoice.inputs import note_read
from fwchoice.pathkind import describe
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
            # Not the install path: it says nothing to a reader and changes with
            # every virtualenv; the version says which file it was.
            from fwchoice import __version__

            return f"built-in criteria (fwchoice {__version__})"
        if self.origin == "current directory":
            return f"{self.label} (found in the current directory)"
        if self.origin == "FWCHOICE_CRITERIA":
            return f"{self.label} (from FWCHOICE_CRITERIA)"
        return self.label

    def portable(self) -> str:
        """How a record names the file: never a path of this machine (a record made
        with pipx and one made with uv must be the same bytes)."""
        if self.origin == "built-in":
            return "fwchoice's built-in criteria"
        if Path(self.label).is_absolute():
            return Path(self.label).name
        return self.label.replace("\\", "/")


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


def read_bounded(path: Path, label: str, what: str = "criteria file") -> bytes | Diagnostic:
    """The file's bytes, or a located diagnostic if it is too large to be read.

    Only regular files are read: the file is opened without blocking (a FIFO
    with no writer would otherwise hang the command) and refused unless it is
    a regular file (a FIFO, /dev/zero, a directory). ``what`` names the file in
    messages: "criteria file", "answers file".
    """
    shown = quote(label)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UsageError(f"{what} {shown} not found; check the path") from None
    except PermissionError:
        raise UsageError(f"cannot read {what} {shown}: permission denied") from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UsageError(f"cannot read {what} {shown}: {reason}") from None
    try:
        info = os.fstat(fd)
        note_read(info)
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(
                f"{what} {shown} is {describe(info.st_mode)}, not a file; give the path of "
                f"{'an' if what[0] in 'aeiou' else 'a'} {what}"
            )
        if info.st_size > MAX_BYTES:
            data = b""
        else:
            os.set_blocking(fd, True)
            with os.fdopen(fd, "rb", closefd=False) as handle:
                data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {what} {shown}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if info.st_size > MAX_BYTES or len(data) > MAX_BYTES:
        limit = MAX_BYTES // (1024 * 1024)
        return Diagnostic(
            label,
            Span(1, 1, 1, 2),
            "FWC001",
            "error",
            f"file is larger than {limit} MiB; a {what} is far smaller (wrong file?)",
        )
    return data


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

    def shared_file_info(self) -> dict[str, str | int]:
        """``file_info()`` as a shared picture shows it: the file named without any path
        of this machine, so an export made with pipx and one made with uv are the
        same bytes."""
        portable = self.source.portable()
        info: dict[str, str | int] = {**self.file_info(), "path": portable}
        info["described_as"] = portable
        return info
