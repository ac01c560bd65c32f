"""Where a file is, as a URI for SARIF: relative to the source root, percent-encoded.

Code scanning resolves a result's ``artifactLocation`` against ``%SRCROOT%``,
the checkout's top: so a file under the root is named by a relative reference
(``my%20decisions/criteria.yaml``, RFC 3986: never starting with ``/``, every
byte outside the unreserved set escaped, ``:`` included so that no segment reads
as a scheme), and one outside it by an absolute ``file:`` URI with no base.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from urllib.parse import quote

SOURCE_ROOT_ID = "%SRCROOT%"


def source_root(start: Path) -> Path:
    """The top of the repository holding ``start`` (the nearest ancestor with a
    ``.git``), or ``start`` itself outside any repository; absolute, unresolved."""
    start = Path(os.path.abspath(start))
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def directory_uri(folder: Path) -> str:
    """``folder`` as an absolute ``file:`` URI ending in ``/`` (as a base URI must)."""
    return Path(os.path.abspath(folder)).as_uri().rstrip("/") + "/"


def artifact_location(file: str, root: Path, cwd: Path) -> dict[str, str]:
    """SARIF's ``artifactLocation`` for ``file`` as the user named it."""
    absolute = Path(os.path.abspath(cwd / file))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    # bytes, so that a file name that is not UTF-8 (kept as surrogate escapes) is
    # encoded as the bytes it is on disk
    path = os.fsencode(PurePosixPath(*relative.parts).as_posix())
    return {"uri": quote(path, safe="/"), "uriBaseId": SOURCE_ROOT_ID}
