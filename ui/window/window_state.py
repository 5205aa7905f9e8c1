"""The window as the person left it: its size and place, the docks' layout; and its icon.

A mixin of :class:`ui.window.main_window.MainWindow`. The layout is kept in QSettings when
the window closes and put back when the next one opens (the tests' settings are their own,
see ``tests/conftest.py``).
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication


class WindowStateMixin:
    """Saves and restores the geometry and dock layout of a QMainWindow."""

    def _save_window_state(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())

    def _restore_window_state(self) -> None:
        """Where the last window was, its size and its docks; the defaults the first time."""
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)


def app_icon() -> QIcon:
    """The OrgModel icon (also the application's, for windows and dialogs made later)."""
    icon = QIcon(str(resources.files("resources") / "icons" / "orgmodel.svg"))  # a folder: read lazily, at any size
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        app.setWindowIcon(icon)
    return icon
