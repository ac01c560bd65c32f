"""``fwchoice init``: write a starter decision file that passes lint as written."""

from pathlib import Path

from fwchoice import console
from fwchoice.atomicfile import write_atomic
from fwchoice.errors import EXIT_OK, UsageError
from fwchoice.sanitize import quote

STARTER = Path(__file__).resolve().parent.parent / "templates" / "starter.yaml"


def run(path: str, *, force: bool) -> int:
    text = STARTER.read_text(encoding="utf-8").replace("THIS_FILE", path)
    target = Path(path)
    if not target.parent.exists():
        try:  # `fwchoice init decisions/db.yaml` in a new repository
            target.parent.mkdir(parents=True)
        except OSError as exc:
            raise UsageError(
                f"cannot create directory {quote(str(target.parent))}: {exc.strerror or exc}"
            ) from None
    write_atomic(path, text, force=force)
    console.info_line(
        f"wrote {path}: edit it, then run `fwchoice lint {path}` and "
        f"`fwchoice advise --criteria {path}`"
    )
    return EXIT_OK
