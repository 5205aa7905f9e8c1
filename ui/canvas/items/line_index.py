"""The bucket index of a line layer, as plain Python (no Qt): which squares of the canvas
each line runs through, and its long runs by row or column. The layer builds it at its
first repaint; a worker thread that routed the lines can build it too (:func:`index_lines`),
so the window does not pay for it when the lines appear."""

from __future__ import annotations

from collections.abc import Hashable

Key = Hashable
Point = tuple[float, float]
Cell = tuple[int, int]
BUCKET = 1024.0  #: side of the squares whose lines are cached as one path per look
LONG = 4 * BUCKET  #: longer runs are cut to the painted area at each repaint instead

#: A layer's bucket index: cell -> keys, key -> cells, long-run slot -> key -> runs, key -> slots.
#: A long run's slots: ("h", bucket row, stretch) or ("v", bucket column, stretch), one for each
#: stretch of LONG along the run it meets, or ("s", 0, 0) for a slanted one.
LineIndex = tuple[dict, dict, dict, dict]


def index_lines(lines: dict[Key, list[Point]]) -> LineIndex:
    """The bucket index of these lines, as ``LineLayer.set_all`` can take it ready-made."""
    index: LineIndex = ({}, {}, {}, {})
    for key, pts in lines.items():
        enter_line(*index, key, pts)
    return index


#: One tuple object per bucket or slot, shared by every line in it (a line's own copies
#: were a fifth of the index: 118,000 tuples at 10,000 units). Setting a key is atomic,
#: so the routing thread and the interface thread may both add to it.
_SHARED: dict = {}


def enter_line(members: dict, cells_of: dict, long: dict, long_of: dict, key: Key, pts: list[Point]) -> None:
    """Put one line in a bucket index (see :data:`LineIndex`)."""
    cells: set[Cell] = set()
    shared = _SHARED.setdefault
    b = BUCKET
    slots: list = []
    for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
        if (x1 == x2 or y1 == y2) and abs(x2 - x1) + abs(y2 - y1) <= b:
            # An axis-parallel run no longer than a bucket: its ends' buckets hold it.
            cell = (int(x1 // b), int(y1 // b))
            cells.add(shared(cell, cell))
            cell = (int(x2 // b), int(y2 // b))
            cells.add(shared(cell, cell))
            continue
        if abs(x2 - x1) + abs(y2 - y1) <= LONG:
            for cx in range(int(min(x1, x2) // b), int(max(x1, x2) // b) + 1):
                for cy in range(int(min(y1, y2) // b), int(max(y1, y2) // b) + 1):
                    cell = (cx, cy)
                    cells.add(shared(cell, cell))
            continue
        run = (x1, y1, x2, y2)
        if y1 == y2:  # by row, and in every stretch of LONG it spans: a repaint visits its own
            row = int(y1 // b)
            these = [("h", row, c) for c in range(int(min(x1, x2) // LONG), int(max(x1, x2) // LONG) + 1)]
        elif x1 == x2:
            column = int(x1 // b)
            these = [("v", column, c) for c in range(int(min(y1, y2) // LONG), int(max(y1, y2) // LONG) + 1)]
        else:
            these = [("s", 0, 0)]
        for slot in these:
            slot = shared(slot, slot)
            owners = long.setdefault(slot, {})
            runs = owners.get(key)
            owners[key] = (run,) if runs is None else runs + (run,)  # a tuple: most hold one
            slots.append(slot)
    # Kept as tuples (a set per line cost 216 bytes and more): read whole, never searched.
    cells_of[key] = tuple(cells)
    if slots:
        long_of[key] = tuple(set(slots))
    for cell in cells:
        members.setdefault(cell, set()).add(key)
