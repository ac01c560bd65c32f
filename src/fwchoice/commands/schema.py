"""``fwchoice schema``: the criteria format as JSON Schema (draft 2020-12)."""

from __future__ import annotations

import json

from fwchoice import console
from fwchoice.errors import EXIT_OK
from fwchoice.fileformat import json_schema


def render_schema() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def run(output: str | None, *, force: bool) -> int:
    text = render_schema()
    if output:
        from fwchoice.atomicfile import write_atomic

        write_atomic(output, text, force=force)
        console.info_line(f"wrote {output}")
    else:
        console.write(text)
    return EXIT_OK
