"""Help › Keyboard Shortcuts: every key of the window's actions, read from the actions
themselves (menu by menu, then those outside the menus), so the list cannot go out of date;
then, in a second section, the keys and mouse gestures of the canvas, which are not actions
(``ui/canvas/scene.py`` and ``view.py`` handle them: keep :data:`CANVAS_KEYS` in step).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

#: The canvas's own keys and gestures: (keys, what they do), marked for translation. Key
#: names in braces are written as Qt writes them in the other table (``{Ctrl}`` is "Kontrol"
#: in Turkish), so both tables name a key alike.
CANVAS_KEYS = [
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "{Esc}"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Cancel the line being drawn, or clear the selection")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Arrow keys"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Move the selected units by 10 px")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "{Shift}+Arrow keys"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Move the selected units by 1 px")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "{Enter} while naming"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Keep the new name")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "{Esc} while naming"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Keep the old name (a unit just added is taken back)")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Double-click a unit"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Rename it")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Double-click the empty canvas"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Add a unit there, of the office of the band under the mouse")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "{Alt}+drag from a unit, or drag its right-hand handle"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Draw a dependency: it depends on the unit you let go over")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "{Shift}+{Alt}+drag from a unit, or drag its top handle"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Draw a reporting line: it reports to the unit you let go over")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "{Ctrl}+click, {Shift}+click"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Add to the selection, or take out of it")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Drag on the empty canvas"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Select the units in the rectangle")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "{Space}+drag, middle-button drag"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Move the view")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "{Ctrl}+wheel"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Zoom in or out around the mouse")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Right-click"), QT_TRANSLATE_NOOP("ShortcutsDialog", "The menu of what is under the mouse")),
]


_KEY_NAMES = {
    "Esc": QKeySequence(Qt.Key.Key_Escape),
    "Enter": QKeySequence(Qt.Key.Key_Return),
    "Space": QKeySequence(Qt.Key.Key_Space),
}
_MODIFIERS = {"Ctrl": Qt.KeyboardModifier.ControlModifier, "Shift": Qt.KeyboardModifier.ShiftModifier, "Alt": Qt.KeyboardModifier.AltModifier}


def key_name(name: str) -> str:
    """A key ("Esc", "Enter", "Space") or modifier ("Ctrl", "Shift", "Alt") as the platform
    and the interface's language write it."""
    native = QKeySequence.SequenceFormat.NativeText
    if name in _MODIFIERS:  # written with a key after it: "Ctrl+A" less "+A" (or "⌘A" less "A")
        text = QKeySequence(QKeyCombination(_MODIFIERS[name], Qt.Key.Key_A)).toString(native)
        return text[:-1].rstrip("+")
    return _KEY_NAMES[name].toString(native)


def canvas_rows() -> list[tuple[str, str]]:
    """:data:`CANVAS_KEYS` in the interface's language."""
    rows = []
    for keys, what in CANVAS_KEYS:
        text = QCoreApplication.translate("ShortcutsDialog", keys)
        for name in re.findall(r"\{(\w+)\}", text):
            text = text.replace("{" + name + "}", key_name(name))
        rows.append((text, QCoreApplication.translate("ShortcutsDialog", what)))
    return rows


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
    """A table of ``rows`` from :func:`shortcut_rows` (the menus' commands), then one of the
    canvas's keys and gestures (:func:`canvas_rows`)."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = self._table([self.tr("Menu"), self.tr("Command"), self.tr("Keys")], rows)
        self.canvas_table = self._table([self.tr("Keys"), self.tr("What it does")], canvas_rows())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>" + self.tr("Commands") + "</b>"))
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel("<b>" + self.tr("On the canvas") + "</b>"))
        layout.addWidget(self.canvas_table, 2)
        layout.addWidget(buttons)
        self.resize(900, 760)

    def _table(self, headers: list[str], rows: list[tuple[str, ...]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        table.setAlternatingRowColors(True)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setShowGrid(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table
