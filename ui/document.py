"""The open document: one model, its undo stack, its file, and the intents that edit it.

Views never change the model: they call the intent methods here, which wrap each edit in an
undo command. Opening a file builds a fresh model and clears the undo stack; it is never
replayed through commands. "Modified" is ``not undo_stack.isClean()``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from orgmodel.arrange import unplaced_positions
from orgmodel.fileformat import load, save
from orgmodel.live import LiveAnalysis
from orgmodel.model import OrgModel, Unit

from .adapter import ModelSignals
from .commands import (
    AddDependencyCommand,
    AddUnitCommand,
    MacroCommand,
    ModelCommand,
    MoveUnitsCommand,
    RemoveDependencyCommand,
    RemoveUnitCommand,
    SetParentCommand,
    UpdateDependencyCommand,
    UpdateUnitCommand,
)

CARD_WIDTH = 180.0
CARD_HEIGHT = 64.0


def tr(text: str) -> str:
    return QCoreApplication.translate("Document", text)


class Document(QObject):
    """Everything about the one open model that is not a widget."""

    #: The whole model was replaced (new, open): views rebuild from ``document.model``.
    modelReplaced = Signal()
    #: The file path changed (open, save as); the argument is "" for an untitled document.
    pathChanged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.model = OrgModel()
        self.signals = ModelSignals(self.model, self)
        self.analysis = LiveAnalysis(self.model)
        self.path: str | None = None

    # -- whole documents -------------------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def replace_model(self, model: OrgModel, path: str | None) -> None:
        """Show ``model`` instead of the current one; forgets undo history."""
        for unit_id, (x, y) in unplaced_positions(model, CARD_WIDTH, CARD_HEIGHT).items():
            model.update_unit(unit_id, x=x, y=y)
        # The stack goes first: its commands refer to the old model.
        self.undo_stack.clear()
        self.signals.detach()
        self.analysis.detach()
        self.model = model
        self.signals.deleteLater()
        self.signals = ModelSignals(model, self)
        self.analysis = LiveAnalysis(model)
        self.path = path
        self.undo_stack.setClean()
        self.modelReplaced.emit()
        self.pathChanged.emit(path or "")

    def new(self) -> None:
        self.replace_model(OrgModel(), None)

    def open(self, path: str) -> None:
        """Open ``path``; raises ``ModelFileError`` and keeps the current model on failure."""
        self.replace_model(load(path), os.path.abspath(path))

    def open_as_untitled(self, path: str) -> None:
        """Open a file as a new unsaved document (the bundled samples)."""
        self.replace_model(load(path), None)

    def save(self, path: str | None = None) -> None:
        """Save to ``path`` (or the current file); raises ``SaveError``, staying modified."""
        target = path or self.path
        if target is None:
            raise ValueError("no file name")
        save(self.model, target)
        self.undo_stack.setClean()
        if os.path.abspath(target) != self.path:
            self.path = os.path.abspath(target)
            self.pathChanged.emit(self.path)

    @property
    def display_name(self) -> str:
        return os.path.basename(self.path) if self.path else tr("Untitled")

    # -- intents: each is one undo step; a refused edit raises and changes nothing ----------

    def push(self, command: ModelCommand) -> None:
        if not command.applied:
            command.apply()
        self.undo_stack.push(command)

    def add_unit(self, office: str, x: float, y: float, name: str | None = None, parent: str | None = None) -> str:
        """Add a unit whose card's top-left is at (x, y); returns its id."""
        if name is None:
            name = {"front": tr("New front-office unit"), "middle": tr("New middle-office unit"), "back": tr("New back-office unit")}[office]
        unit_id = self.model.new_unit_id(name)
        self.push(AddUnitCommand(self.model, Unit(unit_id, name, office, x=float(x), y=float(y)), parent))
        return unit_id

    def rename_unit(self, unit_id: str, name: str) -> None:
        name = name.strip()
        if name == self.model.unit(unit_id).name:
            return
        old = self.model.unit(unit_id).name
        self.push(UpdateUnitCommand(self.model, unit_id, {"name": name}, tr("Rename “%1” to “%2”").replace("%1", old).replace("%2", name)))

    def update_unit(self, unit_id: str, **changes: Any) -> None:
        unit = self.model.unit(unit_id)
        changes = {k: v for k, v in changes.items() if getattr(unit, k, object()) != (tuple(v) if k == "tags" else v)}
        if changes:
            self.push(UpdateUnitCommand(self.model, unit_id, changes))

    def move_units(self, moves: dict[str, tuple[tuple[float, float], tuple[float, float]]]) -> None:
        """Record a finished drag or nudge: ``{id: ((old x, old y), (new x, new y))}``."""
        moves = {uid: (old, new) for uid, (old, new) in moves.items() if old != new}
        if moves:
            self.push(MoveUnitsCommand(self.model, moves))

    def set_parent(self, unit_id: str, parent: str | None) -> None:
        if self.model.parent(unit_id) != parent:
            self.push(SetParentCommand(self.model, unit_id, parent))

    def add_dependency(self, source: str, target: str) -> None:
        self.push(AddDependencyCommand(self.model, source, target))

    def update_dependency(self, source: str, target: str, **changes: Any) -> None:
        dep = self.model.dependency(source, target)
        changes = {k: v for k, v in changes.items() if getattr(dep, k) != v}
        if changes:
            self.push(UpdateDependencyCommand(self.model, source, target, changes))

    def delete(self, unit_ids: Iterable[str] = (), dependencies: Iterable[tuple[str, str]] = ()) -> None:
        """Delete units (with their lines) and dependencies as one undo step."""
        units = [uid for uid in dict.fromkeys(unit_ids) if uid in self.model]
        doomed = set(units)
        deps = [k for k in dict.fromkeys(dependencies) if self.model.has_dependency(*k) and not doomed & set(k)]
        if not units and not deps:
            return
        makers = [lambda k=k: RemoveDependencyCommand(self.model, *k) for k in deps]
        makers += [lambda u=u: RemoveUnitCommand(self.model, u) for u in units]
        if len(makers) == 1:
            text = makers[0]().text()
        elif not deps:
            text = tr("Delete %1 units").replace("%1", str(len(units)))
        else:
            text = tr("Delete %1 items").replace("%1", str(len(makers)))
        self.push(MacroCommand.applied_parts(self.model, text, makers))
