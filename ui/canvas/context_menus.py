"""Right-click menus that fit what is under the mouse: a dependency line, a card, or the
empty canvas. Every entry that edits goes through the document (one undo step each).

- a line: edit its weight or label, reverse it, delete it;
- a card: rename, office ▸, reports to… (a searchable chooser), select its supporters (or
  the revenue it supports), zoom to the selection (the window's action, key F), simulate
  its failure (or restore it while a simulation runs), delete;
- empty canvas: add a unit of each office there (the band's office first), select all, fit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QPointF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu

from orgmodel.errors import OrgModelError
from orgmodel.layout.placement import card_centred_at

from ui import i18n, style
from ui.canvas.items.unit_card import HEIGHT, WIDTH
from ui.canvas.scene import OrgScene
from ui.canvas.view import OrgView
from ui.editing.document import Document
from ui.editing.selection import Selection
from ui.editing.simulation import Simulation

OFFICES = ("front", "middle", "back")


class CanvasMenus(QObject):
    """Opens the right menu when the scene asks (``contextMenuRequested``).

    ``shared`` are window actions shown as they are (with their shortcuts): ``rename``,
    ``delete``, ``select_all``, ``fit``, ``zoom_selection``; a missing one is left out.
    ``ask_parent(unit_id)`` asks whom a unit reports to (the window's searchable chooser):
    ``(True, unit id or None for no one)``, or ``(False, None)`` when cancelled."""

    def __init__(self, scene: OrgScene, view: OrgView, document: Document, selection: Selection, shared: dict[str, QAction],
                 ask_parent: Callable[[str], tuple[bool, str | None]] | None = None, simulation: Simulation | None = None) -> None:
        super().__init__(view)
        self.scene, self.view, self.document, self.selection, self.shared = scene, view, document, selection, shared
        self.ask_parent = ask_parent
        self.simulation = simulation
        scene.contextMenuRequested.connect(self.open)

    def open(self, pos: QPointF, screen_pos: QPoint) -> None:
        self.view.finish_rename(commit=True)
        menu = self.menu_at(pos)
        menu.exec(screen_pos)
        menu.deleteLater()

    def menu_at(self, pos: QPointF) -> QMenu:
        """The menu for what is at scene point ``pos`` (selecting it, as a click would)."""
        menu = QMenu(self.view)
        card = self.scene.unit_at(pos)
        key = None if card is not None else self.scene.dependency_at(pos)
        if card is not None:
            if card.unit_id not in self.selection.units():
                self.selection.set([card.unit_id])
            self._fill_card(menu, card.unit_id)
        elif key is not None:
            if key not in self.selection.dependencies():
                self.scene.clearSelection()
                self.selection.set([], [key])
            self._fill_line(menu, key)
        else:
            self._fill_canvas(menu, pos)
        return menu

    # -- the three menus -------------------------------------------------------------------

    def _fill_line(self, menu: QMenu, key: tuple[str, str]) -> None:
        menu.addAction(self.tr("Edit Weight…"), lambda: self._edit_weight(key))
        menu.addAction(self.tr("Edit Label…"), lambda: self._edit_label(key))
        menu.addAction(self.tr("Reverse Direction"), lambda: self._attempt(self.document.reverse_dependency, *key))
        if self.document.model.dependency(*key).group is None:
            menu.addAction(self.tr("Group as Alternative…"), lambda: self._edit_group(key))
        else:
            menu.addAction(self.tr("Make Required"), lambda: self._attempt(self.document.update_dependency, *key, group=None))
        menu.addSeparator()
        self._add_shared(menu, "delete")

    def _fill_card(self, menu: QMenu, unit_id: str) -> None:
        model = self.document.model
        unit = model.unit(unit_id)
        self._add_shared(menu, "rename")
        offices = menu.addMenu(self.tr("Office"))
        for office in (*OFFICES, None):  # None: not classified
            action = offices.addAction(style.office_title(office), lambda o=office: self._set_office(o))
            action.setCheckable(True)
            action.setChecked(unit.office == office)
        menu.addAction(self.tr("Reports To…"), lambda: self._choose_parent(unit_id))
        analysis = self.document.analysis
        if unit.is_revenue_generating:
            action = menu.addAction(self.tr("Select Supporters"), lambda: self.selection.set(analysis.support(unit_id)))
            action.setEnabled(analysis.support_count(unit_id) > 0)
        elif unit.office == "back":
            action = menu.addAction(self.tr("Select Supported Revenue Units"), lambda: self.selection.set(analysis.impact(unit_id)))
            action.setEnabled(bool(analysis.impact(unit_id)))
        self._add_shared(menu, "zoom_selection")
        simulation = self.simulation
        if simulation is not None:  # a view state: the selected units fail (or work again), nothing is edited
            menu.addSeparator()
            units = self.selection.units()
            if unit_id in simulation.failed:
                menu.addAction(self.tr("Restore Unit"), lambda: simulation.restore(units))
            else:
                menu.addAction(self.tr("Simulate Failure"), lambda: simulation.fail(units))
        menu.addSeparator()
        self._add_shared(menu, "delete")

    def _fill_canvas(self, menu: QMenu, pos: QPointF) -> None:
        texts = {
            "front": self.tr("Add front-office unit here"),
            "middle": self.tr("Add middle-office unit here"),
            "back": self.tr("Add back-office unit here"),
        }
        here = self.scene.office_at(pos)
        corner = QPointF(*card_centred_at(pos.x(), pos.y(), WIDTH, HEIGHT))
        for office in sorted(OFFICES, key=lambda o: o != here):  # the band's office first
            menu.addAction(texts[office], lambda o=office: self.scene.addUnitRequested.emit(o, corner))
        menu.addSeparator()
        self._add_shared(menu, "select_all")
        self._add_shared(menu, "fit")

    def _add_shared(self, menu: QMenu, name: str) -> None:
        action = self.shared.get(name)
        if action is not None:
            menu.addAction(action)

    # -- what the entries do -----------------------------------------------------------------

    def _attempt(self, intent: Callable[..., object], *args: object, **changes: object) -> None:
        """Run a document intent; a refusal goes to the status bar and changes nothing."""
        try:
            intent(*args, **changes)
        except OrgModelError as error:
            self.scene.message.emit(i18n.describe(error))

    def _set_office(self, office: str | None) -> None:
        units = [uid for uid in self.selection.units() if self.document.model.unit(uid).office != office]
        stack = self.document.undo_stack
        if len(units) > 1:
            stack.beginMacro(self.tr("Move %Ln units to %1", "", len(units)).replace("%1", style.office_title(office)))
        for uid in units:
            self._attempt(self.document.update_unit, uid, office=office)
        if len(units) > 1:
            stack.endMacro()

    def _choose_parent(self, unit_id: str) -> None:
        if self.ask_parent is None:
            return
        chosen, parent = self.ask_parent(unit_id)
        if chosen and unit_id in self.document.model:
            self._attempt(self.document.set_parent, unit_id, parent)

    def _edit_weight(self, key: tuple[str, str]) -> None:
        dep = self.document.model.dependency(*key)
        text = self.tr("Weight of “%1” → “%2” (how much of the supporter's work it takes):")
        value, ok = QInputDialog.getDouble(self.view, self.tr("Edit Weight"), self._ends(text, key),
                                           1.0 if dep.weight is None else dep.weight, 0.001, 1e12, 3)
        if ok and self.document.model.has_dependency(*key):
            self._attempt(self.document.update_dependency, *key, weight=float(value))

    def _edit_label(self, key: tuple[str, str]) -> None:
        dep = self.document.model.dependency(*key)
        text, ok = QInputDialog.getText(self.view, self.tr("Edit Label"), self._ends(self.tr("Label of “%1” → “%2”:"), key), text=dep.label or "")
        if ok and self.document.model.has_dependency(*key):
            self._attempt(self.document.update_dependency, *key, label=text.strip() or None)

    def _edit_group(self, key: tuple[str, str]) -> None:
        groups = self.document.groups_of(key[0])
        text = self.tr("Alternative group of “%1” → “%2” (dependencies of one unit that share a group are alternatives: it needs at least one of them):")
        value, ok = QInputDialog.getItem(self.view, self.tr("Group as Alternative"), self._ends(text, key),
                                         groups or [self.tr("alternatives")], 0, True)
        if ok and value.strip() and self.document.model.has_dependency(*key):
            self._attempt(self.document.update_dependency, *key, group=value.strip())

    def _ends(self, text: str, key: tuple[str, str]) -> str:
        model = self.document.model
        return text.replace("%1", model.unit(key[0]).name).replace("%2", model.unit(key[1]).name)
