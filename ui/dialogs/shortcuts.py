"""Help › Keyboard Shortcuts: every key of the window's actions, read from the actions
themselves (menu by menu, then those outside the menus), so the list cannot go out of date.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QMenu, QMenuBar, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget


def _plain(text: str) -> str:
    """A menu text without its mnemonic marker ("&Save" → "Save", "R&&D" → "R&D")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(menu_bar: QMenuBar, others: Iterable[QAction] = ()) -> list[tuple[str, str, str]]:
    """``(menu, command, keys)`` for every action with a shortcut: the menus' in their
    order, then ``others`` not in any menu (menu ""). Keys in the platform's own words."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def add(menu: str, action: QAction) -> None:
        keys = [key for key in action.shortcuts() if not key.isEmpty()]
        if keys and id(action) not in seen:
            seen.add(id(action))
            text = action.text() if action.text() else action.iconText()
            rows.append((menu, _plain(text), ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)))

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{title} › {_plain(action.text())}")
            elif not action.isSeparator():
                add(title, action)

    for action in menu_bar.actions():
        if action.menu() is not None:
            walk(action.menu(), _plain(action.text()))
    for action in others:
        add("", action)
    return rows


class ShortcutsDialog(QDialog):
    """A table of ``rows`` from :func:`shortcut_rows`."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Command"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 560)
