"""Places for units: those that have none, new and imported ones, and a laid-out group.

The real layouts (org chart, office bands) are in their own modules; these functions make
sure that a model without positions (written by a script, imported, exported headless)
shows every card and none on another, and say where the editor puts cards it adds.
Positions are card top-left corners; only :func:`place_unplaced` and :func:`set_positions`
change a model.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
from orgmodel.layout.bands import OFFICE_ORDER
from orgmodel.layout.orgchart import H_GAP, LEVEL_GAP, Positions, orgchart_layout
from orgmodel.model import OrgModel, Unit

GAP = 40.0


def unplaced_positions(model: OrgModel, card_width: float, card_height: float) -> Positions:
    """Where every unit without ``x``/``y`` goes: the one answer for the editor's open,
    ``orgmodel export`` and every import.

    The unplaced units that have reporting lines among themselves get an org chart; the
    rest stand in a tidy block to its right (a row per office: front, middle, back). The
    whole group sits below every card already placed, starting at their left edge, so it
    never covers one, whatever the mix. Model order decides ties, so the answer is the
    same on every run. Linear time.

    >>> from orgmodel.model import Unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("a", "A", "front", x=0.0, y=0.0)); m.add_unit(Unit("b", "B", "back"))
    >>> unplaced_positions(m, 180, 64)
    {'b': (0.0, 144.0)}
    >>> for uid in "cd": m.add_unit(Unit(uid, uid.upper(), "back"))
    >>> m.set_parent("d", "c")
    >>> unplaced_positions(m, 180, 64)
    {'c': (0.0, 144.0), 'd': (0.0, 288.0), 'b': (260.0, 144.0)}
    """
    todo = [u.id for u in model.units() if u.x is None or u.y is None]
    if not todo:
        return {}
    waiting = set(todo)
    in_chart = [
        uid
        for uid in todo
        if model.parent(uid) in waiting or any(child in waiting for child in model.children(uid))
    ]
    positions: Positions = orgchart_layout(model, card_width, card_height, unit_ids=in_chart) if in_chart else {}
    charted = set(positions)
    left = max(x for x, _ in positions.values()) + card_width + 2 * H_GAP if positions else 0.0
    rest = [model.unit(uid) for uid in todo if uid not in charted]
    positions.update(_block(rest, left, card_width, card_height))
    placed = [u for u in model.units() if u.x is not None and u.y is not None]
    if placed:
        dx = min(u.x for u in placed)
        dy = max(u.y for u in placed) + card_height + 2 * GAP
        positions = {uid: (x + dx, y + dy) for uid, (x, y) in positions.items()}
    return positions


def _block(units: list[Unit], left: float, card_width: float, card_height: float) -> Positions:
    """A block of cards a little wider than high, a row per office, from (left, 0)."""
    if not units:
        return {}
    row_height = card_height + LEVEL_GAP / 2
    column_width = card_width + H_GAP
    # Columns for a block about 1.5 times as wide as high.
    columns = max(1, math.ceil(math.sqrt(1.5 * len(units) * row_height / column_width)))
    offices = [*OFFICE_ORDER, *sorted({u.office for u in units} - set(OFFICE_ORDER), key=str)]  # None: unclassified, last
    result: Positions = {}
    row = 0
    for office in offices:
        group = [u for u in units if u.office == office]
        for i, unit in enumerate(group):
            r, c = divmod(i, columns)
            result[unit.id] = (left + c * column_width, (row + r) * row_height)
        row += math.ceil(len(group) / columns)
    return result


def place_unplaced(model: OrgModel, card_width: float = CARD_WIDTH, card_height: float = CARD_HEIGHT) -> int:
    """Give every unit without a position the place :func:`unplaced_positions` says;
    returns how many moved. Meant for a model nobody is watching yet (just read, being
    opened or exported): one change through the model's own checks, no undo step.

    >>> from orgmodel.model import Unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("a", "A", "front")); m.add_unit(Unit("b", "B", "back", x=5.0, y=5.0))
    >>> place_unplaced(m), (m.unit("a").x, m.unit("a").y), place_unplaced(m)
    (1, (5.0, 149.0), 0)
    """
    positions = unplaced_positions(model, card_width, card_height)
    set_positions(model, positions)
    return len(positions)


def set_positions(model: OrgModel, positions: Positions) -> None:
    """Move units to ``positions`` as one change of the model (:meth:`OrgModel.move_units`:
    checked first, one event); the editor moves units with one undo command instead.

    >>> from orgmodel.model import Unit
    >>> m = OrgModel(); m.add_unit(Unit("a", "A", "front"))
    >>> set_positions(m, {"a": (1.0, 2.0)}); (m.unit("a").x, m.unit("a").y)
    (1.0, 2.0)
    """
    model.move_units(positions)


def overlapping_cards(positions: Positions, card_width: float, card_height: float) -> list[tuple[str, str]]:
    """The pairs of cards (top-left corners) that overlap, found by a sweep over x: what
    every placement here promises never to make (touching edges do not count).

    >>> overlapping_cards({"a": (0.0, 0.0), "b": (100.0, 30.0), "c": (180.0, 0.0)}, 180, 64)
    [('a', 'b'), ('b', 'c')]
    """
    items = sorted(positions.items(), key=lambda item: item[1][0])
    found = []
    for i, (a, (ax, ay)) in enumerate(items):
        for b, (bx, by) in items[i + 1 :]:
            if bx >= ax + card_width:
                break
            if abs(by - ay) < card_height:
                found.append((a, b))
    return found


def compact_positions(
    model: OrgModel, unit_ids: Iterable[str], card_width: float = CARD_WIDTH, card_height: float = CARD_HEIGHT
) -> Positions:
    """Some units drawn by themselves (a picture of a selection), with the empty space of
    the whole drawing taken out between them: the same left-to-right and top-to-bottom
    order, no card on another, but no more than one gap between neighbouring columns
    (``H_GAP``) or rows (``LEVEL_GAP``). From (0, 0); units without a place are left out.

    Each axis on its own: the distinct left (top) edges in order, every step capped at a
    card plus a gap. Two cards apart by at least a card on an axis stay so, hence no overlap.

    >>> from orgmodel.model import Unit
    >>> m = OrgModel()
    >>> for i, uid in enumerate("abcd"): m.add_unit(Unit(uid, uid, "back", x=3000.0 * i, y=500.0 * (i % 2)))
    >>> compact_positions(m, ["a", "c", "d"], 180, 64)
    {'a': (0.0, 0.0), 'c': (220.0, 0.0), 'd': (440.0, 144.0)}
    """
    units = [model.unit(uid) for uid in dict.fromkeys(unit_ids)]
    units = [u for u in units if u.x is not None and u.y is not None]
    new_x = _squeezed([u.x for u in units], card_width + H_GAP)
    new_y = _squeezed([u.y for u in units], card_height + LEVEL_GAP)
    return {u.id: (new_x[u.x], new_y[u.y]) for u in units}


def _squeezed(values: list[float], step: float) -> dict[float, float]:
    result: dict[float, float] = {}
    previous: float | None = None
    for value in sorted(set(values)):
        result[value] = 0.0 if previous is None else result[previous] + min(value - previous, step)
        previous = value
    return result


def first_overlap(positions: Positions, card_width: float, card_height: float) -> tuple[str, str] | None:
    """Two cards (top-left corners) that overlap, or None; linear time, whatever the
    positions (:func:`overlapping_cards` lists every pair, and a stack of thousands of
    cards on one spot is millions of pairs). Touching edges do not count.

    >>> first_overlap({"a": (0.0, 0.0), "b": (180.0, 0.0), "c": (0.0, 64.0)}, 180, 64) is None
    True
    >>> first_overlap({"a": (0.0, 0.0), "b": (100.0, 30.0)}, 180, 64)
    ('a', 'b')
    """
    cells: dict[tuple[int, int], list[str]] = {}
    for uid, (x, y) in positions.items():
        i, j = math.floor(x / card_width), math.floor(y / card_height)
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for other in cells.get((i + di, j + dj), ()):
                    ox, oy = positions[other]
                    if abs(ox - x) < card_width and abs(oy - y) < card_height:
                        return other, uid
        cells.setdefault((i, j), []).append(uid)
    return None


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


def free_spot_near(
    x: float,
    y: float,
    card_width: float,
    card_height: float,
    taken: Callable[[float, float, float, float], bool],
    gap: float = GAP,
    rings: int = 60,
) -> tuple[float, float]:
    """The top-left corner nearest (x, y) where a card covers no other card: (x, y) itself
    if it is free, else the nearest free cell of a grid of card-plus-gap steps around it,
    ring by ring (the nearest first; at equal distance clockwise from the right: right,
    below, left, above).
    ``taken(left, top, right, bottom)`` says whether a card lies in that rectangle; the
    search asks it only about the cells it tries, so the caller can answer from a spatial
    index. After ``rings`` rings without a free cell, (x, y) is returned anyway.

    >>> cards = [(0.0, 0.0), (220.0, 0.0)]
    >>> def taken(l, t, r, b):
    ...     return any(cx < r and cx + 180 > l and cy < b and cy + 64 > t for cx, cy in cards)
    >>> free_spot_near(500.0, 0.0, 180, 64, taken)
    (500.0, 0.0)
    >>> free_spot_near(0.0, 0.0, 180, 64, taken)
    (0.0, 104.0)
    >>> free_spot_near(220.0, 0.0, 180, 64, taken)
    (440.0, 0.0)
    """
    # The rectangle tested is the card grown by half a gap on each side: a new card never
    # touches a neighbour, so it never reads as stacked on it.
    margin = gap / 2
    step_x, step_y = card_width + gap, card_height + gap

    def free(cx: float, cy: float) -> bool:
        return not taken(cx - margin, cy - margin, cx + card_width + margin, cy + card_height + margin)

    for ring in range(rings + 1):
        cells = [(i, j) for i in range(-ring, ring + 1) for j in range(-ring, ring + 1) if max(abs(i), abs(j)) == ring]
        # Nearest first (in card steps), then clockwise from the right (y grows downwards).
        cells.sort(key=lambda c: (c[0] ** 2 + c[1] ** 2, math.atan2(c[1], c[0]) % math.tau))
        for i, j in cells:
            cx, cy = x + i * step_x, y + j * step_y
            if free(cx, cy):
                return cx, cy
    return x, y
