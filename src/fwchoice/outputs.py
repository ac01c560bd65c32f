"""Writing files: one rule for every flag that writes.

``--output``, ``--save-answers``, ``--export``, ``init`` and ``schema --output``
all go through ``OutputPlan``:

- a target is checked before any work is done (so a typo does not cost the
  user their answers): never an existing file without ``--force``, never a
  directory, device or FIFO (not even with ``--force``), never a file the same
  run reads, never the same path twice;
- nothing is written until the command has succeeded: the plan is committed
  last, with every file's content already rendered;
- each file is written to a temporary file in the target's directory (created
  exclusively, never through a symlink), flushed to disk, and only then put in
  place: without ``--force`` by a hard link, which fails if the target appeared
  meanwhile, so of several concurrent writers exactly one succeeds; with
  ``--force`` by an atomic rename. A reader sees the old file or the new one,
  never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from fwchoice.errors import UsageError
from fwchoice.pathkind import describe
from fwchoice.record import NamedTuple
from fwchoice.sanitize import quote

# What link() says on file systems that have no hard links (FAT, some network mounts).
_NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS}
)


class Target(NamedTuple):
    path: str
    flag: str
    """How the user named it, for messages: '--output', '--save-answers'..."""
    force: bool
    make_parents: bool = False
    chosen: bool = False
    """fwchoice chose the name (the next record's number), so --force does not apply:
    a name taken meanwhile is chosen again, never overwritten."""


class TargetTaken(UsageError):
    """A new file's name was taken by another writer between the check and the write."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


def _taken(target: Target) -> TargetTaken:
    shown = quote(target.path)
    if target.chosen:
        return TargetTaken(
            f"{shown} was created by another writer while fwchoice was working; run the "
            "command again",
            target.path,
        )
    return TargetTaken(
        f"{shown} already exists (it appeared while fwchoice was working); add --force to "
        "overwrite it",
        target.path,
    )


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


class OutputPlan:
    """The files one run will write, checked up front and written together at the end."""

    def __init__(self, inputs: list[tuple[str, str | Path]] | None = None) -> None:
        # (how the input is named in messages, its path)
        self._inputs = [(what, _identity(path)) for what, path in inputs or []]
        self._targets: list[Target] = []

    def add_input(self, what: str, path: str | Path) -> None:
        """An input read after the plan was made (answers files...): a later check sees it."""
        self._inputs.append((what, _identity(path)))
        for target in self._targets:
            self._check_not_input(target)

    def add(
        self,
        path: str | None,
        flag: str,
        *,
        force: bool,
        make_parents: bool = False,
        chosen: bool = False,
    ) -> None:
        if path is None:
            return
        target = Target(path, flag, force, make_parents, chosen)
        self._check(target)
        self._targets.append(target)

    def copy(self) -> OutputPlan:
        """The same inputs and targets, to add more to without changing this plan."""
        other = OutputPlan()
        other._inputs = list(self._inputs)
        other._targets = list(self._targets)
        return other

    def _check(self, target: Target) -> None:
        shown = quote(target.path)
        if not target.path.strip():
            raise UsageError(f"{target.flag} needs a file name")
        for other in self._targets:
            if os.path.abspath(other.path) == os.path.abspath(target.path) or (
                _identity(other.path) is not None
                and _identity(other.path) == _identity(target.path)
            ):
                raise UsageError(
                    f"{target.flag} and {other.flag} both name {shown}; give each its own file"
                )
        try:
            info = os.lstat(target.path)
        except FileNotFoundError:
            info = None
        except (OSError, ValueError) as exc:
            raise UsageError(f"cannot write {shown}: {_reason(exc)}") from None
        if info is not None and stat.S_ISLNK(info.st_mode):
            # A symlink is replaced, never written through; what it points at decides
            # whether it is an input (below) or a device (refused).
            followed = _stat_or_none(target.path)
            if followed is not None and not stat.S_ISREG(followed.st_mode):
                raise UsageError(
                    f"{shown} points at {describe(followed.st_mode)}; fwchoice writes only "
                    "regular files"
                )
        elif info is not None and not stat.S_ISREG(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                raise UsageError(f"{shown} is a directory; give a file name")
            raise UsageError(
                f"{shown} is {describe(info.st_mode)}; fwchoice writes only regular files "
                "(leave out the option to print to standard output)"
            )
        # A name fwchoice chose may be taken by another writer by now: it is chosen
        # again when the files are written (and linked exclusively then).
        if info is not None and not target.force and not target.chosen:
            raise UsageError(f"{shown} already exists; add --force to overwrite it")
        self._check_not_input(target)
        directory = _directory(target.path)
        if not directory.is_dir() and not target.make_parents:
            raise UsageError(
                f"cannot write {shown}: directory {quote(str(directory))} does not exist"
            )

    def _check_not_input(self, target: Target) -> None:
        identity = _identity(target.path)
        if identity is None:
            return
        for what, input_identity in self._inputs:
            if identity == input_identity:
                raise UsageError(
                    f"{target.flag} {quote(target.path)} is the {what} this command reads; "
                    "write to another file"
                )

    def commit(self, contents: dict[str, str]) -> list[str]:
        """Write every planned file (``contents`` by path); returns the paths written.

        Everything is staged in temporary files first, so a full disk or a
        permission problem fails before any target is touched; then new files
        are linked into place (exclusively) and forced ones renamed over.
        """
        staged: list[tuple[Target, str]] = []
        created_dirs: list[Path] = []
        placed: list[str] = []
        try:
            for target in self._targets:
                created_dirs += _make_parents(target)
                staged.append((target, _stage(target, contents[target.path].encode("utf-8"))))
            # Exclusive placements first: they are the ones a concurrent writer can beat.
            for target, temporary in sorted(staged, key=lambda s: s[0].force):
                _place(target, temporary)
                placed.append(target.path)
        except BaseException:
            for target, temporary in staged:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                if target.path in placed and not target.force:
                    with contextlib.suppress(OSError):
                        os.unlink(target.path)
            for directory in reversed(created_dirs):
                with contextlib.suppress(OSError):
                    directory.rmdir()
            raise
        for _, temporary in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return placed


def _stat_or_none(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _directory(path: str) -> Path:
    parent = Path(path).parent
    return parent if str(parent) else Path(".")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return str(exc) or type(exc).__name__


def _make_parents(target: Target) -> list[Path]:
    """Create missing parent directories (for ``init``); returns those created."""
    if not target.make_parents:
        return []
    missing = []
    directory = _directory(target.path)
    while not directory.exists():
        missing.append(directory)
        directory = directory.parent
    for directory in reversed(missing):
        try:
            directory.mkdir()
        except OSError as exc:
            raise UsageError(
                f"cannot create directory {quote(str(directory))}: {_reason(exc)}"
            ) from None
    return list(reversed(missing))


def _stage(target: Target, data: bytes) -> str:
    """Write ``data`` to a new temporary file beside the target; returns its path."""
    shown = quote(target.path)
    import tempfile  # only when a file is written: it imports `random`

    name = Path(target.path).name
    try:
        # mkstemp opens with O_CREAT | O_EXCL: never an existing file or a planted symlink.
        fd, temporary = tempfile.mkstemp(
            prefix=f".{name[:64]}.", suffix=".tmp", dir=_directory(target.path)
        )
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot write {shown}: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UsageError(f"cannot write {shown}: {_reason(exc)}") from None
    return temporary


def _place(target: Target, temporary: str) -> None:
    shown = quote(target.path)
    if target.force:
        current = _lstat_or_none(target.path)
        if current is not None and not (
            stat.S_ISREG(current.st_mode) or stat.S_ISLNK(current.st_mode)
        ):
            raise UsageError(
                f"{shown} is {describe(current.st_mode)}; fwchoice writes only regular files"
            )
        if current is not None and stat.S_ISREG(current.st_mode):
            # Keep the permissions of the file being replaced.
            with contextlib.suppress(OSError):
                os.chmod(temporary, current.st_mode & 0o7777)
        try:
            os.replace(temporary, target.path)
        except OSError as exc:
            raise UsageError(f"cannot write {shown}: {_reason(exc)}") from None
        return
    try:
        os.link(temporary, target.path)
    except FileExistsError:
        raise _taken(target) from None
    except OSError as exc:
        if exc.errno not in (
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EMLINK,
            errno.ENOSYS,
        ):
            raise UsageError(f"cannot write {shown}: {_reason(exc)}") from None
        _place_without_links(target, temporary)


def _place_without_links(target: Target, temporary: str) -> None:
    """For file systems without hard links: create the target exclusively and copy."""
    shown = quote(target.path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(target.path, flags, 0o666)
    except FileExistsError:
        raise _taken(target) from None
    except OSError as exc:
        raise UsageError(f"cannot write {shown}: {_reason(exc)}") from None
    try:
        with open(temporary, "rb") as source, os.fdopen(fd, "wb") as handle:
            handle.write(source.read())
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(target.path)
        raise UsageError(f"cannot write {shown}: {_reason(exc)}") from None


def _lstat_or_none(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (OSError, ValueError):
        return None


LOCK_WAIT = 30.0
"""Seconds to wait for another fwchoice filing a record in the same folder."""


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder`` for one writer at a time (an advisory ``flock`` on the folder
    itself, so no lock file is left in it): numbering a record and editing the record
    it supersedes are then one step with respect to any other fwchoice, and no
    writer's link is lost. Where ``flock`` does not exist (Windows), exclusive creation
    alone keeps numbers unique."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    import time

    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise UsageError(f"cannot write in {quote(str(folder))}: {_reason(exc)}") from None
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise UsageError(
                        f"another fwchoice has been filing a record in {quote(str(folder))} "
                        f"for {LOCK_WAIT:.0f} seconds; try again when it has finished"
                    ) from None
                time.sleep(0.02)
            except OSError:
                break  # a file system without locks: exclusive creation still holds
        yield
    finally:
        os.close(fd)
