"""A located problem in a criteria file, as lint reports it."""

from typing import Literal

from fwchoice.record import NamedTuple
from fwchoice.sanitize import visible

Severity = Literal["error", "warning"]
DataPath = tuple[str | int, ...]


class Span(NamedTuple):
    """A region of the file; lines and columns are 1-based, the end is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


def json_pointer(path: DataPath) -> str:
    """RFC 6901 pointer for a data path: ``/criteria/speed/ratings/option_a``."""
    parts = (str(p).replace("~", "~0").replace("/", "~1") for p in path)
    return "".join("/" + p for p in parts)


class Diagnostic(NamedTuple):
    file: str
    span: Span
    code: str
    severity: Severity
    message: str
    data_path: DataPath = ()

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    @property
    def pointer(self) -> str:
        return json_pointer(self.data_path)

    def format_text(self) -> str:
        """``PATH:LINE:COL: CODE severity: message``: one line, whatever the file name
        or the message (which may quote data) holds."""
        message = " ".join(visible(self.message).split())
        where = f"{visible(self.file)}:{self.line}:{self.column}"
        return f"{where}: {self.code} {self.severity}: {message}"

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.span.line, self.span.column, self.code, self.message)
