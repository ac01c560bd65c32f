"""The files this run has read, so that nothing it writes on the side is one of them.

``OutputPlan`` checks the files a command writes against the inputs it names; the
job summary (``GITHUB_STEP_SUMMARY``) is named by the environment, after any of
them were read, so every file read through ``criteria.loader.read_bounded`` (the
criteria file, answers files, records, files to lint) is noted here by identity
(device and inode: a symlink or a second name of the same file is the same file).
"""

from __future__ import annotations

import os

_READ: set[tuple[int, int]] = set()


def note_read(info: os.stat_result) -> None:
    """Remember a file this run read (its ``fstat``)."""
    _READ.add((info.st_dev, info.st_ino))


def was_read(info: os.stat_result) -> bool:
    """Whether the file ``info`` describes is one this run read."""
    return (info.st_dev, info.st_ino) in _READ


def forget() -> None:
    """Start a new run (the CLI calls it; tests run many in one process)."""
    _READ.clear()
