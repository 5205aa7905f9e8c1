"""Why a file cannot be read or written, in the same words for every format.

>>> str(read_problem(FileNotFoundError(2, "No such file or directory"), tr("is a folder")))
'no such file'
>>> str(read_problem(OSError(5, "Input/output error"), tr("is a folder")))
'cannot read: Input/output error'
"""

from __future__ import annotations

import os
import stat

from orgmodel.i18n import Text, tr


def os_reason(error: OSError) -> str:
    """The operating system's own words for ``error`` ("No space left on device")."""
    return error.strerror or str(error)


def cannot_read(error: OSError) -> Text:
    """``cannot read: <reason>``."""
    return tr("cannot read: {reason}", reason=os_reason(error))


def read_problem(error: OSError, folder: Text) -> Text:
    """Why reading a file failed: no such file, ``folder`` (the format's own words for a
    folder where a file was expected), permission denied, or the system's reason."""
    if isinstance(error, FileNotFoundError):
        return tr("no such file")
    if isinstance(error, IsADirectoryError):
        return folder
    if isinstance(error, PermissionError):
        return tr("permission denied")
    return cannot_read(error)


def special_file(path: str | os.PathLike[str]) -> Text | None:
    """``not a regular file`` when ``path`` (followed through symlinks) is a named pipe, a
    device or a socket: reading one could wait forever (a FIFO) or never end (``/dev/zero``).
    ``None`` for a regular file, a folder or a path that cannot be examined (the reader then
    says why in its own words)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return tr("not a regular file")
