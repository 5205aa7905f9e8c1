"""The what-if simulation of the editor: the units the person has failed and what follows.

A *view* state, never an edit: it changes nothing in the model, puts nothing on the undo
stack and is never saved. It follows the model: a moment after an edit that can change the
answer (a unit or dependency added, removed or changed) it computes again, whole (one
what-if is a few milliseconds at 10,000 units), and a failed unit that was deleted is
dropped (the simulation ends with its last one). A new model ends it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from orgmodel.analysis.whatif import WhatIf, what_if

from ui.editing.document import Document
from ui.editing.model_signals import ModelFollower

log = logging.getLogger(__name__)

#: The pause after the last edit before computing again (as the analysis pages).
REFRESH_MS = 150


class Simulation(QObject):
    """The failed units of ``document``'s model and the :class:`WhatIf` they give;
    ``changed`` after each new answer, and when the simulation ends (``result`` None)."""

    changed = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.failed: set[str] = set()
        self.result: WhatIf | None = None
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.recompute)
        edited = self._edited
        ModelFollower(document, {
            "unitAdded": edited, "unitRemoved": edited, "unitChanged": edited,
            "dependencyAdded": edited, "dependencyRemoved": edited, "dependencyChanged": edited,
        }, self)
        document.modelReplaced.connect(self.end)

    @property
    def running(self) -> bool:
        return bool(self.failed)

    def fail(self, unit_ids: Iterable[str]) -> None:
        """Fail ``unit_ids`` too (those of the model; others are ignored)."""
        model = self._document.model
        added = {uid for uid in unit_ids if uid in model} - self.failed
        if added:
            self.failed |= added
            self.recompute()

    def restore(self, unit_ids: Iterable[str]) -> None:
        """``unit_ids`` work again; the simulation ends with its last failed unit."""
        removed = self.failed.intersection(unit_ids)
        if removed:
            self.failed -= removed
            self.recompute()

    def end(self) -> None:
        self._timer.stop()
        if self.failed or self.result is not None:
            self.failed = set()
            self.result = None
            self.changed.emit()

    def _edited(self, *_: object) -> None:
        if self.failed:
            self._timer.start()

    def recompute(self) -> None:
        """The answer for the failed units still in the model, now."""
        self._timer.stop()
        model = self._document.model
        self.failed = {uid for uid in self.failed if uid in model}
        if not self.failed:
            self.end()
            return
        try:
            self.result = what_if(model, self.failed)
        except Exception:  # a slot must never let an exception reach Qt
            log.exception("could not compute the what-if")
            self.result = None
        self.changed.emit()
