"""What moves when cards move: the lines of some units, and the canvas after many units
moved as one change of the model (a layout, its undo, a drag of a selection).

A bulk move places every card first and then lays the lines once: both layers rebuilt in
one pass each (``OrgScene.relay_lines``, as at open) when many cards moved, or only the
lines of the moved cards when they are few. Laying each card's lines as it moves re-lays
a line twice when both its ends move, and rebuilds the layers' caches 10,000 times.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from orgmodel.model import OrgModel

if TYPE_CHECKING:
    from ui.canvas.scene import OrgScene

#: Up to this share of the cards, a move re-lays only the lines of the moved cards (a drag,
#: a nudge); beyond it, both layers are rebuilt in one pass each (a layout, its undo).
FEW = 1 / 20


def lines_of(model: OrgModel, unit_ids: Iterable[str]) -> tuple[set[tuple[str, str]], set[str]]:
    """The dependencies (``(source, target)``) and reporting lines (by child) that end at
    any of ``unit_ids``: the lines that move with those cards."""
    deps: set[tuple[str, str]] = set()
    reports: set[str] = set()
    for uid in unit_ids:
        deps.update((uid, t) for t in model.dependencies_of(uid))
        deps.update((s, uid) for s in model.dependents_of(uid))
        if model.parent(uid) is not None:
            reports.add(uid)
        reports.update(model.children(uid))
    return deps, reports


def follow_units_moved(scene: OrgScene, unit_ids: tuple[str, ...]) -> None:
    """After ``OrgModel.move_units``: cards where the model says, then their lines once,
    then the office bands once."""
    model, cards = scene.model, scene.cards
    if model is None:
        return
    moved = [(cards[uid], model.unit(uid)) for uid in unit_ids if uid in cards and uid in model]
    for card, unit in moved:
        x, y = unit.x or 0.0, unit.y or 0.0
        if card.x() != x or card.y() != y:  # a drag's cards are there already
            card.setPos(x, y)
    if len(moved) <= FEW * len(cards):
        # One re-route for all moved cards: a line between two of them is routed once.
        scene.lines.cards_moved(model, {card.unit_id: (card.x(), card.y()) for card, _ in moved})
        scene.update_bands_after_move((card.unit_id, unit.office, card.x(), card.y()) for card, unit in moved)
    else:
        scene.relay_lines()
        drawing = scene.cards_bounding_rect()
        if not scene.sceneRect().contains(drawing):  # an undone layout: room to scroll to it
            scene.setSceneRect(scene.sceneRect().united(drawing.adjusted(-600, -400, 600, 400)))
        scene.update_bands()


def nudged(model: OrgModel, unit_ids: Iterable[str], dx: float, dy: float) -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    """``{unit id: (old position, new position)}`` for the units moved by ``(dx, dy)``, as the
    scene's ``moveRequested`` carries them (an arrow key's nudge of the selection)."""
    moves = {}
    for uid in unit_ids:
        unit = model.unit(uid)
        moves[uid] = ((unit.x, unit.y), (unit.x + dx, unit.y + dy))
    return moves
