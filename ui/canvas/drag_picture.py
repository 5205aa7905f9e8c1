"""The picture a large drag is painted over: the visible scene without what is moving.

With thousands of cards, repainting everything on each mouse move is too slow; instead the
scene takes this picture once, hides what stays put, and repaints only the dragged cards and
their lines over it (``OrgScene.FREEZE_FROM``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from ui import style
from ui.canvas.items.line_layer import LineLayer
from ui.canvas.items.unit_card import UnitCard


class DragFreeze:
    """A large drag's picture: taken as the drag starts (:meth:`freeze`, the cards that stay
    put hidden under it), painted under the moving cards, dropped when the drag ends."""

    def __init__(self) -> None:
        self.picture: tuple[QRectF, QPixmap] | None = None
        self._hidden: list[UnitCard] = []

    def freeze(self, scene: QGraphicsScene, view: QGraphicsView, moving: list[UnitCard], cards: Iterable[UnitCard],
               layers: Iterable[LineLayer]) -> None:
        self.picture = picture_without(scene, view, moving, layers)
        moving_set = set(moving)
        self._hidden = [card for card in cards if card not in moving_set and card.isVisible()]
        for card in self._hidden:
            card.hide()

    def thaw(self, scene: QGraphicsScene, layers: Iterable[LineLayer]) -> None:
        """Show again what the picture stood for; the layers show every line again."""
        if self.picture is None:
            return
        self.picture = None
        for card in self._hidden:
            if card.scene() is scene:
                card.show()
        self._hidden = []
        for layer in layers:
            layer.showing = "all"
            layer.update()

    def paint(self, painter: QPainter) -> None:
        if self.picture is not None:
            area, pixmap = self.picture
            painter.drawPixmap(area, pixmap, QRectF(pixmap.rect()))


def picture_without(scene: QGraphicsScene, view: QGraphicsView, moving: list[UnitCard], layers: Iterable[LineLayer]) -> tuple[QRectF, QPixmap]:
    """``(scene area, picture)`` of what ``view`` shows, leaving out the ``moving`` cards and
    the lines that move with them; afterwards the layers show only those moving lines."""
    layers = list(layers)
    viewport = view.viewport()
    area = view.mapToScene(viewport.rect()).boundingRect()
    ratio = viewport.devicePixelRatioF()
    pixmap = QPixmap(max(1, round(viewport.width() * ratio)), max(1, round(viewport.height() * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(style.CANVAS)
    for card in moving:
        card.left_out = True
    for layer in layers:
        layer.showing = "static"
    painter = QPainter(pixmap)
    painter.setRenderHints(view.renderHints())
    scene.render(painter, QRectF(0, 0, viewport.width(), viewport.height()), area, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    for card in moving:
        card.left_out = False
    for layer in layers:
        layer.showing = "moving"
    return area, pixmap
