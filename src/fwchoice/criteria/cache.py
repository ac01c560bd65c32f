"""A small on-disk cache of analysed criteria files, keyed by their exact content.

Parsing and validating the built-in file takes longer than everything else a
command does, and the file rarely changes. The result of an analysis (the
validated data and the diagnostics) is stored under the SHA-256 of the file's
bytes and fwchoice's version, so an edited file or a new fwchoice can never see
a stale entry. ``marshal`` keeps a hit cheaper than importing a parser; what it
loads is only ever plain data, checked before use, and anything unreadable is a
miss.

Location: ``$FWCHOICE_CACHE_DIR``, else ``$XDG_CACHE_HOME/fwchoice``, else
``~/.cache/fwchoice``. ``FWCHOICE_NO_CACHE=1`` turns it off, and a source
checkout uses it only when ``FWCHOICE_CACHE_DIR`` is set. Writing never fails
a command: a read-only home simply means no cache.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from pathlib import Path
from typing import Any

from fwchoice import __version__

MAX_ENTRIES = 64


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


def cache_dir() -> Path | None:
    if os.environ.get("FWCHOICE_NO_CACHE"):
        return None
    explicit = os.environ.get("FWCHOICE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if "-packages" not in __file__:
        # A source checkout (editable install): code changes without a version
        # bump, so an entry could outlive the checks that produced it. Setting
        # FWCHOICE_CACHE_DIR opts in anyway.
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "fwchoice"


def _entry(key: str) -> Path | None:
    directory = cache_dir()
    if directory is None:
        return None
    return directory / f"{__version__}-{key}.marshal"


def load(key: str) -> Any:
    """The stored value, or None on a miss (or any problem reading it)."""
    path = _entry(key)
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            return marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def store(key: str, value: Any) -> None:
    path = _entry(key)
    if path is None:
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(value))
        os.replace(temporary, path)
        _prune(path.parent)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink()


def _prune(directory: Path) -> None:
    """Keep the newest entries only: one file per edit of a criteria file adds up."""
    entries = sorted(directory.glob("*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            old.unlink()
