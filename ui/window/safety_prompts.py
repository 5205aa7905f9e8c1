"""Keeping work safe, in the window: autosave and recovery, files changed on disk, files
open twice. A mixin of the main window (it uses its document, status bar and dialogs),
kept apart so the window stays about menus, canvas and documents.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from orgmodel.errors import OrgModelError
from orgmodel.formats.file_errors import os_reason

from ui import i18n
from ui.dialogs.recovery_dialog import RecoveryDialog
from ui.editing.autosave import Recovered, left_behind


class SafetyMixin:
    """Autosave, recovery, conflicts and locks for :class:`ui.window.main_window.MainWindow`."""

    def ask_locked(self, path: str, owner: str) -> str:
        """The file is open elsewhere: "read-only", "anyway" or "cancel" (tests replace this)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("File already open"))
        box.setText(self.tr("“%1” is open in another OrgModel (%2).").replace("%1", os.path.basename(path)).replace("%2", owner))
        read_only = box.addButton(self.tr("Open Read-Only"), QMessageBox.ButtonRole.AcceptRole)
        anyway = box.addButton(self.tr("Open Anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {read_only: "read-only", anyway: "anyway"}.get(box.clickedButton(), "cancel")

    # -- autosave and recovery -------------------------------------------------------------

    def _edited(self, *_: object) -> None:
        if not self.document.is_modified:
            self._first_unsaved = None
            self._autosave_timer.stop()
            self.autosaver.remove()  # saved, or undone back to the saved state
            return
        now = time.monotonic()
        if self._first_unsaved is None:
            self._first_unsaved = now
        if now - self._first_unsaved >= 60:
            self.autosave_now()
        else:
            self._autosave_timer.start()  # restarts: waits for a pause in editing

    def autosave_now(self) -> None:
        """Autosave now (also right after imports, layouts, bulk deletes). Only a copy of the
        model is taken here; a worker thread writes it, so the window never waits."""
        self._autosave_timer.stop()
        if not self.document.is_modified:
            return
        try:
            self.autosaver.write(self.document.model, self.document.path, self.document.disk_state)
        except OSError as error:  # the recovery folder cannot be made
            self._autosave_failed(error)
            return
        self._first_unsaved = time.monotonic()
        self._autosave_watch.start()

    def _autosave_progress(self) -> None:
        """While the worker writes: report its failures in the status bar when it is done."""
        for error in self.autosaver.take_failures():
            self._autosave_failed(error)
        if not self.autosaver.busy:
            self._autosave_watch.stop()
            for error in self.autosaver.take_failures():
                self._autosave_failed(error)

    def _autosave_failed(self, error: Exception) -> None:
        if isinstance(error, OrgModelError):
            reason = i18n.describe(error)
        elif isinstance(error, OSError):
            reason = os_reason(error)
        else:
            reason = str(error) or type(error).__name__
        self.statusBar().showMessage(self.tr("Autosave failed: %1").replace("%1", reason), 10000)

    def ask_recovery(self, items: list[Recovered]) -> tuple[str, list[Recovered]]:
        """"restore", "discard" or "later", and the documents it is for, from one dialog
        listing every recoverable document (tests replace this)."""
        dialog = RecoveryDialog(items, self)
        dialog.exec()
        return dialog.choice, dialog.checked()

    def offer_recovery(self) -> list:
        """At start-up: offer the work left by OrgModels that stopped, all in one dialog; each
        document restored opens in a window of its own (this window's document, perhaps the
        file named on the command line, stays). Returns those windows."""
        items = left_behind()
        if not items:
            return []
        choice, chosen = self.ask_recovery(items)
        if choice == "discard":
            for item in chosen:
                item.discard()
        if choice != "restore":
            return []
        windows = [window for window in map(self.restore_recovered, chosen) if window is not None]
        self.recovered_windows.extend(windows)  # kept alive with this window
        return windows

    def restore_recovered(self, item: Recovered):
        """Open ``item`` in a new window, unsaved; its file is checked like any other."""
        try:
            model = item.load()
        except (OrgModelError, OSError) as error:
            reason = i18n.describe(error) if isinstance(error, OrgModelError) else os_reason(error)
            QMessageBox.warning(self, self.tr("Cannot restore"), reason)
            return None
        window = type(self)()
        window.document.restore_unsaved(model, item.original, item.disk)
        window.show()
        item.discard()  # it lives on in that window (and its autosave)
        window.autosave_now()
        return window

    def ask_conflict(self) -> str:
        """The file changed on disk: "overwrite", "save-as", "reload" or "cancel" (tests
        replace this)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("File changed on disk"))
        box.setText(self.tr("“%1” was changed by another program since you opened or saved it.").replace("%1", self.document.display_name))
        box.setInformativeText(self.tr("Overwrite it with your version, save yours under another name, or reload it from disk (your unsaved changes are lost)?"))
        overwrite = box.addButton(self.tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton(self.tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
        reload = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.ResetRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {overwrite: "overwrite", save_as: "save-as", reload: "reload"}.get(box.clickedButton(), "cancel")

    def _watch(self) -> None:
        """Follow the open file on disk (saves replace it, so it is added again each time)."""
        watched = self.watcher.files()
        if watched:
            self.watcher.removePaths(watched)
        if self.document.path and os.path.exists(self.document.path):
            self.watcher.addPath(self.document.path)

    def _file_changed_on_disk(self, path: str) -> None:
        if path == self.document.path and self.document.changed_on_disk():
            self.statusBar().showMessage(
                self.tr("“%1” was changed by another program; saving will ask before overwriting it.").replace("%1", self.document.display_name)
            )
        QTimer.singleShot(200, self, self._watch)  # an atomic replace drops the watch
