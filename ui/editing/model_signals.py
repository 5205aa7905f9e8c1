"""The thin Qt adapter: re-emits the model's plain events as Qt signals.

The model knows nothing of Qt; the scene, docks and window connect to these signals. The
document makes a new ``ModelSignals`` whenever it replaces its model: widgets that follow the
document keep their handlers connected with a :class:`ModelFollower`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from orgmodel import events as ev
from orgmodel.model import OrgModel

if TYPE_CHECKING:
    from ui.editing.document import Document

#: Slots by the name of the :class:`ModelSignals` signal they follow ("unitAdded": slot...).
Handlers = Mapping[str, Callable[..., object]]


class ModelSignals(QObject):
    """Qt signals for one model's events. ``detach()`` before dropping the model.

    Each signal carries its event's fields in order (see ``orgmodel.events``).
    """

    unitAdded = Signal(str, int)
    unitRemoved = Signal(str, int)
    unitChanged = Signal(str, object)  # unit id, frozenset of field names
    unitsMoved = Signal(object)  # tuple of unit ids: many moved at once (a layout, its undo)
    parentChanged = Signal(str, object, object)  # unit id, old parent id or None, new
    dependencyAdded = Signal(str, str)
    dependencyRemoved = Signal(str, str)
    dependencyChanged = Signal(str, str, object)  # source, target, frozenset of fields
    modelRenamed = Signal(str)
    modelDescribed = Signal(str)
    unitIdChanged = Signal(str, str)  # old id, new id (after its removal and addition)

    def __init__(self, model: OrgModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._signal_of = {
            ev.UnitAdded: self.unitAdded,
            ev.UnitRemoved: self.unitRemoved,
            ev.UnitChanged: self.unitChanged,
            ev.UnitsMoved: self.unitsMoved,
            ev.ParentChanged: self.parentChanged,
            ev.DependencyAdded: self.dependencyAdded,
            ev.DependencyRemoved: self.dependencyRemoved,
            ev.DependencyChanged: self.dependencyChanged,
            ev.ModelRenamed: self.modelRenamed,
            ev.ModelDescribed: self.modelDescribed,
            ev.UnitIdChanged: self.unitIdChanged,
        }
        model.add_listener(self._on_event)

    def detach(self) -> None:
        self.model.remove_listener(self._on_event)

    def connect_handlers(self, handlers: Handlers) -> None:
        """Connect each slot of ``handlers`` to the signal it names."""
        for name, slot in handlers.items():
            getattr(self, name).connect(slot)

    def _on_event(self, event: ev.Event) -> None:
        signal = self._signal_of.get(type(event))
        if signal is not None:
            signal.emit(*(getattr(event, name) for name in event.__match_args__))


class ModelFollower(QObject):
    """Keeps ``handlers`` connected to ``document.signals``: now, and again each time the
    document replaces its model (the old signals object goes with the old model).

    Make it a child of the widget whose slots it connects, before that widget connects its
    own ``modelReplaced`` slot: the handlers are then in place when that slot runs, and Qt
    drops the connection with the widget.
    """

    def __init__(self, document: Document, handlers: Handlers, parent: QObject) -> None:
        super().__init__(parent)
        self._document = document
        self._handlers = dict(handlers)
        document.modelReplaced.connect(self._reconnect)
        self._reconnect()

    def _reconnect(self) -> None:
        self._document.signals.connect_handlers(self._handlers)
