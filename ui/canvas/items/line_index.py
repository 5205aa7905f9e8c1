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
#: stretch of LONG along the run it meets, and ("H"|"V", row or column, stretch) for the one it
#: starts in; or ("s", 0, 0) for a slanted one.
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
        # By row, in every stretch of LONG it spans (a repaint visits its own), and once more
        # by the stretch it starts in ("H"/"V": a coarse slot gathers what starts within it).
        if y1 == y2:
            row, start = int(y1 // b), int(min(x1, x2) // LONG)
            these = [("h", row, c) for c in range(start, int(max(x1, x2) // LONG) + 1)] + [("H", row, start)]
        elif x1 == x2:
            column, start = int(x1 // b), int(min(y1, y2) // LONG)
            these = [("v", column, c) for c in range(start, int(max(y1, y2) // LONG) + 1)] + [("V", column, start)]
        else:
            these = [("s", 0, 0)]
        alone = (run,)  # one tuple for every stretch of the run (a 50,000-unit model's long
        # runs are in 1.1 million stretches: a tuple each was 50 MB)
        for slot in these:
            slot = shared(slot, slot)
            owners = long.setdefault(slot, {})
            runs = owners.get(key)
            owners[key] = alone if runs is None else runs + alone  # a tuple: most hold one
            slots.append(slot)
    # Kept as tuples (a set per line cost 216 bytes and more): read whole, never searched.
    cells_of[key] = tuple(cells)
    if slots:
        long_of[key] = tuple(set(slots))
    for cell in cells:
        members.setdefault(cell, set()).add(key)


#: A repaint visits at most about this many stretches along a row or column: when more are in
#: view (zoomed out over a wide org chart: 440 stretches of every row at 10,000 units, 3.7
#: million pieces of runs cut and cached, 13 s), it takes them 2, 4, 8… at a time, a
#: *coarse* slot ``(kind, row, stretch, level)`` of ``2**level`` stretches.
STRETCHES_IN_VIEW = 16
#: The coarsest level: 4,096 stretches (16 million scene units) at a time.
LEVELS = 12


def slot_level(extent: float) -> int:
    """The level of the slots a repaint of ``extent`` (the width or height in view) takes."""
    level = 0
    while level < LEVELS and extent / (LONG * (1 << level)) > STRETCHES_IN_VIEW:
        level += 1
    return level


def coarse_slots(slot: tuple) -> list[tuple]:
    """The coarse slots that hold a run of this (fine) slot: their cached paths go with its."""
    if slot[0] not in ("h", "v"):
        return []
    kind, row, stretch = slot
    return [(kind, row, stretch >> level, level) for level in range(1, LEVELS + 1)]


def slot_runs(long: dict, slot: tuple) -> dict:
    """``{key: runs}`` of a slot: a fine one as indexed; a coarse one gathered from its fine
    slots, each run once (a run is in every stretch it meets)."""
    if len(slot) == 3:
        return long.get(slot, {})
    kind, row, stretch, level = slot
    first = stretch << level
    # What is under way where the coarse stretch begins, then what starts later within it:
    # each run once, without visiting its every stretch.
    gathered = dict(long.get((kind, row, first), {}))
    starts = kind.upper()
    for fine in range(first + 1, (stretch + 1) << level):
        owners = long.get((starts, row, fine))
        if owners:
            for key, runs in owners.items():
                had = gathered.get(key)
                gathered[key] = runs if had is None else tuple(dict.fromkeys(had + runs))
    return gathered


def track_span(lo: float, hi: float, level: int) -> tuple[float, float]:
    """Where along its row or column a change to a run from ``lo`` to ``hi`` (``lo < hi``)
    can move dashes: a cached path merges the runs on a track within a bucket (a run no
    longer than LONG is cut into buckets) or a stretch at ``level`` (see long_slots), and a
    merged run's dashes begin at its low end; so from ``lo`` to the end of the bucket or
    stretch that ``hi`` lies in (what lies before ``lo`` keeps its dashes)."""
    size = BUCKET if hi - lo <= LONG else LONG * (1 << level)
    return lo, (hi // size + 1) * size


def slot_stretch(slot: tuple) -> tuple[float, float]:
    """Where along its row or column a slot's stretch begins and ends."""
    size = LONG * (1 << slot[3]) if len(slot) == 4 else LONG
    return slot[2] * size, (slot[2] + 1) * size


def long_slots(long: dict, left: float, top: float, right: float, bottom: float,
               levels: tuple[int, int] | None = None) -> list[tuple]:
    """The long-run slots with runs in the painted area: its bucket rows and columns, in the
    stretches it meets (Qt would dash and rasterise a 100,000-unit run whole to show 1,000
    units of it; a stretch is at most LONG), taken several at a time when many are in view
    (see :data:`STRETCHES_IN_VIEW`; ``levels``: the rows' and the columns' level, as for the
    whole view, whatever part of it is painted)."""
    slots: list[tuple] = []
    for kind, lines, (start, end) in (("h", range(int(top // BUCKET), int(bottom // BUCKET) + 1), (left, right)),
                                      ("v", range(int(left // BUCKET), int(right // BUCKET) + 1), (top, bottom))):
        level = slot_level(end - start) if levels is None else levels[kind == "v"]
        size = LONG * (1 << level)
        stretches = range(int(start // size), int(end // size) + 1)
        for line in lines:
            for stretch in stretches:
                if not level:
                    if long.get((kind, line, stretch)):
                        slots.append((kind, line, stretch))
                elif any(long.get((kind, line, fine)) for fine in range(stretch << level, (stretch + 1) << level)):
                    slots.append((kind, line, stretch, level))
    return slots
