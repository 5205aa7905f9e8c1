"""Many cards drawn at once, for an export.

Drawn item by item, each card is a Python call from Qt, a saved and restored painter, its own
transform and some seven pen, brush and font changes; an SVG or PDF writes every change out
(a 10,000-card SVG was 24 MB of mostly empty groups). Cards that do not overlap can be drawn
layer by layer instead, each card's parts in the order it draws them itself (its
:meth:`~ui.canvas.items.unit_card.UnitCard.look`): every fill of one look, then every stripe,
then the texts of one font and colour, with a change of pen or font only between groups. The
picture is the same; cards that overlap (placed by hand on top of one another) are left to
draw themselves, in their stacking order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from ui import style
from ui.canvas.items.unit_card import _CENTER, _HATCH, _LEFT, _STAR, _STRIPE, HEIGHT, WIDTH, CardLook, UnitCard

#: Cards nearer than this (a border's pen reaches over the edge) count as overlapping.
MARGIN = 4.0


def apart(cards: Sequence[UnitCard]) -> bool:
    """No two of these cards (one size) overlap or touch: a grid of card-sized cells, each
    card compared with the cards of the cells around its own.

    >>> apart([])
    True
    """
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for card in cards:
        x, y = card.x(), card.y()
        i, j = math.floor(x / WIDTH), math.floor(y / HEIGHT)
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for ox, oy in cells.get((i + di, j + dj), ()):
                    if abs(ox - x) < WIDTH + MARGIN and abs(oy - y) < HEIGHT + MARGIN:
                        return False
        cells.setdefault((i, j), []).append((x, y))
    return True


def batchable(cards: Sequence[UnitCard]) -> bool:
    """Whether :func:`paint_cards` draws these cards as they draw themselves."""
    return not any(card.show_handles or card.left_out for card in cards) and apart(cards)


def paint_cards(painter: QPainter, cards: Sequence[UnitCard]) -> None:
    """Draw these cards (scene coordinates; see :func:`batchable`) in a few groups."""
    lod = 1.0 if UnitCard.full_detail else QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
    looks: list[tuple[float, float, CardLook]] = [(card.x(), card.y(), card.look(lod, card.isSelected())) for card in cards]
    painter.save()
    blocks = [(x, y, look) for x, y, look in looks if look.blocks is not None]
    for x, y, look in blocks:
        for rect, colour in look.blocks:
            painter.fillRect(rect.translated(x, y), colour)
    full = [(x, y, look) for x, y, look in looks if look.blocks is None]
    if full:
        _paint_full(painter, full)
    painter.restore()


def _groups(items: list, key) -> dict:
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def _paint_full(painter: QPainter, looks: list[tuple[float, float, CardLook]]) -> None:
    name_font, small_font, _ = UnitCard._fonts()
    # The cards' bodies: one look (antialiasing, border, fill) at a time.
    for group in _groups(looks, lambda item: (item[2].smooth, id(item[2].border), item[2].fill.rgba())).values():
        first = group[0][2]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, first.smooth)
        painter.setPen(first.border)
        painter.setBrush(first.fill)
        for x, y, _ in group:
            painter.drawRoundedRect(QRectF(x, y, WIDTH, HEIGHT), 6, 6)
    hatched = [(x, y) for x, y, look in looks if look.hatched]
    if hatched:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_HATCH)
        for x, y in hatched:
            painter.drawRoundedRect(QRectF(x, y, WIDTH, HEIGHT), 6, 6)
    painter.setPen(Qt.PenStyle.NoPen)
    for group in _groups(looks, lambda item: item[2].stripe.rgba()).values():
        painter.setBrush(group[0][2].stripe)
        for x, y, _ in group:
            painter.drawRect(_STRIPE.translated(x, y))
    # The texts: each card's in its own order (mark, name, office, figures), a font and a
    # colour at a time; a card's texts never reach another card.
    painter.setFont(name_font)
    marked = [item for item in looks if item[2].mark is not None]
    for group in _groups(marked, lambda item: (item[2].mark[1].rgba(), item[2].mark[0])).values():
        painter.setPen(group[0][2].mark[1])
        for x, y, look in group:
            painter.drawText(_STAR.translated(x, y), _CENTER, look.mark[0])
    for group in _groups(looks, lambda item: item[2].name_colour.rgba()).values():
        painter.setPen(group[0][2].name_colour)
        for x, y, look in group:
            painter.drawText(look.boxes[0].translated(x, y), _LEFT, look.name)
    painter.setFont(small_font)
    painter.setPen(style.MUTED_TEXT)
    for x, y, look in looks:
        painter.drawText(look.boxes[1].translated(x, y), _LEFT, look.office)
        if look.details:
            painter.drawText(look.boxes[2].translated(x, y), _LEFT, look.details)
