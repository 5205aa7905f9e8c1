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
