"""Places for units that have none: a simple non-overlapping arrangement.

The real layouts (org chart, office bands) come later; this only makes sure that a model
written by a script without positions opens with every card visible and none on another.
"""

from __future__ import annotations

import math

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
