"""At start, after OrgModel stopped with unsaved work: every recoverable document in one list.

Each row is one document (its name, its file or "never saved", when it was autosaved, how
many units), checked to begin with. Restore opens each checked document in a window of its
own (the file asked for on the command line is never replaced); Discard deletes the checked
recovery copies; Decide Later keeps everything for the next start.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ui.editing.autosave import Recovered


class RecoveryDialog(QDialog):
    """Which left-behind documents to restore or discard; ``choice`` is "restore",
    "discard" or "later" once it closed, and :meth:`checked` the documents it applies to."""

    def __init__(self, items: list[Recovered], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = items
        self.choice = "later"
        self.setWindowTitle(self.tr("Recover unsaved work"))
        intro = QLabel(
            self.tr("OrgModel stopped before this work was saved. Restore opens each checked document in a window of its own; "
                    "no file is changed until you save.")
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Document"), self.tr("File"), self.tr("Autosaved"), self.tr("Units")])
        for item in items:
            name = item.name or (os.path.splitext(os.path.basename(item.original))[0] if item.original else self.tr("Untitled"))
            row = QTreeWidgetItem([
                name,
                os.path.basename(item.original) if item.original else self.tr("never saved"),
                time.strftime("%Y-%m-%d %H:%M", time.localtime(item.saved_at)),
                self.locale().toString(item.units),
            ])
            row.setToolTip(1, item.original or self.tr("never saved"))
            row.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.setCheckState(0, Qt.CheckState.Checked)
            self.list.addTopLevelItem(row)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(False)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(self.tr("Discard"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later_button = buttons.addButton(self.tr("Decide Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self._finish("restore"))
        self.discard_button.clicked.connect(lambda: self._finish("discard"))
        self.later_button.clicked.connect(lambda: self._finish("later"))
        self.list.itemChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 200 + 24 * min(len(items), 10))

    def checked(self) -> list[Recovered]:
        return [item for index, item in enumerate(self.items) if self.list.topLevelItem(index).checkState(0) == Qt.CheckState.Checked]

    def _update_buttons(self) -> None:
        some = bool(self.checked())
        self.restore_button.setEnabled(some)
        self.discard_button.setEnabled(some)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        if choice == "later":
            self.reject()
        else:
            self.accept()
