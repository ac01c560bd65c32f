"""``python -m fwchoice.lint.precompute CRITERIA OUT``: write the precomputed form of
a criteria file (``criteria/shipped.py`` says what it is for). The wheel's build
hook runs it on the shipped file; it refuses a file with any problem."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fwchoice.criteria.loader import content_key
from fwchoice.criteria.shipped import FORMAT, FORMAT_VERSION
from fwchoice.lint.pipeline import run_pipeline


def precompute(raw: bytes, file: str) -> str:
    """The precomputed form of a file, as JSON text; ``ValueError`` if it has problems."""
    outcome = run_pipeline(raw, file, full=False)
    if outcome.diagnostics or outcome.data is None:
        shown = "; ".join(d.format_text() for d in outcome.diagnostics)
        raise ValueError(f"{file} is not precomputed: {shown or 'it could not be read'}")
    stored = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "sha256": content_key(raw),
        "data": outcome.data,
    }
    return json.dumps(stored, ensure_ascii=False, separators=(",", ":"))


def main(argv: list[str]) -> int:
    source, target = (Path(a) for a in argv)
    Path(target).write_text(precompute(source.read_bytes(), str(source)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
