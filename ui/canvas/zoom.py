"""Zoom levels a person can read: where a model opens, the zoom shown in the status bar,
and zooming to the selection.

A card's name is 10-point text: below about 70 % it is too small to read comfortably, and
below 30 % cards are drawn as blocks without text. So a model opens, and a toolbar layout
ends, fitted only when the whole drawing fits at a readable zoom; otherwise at that zoom,
around its most relevant part: the selection, else the head of the largest reporting tree
(the top of the org chart; after the office-bands layout, the first front-office unit), or
the top-left of the drawing when there is none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPointF, QRect, QRectF
from PySide6.QtWidgets import QGraphicsItem

from orgmodel.model import OrgModel

from ui.canvas.items.unit_card import HEIGHT, WIDTH
from ui.i18n import translate

if TYPE_CHECKING:
    from ui.canvas.view import OrgView

#: The smallest zoom at which a card's name reads well; a model opens at no less.
READABLE_ZOOM = 0.7
#: Space kept around what is fitted or framed, in viewport pixels.
MARGIN = 40


def zoom_text(zoom: float, locale: QLocale) -> str:
    """The zoom as the status bar shows it: whole percents from 10 % up, one decimal
    below, two significant digits under 1 % ("Zoom 0.4%", never "Zoom 0%").

    >>> from PySide6.QtCore import QLocale
    >>> [zoom_text(z, QLocale(QLocale.Language.English)) for z in (1.0, 0.19, 0.025, 0.0043)]
    ['Zoom 100%', 'Zoom 19%', 'Zoom 2.5%', 'Zoom 0.43%']
    """
    percent = zoom * 100
    if percent >= 9.95:
        shown = locale.toString(round(percent))
    elif percent >= 1:
        shown = locale.toString(round(percent, 1), "f", 0 if round(percent, 1).is_integer() else 1)
    else:
        shown = locale.toString(percent, "g", 2)
    return translate("MainWindow", "Zoom %1%").replace("%1", shown)


def head_of_largest_tree(model: OrgModel) -> str | None:
    """The unit heading the largest reporting tree (the first such in model order), or
    ``None`` when there are no reporting lines. Linear time.

    >>> from orgmodel.model import Unit
    >>> m = OrgModel()
    >>> for uid in "abcde": m.add_unit(Unit(uid, uid, "back"))
    >>> head_of_largest_tree(m) is None
    True
    >>> m.set_parent("b", "a"); m.set_parent("d", "c"); m.set_parent("e", "d")
    >>> head_of_largest_tree(m)
    'c'
    """
    parent = dict((child, boss) for child, boss in model.reporting_lines())
    if not parent:
        return None
    root_of: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for uid in model.unit_ids():
        path = []
        current = uid
        while current not in root_of and current in parent:
            path.append(current)
            current = parent[current]
        root = root_of.get(current, current)
        for step in path:
            root_of[step] = root
        root_of[current] = root
        sizes[root] = sizes.get(root, 0) + 1
    best = max(sizes.values())
    return next(uid for uid in model.roots() if sizes.get(uid) == best)


def show_opening(view: OrgView) -> None:
    """Show a model just opened: all of it if that is readable, else the readable zoom
    around its most relevant part (the top of its org chart)."""
    show_readably(view, "orgchart")


def show_readably(view: OrgView, focus: str = "orgchart", selected: Sequence[str] = ()) -> None:
    """Show the whole drawing if it fits at a readable zoom; else the readable zoom around
    its most relevant part: the selected cards (framed, when they fit readably; else from
    their top-left), or else, by ``focus``, the head of the largest reporting tree at the
    top middle ("orgchart") or the first front-office card, top-left in its band
    ("bands"); the top-left of the drawing when there is no such unit.

    A model opens so, and a toolbar layout ends so: fitting a 10,000-unit chart showed a
    sliver at 0.04 % where nothing could be read (and painted every line in one go)."""
    scene = view.scene()
    content = scene.cards_bounding_rect()
    if content.isNull() or fitting_zoom(view, content) >= READABLE_ZOOM:
        view.fit_to_content()
        return
    cards = scene.cards
    chosen = [cards[uid] for uid in selected if uid in cards]
    if chosen:
        rect = around_cards(chosen)
        if fitting_zoom(view, rect) >= READABLE_ZOOM:
            frame(view, rect)
            return
        _show_from_top_left(view, rect)
        return
    model = scene.model
    if focus == "bands":
        first = first_front_unit(model, cards) if model is not None else None
        if first is not None:
            card = cards[first].pos()
            start = QRectF(card.x(), card.y(), WIDTH, HEIGHT)
            band = scene.bands.bands().get("front")
            if band is not None:  # from the band's own corner: its title is read first
                start = QRectF(band.topLeft(), start.bottomRight())
            _show_from_top_left(view, start)
            return
    else:
        head = head_of_largest_tree(model) if model is not None else None
        if head is not None and head in cards:
            view.set_zoom(READABLE_ZOOM)
            seen = view.mapToScene(view.viewport().rect()).boundingRect()
            card = cards[head].pos()
            # The head at the top, in the middle: its org chart unfolds below it.
            view.centerOn(QPointF(card.x() + WIDTH / 2, card.y() - MARGIN / view.zoom() + seen.height() / 2))
            return
    _show_from_top_left(view, content)


def first_front_unit(model: OrgModel, cards: Mapping[str, QGraphicsItem]) -> str | None:
    """The front-office unit whose card is highest, then leftmost (the first of the front
    band after an office-bands layout), or ``None`` without front-office cards."""
    best: tuple[float, float, str] | None = None
    for unit in model.units():
        card = cards.get(unit.id)
        if unit.office == "front" and card is not None:
            key = (card.y(), card.x(), unit.id)
            if best is None or key[:2] < best[:2]:
                best = key
    return None if best is None else best[2]


def _show_from_top_left(view: OrgView, rect: QRectF) -> None:
    """The readable zoom, with ``rect``'s top-left corner at the view's, a margin around."""
    view.set_zoom(READABLE_ZOOM)
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    margin = MARGIN / view.zoom()
    view.centerOn(QPointF(rect.left() - margin + seen.width() / 2, rect.top() - margin + seen.height() / 2))


def fitting_zoom(view: OrgView, rect: QRectF) -> float:
    """The zoom at which ``rect`` fills the viewport, margins included."""
    return _zoom_in(view.viewport().rect(), rect)


def _zoom_in(area: QRect, rect: QRectF) -> float:
    """The zoom at which ``rect`` fills ``area`` (viewport pixels), margins included."""
    width, height = max(1, area.width() - 2 * MARGIN), max(1, area.height() - 2 * MARGIN)
    return min(width / max(rect.width(), 1.0), height / max(rect.height(), 1.0))


def frame(view: OrgView, rect: QRectF, most: float = 1.0) -> None:
    """Zoom so that ``rect`` fills the viewport (no closer than ``most``) and centre it."""
    view.set_zoom(min(most, fitting_zoom(view, rect)))
    view.centerOn(rect.center())
    keep_clear(view, rect, most)


def covered(view: OrgView) -> QRect | None:
    """The part of the viewport the panels over the canvas hide (the legend), if shown."""
    found = None
    viewport = view.viewport()
    for panel in view.covers:
        if panel.isVisible():
            box = QRect(viewport.mapFrom(view, panel.geometry().topLeft()), panel.size())
            found = box if found is None else found.united(box)
    return found


def keep_clear(view: OrgView, rect: QRectF, most: float = 1.0) -> None:
    """``rect`` was just fitted or framed: if a panel over the canvas (the legend, in the
    bottom-left corner) hides part of it, fit it instead into the larger part of the
    viewport the panel leaves free, above it or beside it (no closer than ``most``)."""
    cover = covered(view)
    if cover is None or not view.mapFromScene(rect).boundingRect().intersects(cover):
        return
    area = view.viewport().rect()
    above = QRect(area.left(), area.top(), area.width(), max(0, cover.top() - area.top()))
    beside = QRect(cover.right() + 1, area.top(), max(0, area.right() - cover.right()), area.height())
    part, fitting = max(((part, _zoom_in(part, rect)) for part in (above, beside)), key=lambda pair: pair[1])
    view.set_zoom(min(most, fitting, view.zoom()))
    # The rectangle's centre at the middle of that part: the view's centre that far off it.
    off = QPointF(part.center() - area.center())
    view.centerOn(rect.center() - off / view.zoom())


def zoom_to_selection(view: OrgView, unit_ids: list[str]) -> bool:
    """Frame the cards of ``unit_ids``; False (nothing happens) when none is shown."""
    cards = [view.scene().cards[uid] for uid in unit_ids if uid in view.scene().cards]
    if not cards:
        return False
    frame(view, around_cards(cards))
    return True


def around_cards(cards: Sequence[QGraphicsItem]) -> QRectF:
    """The rectangle around some (at least one) cards."""
    xs, ys = [c.x() for c in cards], [c.y() for c in cards]
    return QRectF(min(xs), min(ys), max(xs) - min(xs) + WIDTH, max(ys) - min(ys) + HEIGHT)
