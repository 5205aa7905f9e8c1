"""Choosing one unit among thousands: a filter line over a list (card menu › Reports To…).

Typing filters at once (case, accents and the Turkish dotted and dotless i ignored, names
and ids alike: ``orgmodel.collate.fold_turkish``); Up and Down move in the list without
leaving the filter; Enter or a double click picks. At 50,000 units a keystroke scans one
folded string per unit (a few milliseconds) and the list draws only the rows in sight.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget
from typing_extensions import override

from orgmodel.collate import fold_turkish
from orgmodel.model import OrgModel

from ui.i18n import name_key, translate

#: The row that stands for "none of them" (reports to no one).
NOBODY = -1
#: Keys the filter passes on to the list: moving in it.
_MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

Index = QModelIndex | QPersistentModelIndex


class _Rows(QAbstractListModel):
    """The rows that pass the filter: indices into the choices, ``NOBODY`` first if shown."""

    def __init__(self, labels: list[str], ids: list[str], nobody: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels, self.ids, self.nobody = labels, ids, nobody
        self.shown: list[int] = []

    def set_shown(self, shown: list[int]) -> None:
        self.beginResetModel()
        self.shown = shown
        self.endResetModel()

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.shown)

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        choice = self.shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.nobody if choice == NOBODY else self.labels[choice]
        if role == Qt.ItemDataRole.ToolTipRole and choice != NOBODY:
            return self.ids[choice]
        return None


class UnitChooser(QDialog):
    """Pick one of ``choices`` (``(unit id, name)``), or "no one" when ``nobody`` names that
    row; ``current`` (an id, or None for no one) is chosen to start with."""

    def __init__(self, title: str, text: str, choices: list[tuple[str, str]], current: str | None,
                 nobody: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        choices = sorted(choices, key=lambda choice: (name_key(choice[1]), choice[0]))
        seen: dict[str, int] = {}
        for _, name in choices:
            seen[name] = seen.get(name, 0) + 1
        self._ids = [uid for uid, _ in choices]
        # Two units of one name are told apart by their ids.
        labels = [f"{name} ({uid})" if seen[name] > 1 else name for uid, name in choices]
        self._folds = [fold_turkish(name) + "\0" + fold_turkish(uid) for uid, name in choices]
        self._nobody = nobody
        self.rows = _Rows(labels, self._ids, nobody or "", self)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Type to filter by name or id…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.installEventFilter(self)
        self.list = QListView()
        self.list.setModel(self.rows)
        self.list.setUniformItemSizes(True)  # 50,000 rows: no row measured one by one
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.doubleClicked.connect(self.accept)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.filter_edit.textChanged.connect(self._filter)
        self._filter("")
        at = NOBODY if current is None else next((i for i, uid in enumerate(self._ids) if uid == current), NOBODY)
        if at in self.rows.shown:
            self._set_current(self.rows.shown.index(at))
        self.filter_edit.setFocus()
        self.resize(420, 520)

    def chosen(self) -> tuple[bool, str | None]:
        """``(True, unit id)``, ``(True, None)`` for no one, or ``(False, None)`` when
        nothing is picked."""
        index = self.list.currentIndex()
        if not index.isValid():
            return False, None
        choice = self.rows.shown[index.row()]
        return True, None if choice == NOBODY else self._ids[choice]

    def _filter(self, text: str) -> None:
        query = fold_turkish(text.strip())
        if query:
            shown = [i for i, fold in enumerate(self._folds) if query in fold]
        else:
            shown = ([NOBODY] if self._nobody else []) + list(range(len(self._ids)))
        self.rows.set_shown(shown)
        self._set_current(0)

    def _set_current(self, row: int) -> None:
        if 0 <= row < self.rows.rowCount():
            index = self.rows.index(row)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.list.currentIndex().isValid())

    @override
    def accept(self) -> None:
        if self.chosen()[0]:  # Enter with nothing matching picks nothing
            super().accept()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in _MOVES:
            self.list.keyPressEvent(event)  # the list moves; the cursor stays in the filter
            self._set_current(self.list.currentIndex().row())
            return True
        return super().eventFilter(watched, event)


def choose_parent(model: OrgModel, unit_id: str, parent: QWidget | None = None) -> tuple[bool, str | None]:
    """Whom ``unit_id`` should report to: ``(True, unit id or None for no one)``, or
    ``(False, None)`` when cancelled. The unit itself and the units under it are not
    offered (reporting to one of them would make a loop)."""
    below, todo = {unit_id}, [unit_id]
    while todo:
        for child in model.children(todo.pop()):
            below.add(child)
            todo.append(child)
    choices = [(unit.id, unit.name) for unit in model.units() if unit.id not in below]
    dialog = UnitChooser(
        translate("UnitChooser", "Reports To"),
        translate("UnitChooser", "“%1” reports to:").replace("%1", model.unit(unit_id).name),
        choices, model.parent(unit_id), translate("UnitChooser", "No one"), parent,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return dialog.chosen()

