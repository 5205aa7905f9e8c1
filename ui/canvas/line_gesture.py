"""Drawing a line between two cards with the mouse: one gesture, Esc cancels.

The scene starts a :class:`LineGesture` when the person presses on a card's connector handle
(or Alt-drags a card) and hands it the mouse until release.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem

from ui import style
from ui.i18n import translate

if TYPE_CHECKING:
    from ui.canvas.scene import OrgScene


class LineGesture:
    """Drawing a dependency or a reporting line: a temporary line follows the mouse; it
    becomes an intent only when dropped on another unit. Esc or empty space: nothing."""

    def __init__(self, scene: OrgScene, source: str, kind: str, start: QPointF) -> None:
        self.scene, self.source, self.kind = scene, source, kind
        card = scene.cards[source]
        self.origin = card.scenePos() + (card.connect_handle_center() if kind == "depends" else card.report_handle_center())
        self.line = QGraphicsLineItem(QLineF(self.origin, start))
        pen = QPen(style.SELECTION, 2)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine if kind == "depends" else Qt.PenStyle.SolidLine)
        self.line.setPen(pen)
        self.line.setZValue(1000)
        scene.addItem(self.line)
        scene.message.emit(
            translate("OrgScene", "Drop on the unit it depends on (Esc cancels)") if kind == "depends" else translate("OrgScene", "Drop on the unit it reports to (Esc cancels)")
        )

    def move(self, pos: QPointF) -> None:
        self.line.setLine(QLineF(self.origin, pos))
        target = self.scene.unit_at(pos)
        valid = target is None or self._refusal(target.unit_id) is None
        pen = self.line.pen()
        pen.setColor(style.SELECTION if valid else QColor("#C00000"))
        self.line.setPen(pen)

    def _refusal(self, target: str) -> str | None:
        model = self.scene.model
        if target == self.source:
            return translate("OrgScene", "A unit cannot depend on itself") if self.kind == "depends" else translate("OrgScene", "A unit cannot report to itself")
        if self.kind == "depends" and model.has_dependency(self.source, target):
            return translate("OrgScene", "“%1” already depends on “%2”").replace("%1", model.unit(self.source).name).replace("%2", model.unit(target).name)
        return None

    def finish(self, pos: QPointF) -> None:
        self.cancel()
        target = self.scene.unit_at(pos)
        if target is None:
            self.scene.message.emit(translate("OrgScene", "Cancelled: dropped on empty canvas"))
            return
        refusal = self._refusal(target.unit_id)
        if refusal:
            self.scene.message.emit(refusal)
        elif self.kind == "depends":
            self.scene.connectRequested.emit(self.source, target.unit_id)
        else:
            self.scene.parentRequested.emit(self.source, target.unit_id)

    def cancel(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
