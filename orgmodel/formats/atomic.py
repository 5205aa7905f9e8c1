"""Replace a file so that it is either all old or all new, never half written.

Every writer of :mod:`orgmodel.formats` makes its bytes in memory first and hands them to
:func:`write_file`: the bytes go to a temporary file in the same folder, are flushed and
fsynced, take the old file's permissions, and only then is the temporary renamed over the
file (``os.replace``, atomic on POSIX and Windows) and the folder fsynced so that the rename
itself survives a power cut. A symbolic link keeps pointing where it did: its target is
replaced. On any failure the old file is byte for byte what it was, no temporary is left
behind, and :class:`SaveError` names the file and says why.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from orgmodel.errors import OrgModelError
from orgmodel.formats.file_errors import os_reason
from orgmodel.i18n import tr


class SaveError(OrgModelError):
    """The model could not be written; the previous file is untouched.

    ``reason`` is the operating system's reason when a system call failed, else ``None``.
    """

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason


def cannot_save(shown: str | os.PathLike[str], error: OSError) -> SaveError:
    """``cannot save <file>: <reason>`` for a failed system call while saving ``shown``."""
    reason = os_reason(error)
    return SaveError(tr("cannot save {file}: {reason}", file=str(shown), reason=reason), reason)


def write_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` (or create it) with ``data``, atomically.

    Raises :class:`SaveError` naming ``path``; the previous file is then untouched.

    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_file(Path(folder, "units.csv"), b"id,name")
    ...     Path(folder, "units.csv").read_bytes(), os.listdir(folder)
    (b'id,name', ['units.csv'])
    """
    target = real_target(path)
    mode = file_mode(target, path)
    remove_stray_temporaries(target)
    replace_file(target, data, mode, path)


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a save of ``path`` replaces: a symbolic link's target, not the link."""
    return Path(os.path.realpath(path))


def file_mode(target: Path, shown: str | os.PathLike[str]) -> int:
    """The permissions of the file that ``target`` replaces, or the usual ones of a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return new_file_mode()
    except OSError as error:
        raise cannot_save(shown, error) from None


def new_file_mode() -> int:
    """What ``open(path, "w")`` would give a new file: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace_file(target: Path, data: bytes, mode: int, shown: str | os.PathLike[str]) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``."""
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_folder(target.parent)
    except OSError as error:
        raise cannot_save(shown, error) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def remove_stray_temporaries(target: Path, older_than: float = 60.0) -> None:
    """Temporary files of ``target`` that an interrupted save left behind (a killed
    process cannot clean up). Only older ones: a save in progress elsewhere is left alone."""
    now = time.time()
    for stray in target.parent.glob(f".{target.name}.*.tmp"):
        try:
            if now - stray.stat().st_mtime > older_than:
                stray.unlink()
        except OSError:
            pass


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
