"""The office-bands layout: front, middle and back office as horizontal bands, each band
ordered to cross as few dependency lines as a few barycentre passes can."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable

from orgmodel.gcpause import gc_paused
from orgmodel.layout.orgchart import H_GAP, LEVEL_GAP, Positions
from orgmodel.layout.routing import TRACK
from orgmodel.layout.routing_space import CLEAR
from orgmodel.model import OrgModel

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
    for source, target in model.dependency_keys():  # (no Dependency made for each: 0.05 s at 10,000)
        a, b = number.get(source), number.get(target)
        if a is not None and b is not None and band_of[a] != band_of[b]:
            others[a].append(b)
            others[b].append(a)
            if band_of[a] > band_of[b]:
                a, b = b, a
            between.setdefault((band_of[a], band_of[b]), []).append((a, b))
    rank = [0.0] * len(ordered)  # position in the band, 0..1
    place = [0] * len(ordered)  # position in the band, 0, 1, 2...
    for units in current:
        _number_places(units, rank, place)

    def crossings() -> int:
        return sum(_crossings_at(edges, place, len(current[lower])) for (_, lower), edges in between.items())

    best, best_score = [list(units) for units in current], crossings()
    # Down then up: each band in turn follows its neighbours in the other bands (the band of
    # unclassified units, at the bottom, only when there are some: the same order as ever).
    sweep = (1, 2, 3, 2, 1, 0) if current[3] else (1, 2, 1, 0)
    for _ in range(passes):
        for band in sweep:
            keyed = []
            at = rank.__getitem__
            for i in current[band]:
                near = others[i]
                keyed.append((sum(map(at, near)) / len(near) if near else rank[i], rank[i], i))
            keyed.sort()  # (barycentre, rank) is unique within a band: a stable sort by key
            current[band] = [i for _, _, i in keyed]
            _number_places(current[band], rank, place)
        score = crossings()
        if score < best_score:
            best, best_score = [list(units) for units in current], score
    order = {office: [ordered[i] for i in best[band]] for band, office in enumerate(OFFICE_ORDER)}
    if best[3]:
        order[None] = [ordered[i] for i in best[3]]
    return order


def _number_places(units: list[int], rank: list[float], place: list[int]) -> None:
    n = max(1, len(units) - 1)
    for i, unit in enumerate(units):
        rank[unit] = i / n
        place[unit] = i


def _crossings_at(edges: list[tuple[int, int]], place: list[int], lower_size: int) -> int:
    """Pairs of ``edges`` (upper unit, lower unit) that cross, for the units at ``place``:
    sorted by upper end, then lower end, the inversions among the lower ends (Fenwick tree).

    >>> _crossings_at([(0, 2), (1, 3)], [0, 1, 1, 0], 2)  # 0→1 and 1→0 cross
    1
    """
    width = lower_size + 1
    keys = sorted([place[a] * width + place[b] for a, b in edges])
    tree = [0] * (width + 1)
    crossings = 0
    for seen, key in enumerate(keys):
        k = key % width + 1
        below = 0
        while k:
            below += tree[k]
            k &= k - 1
        crossings += seen - below  # earlier edges whose lower end is further right
        k = key % width + 1
        while k <= width:
            tree[k] += 1
            k += k & -k
    return crossings


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
        order = bands_order(model, unit_ids, passes)
        total = sum(len(units) for units in order.values())
        columns = max(4, math.ceil(math.sqrt(max(1, total)) * 1.6))
        # Each unit's row (counted through all bands) and column.
        cell: dict[str, tuple[int, int]] = {}
        first_rows: set[int] = set()  # the first row of each band: a band gap and title above it
        row0 = 0
        for office in _BANDS:
            if office not in order:
                continue
            units = order[office]
            first_rows.add(row0)
            for i, uid in enumerate(units):
                r, c = divmod(i, columns)
                cell[uid] = (row0 + r, c)
            row0 += max(1, math.ceil(len(units) / columns))
        below = _row_gaps(model, cell, card_width + H_GAP, card_width)
        x0, y = origin
        tops = []
        for row in range(row0):
            if row in first_rows:
                y += BAND_TITLE + (max(BAND_GAP, below.get(row - 1, 0.0)) if row else 0.0)
            elif row:
                y += max(LEVEL_GAP / 2, below.get(row - 1, 0.0))
            tops.append(y)
            y += card_height
        return {uid: (x0 + cell[uid][1] * (card_width + H_GAP), tops[cell[uid][0]]) for uid in model.unit_ids() if uid in cell}


def _row_gaps(model: OrgModel, cell: dict[str, tuple[int, int]], pitch: float, card_width: float) -> dict[int, float]:
    """The height the gap below each row needs for the dependency lines that run along it,
    each on its own track (the router's ``TRACK`` apart, ``CLEAR`` from the cards).

    A line leaves its card towards the other end and enters the other card from the side
    facing it, running along the gap beside each end: the gap below the upper end's row
    and the gap above the lower end's row (one gap when the rows are neighbours); a line
    within one row runs over it (left to right) or under it (right to left). Along a gap,
    the lines whose stretches overlap need a track each: the most that overlap at one
    point sets its height. (A 40 px row gap holds five tracks; filled, two lines shared a
    stretch — seen on the samples with one dependency more.) A stretch is taken from the
    whole card at one end to the whole card at the other end or, with rows between them,
    to halfway (where the router usually finds its channel down): a little longer than
    the router draws it. No gap grows beyond ``MAX_ROW_GAP``."""
    stretches: dict[int, list[tuple[float, int]]] = {}  # gap -> (x, +1 where a stretch starts / -1 ends)
    half = card_width / 2
    # Each placed unit's row and the x of its card's middle, looked up once per unit.
    at = {uid: (row, column * pitch + half) for uid, (row, column) in cell.items()}
    for source, target in model.dependency_keys():  # (no Dependency made for each)
        a, b = at.get(source), at.get(target)
        if a is None or b is None:
            continue
        (ra, xa), (rb, xb) = a, b
        if ra == rb or ra - rb == 1 or rb - ra == 1:  # one stretch, from card to card
            runs: tuple[tuple[int, float, float], ...] = ((min(ra, rb) - 1 if ra == rb and xa < xb else min(ra, rb), xa, xb),)
        else:  # one stretch beside each end, to a channel between them (about halfway)
            middle = (xa + xb) / 2
            runs = ((ra if ra < rb else ra - 1, xa, middle), (rb - 1 if ra < rb else rb, xb, middle))
        for gap, x1, x2 in runs:
            if gap >= 0:
                ends = stretches.get(gap)
                if ends is None:
                    ends = stretches[gap] = []
                if x1 > x2:
                    x1, x2 = x2, x1
                ends.append((x1 - half, 1))
                ends.append((x2 + half, -1))
    most = int((MAX_ROW_GAP - 2 * CLEAR) // TRACK)
    return {gap: 2 * CLEAR + TRACK * _most_overlapping(ends, most) for gap, ends in stretches.items()}


def _most_overlapping(ends: list[tuple[float, int]], most: int) -> int:
    """The most stretches that overlap at one point, up to ``most``; ``ends`` holds each
    stretch's (left, 1) and (right, -1).

    >>> _most_overlapping([(0, 1), (10, -1), (5, 1), (15, -1), (10, 1), (20, -1), (30, 1), (40, -1)], 25)
    2
    """
    ends.sort()  # at one x, ends (-1) before starts: touching is not overlapping
    here = deepest = 0
    for _, step in ends:
        here += step
        if here > deepest:
            deepest = here
            if deepest >= most:
                break
    return deepest
