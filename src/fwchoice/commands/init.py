"""``fwchoice init``: write a starter decision file that passes lint as written."""

from pathlib import Path

from fwchoice import console
from fwchoice.errors import EXIT_OK
from fwchoice.outputs import OutputPlan
from fwchoice.sanitize import visible

STARTER = Path(__file__).resolve().parent.parent / "templates" / "starter.yaml"


def run(path: str, *, force: bool) -> int:
    plan = OutputPlan()
    # `fwchoice init decisions/db.yaml` in a new repository creates decisions/.
    plan.add(path, "init", force=force, make_parents=True)
    # The path goes into comment lines: made visible, it cannot start a new YAML line.
    text = STARTER.read_text(encoding="utf-8").replace("THIS_FILE", visible(path))
    plan.commit({path: text})
    console.info_line(
        f"wrote {path}: edit it, then run `fwchoice lint {path}` and "
        f"`fwchoice advise --criteria {path}`"
    )
    return EXIT_OK
