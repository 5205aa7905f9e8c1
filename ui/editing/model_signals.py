"""The thin Qt adapter: re-emits the model's plain events as Qt signals.

The model knows nothing of Qt; the scene, docks and window connect to these signals.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from orgmodel import events as ev
from orgmodel.model import OrgModel


class ModelSignals(QObject):
    """Qt signals for one model's events. ``detach()`` before dropping the model."""

    unitAdded = Signal(str, int)
    unitRemoved = Signal(str, int)
    unitChanged = Signal(str, object)  # unit id, frozenset of field names
    parentChanged = Signal(str, object, object)  # unit id, old parent id or None, new
    dependencyAdded = Signal(str, str)
    dependencyRemoved = Signal(str, str)
    dependencyChanged = Signal(str, str, object)  # source, target, frozenset of fields
    modelRenamed = Signal(str)

    def __init__(self, model: OrgModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        model.add_listener(self._on_event)

    def detach(self) -> None:
        self.model.remove_listener(self._on_event)

    def _on_event(self, event: ev.Event) -> None:
        match event:
            case ev.UnitAdded(unit_id, index):
                self.unitAdded.emit(unit_id, index)
            case ev.UnitRemoved(unit_id, index):
                self.unitRemoved.emit(unit_id, index)
            case ev.UnitChanged(unit_id, fields):
                self.unitChanged.emit(unit_id, fields)
            case ev.ParentChanged(unit_id, old, new):
                self.parentChanged.emit(unit_id, old, new)
            case ev.DependencyAdded(source, target):
                self.dependencyAdded.emit(source, target)
            case ev.DependencyRemoved(source, target):
                self.dependencyRemoved.emit(source, target)
            case ev.DependencyChanged(source, target, fields):
                self.dependencyChanged.emit(source, target, fields)
            case ev.ModelRenamed(name):
                self.modelRenamed.emit(name)
