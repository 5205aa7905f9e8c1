"""The properties panel: the fields of the one selected unit or dependency, edited in place.

Every committed change (Enter, leaving the field, choosing from a list) is one document
intent, so one undo step. A value the rules refuse stays in its field with a red frame and
the reason underneath; the model is left as it was, never clamped. Esc puts the model's
value back.
"""

from __future__ import annotations

import logging
from collections.abc import Container
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from orgmodel.errors import FieldError, OrgModelError
from orgmodel.fields import OFFICES, UNCLASSIFIED

from ui import style
from ui.editing.document import Document
from ui.editing.model_signals import ModelFollower
from ui.editing.selection import Selection
from ui.docks.field_grid import FieldGridMixin
from ui.docks.property_commits import PropertyCommitsMixin
from ui.docks.model_page import ModelPage
from ui.docks.property_fields import ParentChoices, TurkishCompleter, default_revenue_text
from ui.i18n import describe, format_number, format_percent, localize

log = logging.getLogger(__name__)

_MOVES_ONLY = frozenset({"x", "y"})
#: The office combo's rows: the offices, then "— not classified —" (no office).
_OFFICE_CHOICES: tuple[str | None, ...] = (*OFFICES, UNCLASSIFIED)


class _Everything:
    """A container that holds every field name: "load them all"."""

    def __contains__(self, _key: object) -> bool:
        return True


_EVERY_FIELD = _Everything()


class PropertiesDock(PropertyCommitsMixin, FieldGridMixin, QDockWidget):
    """Shows and edits the one selected unit or dependency (``selection``) of ``document``."""

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Properties"), parent)
        self.setObjectName("PropertiesDock")
        self._document = document
        self._selection = selection
        self._subject: tuple[str, Any] | None = None  # ("unit", id) or ("dependency", (s, t))
        self._init_fields()
        self._choices_dirty = True
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self._refresh)

        self._pages = QStackedWidget()
        self._note = QLabel()
        self._note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._note.setWordWrap(True)
        self._note.setMargin(12)
        self._note.setEnabled(False)  # drawn in the muted text colour
        self.model_page = ModelPage(document)
        front = QWidget()  # the note, and the model's own fields when nothing is selected
        column = QVBoxLayout(front)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._note)
        column.addWidget(self.model_page, 1)
        self._pages.addWidget(self._scrolled(front))
        self._pages.addWidget(self._scrolled(self._make_unit_page()))
        self._pages.addWidget(self._scrolled(self._make_dependency_page()))
        self.setWidget(self._pages)

        selection.changed.connect(self.schedule_refresh)
        ModelFollower(document, {
            "unitAdded": self._units_changed,
            "unitRemoved": self._units_changed,
            "unitChanged": self._unit_changed,
            "parentChanged": self._parent_changed,
            "dependencyChanged": self._dependency_changed,
            "dependencyRemoved": self._dependency_changed,
            "unitIdChanged": self._unit_id_changed,
        }, self)
        document.modelReplaced.connect(self._model_replaced)
        self._refresh()

    # -- building --------------------------------------------------------------------------

    def _line(self, form: QGridLayout, key: str, label: str, placeholder: str = "", suffix: str = "") -> QLineEdit:
        editor = QLineEdit()
        editor.setPlaceholderText(placeholder)
        editor.setObjectName(key)
        field: QWidget | None = None
        if suffix:
            field = QWidget()
            row = QHBoxLayout(field)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(editor, 1)
            row.addWidget(QLabel(suffix))
        self._add_row(form, key, label, editor, field)
        editor.editingFinished.connect(lambda key=key: self._commit_line(key))
        return editor

    def _make_unit_page(self) -> QWidget:
        page, form = self._form()
        not_set = self.tr("Not set")
        self.name_edit = self._line(form, "name", self.tr("Name"))
        self.id_edit = self._line(form, "id", self.tr("Id"))
        self.id_edit.setToolTip(self.tr("How files and the command line name this unit (orgmodel why FILE FROM_ID TO_ID)"))

        self.office_combo = QComboBox()
        for office in OFFICES:
            self.office_combo.addItem(style.office_title(office), office)
        # Last: no office yet (the unit is unclassified); choosing it is an edit like any other.
        self.office_combo.addItem(self.tr("— not classified —"))
        self._add_row(form, "office", self.tr("Office"), self.office_combo)
        self.office_combo.activated.connect(lambda row: self._commit_unit("office", _OFFICE_CHOICES[row]))

        self.revenue_combo = QComboBox()
        for text, value in (("", None), (self.tr("Yes"), True), (self.tr("No"), False)):
            self.revenue_combo.addItem(text, value)  # the default's text names its value
        self._add_row(form, "revenue_generating", self.tr("Revenue-generating"), self.revenue_combo)
        self.revenue_combo.activated.connect(
            lambda _: self._commit_unit("revenue_generating", self.revenue_combo.currentData())
        )

        self.parent_choices = ParentChoices(self)
        self.parent_combo = QComboBox()
        self.parent_combo.setEditable(True)
        self.parent_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Measuring every entry for a size hint would read all 10,000 names.
        self.parent_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.parent_combo.setMinimumContentsLength(12)
        self.parent_combo.setModel(self.parent_choices)
        self.parent_combo.setMaxVisibleItems(16)
        self.parent_combo.setCompleter(TurkishCompleter(self.parent_choices, self.parent_combo))
        self.parent_combo.lineEdit().setPlaceholderText(self.tr("Type to search…"))
        self._add_row(form, "parent", self.tr("Reports to"), self.parent_combo)
        self.parent_combo.lineEdit().installEventFilter(self)
        self.parent_combo.activated.connect(self._commit_parent_row)
        self.parent_combo.lineEdit().editingFinished.connect(self._commit_parent_text)

        self.headcount_edit = self._line(form, "headcount", self.tr("Headcount"), not_set)
        self.cost_edit = self._line(form, "cost", self.tr("Cost"), not_set)
        self.revenue_edit = self._line(form, "revenue", self.tr("Revenue"), not_set)
        self.automation_edit = self._line(form, "automation_potential", self.tr("Automation potential"), not_set, "%")
        self.ease_edit = self._line(form, "automation_ease", self.tr("Ease of automation"), not_set, "%")
        self.tags_edit = self._line(form, "tags", self.tr("Tags"), self.tr("Comma-separated"))

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 4 + 12)
        self._add_row(form, "notes", self.tr("Notes"), self.notes_edit)

        colour_field = QWidget()
        row = QHBoxLayout(colour_field)
        row.setContentsMargins(0, 0, 0, 0)
        self.color_button = QPushButton()
        self.color_button.setToolTip(self.tr("Choose the card colour"))
        self.color_button.clicked.connect(self._choose_color)
        self.clear_color_button = QPushButton(self.tr("Clear"))
        self.clear_color_button.setToolTip(self.tr("Use the office colour"))
        self.clear_color_button.clicked.connect(lambda: self._commit_unit("color", None))
        self.color_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row.addWidget(self.color_button, 1)
        row.addWidget(self.clear_color_button)
        self._add_row(form, "color", self.tr("Colour"), self.color_button, colour_field)
        return page

    def _make_dependency_page(self) -> QWidget:
        page, form = self._form()
        self.ends_label = QLabel()
        self.ends_label.setWordWrap(True)
        self.ends_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._add_label(form, self.tr("From → To"), self.ends_label)
        self.weight_edit = self._line(form, "weight", self.tr("Weight"), self.tr("1 (default)"))
        self.label_edit = self._line(form, "label", self.tr("Label"), self.tr("None"))
        self.group_edit = self._line(form, "group", self.tr("Group (alternatives)"), self.tr("None — required"))
        self.group_edit.setToolTip(self.tr("Dependencies of one unit that share a group are alternatives: it needs at least one of them"))
        self.group_choices = QStringListModel(self)
        self.group_edit.setCompleter(QCompleter(self.group_choices, self.group_edit))
        return page

    # -- following the document ------------------------------------------------------------

    def _model_replaced(self) -> None:
        self._choices_dirty = True
        self._subject = None
        self.schedule_refresh()

    def schedule_refresh(self) -> None:
        """Show the current selection once the event loop is free (many events, one refresh)."""
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _units_changed(self, unit_id: str, _index: int) -> None:
        self._choices_dirty = True
        if self._subject is not None and self._subject[0] == "unit":
            self.schedule_refresh()

    def _unit_changed(self, unit_id: str, fields: frozenset[str]) -> None:
        if fields <= _MOVES_ONLY:  # drags: constant and irrelevant here
            return
        renamed = "name" in fields
        if renamed and not self._choices_dirty and unit_id in self._document.model:
            subject = self._subject
            exclude = subject[1] if subject is not None and subject[0] == "unit" else None
            self._choices_dirty = not self.parent_choices.rename(unit_id, self._document.model.unit(unit_id).name, exclude)
        subject = self._subject
        if subject is None:
            return
        if subject == ("unit", unit_id) or (renamed and (subject[0] == "unit" or unit_id in subject[1])):
            self.schedule_refresh()

    def _unit_id_changed(self, old_id: str, new_id: str) -> None:
        """The unit shown (or an end of the dependency shown) got a new id, by an edit here,
        undo or redo: keep showing and selecting it."""
        if self._subject == ("unit", old_id):
            self._subject = ("unit", new_id)
            self._shown.pop("id", None)
            self._selection.set([new_id])
        elif self._subject is not None and self._subject[0] == "dependency" and old_id in self._subject[1]:
            key = tuple(new_id if end == old_id else end for end in self._subject[1])
            self._subject = ("dependency", key)
            self._selection.set(dependencies=[key])
        self.schedule_refresh()

    def _parent_changed(self, unit_id: str, _old: object, _new: object) -> None:
        if self._subject == ("unit", unit_id):
            self.schedule_refresh()

    def _dependency_changed(self, source: str, target: str, *_: object) -> None:
        if self._subject == ("dependency", (source, target)):
            self.schedule_refresh()

    def _refresh(self) -> None:
        try:
            model = self._document.model
            unit_id = self._selection.single_unit()
            dependency = self._selection.single_dependency()
            if unit_id is not None and unit_id in model:
                self._show(("unit", unit_id))
            elif dependency is not None and model.has_dependency(*dependency):
                self._show(("dependency", dependency))
            else:
                self._show(None)
        except Exception:  # a slot must never let an exception reach Qt
            log.exception("could not show the properties")

    def _show(self, subject: tuple[str, Any] | None) -> None:
        if subject != self._subject:
            self._commit_pending()  # typed but not committed: it belongs to the old subject
            self._subject = subject
            for key in list(self._errors):
                self._clear_error(key)
            self._reload(_EVERY_FIELD)
        else:
            self._reload(frozenset())

    def _reload(self, force: Container[str]) -> None:
        """Show the model's values for the current subject; fields in ``force`` even if the
        user is typing in them or they hold a refused value."""
        subject, model = self._subject, self._document.model
        if subject is None:
            self._show_note()
        elif subject[0] == "unit" and subject[1] in model:
            self._load_unit(subject[1], force)
        elif subject[0] == "dependency" and model.has_dependency(*subject[1]):
            self._load_dependency(subject[1], force)

    def _show_note(self) -> None:
        units, deps = len(self._selection.units()), len(self._selection.dependencies())
        if not units and not deps:
            text = self.tr("Select a unit or a dependency to see its properties")
        elif not deps:
            text = self.tr("%Ln units selected", "", units)
        elif not units:
            text = self.tr("%Ln dependencies selected", "", deps)
        else:
            text = self.tr("%Ln items selected", "", units + deps)
        self.model_page.setVisible(not units and not deps)
        self._note.setText(text)
        self._pages.setCurrentIndex(0)

    def _load_unit(self, unit_id: str, force: Container[str]) -> None:
        model = self._document.model
        unit = model.unit(unit_id)
        if self._choices_dirty:
            self._rebuild_choices(unit_id)
        else:
            self.parent_choices.set_excluded(unit_id)
        self._load_line("name", unit.name, force)
        self._load_line("id", unit.id, force)
        self._load_combo("office", _OFFICE_CHOICES.index(unit.office), force)
        self.revenue_combo.setItemText(0, default_revenue_text(unit.office))
        self._load_combo("revenue_generating", (None, True, False).index(unit.revenue_generating), force)
        self._load_parent(model.parent(unit_id), force)
        self._load_line("headcount", format_number(unit.headcount), force)
        self._load_line("cost", format_number(unit.cost), force)
        self._load_line("revenue", format_number(unit.revenue), force)
        self._load_line("automation_potential", format_percent(unit.automation_potential), force)
        self._load_line("automation_ease", format_percent(unit.automation_ease), force)
        self._load_line("tags", ", ".join(unit.tags), force)
        self._load_notes(unit.notes or "", force)
        self._load_color(unit.color)
        self._pages.setCurrentIndex(1)

    def _load_dependency(self, key: tuple[str, str], force: Container[str]) -> None:
        model = self._document.model
        dependency = model.dependency(*key)
        self.ends_label.setText(f"{model.unit(key[0]).name} → {model.unit(key[1]).name}")
        self._load_line("weight", format_number(dependency.weight), force)
        self._load_line("label", dependency.label or "", force)
        self.group_choices.setStringList(self._document.groups_of(key[0]))
        self._load_line("group", dependency.group or "", force)
        self._pages.setCurrentIndex(2)

    def _rebuild_choices(self, exclude: str) -> None:
        line = self.parent_combo.lineEdit()
        typed = line.text()
        editing = self._editing("parent", typed, line.hasFocus())
        self.parent_choices.rebuild([(u.id, u.name) for u in self._document.model.units()], exclude)
        self._choices_dirty = False
        if editing:
            line.setText(typed)  # the reset emptied the field under the user's fingers
        else:
            self._shown.pop("parent", None)

    def _load_parent(self, parent_id: str | None, force: Container[str]) -> None:
        line = self.parent_combo.lineEdit()
        if "parent" not in force and "parent" in self._shown and self._editing("parent", line.text(), line.hasFocus()):
            return
        row = self.parent_choices.row_of(parent_id)
        # Given a new text, the combo box has its completer look for it, reading the names
        # up to that row (40,000 calls into Python at 50,000 units): the text goes in first.
        line.setText(str(self.parent_choices.index(row).data() or "") if row >= 0 else "")
        self.parent_combo.setCurrentIndex(row)
        self._shown["parent"] = self.parent_combo.currentText()
        line.setCursorPosition(0)

    def _load_notes(self, text: str, force: Container[str]) -> None:
        if "notes" not in force and self._editing("notes", self.notes_edit.toPlainText(), self.notes_edit.hasFocus()):
            return
        self._shown["notes"] = text
        if self.notes_edit.toPlainText() != text:
            self.notes_edit.setPlainText(text)

    def _load_color(self, color: str | None) -> None:
        self.color_button.setText(color.upper() if color else self.tr("Office colour"))
        self.color_button.setIcon(style.color_swatch_icon(color))
        self.clear_color_button.setEnabled(bool(color))

    # -- refusals in place ------------------------------------------------------------------

    def _describe(self, key: str, error: OrgModelError) -> str:
        if isinstance(error, FieldError):
            return self.tr("%1: %2").replace("%1", self._labels.get(key, key)).replace("%2", localize(error.reason))
        return describe(error)

    def _revert(self, key: str) -> None:
        """Esc: the model's value again, and no complaint."""
        self._clear_error(key)
        self._reload(frozenset({key}))

    # -- Esc and focus-out ------------------------------------------------------------------

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:
            kind = event.type()
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
                key = self._key_of(watched)
                if key is not None and self._subject is not None:
                    self._revert(key)
                    return True
            elif kind == QEvent.Type.FocusOut and watched is self.notes_edit:
                self._commit_text("notes", self.notes_edit.toPlainText())
        except Exception:
            log.exception("event filter failed")
        return super().eventFilter(watched, event)

    def _key_of(self, watched: QObject) -> str | None:
        if watched is self.parent_combo.lineEdit():
            return "parent"
        for key, editor in self._editors.items():
            if editor is watched:
                return key
        return None

