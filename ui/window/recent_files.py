"""File › Open Recent: the files last opened or saved, newest first, kept in the settings."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

from ui.i18n import translate

MAX_RECENT = 8
SETTINGS_KEY = "recentFiles"


def recent_files() -> list[str]:
    """The remembered paths, newest first (whatever the settings hold that is not a path
    is skipped)."""
    value = QSettings().value(SETTINGS_KEY, [])
    files = [value] if isinstance(value, str) else list(value or [])
    return [f for f in files if isinstance(f, str)]


def remember(path: str | None) -> None:
    """Put ``path`` first (once), keeping at most :data:`MAX_RECENT`."""
    if not path:
        return
    files = [path] + [f for f in recent_files() if f != path]
    QSettings().setValue(SETTINGS_KEY, files[:MAX_RECENT])


def fill_menu(menu: QMenu, open_path: Callable[[str], object]) -> None:
    """The menu's entries, one per file (its name; the whole path as tip), or "(none)"."""
    menu.clear()
    files = recent_files()
    for path in files:
        action = menu.addAction(os.path.basename(path))
        action.setToolTip(path)
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    if not files:
        menu.addAction(translate("MainWindow", "(none)")).setEnabled(False)


def last_folder() -> str:
    """Where file dialogs start: the folder of the newest recent file, else home."""
    files = recent_files()
    return os.path.dirname(files[0]) if files else os.path.expanduser("~")
