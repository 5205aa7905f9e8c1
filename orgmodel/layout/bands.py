"""The office-bands layout: front, middle and back office as horizontal bands, each band
ordered to cross as few dependency lines as a few barycentre passes can."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

from orgmodel.gcpause import gc_paused
from orgmodel.layout.orgchart import H_GAP, LEVEL_GAP, Positions
from orgmodel.layout.routing import TRACK
from orgmodel.layout.routing_space import CLEAR
from orgmodel.model import OrgModel

if TYPE_CHECKING:
    import numpy as np

BAND_GAP = 60.0  #: between office bands
BAND_TITLE = 44.0  #: room for a band's title above its cards
#: The most a gap between rows grows for the lines along it (26 tracks): beyond, a model of
#: thousands of units would be laid out tens of times taller than wide.
MAX_ROW_GAP = 160.0
OFFICE_ORDER = ("front", "middle", "back")
#: The bands from the top: the offices, then the unclassified units (``None``) at the bottom.
_BANDS: tuple[str | None, ...] = (*OFFICE_ORDER, None)


def _crossings(edges: list[tuple[float, float]]) -> int:
    """Pairs of edges between two rows that cross: inversions of the lower ends once the
    edges are sorted by their upper ends (O(E log E) with a Fenwick tree)."""
    if len(edges) < 2:
        return 0
    edges.sort()
    values = sorted({b for _, b in edges})
    tree = [0] * (len(values) + 1)
    crossings = seen = 0
    i = 0
    while i < len(edges):
        j = i
        while j < len(edges) and edges[j][0] == edges[i][0]:
            j += 1
        group = [bisect_left(values, b) + 1 for _, b in edges[i:j]]
        for rank in group:  # edges sharing an upper end do not cross each other
            below = 0
            k = rank
            while k > 0:
                below += tree[k]
                k -= k & -k
            crossings += seen - below  # earlier edges whose lower end is further right
        for rank in group:
            k = rank
            while k < len(tree):
                tree[k] += 1
                k += k & -k
            seen += 1
        i = j
    return crossings


def band_crossings(model: OrgModel, rank: dict[str, float]) -> int:
    """Crossings among dependencies between different office bands, for an order ``rank``
    (position of each unit within its band, 0..1) — the measure the bands layout lowers."""
    band = {u.id: _BANDS.index(u.office) for u in model.units()}
    pairs: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for a, b in model.dependency_keys():
        if a in rank and b in rank and band[a] != band[b]:
            if band[a] > band[b]:
                a, b = b, a
            pairs.setdefault((band[a], band[b]), []).append((rank[a], rank[b]))
    return sum(_crossings(edges) for edges in pairs.values())


def bands_order(model: OrgModel, unit_ids: Iterable[str] | None = None, passes: int = 4) -> dict[str, list[str]]:
    """Each office's units in the order that lowers crossings between bands (the
    unclassified units under the key ``None``, when there are some).

    Starts from the reporting forest's depth-first order (a department's units together),
    then sweeps down and up moving each unit to the barycentre of its neighbours in the
    other bands; ties keep the previous order, so subtrees stay together where that costs
    nothing. Keeps the best order seen within ``passes`` sweeps.

    Works on unit numbers, not ids: the neighbours in other bands and the dependencies
    between bands are listed once, so that each sweep and each count of crossings is a
    pass over lists. (Rebuilding dictionaries of every id for each step, and walking every
    dependency again for each count, cost 5.9 s at 50,000 units: look-ups in dictionaries
    that large miss the processor's caches, so each grew slower than the model.)

    >>> from orgmodel.model import Unit
    >>> m = OrgModel()
    >>> for uid, office in [("s1", "front"), ("s2", "front"), ("a", "back"), ("b", "back")]:
    ...     m.add_unit(Unit(uid, uid, office))
    >>> m.add_dependency("s1", "b"); m.add_dependency("s2", "a")
    >>> bands_order(m)
    {'front': ['s1', 's2'], 'middle': [], 'back': ['b', 'a']}
    """
    ordered, best, _pairs = _ordered_numbers(model, unit_ids, passes)
    order = {office: [ordered[i] for i in best[band]] for band, office in enumerate(OFFICE_ORDER)}
    if best[3]:
        order[None] = [ordered[i] for i in best[3]]
    return order


def _ordered_numbers(model: OrgModel, unit_ids: Iterable[str] | None, passes: int) -> tuple[list[str], list[list[int]], list[tuple[int, int]]]:
    """:func:`bands_order` on unit numbers: the units (by number), each band's numbers in
    order, and every dependency between two of them as a pair of numbers, in model order
    (read once: at 50,000 units each pass over 150,000 dependencies by id looked ids up in
    dictionaries too large for the processor's caches)."""
    import numpy as np  # here, not at the top: commands that lay nothing out do not load it

    chosen = set(model.unit_ids() if unit_ids is None else unit_ids)
    ordered = [uid for uid in _forest_order(model) if uid in chosen]
    number = {uid: i for i, uid in enumerate(ordered)}
    band_index = {office: i for i, office in enumerate(_BANDS)}
    office_of = {u.id: u.office for u in model.units()}
    band_of = [band_index[office_of[uid]] for uid in ordered]
    current = [[i for i in range(len(ordered)) if band_of[i] == band] for band in range(len(_BANDS))]
    # Each unit's neighbours in the other bands, in dependency order (the barycentre sums
    # them in this order, so it is the same float as ever); and the dependencies between
    # bands, upper band first, by pair of bands.
    others: list[list[int]] = [[] for _ in ordered]
    between: dict[tuple[int, int], list[tuple[int, int]]] = {}
    pairs: list[tuple[int, int]] = []
    for source, target in model.dependency_keys():  # (no Dependency made for each: 0.05 s at 10,000)
        a, b = number.get(source), number.get(target)
        if a is not None and b is not None:
            pairs.append((a, b))
            if band_of[a] != band_of[b]:
                others[a].append(b)
                others[b].append(a)
                if band_of[a] > band_of[b]:
                    a, b = b, a
                between.setdefault((band_of[a], band_of[b]), []).append((a, b))
    rank = [0.0] * len(ordered)  # position in the band, 0..1
    for units in current:
        _number_places(units, rank)
    # The dependencies between bands as arrays, to count their crossings in numpy.
    ends = {bands: (np.array([a for a, _ in edges], dtype=np.int64), np.array([b for _, b in edges], dtype=np.int64))
            for bands, edges in between.items()}

    def crossings() -> int:
        place = np.zeros(len(ordered), dtype=np.int64)  # position in the band, 0, 1, 2...
        for units in current:
            place[units] = np.arange(len(units), dtype=np.int64)
        return sum(_crossings_at(upper, lower, place, len(current[band])) for (_, band), (upper, lower) in ends.items())

    best, best_score = [list(units) for units in current], crossings()
    # Down then up: each band in turn follows its neighbours in the other bands (the band of
    # unclassified units, at the bottom, only when there are some: the same order as ever).
    sweep = (1, 2, 3, 2, 1, 0) if current[3] else (1, 2, 1, 0)
    at = rank.__getitem__
    for _ in range(passes):
        for band in sweep:
            units = current[band]
            barycentre = [sum(map(at, near)) / len(near) if (near := others[i]) else rank[i] for i in units]
            # By barycentre, ties in the band's present order (its rank): a stable sort of
            # plain floats, not of (barycentre, rank, unit) tuples.
            current[band] = [units[k] for k in sorted(range(len(units)), key=barycentre.__getitem__)]
            _number_places(current[band], rank)
        score = crossings()
        if score < best_score:
            best, best_score = [list(units) for units in current], score
    return ordered, best, pairs


def _number_places(units: list[int], rank: list[float]) -> None:
    n = max(1, len(units) - 1)
    for i, unit in enumerate(units):
        rank[unit] = i / n


def _crossings_at(upper: np.ndarray, lower: np.ndarray, place: np.ndarray, lower_size: int) -> int:
    """Pairs of edges (``upper[k]``, ``lower[k]``: unit numbers) that cross, for the units at
    ``place``: sorted by upper end, then lower end, the inversions among the lower ends.

    >>> import numpy as np
    >>> int(_crossings_at(np.array([0, 1]), np.array([2, 3]), np.array([0, 1, 1, 0]), 2))  # 0→1 and 1→0 cross
    1
    """
    width = lower_size + 1
    keys = place[upper] * width + place[lower]
    keys.sort()
    return _inversions(keys % width)


def _inversions(values: np.ndarray) -> int:
    """Pairs ``i < j`` with ``values[i] > values[j]`` (non-negative integers): a bottom-up
    merge sort, each level in one go: the blocks of a level are sorted, and each value of a
    block's right half counts the values of its left half above it (``searchsorted`` on
    the halves laid end to end, each lifted above the one before).

    >>> import numpy as np
    >>> int(_inversions(np.array([3, 1, 2, 0, 0])))  # 3>1, 3>2, 3>0 twice, 1>0 twice, 2>0 twice
    8
    """
    import numpy as np  # here, not at the top: commands that lay nothing out do not load it

    n = len(values)
    if n < 2:
        return 0
    size = 1 << (n - 1).bit_length()
    top = int(values.max()) + 1
    # Padded with values above all others at the end: they stay there, crossing nothing.
    blocks = np.full(size, top, dtype=np.int64)
    blocks[:n] = values
    lift = top + 1
    count = 0
    half = 1
    while half < size:
        pairs = blocks.reshape(-1, 2, half)
        offsets = (np.arange(len(pairs), dtype=np.int64) * lift)[:, None]
        left = (pairs[:, 0, :] + offsets).ravel()
        right = (pairs[:, 1, :] + offsets).ravel()
        at_most = np.searchsorted(left, right, side="right")  # left values <= each right value, and all earlier halves'
        starts = np.repeat(np.arange(len(pairs), dtype=np.int64) * half, half)
        count += int(half * len(right) - (at_most - starts).sum())
        blocks = np.sort(blocks.reshape(-1, 2 * half), axis=1).ravel()
        half *= 2
    return count


def _forest_order(model: OrgModel) -> list[str]:
    """Units depth-first through the reporting forest, roots in model order."""
    out: list[str] = []
    for root in model.roots():
        stack = [root]
        while stack:
            uid = stack.pop()
            out.append(uid)
            stack.extend(reversed(model.children(uid)))
    return out


def bands_layout(
    model: OrgModel,
    card_width: float,
    card_height: float,
    *,
    unit_ids: Iterable[str] | None = None,
    passes: int = 4,
    origin: tuple[float, float] = (0.0, 0.0),
) -> Positions:
    """Front office on top, middle in the middle, back office at the bottom (and unclassified
    units under it), each band a block of rows of one common width, ordered by :func:`bands_order`.

    >>> from orgmodel.model import Unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("it", "IT", "back")); m.add_unit(Unit("s", "Sales", "front"))
    >>> bands_layout(m, 100, 40)
    {'it': (0.0, 332.0), 's': (0.0, 44.0)}
    """
    with gc_paused():
        ordered, order, pairs = _ordered_numbers(model, unit_ids, passes)
        total = len(ordered)
        columns = max(4, math.ceil(math.sqrt(max(1, total)) * 1.6))
        # Each unit's row (counted through all bands) and column, by unit number.
        row_of, column_of = [0] * total, [0] * total
        first_rows: set[int] = set()  # the first row of each band: a band gap and title above it
        row0 = 0
        for band, units in enumerate(order):
            if band == 3 and not units:  # no band for unclassified units when there are none
                continue
            first_rows.add(row0)
            for i, unit in enumerate(units):
                r, c = divmod(i, columns)
                row_of[unit], column_of[unit] = row0 + r, c
            row0 += max(1, math.ceil(len(units) / columns))
        below = _row_gaps(pairs, row_of, column_of, card_width + H_GAP, card_width)
        x0, y = origin
        tops = []
        for row in range(row0):
            if row in first_rows:
                y += BAND_TITLE + (max(BAND_GAP, below.get(row - 1, 0.0)) if row else 0.0)
            elif row:
                y += max(LEVEL_GAP / 2, below.get(row - 1, 0.0))
            tops.append(y)
            y += card_height
        number = {uid: i for i, uid in enumerate(ordered)}
        pitch = card_width + H_GAP
        return {uid: (x0 + column_of[i] * pitch, tops[row_of[i]]) for uid in model.unit_ids() if (i := number.get(uid)) is not None}


def _row_gaps(pairs: list[tuple[int, int]], row_of: list[int], column_of: list[int], pitch: float, card_width: float) -> dict[int, float]:
    """The height the gap below each row needs for the dependency lines (``pairs`` of unit
    numbers) that run along it, each on its own track (the router's ``TRACK`` apart,
    ``CLEAR`` from the cards).

    A line leaves its card towards the other end and enters the other card from the side
    facing it, running along the gap beside each end: the gap below the upper end's row
    and the gap above the lower end's row (one gap when the rows are neighbours); a line
    within one row runs over it (left to right) or under it (right to left). Along a gap,
    the lines whose stretches overlap need a track each: the most that overlap at one
    point sets its height. (A 40 px row gap holds five tracks; filled, two lines shared a
    stretch — seen on the samples with one dependency more.) A stretch is taken from the
    whole card at one end to the whole card at the other end or, with rows between them,
    to halfway (where the router usually finds its channel down): a little longer than
    the router draws it. No gap grows beyond ``MAX_ROW_GAP``.

    Counted in numpy, every gap at once: the stretches' ends sorted by gap, then place,
    ends before starts (touching is not overlapping); the running sum of +1 at each start
    and -1 at each end is, within a gap, how many overlap there (each gap's sum returns to 0).
    (Sorting (place, ±1) tuples gap by gap cost 1.7 s at 50,000 units.)"""
    import numpy as np  # here, not at the top: commands that lay nothing out do not load it

    if not pairs:
        return {}
    half = card_width / 2
    ends = np.array(pairs, dtype=np.int64)
    rows = np.array(row_of, dtype=np.int64)
    xs = np.array(column_of, dtype=np.float64) * pitch + half  # the middle of each card
    ra, rb = rows[ends[:, 0]], rows[ends[:, 1]]
    xa, xb = xs[ends[:, 0]], xs[ends[:, 1]]
    near = np.abs(ra - rb) <= 1  # one stretch, from card to card
    # (gap, x1, x2) of each stretch: one for neighbouring rows, one beside each end otherwise
    one_gap = np.where((ra == rb) & (xa < xb), np.minimum(ra, rb) - 1, np.minimum(ra, rb))[near]
    far = ~near
    middle = (xa[far] + xb[far]) / 2
    down = ra[far] < rb[far]
    gaps = np.concatenate([one_gap, np.where(down, ra[far], ra[far] - 1), np.where(down, rb[far] - 1, rb[far])])
    x1 = np.concatenate([xa[near], xa[far], xb[far]])
    x2 = np.concatenate([xb[near], middle, middle])
    kept = gaps >= 0
    gaps, x1, x2 = gaps[kept], x1[kept], x2[kept]
    if not len(gaps):
        return {}
    left, right = np.minimum(x1, x2) - half, np.maximum(x1, x2) + half
    place = np.concatenate([left, right])
    step = np.concatenate([np.ones(len(left), dtype=np.int64), -np.ones(len(right), dtype=np.int64)])
    gap = np.concatenate([gaps, gaps])
    by = np.lexsort((step, place, gap))
    gap, running = gap[by], np.cumsum(step[by])
    firsts = np.flatnonzero(np.concatenate([[True], gap[1:] != gap[:-1]]))
    deepest = np.maximum.reduceat(running, firsts)
    most = int((MAX_ROW_GAP - 2 * CLEAR) // TRACK)
    return {int(g): 2 * CLEAR + TRACK * min(int(d), most) for g, d in zip(gap[firsts], deepest)}
