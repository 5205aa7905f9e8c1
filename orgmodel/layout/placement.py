"""Places for units: those that have none, new and imported ones, and a laid-out group.

The real layouts (org chart, office bands) are in their own modules; these functions only
make sure that a model written by a script without positions opens with every card visible
and none on another, and say where the editor puts cards it adds. Positions are card
top-left corners; nothing here changes the model.
"""

from __future__ import annotations

import math

from orgmodel.layout.orgchart import orgchart_layout
from orgmodel.model import OrgModel

GAP = 40.0


def unplaced_positions(model: OrgModel, card_width: float, card_height: float) -> dict[str, tuple[float, float]]:
    """Positions for the units without ``x``/``y``: a grid below everything already placed,
    in model order, grouped by office (front, middle, back).

    >>> from orgmodel.model import Unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("a", "A", "front", x=0.0, y=0.0)); m.add_unit(Unit("b", "B", "back"))
    >>> unplaced_positions(m, 180, 64)
    {'b': (0.0, 144.0)}
    """
    placed = [u for u in model.units() if u.x is not None and u.y is not None]
    todo = [u for u in model.units() if u.x is None or u.y is None]
    if not todo:
        return {}
    left = min((u.x for u in placed), default=0.0)
    top = max((u.y + card_height + GAP * 2 for u in placed), default=0.0)
    columns = max(1, math.ceil(math.sqrt(len(todo) * 2)))
    result: dict[str, tuple[float, float]] = {}
    row = 0
    for office in ("front", "middle", "back"):
        group = [u for u in todo if u.office == office]
        for i, unit in enumerate(group):
            r, c = divmod(i, columns)
            result[unit.id] = (left + c * (card_width + GAP), top + (row + r) * (card_height + GAP))
        if group:
            row += math.ceil(len(group) / columns)
    return result


def opening_positions(model: OrgModel, card_width: float, card_height: float) -> dict[str, tuple[float, float]]:
    """Places for a model being opened: an org chart when no unit has a place yet (nothing
    was drawn), else :func:`unplaced_positions` for the units without one.

    >>> from orgmodel.model import Unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("a", "A", "front", x=10.0, y=20.0)); m.add_unit(Unit("b", "B", "back"))
    >>> opening_positions(m, 180, 64)
    {'b': (10.0, 164.0)}
    >>> opening_positions(OrgModel(), 180, 64)
    {}
    """
    if len(model) and all(u.x is None and u.y is None for u in model.units()):
        return orgchart_layout(model, card_width, card_height)
    return unplaced_positions(model, card_width, card_height)


def card_centred_at(x: float, y: float, card_width: float, card_height: float) -> tuple[float, float]:
    """The top-left corner of a card whose centre is (x, y): where a double click or the
    middle of the view puts a new unit.

    >>> card_centred_at(100, 100, 180, 64)
    (10.0, 68.0)
    """
    return x - card_width / 2, y - card_height / 2


def beside_drawing(model: OrgModel, count: int, card_width: float, card_height: float) -> list[tuple[float, float]]:
    """Places for ``count`` units merged into a drawing (a spreadsheet import): a square
    grid two card widths to the right of the placed units, level with the highest.

    >>> from orgmodel.model import Unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("a", "A", "front", x=0.0, y=50.0)); m.add_unit(Unit("b", "B", "back", x=300.0, y=10.0))
    >>> beside_drawing(m, 3, 180, 64)
    [(660.0, 10.0), (880.0, 10.0), (660.0, 114.0)]
    >>> beside_drawing(OrgModel(), 1, 180, 64)
    [(360.0, 0.0)]
    """
    placed = [u for u in model.units() if u.x is not None]
    left = max((u.x for u in placed), default=0.0) + 2 * card_width
    top = min((u.y for u in placed), default=0.0)
    columns = max(1, math.ceil(math.sqrt(count or 1)))
    result = []
    for i in range(count):
        row, column = divmod(i, columns)
        result.append((left + column * (card_width + GAP), top + row * (card_height + GAP)))
    return result


def group_in_place(
    model: OrgModel, positions: dict[str, tuple[float, float]], card_width: float, card_height: float
) -> dict[str, tuple[float, float]]:
    """A layout of some units (``positions``), moved so that the group starts where those
    units started (their top-left), then kept clear of the other units: when it would land
    on one, it moves to the right of everything else, at the same height.

    >>> from orgmodel.model import Unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("a", "A", "front", x=100.0, y=100.0)); m.add_unit(Unit("b", "B", "back", x=500.0, y=0.0))
    >>> group_in_place(m, {"a": (0.0, 0.0)}, 180, 64)
    {'a': (100.0, 100.0)}
    >>> m.add_unit(Unit("c", "C", "back", x=150.0, y=120.0))
    >>> group_in_place(m, {"a": (0.0, 0.0)}, 180, 64)
    {'a': (800.0, 100.0)}
    """
    units = [model.unit(uid) for uid in positions]
    left = min(u.x or 0.0 for u in units)
    top = min(u.y or 0.0 for u in units)
    new_left = min(x for x, _ in positions.values())
    new_top = min(y for _, y in positions.values())
    moved = {uid: (x - new_left + left, y - new_top + top) for uid, (x, y) in positions.items()}
    return _clear_of_others(model, moved, card_width, card_height)


def _clear_of_others(
    model: OrgModel, positions: dict[str, tuple[float, float]], card_width: float, card_height: float
) -> dict[str, tuple[float, float]]:
    right = max(x for x, _ in positions.values()) + card_width
    bottom = max(y for _, y in positions.values()) + card_height
    left = min(x for x, _ in positions.values())
    top = min(y for _, y in positions.values())
    others = [u for u in model.units() if u.id not in positions and u.x is not None and u.y is not None]
    if not any(u.x < right and u.x + card_width > left and u.y < bottom and u.y + card_height > top for u in others):
        return positions
    shift = max(u.x + card_width for u in others) + 2 * card_width / 3 - left
    return {uid: (x + shift, y) for uid, (x, y) in positions.items()}
