"""Writing a file so that a crash or a full disk never leaves half of it.

The text goes to a temporary file in the same directory, is flushed to disk,
and then replaces the target in one atomic rename; an existing file is either
the old one or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from fwchoice.errors import UsageError
from fwchoice.sanitize import quote


def write_atomic(path: str | Path, text: str, *, force: bool = False) -> None:
    target = Path(path)
    shown = quote(str(path))
    if target.is_dir():
        raise UsageError(f"{shown} is a directory; give a file name")
    if target.exists() and not force:
        raise UsageError(f"{shown} already exists; add --force to overwrite it")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError(f"cannot write {shown}: directory {quote(str(directory))} does not exist")
    data = text.encode("utf-8")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except PermissionError:
        raise UsageError(f"cannot write {shown}: directory is not writable") from None
    except OSError as exc:
        raise UsageError(f"cannot write {shown}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            # Keep the permissions of the file being replaced.
            with contextlib.suppress(OSError):
                os.chmod(temporary, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UsageError(f"cannot write {shown}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
