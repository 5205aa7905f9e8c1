"""Saving a model to its ``.orgmodel`` file: the text from :mod:`orgmodel.formats.native_dump`,
a ``.bak`` of the previous version, one atomic replace (:mod:`orgmodel.formats.atomic`), and
the bytes read back and compared before the save counts as done."""

from __future__ import annotations

import os
from pathlib import Path

from orgmodel.formats.atomic import SaveError, cannot_save, file_mode, real_target, remove_stray_temporaries, replace_file
from orgmodel.formats.file_errors import os_reason
from orgmodel.formats.native_dump import dump_bytes
from orgmodel.i18n import tr
from orgmodel.model import OrgModel


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where :func:`save` keeps the previous version: ``<name>.orgmodel.bak``."""
    target = real_target(path)
    return target.with_name(target.name + ".bak")


def save(model: OrgModel, path: str | os.PathLike[str], *, backup: bool = True) -> None:
    """Write ``model`` to ``path`` atomically: the old file survives any failure intact.

    The text is made in memory, written to a temporary file in the same folder, flushed and
    fsynced, and only then renamed over the original (a symlink's target is replaced, not
    the link): see :mod:`orgmodel.formats.atomic`. The previous version is kept as
    ``<name>.bak`` (written the same way first), the new file is read back and compared byte
    for byte before this returns, and temporary files left by an interrupted earlier save of
    the same file are removed. Raises :class:`SaveError` with a plain reason.
    """
    try:
        data = dump_bytes(model)
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end]
        raise SaveError(
            tr("cannot save {file}: the model contains text that is not valid Unicode ({text!a})", file=str(path), text=bad)
        ) from None
    target = real_target(path)
    mode = file_mode(target, path)
    try:
        previous = target.read_bytes() if backup else None
    except FileNotFoundError:
        previous = None
    except OSError as error:
        raise cannot_save(path, error) from None
    remove_stray_temporaries(target)
    remove_stray_temporaries(backup_path(target))
    if previous is not None and previous != data:
        replace_file(backup_path(target), previous, mode, path)
    replace_file(target, data, mode, path)
    # Read back what the disk now holds: a save is only done when the disk gives back the
    # very bytes we meant. (Parsing them again would only re-check our own serialiser, which
    # the tests do; it cost more than the rest of the save.)
    try:
        written = target.read_bytes()
    except OSError as error:
        raise SaveError(
            tr(
                "cannot save {file}: the saved file cannot be read back ({reason})",
                file=str(path),
                reason=os_reason(error),
            )
        ) from None
    if written != data:
        raise SaveError(
            tr(
                "cannot save {file}: the saved file reads back differently; the previous version is in {backup}",
                file=str(path),
                backup=backup_path(target).name,
            )
        )
