"""Adding a unit from the canvas, a menu or the toolbar: where it lands, and Esc takes it back.

A new card goes to the nearest free spot (no card under it, a gap around it): right of the
selected unit when there is one, else the middle of the view, or where the person
double-clicked. Its name is edited in place at once; Esc in that editor takes the whole add
back, leaving the undo stack as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF

from orgmodel.layout.placement import GAP, card_centred_at, free_spot_near

from ui.canvas.items.unit_card import HEIGHT, WIDTH, UnitCard
from ui.canvas.scene import OrgScene
from ui.canvas.view import OrgView
from ui.editing.document import Document
from ui.editing.selection import Selection


class UnitAdder(QObject):
    """Turns "add a unit" (toolbar, menu, double click) into one placed, named unit."""

    def __init__(self, scene: OrgScene, view: OrgView, document: Document, selection: Selection) -> None:
        super().__init__(view)
        self.scene, self.view, self.document, self.selection = scene, view, document, selection
        #: The unit just added and the undo index right after its add, while its name is
        #: being typed: Esc then takes the add back.
        self._fresh: tuple[str, int] | None = None
        view.renameCancelled.connect(self._rename_cancelled)
        view.renameFinished.connect(self._rename_finished)

    def add(self, office: str, top_left: QPointF | None = None) -> str:
        """Add a unit of ``office`` with its card's top-left near ``top_left`` (default:
        beside the selection, or the middle of the view), select it and edit its name."""
        self.view.finish_rename(commit=True)  # a name still being typed is kept first
        x, y = self.spot(top_left)
        unit_id = self.document.add_unit(office, x, y)
        self.selection.set([unit_id])
        self._fresh = (unit_id, self.document.undo_stack.index())
        self.view.start_rename(unit_id)
        return unit_id

    def spot(self, wanted: QPointF | None = None) -> tuple[float, float]:
        """The free top-left corner nearest ``wanted`` (or the default place)."""
        if wanted is None:
            beside = next((self.scene.cards[uid] for uid in self.selection.units() if uid in self.scene.cards), None)
            if beside is not None:
                wanted = beside.pos() + QPointF(WIDTH + GAP, 0)
            else:
                centre = self.view.mapToScene(self.view.viewport().rect().center())
                wanted = QPointF(*card_centred_at(centre.x(), centre.y(), WIDTH, HEIGHT))
        return free_spot_near(wanted.x(), wanted.y(), WIDTH, HEIGHT, self._taken)

    def _taken(self, left: float, top: float, right: float, bottom: float) -> bool:
        # The scene's index answers; the handles around a card are not the card.
        return any(
            isinstance(item, UnitCard) and item.isVisible() and item.sceneBoundingRect().adjusted(8, 8, -8, -8).intersects(QRectF(left, top, right - left, bottom - top))
            for item in self.scene.items(QRectF(left, top, right - left, bottom - top))
        )

    def _rename_finished(self, unit_id: str) -> None:
        if self._fresh is not None and self._fresh[0] == unit_id:
            self._fresh = None

    def _rename_cancelled(self, unit_id: str) -> None:
        fresh, self._fresh = self._fresh, None
        stack = self.document.undo_stack
        if fresh is None or fresh[0] != unit_id or stack.index() != fresh[1] or unit_id not in self.document.model:
            return
        # Taken back, then undone as obsolete: Qt drops an obsolete command without calling
        # its undo again, so the add leaves no Redo behind.
        command = stack.command(stack.index() - 1)
        command.undo()
        command.setObsolete(True)
        stack.undo()
