"""Decision records on disk: ``--adr-dir``, ``--supersedes``, people, status and dates.

Works out where a record goes in an ADR folder (its scheme and layout), what its
header says, which older record it supersedes and how that record is edited,
and adds both files to the run's output plan, so they are written together,
atomically, and only if the run succeeds.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from fwchoice.adr.folder import Folder, find, inspect, next_name, number_of
from fwchoice.adr.layout import Header, Link, record_title, supersede
from fwchoice.dates import today
from fwchoice.errors import UsageError
from fwchoice.outputs import OutputPlan
from fwchoice.record import NamedTuple
from fwchoice.sanitize import quote

if TYPE_CHECKING:
    from fwchoice.criteria.loader import LoadedCriteria
    from fwchoice.decide.report import AdviceReport
    from fwchoice.render.advice_markdown import RecordMeta

Status = Literal["proposed", "accepted"]


class RecordOptions(NamedTuple):
    """The flags that shape a decision record."""

    adr_dir: str | None = None
    status: Status = "proposed"
    deciders: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    supersedes: str | None = None
    review_by: str | None = None


class PlannedRecord(NamedTuple):
    path: str | None
    """Where --adr-dir puts the record (None: no folder given)."""
    header: Header
    supersedes: Link | None
    review_by: str | None
    old: tuple[str, str] | None
    """The superseded record's path and its text once marked superseded."""

    def meta(self, replay: dict[str, Any], source: str) -> RecordMeta:
        """What the Markdown record says about itself, embedding ``replay``."""
        from fwchoice.render.advice_markdown import RecordMeta

        return RecordMeta(self.header, self.supersedes, self.review_by, record_yaml(replay), source)

    def files(self, markdown: Callable[[], str]) -> dict[str, str]:
        """The files --adr-dir (and --supersedes) write; the Markdown is made only if needed."""
        if not self.path:
            return {}
        files = {self.path: markdown()}
        if self.old is not None:
            files[self.old[0]] = self.old[1]
        return files


MAX_TRIES = 20
"""Names to try when other writers (adr-tools, a person) keep taking the next number."""


class RecordFiling:
    """A record for ``--adr-dir``: planned now (so a wrong --supersedes stops the run
    before any work), and planned again when it is written, inside the folder's lock:
    the next number, and the superseded record read and edited, as they are then."""

    def __init__(
        self,
        options: RecordOptions,
        replay: dict[str, Any],
        render: Callable[[PlannedRecord], str],
        *,
        title: str,
        date: str | None,
        review_after: int | None,
        deciders: tuple[str, ...] = (),
    ) -> None:
        self._options = options
        self._render = render
        self._args = (title, date, review_after, deciders)
        self.planned = self._plan()
        if self.planned.review_by:
            replay["review_by"] = self.planned.review_by

    def _plan(self) -> PlannedRecord:
        title, date, review_after, deciders = self._args
        return plan_record(
            self._options, title=title, date=date, review_after=review_after, deciders=deciders
        )

    def markdown(self) -> str:
        """The record as planned now (what --format markdown prints)."""
        return self._render(self.planned)

    def check(self, plan: OutputPlan) -> None:
        """The record's files can be written beside the plan's (no clash, no device)."""
        _add_files(plan.copy(), self.planned)

    def commit(self, plan: OutputPlan, contents: dict[str, str]) -> list[str]:
        """Write the plan's files and the record's; returns the paths written."""
        if self.planned.path is None:
            return plan.commit(contents)
        from fwchoice.outputs import TargetTaken, folder_lock

        folder = Path(self._options.adr_dir or ".")
        created = _make_folder(folder)
        try:
            with folder_lock(folder):
                for _ in range(MAX_TRIES):
                    filed = self._plan()
                    trial = plan.copy()
                    _add_files(trial, filed)
                    files = filed.files(lambda: self._render(filed))  # noqa: B023
                    try:
                        return trial.commit({**contents, **files})
                    except TargetTaken as taken:
                        if taken.path != filed.path:
                            raise
        except BaseException:
            for directory in reversed(created):
                with contextlib.suppress(OSError):
                    directory.rmdir()
            raise
        raise UsageError(
            f"could not file the record in {quote(str(folder))}: other writers took "
            f"{MAX_TRIES} names in a row; run the command again"
        )


def _add_files(plan: OutputPlan, filed: PlannedRecord) -> None:
    # A new record never replaces a file; the superseded one is meant to change.
    plan.add(filed.path, "--adr-dir", force=False, make_parents=True, chosen=True)
    if filed.old is not None:
        plan.add(filed.old[0], "--supersedes", force=True)


def _make_folder(folder: Path) -> list[Path]:
    """Create the record folder (and its parents) if missing; returns those created."""
    missing = []
    directory = folder
    while not directory.exists():
        missing.append(directory)
        if directory.parent == directory:
            break
        directory = directory.parent
    for directory in reversed(missing):
        try:
            directory.mkdir()
        except FileExistsError:
            pass
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise UsageError(f"cannot create directory {quote(str(directory))}: {reason}") from None
    return list(reversed(missing))


def plan_record(
    options: RecordOptions,
    *,
    title: str,
    date: str | None,
    review_after: int | None,
    deciders: tuple[str, ...] = (),
) -> PlannedRecord:
    """Where the record goes and what its header says. A record filed into a folder
    gets a date (today unless --date); a review date comes from --review-by, or from
    the criteria file's ``decision.review_after`` days."""
    people = options.deciders or deciders
    if options.adr_dir is None:
        if options.supersedes is not None:
            raise UsageError("--supersedes needs --adr-dir: the folder that holds record N")
        header = Header("madr", title, options.status, date, people, options.consulted,
                        options.informed)  # fmt: skip
        return PlannedRecord(None, header, None, _review_by(options, date, review_after), None)
    folder = inspect(Path(options.adr_dir))
    date = date or today()
    name = next_name(folder, title, date)
    number = number_of(name) if folder.layout == "adr-tools" else None
    header = Header(folder.layout, title, options.status, date, people, options.consulted,
                    options.informed, number)  # fmt: skip
    path = str(Path(options.adr_dir) / name)
    link, old = None, None
    if options.supersedes is not None:
        link, old = _superseding(folder, options.supersedes, name, header)
    return PlannedRecord(path, header, link, _review_by(options, date, review_after), old)


def check_people(options: RecordOptions) -> None:
    """Each --decider, --consulted and --informed is a name a record can hold: not
    blank, at most ``NAME_LENGTH`` characters as shown, at most ``MAX_MEMBERS`` each."""
    from fwchoice.criteria.fileformat import MAX_MEMBERS, NAME_LENGTH
    from fwchoice.sanitize import visible

    for flag, people in (
        ("--decider", options.deciders),
        ("--consulted", options.consulted),
        ("--informed", options.informed),
    ):
        if len(people) > MAX_MEMBERS:
            raise UsageError(f"{flag} is given {len(people)} times; a record names at most "
                             f"{MAX_MEMBERS}")  # fmt: skip
        for name in people:
            if not name.strip():
                raise UsageError(f"{flag} needs a person's name; got an empty one")
            if len(visible(name)) > NAME_LENGTH:
                raise UsageError(
                    f"{flag} {quote(name)}: a name is at most {NAME_LENGTH} characters "
                    f"(escapes shown); this one is {len(visible(name))}"
                )


def check_folder(options: RecordOptions) -> None:
    """Before any question: the folder can hold records, and --supersedes names one."""
    path = Path(options.adr_dir or ".")
    if path.exists() and not path.is_dir():
        raise UsageError(f"--adr-dir {quote(str(path))} is not a folder")
    if options.supersedes is not None and find(inspect(path), options.supersedes) is None:
        raise UsageError(
            f"--supersedes: no record {quote(options.supersedes)} in {quote(str(path))}; give "
            "its number (e.g. 2) or file name"
        )


def _superseding(
    folder: Folder, reference: str, new_name: str, header: Header
) -> tuple[Link, tuple[str, str]]:
    target = find(folder, reference)
    if target is None:
        raise UsageError(
            f"--supersedes: no record {quote(reference)} in {quote(str(folder.path))}; give "
            "its number (e.g. 2) or file name"
        )
    text = _read(target)
    new_title = f"{header.number}. {header.title}" if header.number is not None else header.title
    by = Link("Superseded by", new_name[:-3] if folder.layout == "log4brains" else new_title,
              new_name)  # fmt: skip
    old_title = record_title(text, folder.layout)
    link = Link(
        "Supersedes",
        target.stem if folder.layout == "log4brains" else old_title,
        target.name,
    )
    return link, (str(target), supersede(text, by))


def _read(path: Path) -> str:
    from fwchoice.criteria.loader import read_bounded

    data = read_bounded(path, str(path), "decision record")
    if not isinstance(data, bytes):
        raise UsageError(data.format_text())
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"decision record {quote(str(path))} is not UTF-8 text") from None


def _review_by(options: RecordOptions, date: str | None, review_after: int | None) -> str | None:
    if options.review_by:
        return options.review_by
    if review_after is None:
        return None
    start = datetime.date.fromisoformat(date) if date else datetime.date.today()
    try:
        return (start + datetime.timedelta(days=review_after)).isoformat()
    except OverflowError:
        raise UsageError(
            f"the review date, {review_after} days (the criteria file's "
            f"decision.review_after) after {start.isoformat()}, is past 9999-12-31; give an "
            "earlier --date or a --review-by date"
        ) from None


def replay_head(
    marker: str, loaded: LoadedCriteria, result: AdviceReport, ratings: str
) -> dict[str, Any]:
    """How every replayable record begins (saved answers, a record's replay block, a
    team record): its marker, the criteria file it was made with, the ratings it was
    scored by, and the verdict of ``result`` (an advice) then."""
    from fwchoice.criteria.fileformat import ANSWERS_FORMAT_VERSION

    verdict = result.verdict
    return {
        marker: ANSWERS_FORMAT_VERSION,
        "criteria": {
            "path": loaded.source.portable(),
            "version": loaded.document.version,
            "sha256": loaded.sha256,
        },
        "ratings": ratings,
        "verdict": {
            "kind": verdict.kind,
            "winner": verdict.winner,
            "runner_up": verdict.runner_up,
            "margin": verdict.margin,
            "scores": {s.option: s.score for s in result.scores},
        },
    }


def record_yaml(record: dict[str, Any]) -> str:
    """A saved answers (or team) record as YAML, labels through the output gate.

    Text that could look like a number or a boolean to some YAML reader (``1e3``,
    ``010``, ``on``) is quoted: fwchoice reads its records back strictly (FWC116), so
    what it writes must mean one thing to every reader."""
    import yaml

    from fwchoice.criteria.yamlfile import may_read_otherwise
    from fwchoice.sanitize import visible_data

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = '"' if may_read_otherwise(value) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return yaml.dump(
        visible_data(record), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100
    )
