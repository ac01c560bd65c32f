"""The JSON every command prints or writes: indented, readable UTF-8, newline-ended.

Unsafe characters in strings (escape sequences, bidi controls, undecodable
bytes of a file name) are written as JSON ``\\uXXXX`` escapes, so the JSON shows
nothing raw on a terminal and still reads back as exactly the original text.
"""

from __future__ import annotations

import json

from fwchoice.sanitize import json_safe


def json_text(data: object) -> str:
    return json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
