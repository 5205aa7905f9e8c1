"""The model's own properties (name, description), shown in the properties panel when
nothing is selected, and reached from File › Model Properties….

Each committed change (Enter or leaving the field) is one undo step through
``Document.update_model``; Esc puts the model's value back. Exports title their picture with
the name, and the native file keeps both.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget
from typing_extensions import override

from orgmodel.errors import OrgModelError

from ui.docks.field_grid import FieldGridMixin
from ui.editing.document import Document
from ui.editing.model_signals import ModelFollower
from ui.i18n import describe

log = logging.getLogger(__name__)


class ModelPage(FieldGridMixin, QWidget):
    """Name and description of ``document``'s model, edited in place."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._init_fields()
        page, form = self._form()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(page)
        title = QLabel(self.tr("Model"))
        title.setStyleSheet("font-weight: bold;")
        form.addWidget(title, 0, 0, 1, 2)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("model_name")
        self.name_edit.setPlaceholderText(self.tr("Untitled"))
        self._add_row(form, "name", self.tr("Name"), self.name_edit)
        self.name_edit.editingFinished.connect(self._commit)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("model_description")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(self.tr("What this model is about"))
        self.description_edit.setFixedHeight(self.description_edit.fontMetrics().lineSpacing() * 5 + 12)
        self._add_row(form, "description", self.tr("Description"), self.description_edit)
        ModelFollower(document, {"modelRenamed": self._load, "modelDescribed": self._load}, self)
        document.modelReplaced.connect(self._load)
        self._load()

    def _load(self, *_: object) -> None:
        """The model's values, except over a field the person is typing in."""
        model = self._document.model
        if not self.name_edit.hasFocus() or self.name_edit.text() == self._shown.get("name"):
            self.name_edit.setText(model.name)
        if not self.description_edit.hasFocus() or self.description_edit.toPlainText() == self._shown.get("description"):
            if self.description_edit.toPlainText() != model.description:
                self.description_edit.setPlainText(model.description)
        self._shown = {"name": model.name, "description": model.description}

    def focus_name(self) -> None:
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name_edit.selectAll()

    def _commit(self) -> None:
        """Both fields as one step (a slot: never lets an exception reach Qt)."""
        try:
            name, description = self.name_edit.text().strip(), self.description_edit.toPlainText()
            for key in list(self._errors):
                self._clear_error(key)
            try:
                self._document.update_model(name=name, description=description)
            except OrgModelError as error:
                field = getattr(error, "field", "name")
                self._show_error(field if field in self._editors else "name", describe(error))
                return
            self._shown = {}  # accepted: show the model's form of the values
            self._load()
        except Exception:
            log.exception("could not change the model's properties")

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
                for key in list(self._errors):
                    self._clear_error(key)
                self._shown = {}
                self.name_edit.setText(self._document.model.name)
                self.description_edit.setPlainText(self._document.model.description)
                self._load()
                return True
            if event.type() == QEvent.Type.FocusOut and watched is self.description_edit:
                self._commit()
        except Exception:
            log.exception("event filter failed")
        return super().eventFilter(watched, event)
