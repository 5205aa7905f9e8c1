"""The canvas: follows the model's signals, mirrors the shared selection, emits intents.

The scene never changes the model. Mouse and keyboard gestures end in *intent* signals
(``moveRequested``, ``connectRequested``...) that the window hands to the document, which
turns them into undo commands. It keeps id → item maps, so an event touches only the items
it concerns.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QToolTip,
)
from typing_extensions import override

from orgmodel.gcpause import gc_paused
from orgmodel.layout.placement import card_centred_at
from orgmodel.model import OrgModel

from ui import style
from ui.canvas.background_routing import BackgroundRouting
from ui.canvas.items.line_layer import LineLayer, Point
from ui.canvas.items.office_bands import OfficeBands
from ui.canvas.items.unit_card import HEIGHT, WIDTH, UnitCard
from ui.canvas.clicks import extends_selection
from ui.canvas.deferred_routing import DeferredRouting
from ui.canvas.drag_picture import DragFreeze
from ui.canvas.emphasis import Highlight
from ui.canvas.line_geometry import SceneLines
from ui.canvas.line_gesture import LineGesture
from ui.canvas.moving import follow_units_moved, lines_of, nudged
from ui.editing.model_signals import ModelSignals
from ui.editing.selection import Selection


class OrgScene(QGraphicsScene):
    """Cards for units and two line layers (dependencies, reporting lines)."""

    #: From this many cards on, a drag first takes a picture of everything that stays put
    #: and then repaints only the dragged cards and their lines over it.
    FREEZE_FROM = 1500

    moveRequested = Signal(object)  # {unit id: ((old x, old y), (new x, new y))}
    connectRequested = Signal(str, str)  # source depends on target
    parentRequested = Signal(str, str)  # unit reports to parent
    addUnitRequested = Signal(str, QPointF)  # office, top-left of the new card
    renameRequested = Signal(str)  # start inline rename of this unit
    deleteRequested = Signal()  # delete what is selected
    escapePressed = Signal()  # Esc with no gesture to cancel (the selection is cleared too)
    contextMenuRequested = Signal(QPointF, QPoint)  # scene position, screen position
    message = Signal(str)  # a refusal or hint for the status bar

    def __init__(self, selection: Selection, parent=None) -> None:
        super().__init__(parent)
        self.selection = selection
        self.model: OrgModel | None = None
        self.cards: dict[str, UnitCard] = {}
        self.dependencies = LineLayer(style.DEPENDENCY_LINE, dashed=True, arrows=True)
        self.reporting = LineLayer(style.REPORTING_LINE, dashed=False)
        self.reporting.setZValue(-2)
        self.dependencies.setZValue(-1)
        self.addItem(self.reporting)
        self.addItem(self.dependencies)
        self.lines = SceneLines(self.dependencies, self.reporting)
        #: Whole-model routings of more dependencies than this run in a worker thread (the
        #: window sets it; None: always at once, as a headless export needs).
        self.background_from: int | None = None
        self.background = BackgroundRouting(self)
        #: Lines an edit left for later (they need the slow grid search): routed once the
        #: window is idle, so an edit answers at once (see ``SceneLines.defer_searches``).
        self.deferred = DeferredRouting(self.lines, lambda: bool(self._press_positions), self)
        self.lines.on_deferred = self.deferred.ask
        self.bands = OfficeBands()
        self.bands.add_to(self)
        self._bands_timer = QTimer(self, singleShot=True, interval=0, timeout=self.update_bands)
        self.setBackgroundBrush(style.CANVAS)
        self._syncing = False
        self._press_positions: dict[str, tuple[float, float]] = {}
        self._drawn_at: dict[str, tuple[float, float]] = {}
        self.drag_freeze = DragFreeze()
        self._gesture: LineGesture | None = None
        self.highlight = Highlight(self)  # the live analysis highlight (see ``emphasis``)
        self._plain_click_on_selected = False
        self.default_office = "front"
        self.selectionChanged.connect(self._items_selection_changed)
        selection.changed.connect(self._selection_changed)

    # -- building and following the model --------------------------------------------------

    def set_model(self, model: OrgModel, signals: ModelSignals) -> None:
        """Show ``model`` (after the document replaced it); ``signals`` is its adapter."""
        # Tens of thousands of small objects and no cycles: the collector would rescan the
        # whole model and scene several times over (measured: a third of the build).
        with gc_paused():
            self._build(model)
        signals.connect_handlers({
            "unitAdded": self._unit_added,
            "unitRemoved": self._unit_removed,
            "unitChanged": self._unit_changed,
            "unitsMoved": self._units_moved,
            "parentChanged": self._parent_changed,
            "dependencyAdded": self._dependency_added,
            "dependencyRemoved": self._dependency_removed,
            "dependencyChanged": self._dependency_changed,
        })

    def _build(self, model: OrgModel) -> None:
        self.cancel_gesture()
        self.model = model
        self.highlight.reset()  # the new cards start plain
        for card in self.cards.values():
            self.removeItem(card)
        self.cards = {}
        # Indexing 10,000 items one by one is slow; index once after the bulk insert.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for unit in model.units():
            self._add_card(unit.id, unit)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.relay_lines(opening=True)
        self.fit_scene_rect()
        self.update_bands()

    def cards_bounding_rect(self) -> QRectF:
        """The area the drawing covers: cards (from the cards' positions) and office bands.
        Not ``itemsBoundingRect``: it counts hidden items, and line layers' bounds only grow
        as lines move (every line ends on a card anyway)."""
        xs = [card.x() for card in self.cards.values()]
        ys = [card.y() for card in self.cards.values()]
        rect = QRectF(min(xs), min(ys), max(xs) - min(xs) + WIDTH, max(ys) - min(ys) + HEIGHT) if xs else QRectF()
        bands = self.bands.sceneBoundingRect()
        return rect.united(bands) if not bands.isNull() else rect

    def fit_scene_rect(self) -> None:
        """A scene rect around the content with room to scroll; set again after indexing
        is switched back on, or Qt keeps indexing an empty guess."""
        bounds = self.cards_bounding_rect()
        if bounds.isNull():
            bounds = QRectF(0, 0, 800, 600)
        self.setSceneRect(bounds.adjusted(-600, -400, 600, 400))

    def _add_card(self, unit_id: str, unit=None) -> UnitCard:
        unit = unit or self.model.unit(unit_id)
        card = UnitCard(unit_id)
        card.shade = self.highlight.shade  # added under a highlight: faded like the others
        if self.highlight.active():  # back by undo, inside the highlight or a what-if
            card.set_emphasis(self.highlight.mark(unit_id))
        card.set_unit(unit.name, unit.office, unit.is_revenue_generating, unit.headcount, unit.revenue, unit.color)
        card.setPos(unit.x or 0.0, unit.y or 0.0)
        self.cards[unit_id] = card
        self.addItem(card)
        return card

    def update_bands(self) -> None:
        """Show the office bands when the units sit in them (see ``items.office_bands``)."""
        self.bands.follow(self.model.units() if self.model is not None else ())

    def update_bands_after_move(self, moved: Iterable[tuple[str, str, float, float]]) -> None:
        """:meth:`update_bands` after cards moved (``(unit id, office, x, y)``, the new corners)
        without visiting every unit, unless one of them bounded its office."""
        if not self.bands.follow_moved(moved):
            self.update_bands()

    def _unit_added(self, unit_id: str, index: int) -> None:
        self._bands_timer.start()
        card = self._add_card(unit_id)
        self.lines.unit_added(unit_id, card.x(), card.y())
        if not self.sceneRect().contains(card.sceneBoundingRect()):
            self.setSceneRect(self.sceneRect().united(card.sceneBoundingRect().adjusted(-400, -300, 400, 300)))

    def _unit_removed(self, unit_id: str, index: int) -> None:
        card = self.cards.pop(unit_id, None)
        if card is not None:
            self.removeItem(card)
        self.lines.unit_removed(unit_id)
        self._bands_timer.start()
        self.selection.forget([unit_id])

    def _unit_changed(self, unit_id: str, fields: frozenset[str]) -> None:
        if fields & {"x", "y", "office"}:
            self._bands_timer.start()
        card = self.cards[unit_id]
        unit = self.model.unit(unit_id)
        if fields & {"x", "y"}:
            if (card.x(), card.y()) != (unit.x, unit.y):
                card.setPos(unit.x, unit.y)
            self.card_moved(card)
        if fields - {"x", "y", "cost", "automation_potential", "automation_ease", "notes", "tags"}:
            card.set_unit(unit.name, unit.office, unit.is_revenue_generating, unit.headcount, unit.revenue, unit.color)

    def _units_moved(self, unit_ids: tuple[str, ...]) -> None:
        follow_units_moved(self, unit_ids)  # cards first, then the lines once

    def _parent_changed(self, unit_id: str, old: str | None, new: str | None) -> None:
        self.lines.parent_changed(unit_id, new)

    def _dependency_added(self, source: str, target: str) -> None:
        d = self.model.dependency(source, target)
        self.lines.dependency_added((source, target), d.label, d.weight, d.group)

    def _dependency_removed(self, source: str, target: str) -> None:
        self.lines.dependency_removed((source, target))
        self.selection.forget(dependencies=[(source, target)])

    def _dependency_changed(self, source: str, target: str, fields: frozenset[str]) -> None:
        if fields & {"label", "weight", "group"}:
            d = self.model.dependency(source, target)
            self.lines.dependency_changed((source, target), d.label, d.weight, d.group)

    # -- line geometry (ui.canvas.line_geometry) ---------------------------------------------

    def relay_lines(self, opening: bool = False) -> None:
        """Lay every line anew from the cards' places, in one routing pass (open, rebuild,
        a move of many units at once); for a big model, in the background (``opening``: from
        when the window is first idle, the model shown)."""
        if self.model is None:
            return
        corners = {uid: (card.x(), card.y()) for uid, card in self.cards.items()}
        if self.background_from is not None and self.model.dependency_count > self.background_from:
            self.background.start(self.model, corners, when_idle=opening)
        else:
            self.background.cancel()
            self.lines.rebuild(self.model, corners)

    def finish_routing(self) -> None:
        """Wait for a whole-model routing under way, so every line is drawn (an export)."""
        self.background.finish()
        while self.lines.route_deferred(most=100):
            pass

    def routing_pending(self) -> bool:
        """Whether some dependency lines are still being routed (and not drawn)."""
        return self.background.pending or self.lines.pending()

    def _dependency_geometry(self, source: str, target: str, corners: dict | None = None) -> list[Point]:
        """The routed points of a dependency line, as the editor and exports draw it."""
        return self.lines.route((source, target))

    def card_moved(self, card: UnitCard) -> None:
        """A card moved (nudged, undone, its place typed in): its lines, and lines routed near
        it, follow (a drag's frames: see ``mouseMoveEvent``)."""
        if self.model is None or card.unit_id not in self.cards:
            return
        self.lines.cards_moved(self.model, {card.unit_id: (card.x(), card.y())})

    # -- selection ---------------------------------------------------------------------------

    def _items_selection_changed(self) -> None:
        if self._syncing:
            return
        units = [item.unit_id for item in self.selectedItems() if isinstance(item, UnitCard)]
        keep = self.selection.units()
        ordered = [u for u in keep if u in units] + [u for u in units if u not in keep]
        self._syncing = True
        try:
            self.selection.set(ordered, self.dependencies.selected())
        finally:
            self._syncing = False
        for card in self.cards.values():
            card.set_show_handles(card.isSelected() and len(units) == 1)

    def _selection_changed(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            wanted = set(self.selection.units())
            for item in self.selectedItems():
                if isinstance(item, UnitCard) and item.unit_id not in wanted:
                    item.setSelected(False)
            for uid in wanted:
                card = self.cards.get(uid)
                if card is not None and not card.isSelected():
                    card.setSelected(True)
            self.dependencies.set_selected(self.selection.dependencies())
        finally:
            self._syncing = False

    def set_emphasis(
        self, focus: str | None, units: set[str] | None, lines: set[tuple[str, str]] | None, counted: Iterable[str] | None = None
    ) -> None:
        """Show an analysis: ``focus`` and ``units`` stand out (``counted`` ones more than
        those only on the way; from the model when not given), the rest fades; ``None``
        clears. Only the cards whose mark changes are visited (see ``emphasis``)."""
        self.highlight.show(focus, units, lines, None if counted is None else set(counted))

    def emphasized_units(self) -> AbstractSet[str]:
        """The units the current highlight shows (empty when there is none); read only."""
        return self.highlight.units()

    def _handle_at(self, pos: QPointF) -> tuple[UnitCard | None, str | None]:
        """A connector handle of a card showing its handles (hovered or selected) under pos;
        handles stick out of the card, so they are looked up around the point."""
        for item in self.items(QRectF(pos.x() - 8, pos.y() - 8, 16, 16)):
            if isinstance(item, UnitCard) and item.show_handles:
                kind = item.handle_at(item.mapFromScene(pos))
                if kind is not None:
                    return item, kind
        return None, None

    @override
    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        # Tooltips are made here, on demand, rather than stored in 10,000 cards.
        handle_card, kind = self._handle_at(event.scenePos())
        card = self.unit_at(event.scenePos())
        if handle_card is not None and kind is not None:
            QToolTip.showText(event.screenPos(), handle_card.handle_tip(kind))
        elif card is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.screenPos(), card.tool_tip())
        event.accept()

    def office_at(self, pos: QPointF) -> str:
        """The office a unit added at ``pos`` belongs to: that of the band under it when
        the bands are shown, else the default (front)."""
        return next((office for office, rect in self.bands.bands().items() if rect.contains(pos)), self.default_office)

    def unit_at(self, pos: QPointF) -> UnitCard | None:
        for item in self.items(pos):
            if isinstance(item, UnitCard):
                return item
        return None

    # -- mouse and keyboard ----------------------------------------------------------------

    @override
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            card, kind = self._handle_at(event.scenePos())
            if card is None:
                card = self.unit_at(event.scenePos())
                if card is not None and event.modifiers() & Qt.KeyboardModifier.AltModifier:
                    kind = "reports" if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else "depends"
            if card is not None and kind is not None:
                self._gesture = LineGesture(self, card.unit_id, kind, event.scenePos())
                event.accept()
                return
            # A plain click selects only what it hits; Ctrl or Shift adds to the selection.
            additive = extends_selection(event)
            self._plain_click_on_selected = not additive and card is not None and card.isSelected()
            if card is None:
                key = self.dependency_at(event.scenePos())
                if key is not None:
                    units = self.selection.units() if additive else []
                    deps = self.selection.dependencies() if additive else []
                    if not additive:
                        self.clearSelection()
                    self.selection.set(units, [d for d in deps if d != key] + ([] if key in deps else [key]))  # Ctrl toggles
                    event.accept()
                    return
            if not additive and not self._plain_click_on_selected:
                self.selection.set(self.selection.units(), [])
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_positions = {
                item.unit_id: (item.x(), item.y()) for item in self.selectedItems() if isinstance(item, UnitCard)
            }
            if self._press_positions:
                deps, reports = lines_of(self.model, self._press_positions)
                self.dependencies.set_moving(deps)
                self.reporting.set_moving(reports)

    @override
    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is not None:
            self._gesture.move(event.scenePos())
            event.accept()
            return
        if self._press_positions and self.drag_freeze.picture is None and len(self.cards) >= self.FREEZE_FROM:
            self._freeze()
        super().mouseMoveEvent(event)
        # Lines follow the dragged cards live; the model hears of the move on release.
        for uid in self._press_positions:
            card = self.cards.get(uid)
            if card is not None and self.model is not None and self._drawn_at.get(uid) != (card.x(), card.y()):
                self._drawn_at[uid] = (card.x(), card.y())
                self.lines.cards_moved(self.model, {uid: (card.x(), card.y())}, dragging=True)

    @override
    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is not None:
            gesture, self._gesture = self._gesture, None
            gesture.finish(event.scenePos())
            event.accept()
            return
        extends_selection(event)
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._press_positions:
            moves = {}
            for uid, old in self._press_positions.items():
                card = self.cards.get(uid)
                if card is not None and (card.x(), card.y()) != old:
                    moves[uid] = (old, (card.x(), card.y()))
            if self._plain_click_on_selected and not moves:
                self.selection.set(self.selection.units(), [])  # Qt kept only the card: lines go too
            self._press_positions = {}
            self._drawn_at = {}
            self._thaw()
            self.dependencies.set_moving(())
            self.reporting.set_moving(())
            if moves:
                self.moveRequested.emit(moves)
            if self.lines.pending():
                self.deferred.ask()

    # -- large drags ---------------------------------------------------------------------

    def _freeze(self) -> None:
        """Picture what stays put, then hide it: each mouse move repaints the dragged cards
        and their lines over the picture instead of thousands of cards and lines."""
        views = self.views()
        if views:
            moving = [self.cards[uid] for uid in self._press_positions if uid in self.cards]
            self.drag_freeze.freeze(self, views[0], moving, self.cards.values(), (self.dependencies, self.reporting))

    def _thaw(self) -> None:
        self.drag_freeze.thaw(self, (self.dependencies, self.reporting))

    @override
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        self.background.painted()  # the moved cards are on screen: their lines may be routed now
        self.drag_freeze.paint(painter)

    @override
    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            card = self.unit_at(event.scenePos())
            if card is not None:
                self.renameRequested.emit(card.unit_id)
            else:
                pos = event.scenePos()
                self.addUnitRequested.emit(self.office_at(pos), QPointF(*card_centred_at(pos.x(), pos.y(), WIDTH, HEIGHT)))
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    @override
    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        # What the menu holds depends on what is under the mouse: see ``context_menus``.
        self.contextMenuRequested.emit(event.scenePos(), event.screenPos())
        event.accept()

    def dependency_at(self, pos: QPointF) -> tuple[str, str] | None:
        """The dependency line under ``pos`` (a few pixels either side), if any; none while
        the lines are being routed (they are not shown)."""
        if self.background.pending:
            return None
        return self.dependencies.key_at(pos, 6.0 / max(self._view_scale(), 0.05))

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self._gesture is not None:
                self.cancel_gesture()
            else:
                self.clearSelection()
                self.selection.clear()
                self.escapePressed.emit()
            event.accept()
            return
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if event.key() in steps and self.selection.units() and self.focusItem() is None:
            step = 1.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 10.0
            dx, dy = steps[event.key()]
            self.moveRequested.emit(nudged(self.model, self.selection.units(), dx * step, dy * step))
            event.accept()
            return
        super().keyPressEvent(event)

    def cancel_gesture(self) -> None:
        if self._gesture is not None:
            self._gesture.cancel()
            self._gesture = None

    def _view_scale(self) -> float:
        views = self.views()
        return views[0].transform().m11() if views else 1.0

