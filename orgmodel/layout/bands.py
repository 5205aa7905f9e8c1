"""The office-bands layout: front, middle and back office as horizontal bands, each band
ordered to cross as few dependency lines as a few barycentre passes can."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable

from orgmodel.gcpause import gc_paused
from orgmodel.layout.orgchart import H_GAP, LEVEL_GAP, Positions
from orgmodel.model import OrgModel

BAND_GAP = 60.0  #: between office bands
BAND_TITLE = 44.0  #: room for a band's title above its cards
OFFICE_ORDER = ("front", "middle", "back")


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
    band = {u.id: OFFICE_ORDER.index(u.office) for u in model.units()}
    pairs: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for dep in model.dependencies():
        a, b = dep.source, dep.target
        if a in rank and b in rank and band[a] != band[b]:
            if band[a] > band[b]:
                a, b = b, a
            pairs.setdefault((band[a], band[b]), []).append((rank[a], rank[b]))
    return sum(_crossings(edges) for edges in pairs.values())


def bands_order(model: OrgModel, unit_ids: Iterable[str] | None = None, passes: int = 4) -> dict[str, list[str]]:
    """Each office's units in the order that lowers crossings between bands.

    Starts from the reporting forest's depth-first order (a department's units together),
    then sweeps down and up moving each unit to the barycentre of its neighbours in the
    other bands; ties keep the previous order, so subtrees stay together where that costs
    nothing. Keeps the best order seen within ``passes`` sweeps.
    """
    chosen = set(model.unit_ids() if unit_ids is None else unit_ids)
    ordered = [uid for uid in _forest_order(model) if uid in chosen]
    bands = {office: [uid for uid in ordered if model.unit(uid).office == office] for office in OFFICE_ORDER}
    neighbours: dict[str, list[str]] = {uid: [] for uid in ordered}
    for dep in model.dependencies():
        if dep.source in chosen and dep.target in chosen:
            neighbours[dep.source].append(dep.target)
            neighbours[dep.target].append(dep.source)
    office = {uid: model.unit(uid).office for uid in ordered}

    def ranks(current: dict[str, list[str]]) -> dict[str, float]:
        out = {}
        for units in current.values():
            n = max(1, len(units) - 1)
            for i, uid in enumerate(units):
                out[uid] = i / n
        return out

    def barycentre(band_name: str, rank: dict[str, float]):
        def key(uid: str) -> tuple[float, float]:
            others = [rank[n] for n in neighbours[uid] if office[n] != band_name]
            return (sum(others) / len(others) if others else rank[uid], rank[uid])

        return key

    best = {k: list(v) for k, v in bands.items()}
    best_score = band_crossings(model, ranks(best))
    current = {k: list(v) for k, v in bands.items()}
    for _ in range(passes):
        # Down then up: each band in turn follows its neighbours in the other bands.
        for band_name in ("middle", "back", "middle", "front"):
            current[band_name] = sorted(current[band_name], key=barycentre(band_name, ranks(current)))
        score = band_crossings(model, ranks(current))
        if score < best_score:
            best, best_score = {k: list(v) for k, v in current.items()}, score
    return best


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
    """Front office on top, middle in the middle, back office at the bottom, each band a
    block of rows of one common width, ordered by :func:`bands_order`.

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
        x0, y = origin
        positions: Positions = {}
        for office in OFFICE_ORDER:
            units = order[office]
            y += BAND_TITLE
            rows = max(1, math.ceil(len(units) / columns))
            for i, uid in enumerate(units):
                r, c = divmod(i, columns)
                positions[uid] = (x0 + c * (card_width + H_GAP), y + r * (card_height + LEVEL_GAP / 2))
            y += rows * card_height + (rows - 1) * LEVEL_GAP / 2 + BAND_GAP
        return {uid: positions[uid] for uid in model.unit_ids() if uid in positions}
