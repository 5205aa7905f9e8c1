"""Labelled fields in a grid, each with room under it for the reason its value was refused.

A mixin of :class:`ui.docks.properties_dock.PropertiesDock` and
:class:`ui.docks.model_page.ModelPage` (QObjects: they filter their editors' events): each says which fields it has; this keeps the editors, their labels
and messages by key and shows or clears a refusal in place. No strings of its own.
"""

from __future__ import annotations

from collections.abc import Container

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

ERROR_COLOR = "#C62828"
_INVALID_STYLE = f"border: 1px solid {ERROR_COLOR}; border-radius: 2px; padding: 1px 2px;"


class FieldGridMixin:
    """Fields by key: ``_editors``, ``_labels`` (their label texts), ``_messages`` (the
    refusal under each), ``_errors`` (the keys showing one) and ``_shown`` (the text each
    shows for the model's value)."""

    def _init_fields(self) -> None:
        self._errors: set[str] = set()
        self._messages: dict[str, QLabel] = {}
        self._editors: dict[str, QWidget] = {}
        self._labels: dict[str, str] = {}
        self._shown: dict[str, str] = {}  # the text each field shows for the model's value

    @staticmethod
    def _scrolled(page: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(page)
        return area

    def _form(self) -> tuple[QWidget, QGridLayout]:
        # A grid, not a QFormLayout: the grid gives a wrapped message the height it needs at
        # its real width, where the form layout reserves its (much taller) size hint.
        page = QWidget()
        column = QVBoxLayout(page)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(6)
        column.addLayout(grid)
        column.addStretch(1)  # spare height goes below the form, not between its rows
        return page, grid

    def _add_label(self, grid: QGridLayout, text: str, field: QWidget, top: bool = False, buddy: QWidget | None = None) -> int:
        row = grid.rowCount()
        label = QLabel(text)
        label.setBuddy(buddy or field)
        if top:  # beside a tall field: level with its first line
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 3, 0, 0)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        else:
            grid.addWidget(label, row, 0)
        grid.addWidget(field, row, 1)
        return row

    def _add_row(self, grid: QGridLayout, key: str, label: str, editor: QWidget, field: QWidget | None = None) -> None:
        """A labelled field and, under it, the place for the reason it was refused."""
        row = self._add_label(grid, label, field or editor, top=isinstance(editor, QPlainTextEdit), buddy=editor)
        self._labels[key] = label
        message = QLabel()
        message.setWordWrap(True)
        message.setStyleSheet(f"color: {ERROR_COLOR};")
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        message.hide()
        grid.addWidget(message, row + 1, 1)
        self._messages[key] = message
        self._editors[key] = editor
        editor.installEventFilter(self)

    def _show_error(self, key: str, message: str) -> None:
        self._errors.add(key)
        self._editors[key].setStyleSheet(_INVALID_STYLE)
        label = self._messages[key]
        label.setText(message)
        label.show()

    def _clear_error(self, key: str) -> None:
        if key not in self._errors:
            return
        self._errors.discard(key)
        self._editors[key].setStyleSheet("")
        label = self._messages[key]
        label.clear()
        label.hide()

    def error_message(self, key: str) -> str:
        """The reason shown under field ``key`` ("headcount", "parent", "weight"...), or ""."""
        return self._messages[key].text() if key in self._errors else ""

    # -- loading fields: never over what the user is typing or what was refused -------------

    def _editing(self, key: str, text: str, has_focus: bool) -> bool:
        return key in self._errors or (has_focus and key in self._shown and text != self._shown[key])

    def _load_line(self, key: str, text: str, force: Container[str]) -> None:
        editor = self._editors[key]
        assert isinstance(editor, QLineEdit)
        if key not in force and self._editing(key, editor.text(), editor.hasFocus()):
            return
        self._shown[key] = text
        if editor.text() != text:
            editor.setText(text)
            editor.setCursorPosition(0)

    def _load_combo(self, key: str, index: int, force: Container[str]) -> None:
        if key in force or key not in self._errors:
            combo = self._editors[key]
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(index)
