"""The properties panel's commits: what the person typed or chose becomes one document intent
(one undo step); a refusal stays under its field and the model is left as it was.

A mixin of :class:`ui.docks.properties_dock.PropertiesDock`, which owns the editors, the
subject (``("unit", id)`` or ``("dependency", (source, target))``), the shown values and the
error labels. Its words keep the dock's translation context.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QLineEdit

from orgmodel.errors import OrgModelError
from ui.docks.property_fields import Refused, parse_field
from ui.i18n import translate

log = logging.getLogger(__name__)


class PropertyCommitsMixin:
    """Enter, focus-out and choices in the dock's editors, each one intent."""

    def _commit_line(self, key: str) -> None:
        try:
            editor = self._editors[key]
            assert isinstance(editor, QLineEdit)
            self._commit_text(key, editor.text())
        except Exception:
            log.exception("could not commit %s", key)

    def _commit_text(self, key: str, text: str) -> None:
        if self._subject is None:
            return
        if text == self._shown.get(key):
            self._clear_error(key)
            return
        try:
            value = parse_field(key, text)
        except Refused as refusal:
            self._show_error(key, str(refusal))
            return
        if self._subject[0] == "unit":
            self._commit_unit(key, value)
        else:
            self._attempt(key, lambda: self._document.update_dependency(*self._subject[1], **{key: value}))

    def _commit_unit(self, key: str, value: Any) -> None:
        if self._subject is None or self._subject[0] != "unit":
            return
        unit_id = self._subject[1]
        if key == "name":
            self._attempt(key, lambda: self._document.rename_unit(unit_id, value))
        elif key == "id":
            self._attempt(key, lambda: self._document.change_unit_id(unit_id, value))
        else:
            self._attempt(key, lambda: self._document.update_unit(unit_id, **{key: value}))

    def _attempt(self, key: str, intent: Callable[[], None]) -> None:
        """Run one intent; a refusal is shown under the field and the model stays as it was."""
        try:
            intent()
        except OrgModelError as error:
            self._show_error(key, self._describe(key, error))
            return
        except Exception:
            log.exception("edit of %s failed", key)
            return
        self._clear_error(key)
        self._reload(frozenset({key}))  # accepted: show the model's form of the value now

    def _commit_parent_row(self, row: int) -> None:
        try:
            if self._subject is None or self._subject[0] != "unit":
                return
            unit_id = self._subject[1]
            parent_id = self.parent_choices.unit_at(row)
            self._attempt("parent", lambda: self._document.set_parent(unit_id, parent_id))
        except Exception:
            log.exception("could not set the reporting line")

    def _commit_parent_text(self) -> None:
        try:
            text = self.parent_combo.lineEdit().text()
            if self._subject is None or self._subject[0] != "unit":
                return
            if text == self._shown.get("parent"):
                self._clear_error("parent")
                return
            row = self.parent_combo.findText(text.strip(), Qt.MatchFlag.MatchFixedString)
            if row < 0:
                self._show_error("parent", translate("PropertiesDock", "No unit is called “%1”").replace("%1", text.strip()))
                return
            self.parent_combo.setCurrentIndex(row)
            self._commit_parent_row(row)
        except Exception:
            log.exception("could not set the reporting line")

    def _commit_pending(self) -> None:
        """Text typed but not yet committed goes to the subject it was typed for."""
        if self._subject is None:
            return
        keys = ("weight", "label", "group") if self._subject[0] == "dependency" else (
            "name", "id", "headcount", "cost", "revenue", "automation_potential", "automation_ease", "tags")
        for key in keys:
            editor = self._editors[key]
            if isinstance(editor, QLineEdit) and key not in self._errors and editor.text() != self._shown.get(key, editor.text()):
                self._commit_text(key, editor.text())
        if self._subject[0] == "unit" and "notes" not in self._errors:
            text = self.notes_edit.toPlainText()
            if text != self._shown.get("notes", text):
                self._commit_text("notes", text)

    def _choose_color(self) -> None:
        try:
            if self._subject is None or self._subject[0] != "unit":
                return
            current = self._document.model.unit(self._subject[1]).color
            color = QColorDialog.getColor(QColor(current or "#ffffff"), self, translate("PropertiesDock", "Card colour"))
            if color.isValid():
                self._commit_unit("color", color.name())
        except Exception:
            log.exception("could not choose a colour")
