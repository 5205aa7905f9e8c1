"""Replace a file so that it is either all old or all new, never half written.

Every writer of OrgModel (native model, CSV, xlsx, GraphML, draw.io, PNG/SVG/PDF exports,
table and chart exports; command line and editor) goes through this module: the bytes go to
a temporary file in the same folder (:func:`write_file`, or streamed through
:class:`AtomicFile`), are flushed and fsynced, take the old file's permissions, and only
then is the temporary renamed over the file (``os.replace``, atomic on POSIX and Windows)
and the folder fsynced so that the rename itself survives a power cut. On any failure, a
full disk, ``ulimit -f``, Ctrl+C or ``kill`` (see :mod:`orgmodel.interrupts`), the old file
is byte for byte what it was, no temporary is left behind (a SIGKILL leaves one, removed
by the next write of that file), and :class:`SaveError` names the file and says why.

One policy for what is at the path (docs/file-format.md, "Writing files"):

- a symbolic link is followed and its target replaced, the link kept (as editors do with a
  linked dotfile); the command line says where it wrote. A link to nothing (dangling) or a
  loop is refused: the file would appear somewhere no one asked for.
- a read-only file (no write permission bit) is refused, also for root, who could replace
  it: read-only means "do not change this".
- something that is not a regular file (a folder, a device, a FIFO) is refused.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

from orgmodel import interrupts
from orgmodel.errors import OrgModelError
from orgmodel.formats.file_errors import os_reason
from orgmodel.i18n import Text, tr


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


def refused(shown: str | os.PathLike[str], reason: Text) -> SaveError:
    """``cannot save <file>: <reason>`` for a file the writing policy refuses."""
    return SaveError(tr("cannot save {file}: {reason}", file=str(shown), reason=reason), reason)


def write_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` (or create it) with ``data``, atomically.

    Raises :class:`SaveError` naming ``path``; the previous file is then untouched.

    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_file(Path(folder, "units.csv"), b"id,name")
    ...     Path(folder, "units.csv").read_bytes(), os.listdir(folder)
    (b'id,name', ['units.csv'])
    """
    with AtomicFile(path) as handle:
        handle.write(data)


#: The temporary files of the writes under way: whatever interrupts a command between making
#: one and entering its ``with`` block, :func:`remove_temporaries` still finds it.
_temporaries: set[str] = set()


def _remove(name: str) -> None:
    _temporaries.discard(name)
    try:
        os.unlink(name)
    except OSError:
        pass


def remove_temporaries() -> None:
    """Remove the temporary files of every write under way (an interrupted command, on its
    way out): the files they would have replaced stay as they were."""
    for name in list(_temporaries):
        _remove(name)


class AtomicFile:
    """A new version of ``path`` written piece by piece, for writers that stream (a PNG
    encoded chunk by chunk) or write a whole file at once; ``path`` is replaced only by
    :meth:`commit`. As a context manager: committed on a normal exit, discarded on any
    exception (the previous file untouched, the temporary removed).

    >>> with tempfile.TemporaryDirectory() as folder:
    ...     with AtomicFile(Path(folder, "a.png")) as handle:
    ...         handle.write(b"one "); handle.write(b"two")
    ...     Path(folder, "a.png").read_bytes(), os.listdir(folder)
    (b'one two', ['a.png'])
    """

    def __init__(self, path: str | os.PathLike[str], target: Path | None = None, mode: int | None = None) -> None:
        self.shown = path
        self.target = real_target(path) if target is None else Path(target)
        self.mode = file_mode(self.target, path) if mode is None else mode
        remove_stray_temporaries(self.target)
        self.name: str = ""
        self.handle: BinaryIO | None = None
        with interrupts.critical():  # made and recorded, or not made at all
            try:
                fd, self.name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent)
            except OSError as error:
                raise cannot_save(path, error) from None
            _temporaries.add(self.name)
            self.handle = os.fdopen(fd, "wb")
        try:
            interrupts.check()  # a signal that came meanwhile
        except BaseException:
            self.discard()
            raise

    def write(self, data: bytes | memoryview) -> None:
        """Append ``data``; :class:`SaveError` (and the temporary removed) if it cannot."""
        try:
            self.handle.write(data)  # type: ignore[union-attr]
        except OSError as error:
            self.discard()
            raise cannot_save(self.shown, error) from None

    def commit(self) -> None:
        """Flush, fsync, give the old file's permissions, and rename over the file."""
        try:
            handle, self.handle = self.handle, None
            assert handle is not None  # committed once, never after a discard
            try:
                handle.flush()
                os.fsync(handle.fileno())
            finally:
                handle.close()
            os.chmod(self.name, self.mode)
            interrupts.check()  # a Ctrl+C noted while Qt drew: the old file stays
            os.replace(self.name, self.target)
            _temporaries.discard(self.name)
            self.name = ""
        except OSError as error:
            raise cannot_save(self.shown, error) from None
        finally:
            self.discard()
        _fsync_folder(self.target.parent)

    def discard(self) -> None:
        """Drop what was written: the previous file stays as it was."""
        handle, self.handle = self.handle, None
        if handle is not None:
            try:
                handle.close()
            except OSError:
                pass
        if self.name:
            _remove(self.name)
            self.name = ""

    def __enter__(self) -> "AtomicFile":
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a save of ``path`` replaces: a symbolic link's target, not the link.

    Raises :class:`SaveError` for a link to nothing or a loop of links."""
    if not os.path.islink(path):
        return Path(os.path.abspath(path))
    try:
        target = Path(os.path.realpath(path, strict=True))
    except (OSError, RuntimeError):
        raise refused(path, tr("it is a symbolic link to a missing file ({target}); write to that file or remove the link",
                                target=os.readlink(path))) from None
    return target


def file_mode(target: Path, shown: str | os.PathLike[str]) -> int:
    """The permissions of the file that ``target`` replaces, or the usual ones of a new file.

    Raises :class:`SaveError` when ``target`` is read-only or not a regular file."""
    try:
        status = target.stat()
    except FileNotFoundError:
        return new_file_mode()
    except OSError as error:
        raise cannot_save(shown, error) from None
    if stat.S_ISDIR(status.st_mode):
        raise refused(shown, tr("it is a folder"))
    if not stat.S_ISREG(status.st_mode):
        raise refused(shown, tr("it is not a regular file"))
    if not status.st_mode & 0o222:
        raise refused(shown, tr("the file is read-only"))
    return status.st_mode & 0o7777


def new_file_mode() -> int:
    """What ``open(path, "w")`` would give a new file: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace_file(target: Path, data: bytes, mode: int, shown: str | os.PathLike[str]) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``
    (``target`` and ``mode`` already decided by :func:`real_target` and :func:`file_mode`)."""
    with AtomicFile(shown, target, mode) as pending:
        pending.write(data)


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
