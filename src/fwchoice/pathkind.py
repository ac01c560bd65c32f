"""What a path given on the command line is, in the words a message uses.

fwchoice reads and writes regular files only: a FIFO would block a read (or a
write) forever, a device can be endless (/dev/zero) or swallow output.
"""

from __future__ import annotations

import stat


def describe(mode: int) -> str:
    """'a directory', 'a FIFO', 'a character device'... for a file's ``st_mode``."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISREG(mode):
        return "a regular file"
    return "not a regular file"
