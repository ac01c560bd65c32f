"""The shipped criteria file, precomputed when the wheel is built: a faster first run.

A wheel carries ``precomputed.json`` beside its ``criteria.yaml``: the SHA-256 of
that file's bytes and its data as the file format checked it (``hatch_build.py``
writes it with ``python -m fwchoice.lint.precompute``; a file with any problem is
not precomputed). When a command's criteria file hashes to exactly those bytes
(the built-in file, or an unchanged copy of it), the document is built from that
data, without parsing and validating the YAML again; any other file goes the
usual way. It is part of the installed package, like the code: nothing is written
at run time, so no user's file can reach it. A checkout has none (``src/`` is not
a wheel), so tests and development always take the usual way unless a test
writes one.
"""

from __future__ import annotations

from pathlib import Path

from fwchoice.criteria.build import build_document
from fwchoice.criteria.model import Document

PRECOMPUTED = Path(__file__).resolve().parents[1] / "precomputed.json"
FORMAT = "fwchoice.precomputed"
FORMAT_VERSION = 1


def precomputed_document(digest: str) -> Document | None:
    """The document of the file whose bytes hash to ``digest``, if it was precomputed."""
    try:
        text = PRECOMPUTED.read_text(encoding="utf-8")
    except OSError:
        return None
    import json

    stored = json.loads(text)
    if (stored.get("format"), stored.get("format_version"), stored.get("sha256")) != (
        FORMAT,
        FORMAT_VERSION,
        digest,
    ):
        return None
    return build_document(stored["data"])
