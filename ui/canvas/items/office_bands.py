"""Labelled office bands behind the cards, shown whenever the units sit in bands.

The office-bands layout puts front office on top, middle in the middle and back office at
the bottom. Rather than remember a "mode", the canvas looks at where units are: when each
office's units lie wholly above the next office's, the bands are drawn (and appear in
exports); once a unit is dragged across, they disappear.

Each band's title stands in a header column at its left, read bottom to top, as swimlanes are
drawn in yEd and Visio: lines are routed around and between the cards, never out there, so no
line strikes a title through. The header is a separate item above the lines (and under the
cards), in case one ever does run there: it passes behind the header.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget
from typing_extensions import override

from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
from orgmodel.unit import Unit

from ui import style

PAD = 24.0
TITLE = 40.0
HEADER = 48.0  #: the header column at a band's left, where its title stands
#: Above the line layers (-2, -1), under the cards (0).
TITLES_Z = -0.5


def office_extents(cards: Iterable[tuple[str, float, float]], width: float, height: float) -> dict[str, tuple[float, float, float, float]]:
    """``{office: (left, top, right, bottom)}`` around the cards ``(office, x, y)`` (top-left
    corners) of each office."""
    extents: dict[str, list[float]] = {}
    for office, x, y in cards:
        e = extents.get(office)
        if e is None:
            extents[office] = [x, y, x + width, y + height]
        else:
            e[0], e[1], e[2], e[3] = min(e[0], x), min(e[1], y), max(e[2], x + width), max(e[3], y + height)
    return {office: (e[0], e[1], e[2], e[3]) for office, e in extents.items()}


def band_rects(extents: dict[str, tuple[float, float, float, float]]) -> dict[str, QRectF]:
    """Bands for office extents ``{office: (left, top, right, bottom)}``, or ``{}`` when the
    offices are not stacked front above middle above back (or fewer than two are present)."""
    present = [office for office in ("front", "middle", "back") if office in extents]
    if len(present) < 2:
        return {}
    for upper, lower in zip(present, present[1:]):
        if extents[upper][3] + PAD > extents[lower][1] - TITLE:
            return {}
    left = min(e[0] for e in extents.values()) - PAD - HEADER
    right = max(e[2] for e in extents.values()) + PAD
    return {
        office: QRectF(left, extents[office][1] - TITLE, right - left, extents[office][3] - extents[office][1] + TITLE + PAD / 2)
        for office in present
    }


class OfficeBands(QGraphicsItem):
    """Draws the bands around the cards of each office, when the offices are stacked; keeps
    each office's extent and the units on its edge, so a move is followed without visiting
    every unit (:meth:`follow_moved`)."""

    def __init__(self) -> None:
        super().__init__()
        self._bands: dict[str, QRectF] = {}
        #: By office, as the bands were last set, and the units on the edge of their office's.
        self._extents: dict[str, tuple[float, float, float, float]] = {}
        self._edge_units: set[str] = set()
        self._bounds = QRectF()
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.titles = BandTitles()

    def add_to(self, scene: QGraphicsScene) -> None:
        """Put the bands and their titles (a separate item, above the lines) into ``scene``."""
        scene.addItem(self)
        scene.addItem(self.titles)

    def set_shown(self, shown: bool) -> None:
        """Show or hide the bands with their titles."""
        self.setVisible(shown)
        self.titles.setVisible(shown)

    def follow(self, units: Sequence[Unit]) -> None:
        """Bands for where ``units`` are now (all of the model's)."""
        self._extents = extents = office_extents(((u.office, u.x or 0.0, u.y or 0.0) for u in units), CARD_WIDTH, CARD_HEIGHT)
        self._edge_units = {
            u.id for u in units
            if (e := extents[u.office]) and ((u.x or 0.0) == e[0] or (u.y or 0.0) == e[1]
                                             or (u.x or 0.0) + CARD_WIDTH == e[2] or (u.y or 0.0) + CARD_HEIGHT == e[3])
        }
        self.set_bands(band_rects(extents))

    def follow_moved(self, moved: Iterable[tuple[str, str, float, float]]) -> bool:
        """The bands after cards moved (``(unit id, office, x, y)``, the new corners), or
        False, changing nothing, when one of them bounded its office: :meth:`follow` then
        measures them all again."""
        extents = dict(self._extents)
        edge = set()
        for uid, office, x, y in moved:
            e = extents.get(office)
            if e is None or uid in self._edge_units:
                return False
            grown = (min(e[0], x), min(e[1], y), max(e[2], x + CARD_WIDTH), max(e[3], y + CARD_HEIGHT))
            if grown != e:  # it bounds its office now (others may have stopped to: harmless)
                edge.add(uid)
            extents[office] = grown
        self._extents = extents
        self._edge_units |= edge
        self.set_bands(band_rects(extents))
        return True

    def set_bands(self, bands: dict[str, QRectF]) -> None:
        if bands == self._bands:
            return
        self.prepareGeometryChange()
        self._bands = dict(bands)
        bounds = QRectF()
        for rect in bands.values():
            bounds = bounds.united(rect)
        self._bounds = bounds
        self.update()
        self.titles.set_bands(bands)

    def bands(self) -> dict[str, QRectF]:
        return dict(self._bands)

    @override
    def boundingRect(self) -> QRectF:
        return self._bounds

    @override
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        for office, rect in self._bands.items():
            painter.fillRect(rect, band_fill(office))


def band_fill(office: str) -> QColor:
    """The band's colour: the office's fill, translucent over the canvas."""
    fill = QColor(style.OFFICE_FILLS[office])
    fill.setAlpha(110)
    return fill


TITLE_POINTS = 18
SMALLEST_TITLE_POINTS = 11
#: The room across a header for the title's lines (its stripe taken off).
TITLE_DEPTH = HEADER - 8


def fitted_title(title: str, room: float) -> tuple[QFont, str, bool]:
    """``(font, text, wrapped)``: a band's title along a header ``room`` long, at the largest
    size from 18 pt down to 11 pt at which it fits on one line or, wrapped at a space, on two;
    elided only if it still does not."""
    font = QFont()
    font.setBold(True)
    for points in range(TITLE_POINTS, SMALLEST_TITLE_POINTS - 1, -1):
        font.setPointSizeF(points)
        metrics = QFontMetricsF(font)
        if metrics.horizontalAdvance(title) <= room:
            return font, title, False
        wrapped = metrics.boundingRect(QRectF(0, 0, max(room, 1.0), 1e6), Qt.TextFlag.TextWordWrap, title)
        if wrapped.width() <= room and wrapped.height() <= TITLE_DEPTH:
            return font, title, True
    return font, QFontMetricsF(font).elidedText(title, Qt.TextElideMode.ElideRight, max(0.0, room)), False


class BandTitles(QGraphicsItem):
    """Each band's header column, with its title read bottom to top, drawn above the lines so
    that no line strikes a title through (:class:`OfficeBands` keeps it in step)."""

    def __init__(self) -> None:
        super().__init__()
        #: ``(office, header, text, font, wrapped)``: each band's header column, the title it
        #: shows and how (see :func:`fitted_title`).
        self._titles: list[tuple[str, QRectF, str, QFont, bool]] = []
        self._bounds = QRectF()
        self.setZValue(TITLES_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_bands(self, bands: dict[str, QRectF]) -> None:
        titles = []
        for office, rect in bands.items():
            font, text, wrapped = fitted_title(style.office_title(office), rect.height() - 16)
            titles.append((office, QRectF(rect.left(), rect.top(), HEADER, rect.height()), text, font, wrapped))
        self.prepareGeometryChange()
        self._titles = titles
        bounds = QRectF()
        for _office, header, *_shown in titles:
            bounds = bounds.united(header)
        self._bounds = bounds
        self.update()

    def titles(self) -> list[tuple[str, QRectF, str]]:
        """``(office, header, text)`` of each band: its header column and the title in it."""
        return [(office, header, text) for office, header, text, *_how in self._titles]

    @override
    def boundingRect(self) -> QRectF:
        return self._bounds

    @override
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        for office, header, text, font, wrapped in self._titles:
            painter.setFont(font)
            painter.fillRect(header, style.OFFICE_FILLS[office])
            painter.fillRect(QRectF(header.left(), header.top(), 8, header.height()), style.OFFICE_COLORS[office])
            painter.setPen(style.OFFICE_COLORS[office].darker(150))
            painter.save()
            painter.translate(header.left() + 8 + TITLE_DEPTH / 2, header.center().y())
            painter.rotate(-90)  # read bottom to top, as a swimlane's header
            half = (header.height() - 16) / 2
            flags = Qt.AlignmentFlag.AlignCenter | (Qt.TextFlag.TextWordWrap if wrapped else Qt.AlignmentFlag(0))
            painter.drawText(QRectF(-half, -TITLE_DEPTH / 2, 2 * half, TITLE_DEPTH), flags, text)
            painter.restore()
