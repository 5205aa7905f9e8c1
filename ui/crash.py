"""When something goes wrong inside the editor: say so, keep running, keep a trace.

An exception escaping a slot would otherwise print a traceback to a terminal nobody sees
(or abort Python 3.11 inside some Qt calls); here it becomes a dialog with the details one
click away. Native crashes (segfaults) are written by ``faulthandler`` to a log file in the
application-data folder, so a report can say what happened.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.i18n import translate

_log_file = None
_installed = False
#: Called before the dialog, so the work is in the recovery folder whatever happens next.
_before_dialog: list = []


def crash_log_path() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return os.path.join(folder, "crash.log")


def install(autosave=None) -> None:
    """Catch unhandled Python exceptions and trace native crashes; ``autosave`` runs first
    when an exception is caught, as does the autosave of every open window (see
    :func:`autosaves`). A second call only adds its ``autosave``: the log file is opened once."""
    global _log_file, _installed
    if autosave is not None and autosave not in _before_dialog:
        _before_dialog.append(autosave)
    if _installed:
        return
    _installed = True
    try:
        path = crash_log_path()
        os.makedirs(os.path.dirname(path), exist_ok=True)
        _log_file = open(path, "a", encoding="utf-8")  # kept open: faulthandler writes on crash
        faulthandler.enable(_log_file)
    except OSError:
        faulthandler.enable()
    sys.excepthook = handle


def autosaves() -> list:
    """What runs before the dialog: the autosaves given to :func:`install`, then the
    ``autosave_now`` of every open window (each window's document, however it was opened:
    at start, restored after a crash, or later). A closed window is not open: its work was
    saved or knowingly discarded."""
    found = [autosave for autosave in _before_dialog if _open(getattr(autosave, "__self__", None))]
    for widget in QApplication.topLevelWidgets():
        autosave = getattr(widget, "autosave_now", None)
        if callable(autosave) and _open(widget) and autosave not in found:
            found.append(autosave)
    return found


def _open(owner: object) -> bool:
    """Whether an autosave's owner is open: not a widget, or a widget shown (not closed,
    not deleted)."""
    if not isinstance(owner, QWidget):
        return True
    try:
        return owner.isVisible()
    except RuntimeError:  # its C++ side is gone
        return False


def handle(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Show what happened; the application keeps running."""
    details = "".join(traceback.format_exception(kind, error, trace))
    print(details, file=sys.stderr)
    if QApplication.instance() is None:
        return
    for autosave in autosaves():
        try:
            autosave()
        except Exception:  # the dialog matters more than a failed autosave
            traceback.print_exc()
    show_error(f"{kind.__name__}: {error}", details)


def show_error(summary: str, details: str) -> None:
    """The dialog (tests replace this)."""
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("Crash", "Something went wrong"))
    box.setText(translate("Crash", "OrgModel hit an unexpected problem and stopped what it was doing. Your document is still open; save it under a new name to be safe."))
    box.setInformativeText(summary)
    box.setDetailedText(details)
    copy = box.addButton(translate("Crash", "Copy Details"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(details)
