"""Where the cards are, asked the way an orthogonal router asks: is this horizontal or
vertical run free of cards, how deep is the gap above or below a card, and where is the
nearest vertical channel clear of every card over a height.

All cards have one size. Answers come from small sorted lists of blocked intervals, built
lazily and cached per line (``y`` for horizontal runs, ``x`` for vertical ones: the cards
spanning a line are a slice of a band's cards sorted by top or left, merged once per
slice) and per dyadic range of 32-unit bands (for channels over a height), so a question
costs a few binary searches, and moving one card drops only the cached answers it can
change.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

Intervals = tuple[list[float], list[float]]  # merged (starts, ends), sorted, disjoint

BAND = 32.0  #: height of the bands behind the channel search
CELL = 256.0  #: side of the grid cells that find cards near a place
REACH = 1024.0  #: how far above or below a card its gap is looked for
CLEAR = 6.0  #: a channel keeps this far from cards
LEVELS = 18  #: dyadic levels over bands (2**18 bands of 32 units: far more than any drawing)

_EMPTY: Intervals = ([], [])
#: the dyadic nodes over a span of bands, and the channels found over them by the x wanted
Cover = tuple[list[Intervals], dict[float, tuple[float, float, float]]]


def merge(intervals: list[tuple[float, float]]) -> Intervals:
    """Sorted, disjoint union of open intervals.

    >>> merge([(5, 7), (0, 2), (1, 3)])
    ([0, 5], [3, 7])
    """
    intervals.sort()
    starts: list[float] = []
    ends: list[float] = []
    for s, e in intervals:
        if ends and s < ends[-1]:
            if e > ends[-1]:
                ends[-1] = e
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _union(a: Intervals, b: Intervals) -> Intervals:
    if not a[0] or a == b:
        return b
    if not b[0]:
        return a
    return merge(list(zip(a[0], a[1])) + list(zip(b[0], b[1])))


def blocked(intervals: Intervals, lo: float, hi: float) -> bool:
    """Does any interval overlap the open run (lo, hi)?"""
    starts, ends = intervals
    i = bisect_left(starts, hi) - 1
    return i >= 0 and ends[i] > lo


def _slice_runs(cache: dict[int, dict[tuple[int, int], Intervals]], band: int, lo: int, hi: int,
                starts: list[float], size: float) -> Intervals:
    """The runs (start, start + size) of ``starts[lo:hi]`` merged, cached per band and slice."""
    if hi <= lo:
        return _EMPTY
    runs = cache.get(band)
    if runs is None:
        runs = cache[band] = {}
    found = runs.get((lo, hi))
    if found is None:
        found = runs[(lo, hi)] = merge([(start, start + size) for start in starts[lo:hi]])
    return found


class CardSpace:
    """Cards of one size, by id, with their top-left corners."""

    def __init__(self, width: float, height: float) -> None:
        self.w, self.h = width, height
        self.corners: dict[str, tuple[float, float]] = {}
        self.rects: dict[str, tuple[float, float, float, float]] = {}  #: left, top, right, bottom
        self._cells: dict[tuple[int, int], set[str]] = {}
        self._ybands: dict[int, set[str]] = {}  # y band -> cards meeting it
        self._occupied: list[int] | None = None  # the y bands with cards, sorted (made on demand)
        self._xbands: dict[int, set[str]] = {}  # x band (of CELL) -> cards meeting it
        #: y band -> y -> the cards strictly spanning y, as x runs (dropped by band)
        self._rows: dict[int, dict[float, Intervals]] = {}
        self._row_at: dict[float, Intervals] = {}  # the same rows, by y alone
        self._column_at: dict[float, Intervals] = {}  # the columns below, by x alone
        self._tops: dict[int, tuple[list[float], list[float]]] = {}  # y band -> (tops, lefts)
        #: x band -> x -> the cards strictly spanning x, as y runs
        self._columns: dict[int, dict[float, Intervals]] = {}
        self._lefts: dict[int, tuple[list[float], list[float]]] = {}  # x band -> (lefts, tops)
        self._stacks: dict[int, tuple[list[float], list[float]]] = {}  # x band -> (tops sorted, lefts)
        #: x band / y band -> (first, last) of a slice of its sorted cards -> their runs merged
        self._column_runs: dict[int, dict[tuple[int, int], Intervals]] = {}
        self._row_runs: dict[int, dict[tuple[int, int], Intervals]] = {}
        self._nodes: dict[tuple[int, int], Intervals] = {}  # (level, index) -> inflated x runs
        #: (first, last band) -> its nodes, and the channels found over them by the x wanted
        self._covers: dict[tuple[int, int], Cover] = {}
        #: equal covers (the same nodes, by identity) as one: a grid's lines ask few questions
        #: of many spans of rows (dropped with the covers: the ids are not reused meanwhile)
        self._same_covers: dict[tuple[int, ...], Cover] = {}
        #: equal nodes as one object (a grid's rows all block the same runs), so that comparing
        #: them is an identity check: (starts, ends) as tuples -> the node
        self._same: dict[tuple[tuple[float, ...], tuple[float, ...]], Intervals] = {}
        self._gaps: dict[tuple[str, int], float | None] = {}  # (card, +1 below / -1 above)

    # -- contents --------------------------------------------------------------------------

    def set_all(self, corners: dict[str, tuple[float, float]]) -> None:
        self.__init__(self.w, self.h)  # type: ignore[misc]
        # As _place for each card into empty structures, in the same order (no throwaway sets).
        w, h = self.w, self.h
        floor = math.floor
        cells, ybands, xbands = self._cells, self._ybands, self._xbands
        own, rects = self.corners, self.rects
        for uid, (x, y) in corners.items():
            own[uid] = (x, y)
            rects[uid] = (x, y, x + w, y + h)
            first_x, last_x = floor(x / CELL), floor((x + w) / CELL) + 1
            for i in range(first_x, last_x):
                for j in range(floor(y / CELL), floor((y + h) / CELL) + 1):
                    found = cells.get((i, j))
                    if found is None:
                        cells[(i, j)] = {uid}
                    else:
                        found.add(uid)
            for b in range(floor(y / BAND), floor((y + h) / BAND) + 1):
                found = ybands.get(b)
                if found is None:
                    ybands[b] = {uid}
                else:
                    found.add(uid)
            for b in range(first_x, last_x):
                found = xbands.get(b)
                if found is None:
                    xbands[b] = {uid}
                else:
                    found.add(uid)

    def _ranges(self, x: float, y: float) -> tuple[range, range, range, range]:
        w, h = self.w, self.h
        return (
            range(math.floor(x / CELL), math.floor((x + w) / CELL) + 1),
            range(math.floor(y / CELL), math.floor((y + h) / CELL) + 1),
            range(math.floor(y / BAND), math.floor((y + h) / BAND) + 1),
            range(math.floor(x / CELL), math.floor((x + w) / CELL) + 1),
        )

    def _place(self, uid: str, x: float, y: float) -> None:
        self.corners[uid] = (x, y)
        self.rects[uid] = (x, y, x + self.w, y + self.h)
        cx, cy, yb, xb = self._ranges(x, y)
        for i in cx:
            for j in cy:
                self._cells.setdefault((i, j), set()).add(uid)
        for b in yb:
            self._ybands.setdefault(b, set()).add(uid)
            tops = self._tops.get(b)
            if tops is not None:
                i = bisect_right(tops[0], y)
                tops[0].insert(i, y)
                tops[1].insert(i, x)
        for b in xb:
            self._xbands.setdefault(b, set()).add(uid)
            self._stacks.pop(b, None)
            lefts = self._lefts.get(b)
            if lefts is not None:
                i = bisect_right(lefts[0], x)
                lefts[0].insert(i, x)
                lefts[1].insert(i, y)

    def _unplace(self, uid: str) -> None:
        x, y = self.corners.pop(uid)
        del self.rects[uid]
        cx, cy, yb, xb = self._ranges(x, y)
        for i in cx:
            for j in cy:
                self._cells[(i, j)].discard(uid)
        for b in yb:
            self._ybands[b].discard(uid)
            tops = self._tops.get(b)
            if tops is not None:
                i = bisect_left(tops[0], y)
                while tops[1][i] != x:
                    i += 1
                del tops[0][i], tops[1][i]
        for b in xb:
            self._xbands[b].discard(uid)
            self._stacks.pop(b, None)
            lefts = self._lefts.get(b)
            if lefts is not None:
                i = bisect_left(lefts[0], x)
                while lefts[1][i] != y:
                    i += 1
                del lefts[0][i], lefts[1][i]

    def _forget_around(self, x: float, y: float) -> None:
        """Drop every cached answer a card at (x, y) takes part in."""
        _, _, yb, xb = self._ranges(x, y)
        h = self.h
        for b in yb:
            for row_y in self._rows.pop(b, ()):
                del self._row_at[row_y]
            self._row_runs.pop(b, None)
        for b in xb:
            for column_x in self._columns.pop(b, ()):
                del self._column_at[column_x]
            self._column_runs.pop(b, None)
        bands = range(math.floor((y - CLEAR) / BAND), math.floor((y + h + CLEAR) / BAND) + 1)
        for level in range(LEVELS):
            for index in {b >> level for b in bands}:
                self._nodes.pop((level, index), None)
        self._covers.clear()  # each a few binary searches to make again: fewer than finding those to drop
        self._same_covers.clear()
        self._occupied = None

    def forget_channels(self) -> None:
        """Drop the channels found so far (a whole routing's: 80,000 spans at 50,000 units,
        10 MB, which the first move would drop anyway)."""
        self._covers.clear()
        self._same_covers.clear()

    def near_gaps(self, x: float, y: float) -> set[str]:
        """Cards whose gap above or below a card at (x, y) may bound."""
        return set(self.cards_in(x - self.w, y - REACH, x + 2 * self.w, y + self.h + REACH))

    def move(self, uid: str, x: float, y: float) -> set[str]:
        """Move (or add, or with ``x`` None remove) a card; returns the cards whose gaps changed."""
        touched: set[str] = set()
        if uid in self.corners:
            ox, oy = self.corners[uid]
            touched |= self.near_gaps(ox, oy)
            self._forget_around(ox, oy)
            self._unplace(uid)
        if x is not None:
            self._place(uid, x, y)
            self._forget_around(x, y)
            touched |= self.near_gaps(x, y)
        touched.add(uid)
        changed = set()
        for card in touched:
            for side in (1, -1):
                old = self._gaps.pop((card, side), 0.5)
                if card in self.corners and self.gap(card, side) != old:
                    changed.add(card)
        changed.add(uid)
        return changed

    def cards_in(self, left: float, top: float, right: float, bottom: float) -> list[str]:
        """Cards meeting the open rectangle."""
        found: set[str] = set()
        for i in range(math.floor(left / CELL), math.floor(right / CELL) + 1):
            for j in range(math.floor(top / CELL), math.floor(bottom / CELL) + 1):
                found.update(self._cells.get((i, j), ()))
        w, h = self.w, self.h
        corners = self.corners
        return [u for u in found if corners[u][0] < right and corners[u][0] + w > left
                and corners[u][1] < bottom and corners[u][1] + h > top]

    def more_cards_than(self, left: float, top: float, right: float, bottom: float, most: int) -> bool:
        """Surely more than ``most`` cards meet the rectangle (counted in the grid cells wholly
        inside it, a card in at most four of them); False when unsure."""
        per_card = (math.ceil(self.w / CELL) + 1) * (math.ceil(self.h / CELL) + 1)
        cells = self._cells
        total = 0
        for i in range(math.ceil(left / CELL), math.floor(right / CELL)):
            for j in range(math.ceil(top / CELL), math.floor(bottom / CELL)):
                found = cells.get((i, j))
                if found:
                    total += len(found)
            if total > most * per_card:
                return True
        return False

    # -- free runs ---------------------------------------------------------------------------

    def row(self, y: float) -> Intervals:
        """The cards strictly spanning the height ``y``, as merged x runs."""
        row = self._row_at.get(y)
        if row is not None:
            return row
        band = math.floor(y / BAND)
        rows = self._rows.get(band)
        if rows is None:
            rows = self._rows[band] = {}
        row = rows.get(y)
        if row is None:
            tops, lefts = self._band_tops(band)
            # Cards spanning y have their top in (y - h, y): a slice of the band's cards.
            lo, hi = bisect_right(tops, y - self.h), bisect_left(tops, y)
            rows[y] = row = _slice_runs(self._row_runs, band, lo, hi, lefts, self.w)
        self._row_at[y] = row
        return row

    def _band_tops(self, band: int) -> tuple[list[float], list[float]]:
        """The cards meeting a band, as their tops (sorted) and their left edges."""
        tops = self._tops.get(band)
        if tops is None:
            corners = self.corners
            pairs = sorted((corners[u][1], corners[u][0]) for u in self._ybands.get(band, ()))
            tops = self._tops[band] = ([t for t, _ in pairs], [x for _, x in pairs])
        return tops

    def column(self, x: float) -> Intervals:
        """The cards strictly spanning ``x``, as merged y runs."""
        column = self._column_at.get(x)
        if column is not None:
            return column
        band = math.floor(x / CELL)
        columns = self._columns.get(band)
        if columns is None:
            columns = self._columns[band] = {}
        column = columns.get(x)
        if column is None:
            lefts = self._lefts.get(band)
            if lefts is None:
                corners = self.corners
                pairs = sorted(corners[u] for u in self._xbands.get(band, ()))
                lefts = self._lefts[band] = ([x for x, _ in pairs], [t for _, t in pairs])
            # Cards spanning x have their left in (x - w, x): a slice of the band's cards.
            lo, hi = bisect_right(lefts[0], x - self.w), bisect_left(lefts[0], x)
            columns[x] = column = _slice_runs(self._column_runs, band, lo, hi, lefts[1], self.h)
        self._column_at[x] = column
        return column

    def h_free(self, y: float, x0: float, x1: float) -> bool:
        """No card's interior meets the horizontal run at ``y`` between ``x0`` and ``x1``."""
        if x0 > x1:
            x0, x1 = x1, x0
        return not blocked(self.row(y), x0, x1)

    def v_free(self, x: float, y0: float, y1: float) -> bool:
        if y0 > y1:
            y0, y1 = y1, y0
        return not blocked(self.column(x), y0, y1)

    def run_free(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        """An axis-parallel run from a to b meets no card interior (a slanted one: False)."""
        # As h_free and v_free, inlined: the router asks this tens of thousands of times.
        (x0, y0), (x1, y1) = a, b
        if y0 == y1:
            starts, ends = self._row_at.get(y0) or self.row(y0)
            lo, hi = (x0, x1) if x0 <= x1 else (x1, x0)
        elif x0 == x1:
            starts, ends = self._column_at.get(x0) or self.column(x0)
            lo, hi = (y0, y1) if y0 <= y1 else (y1, y0)
        else:
            return False
        i = bisect_left(starts, hi) - 1
        return i < 0 or ends[i] <= lo

    # -- gaps and channels ---------------------------------------------------------------

    def _stack(self, band: int) -> tuple[list[float], list[float]]:
        """The cards meeting an x band, as their tops (sorted) and their left edges."""
        stack = self._stacks.get(band)
        if stack is None:
            corners = self.corners
            pairs = sorted((corners[u][1], corners[u][0]) for u in self._xbands.get(band, ()))
            stack = self._stacks[band] = ([t for t, _ in pairs], [x for _, x in pairs])
        return stack

    def gap(self, uid: str, side: int) -> float | None:
        """The top of the nearest card below ``uid`` (side +1), or the bottom of the nearest
        one above (side -1), among cards overlapping its width; None if none within REACH."""
        key = (uid, side)
        if key in self._gaps:
            return self._gaps[key]
        x, y = self.corners[uid]
        w, h = self.w, self.h
        right = x + w
        best: float | None = None
        # Every card overlapping the width meets one of the x bands under it; in each band the
        # first card in order of top (from the edge outwards) that overlaps is its nearest.
        for band in range(math.floor(x / CELL), math.floor(right / CELL) + 1):
            tops, lefts = self._stack(band)
            if side > 0:
                edge = y + h
                low, reach = edge - 0.5, edge + REACH
                i, n = bisect_left(tops, low), len(tops)
                while i < n and tops[i] < reach:
                    if lefts[i] < right and lefts[i] + w > x:
                        if best is None or tops[i] < best:
                            best = tops[i]
                        break
                    i += 1
            else:
                edge = y
                high, reach = edge + 0.5, edge - REACH
                i = bisect_right(tops, high - h + 1.0) - 1
                while i >= 0 and tops[i] + h > reach:
                    bottom = tops[i] + h
                    if bottom <= high and lefts[i] < right and lefts[i] + w > x:
                        if best is None or bottom > best:
                            best = bottom
                        break
                    i -= 1
        self._gaps[key] = best
        return best

    def _node(self, level: int, index: int) -> Intervals:
        node = self._nodes.get((level, index))
        if node is None:
            if level == 0:
                corners, w = self.corners, self.w
                ids = self._ybands.get(index, ())
                lo, hi = index * BAND - CLEAR, (index + 1) * BAND + CLEAR
                node = merge([(corners[u][0] - CLEAR, corners[u][0] + w + CLEAR) for u in ids
                              if corners[u][1] < hi and corners[u][1] + self.h > lo])
                if not node[0]:
                    node = _EMPTY
            elif not self._occupied_from(index << level, ((index + 1) << level) - 1):
                node = _EMPTY  # nothing there: the work follows the cards, not the distance between them
            else:
                node = _union(self._node(level - 1, 2 * index), self._node(level - 1, 2 * index + 1))
            if node is not _EMPTY:
                same = self._same
                if len(same) > 4 * len(self._nodes) + 1024:
                    same.clear()  # moves leave nodes no one asks for: forget them now and then
                node = same.setdefault((tuple(node[0]), tuple(node[1])), node)
            self._nodes[(level, index)] = node
        return node

    def _occupied_from(self, first: int, last: int) -> bool:
        """Whether a card meets a y band from ``first`` to ``last``."""
        bands = self._occupied
        if bands is None:
            bands = self._occupied = sorted(b for b, ids in self._ybands.items() if ids)
        i = bisect_left(bands, first)
        return i < len(bands) and bands[i] <= last

    def _cover(self, y0: float, y1: float) -> Cover:
        """The blocked x runs (cards widened by CLEAR) over the bands from y0 to y1, as a few
        dyadic nodes whose union is their union (with the channels found over them so far)."""
        b, last = math.floor(min(y0, y1) / BAND), math.floor(max(y0, y1) / BAND)
        key = (b, last)
        cover = self._covers.get(key)
        if cover is not None:
            return cover
        nodes = []
        while b <= last:
            level = 0
            while level + 1 < LEVELS and b % (1 << (level + 1)) == 0 and b + (1 << (level + 1)) - 1 <= last:
                level += 1
            node = self._node(level, b >> level)
            if node[0] and node not in nodes:  # equal nodes (a grid's rows) are asked once
                nodes.append(node)
            b += 1 << level
        cover = self._covers[key] = self._same_covers.setdefault(tuple(map(id, nodes)), (nodes, {}))
        return cover

    def channel(self, y0: float, y1: float, want: float) -> tuple[float, float, float]:
        """The free x nearest to ``want`` for a vertical run from y0 to y1, with the bounds of
        the free gap it is in (capped to 60 units either side)."""
        nodes, found = self._cover(y0, y1)
        channel = found.get(want)
        if channel is None:
            channel = found[want] = _channel(nodes, want)
        return channel


def _channel(nodes: list[Intervals], want: float) -> tuple[float, float, float]:
    """As :meth:`CardSpace.channel`, over these nodes."""
    right = left = want
    count = len(nodes)
    # Round the nodes until none has moved the edge in a whole round (since its last move).
    k = still = 0
    while still < count:
        starts, ends = nodes[k]
        i = bisect_left(starts, right) - 1
        if i >= 0 and ends[i] > right:
            right, still = ends[i], 1
        else:
            still += 1
        k = k + 1 if k + 1 < count else 0
    k = still = 0
    while still < count:
        starts, ends = nodes[k]
        i = bisect_right(starts, left) - 1
        if i >= 0 and ends[i] > left and starts[i] < left:
            left, still = starts[i], 1
        else:
            still += 1
        k = k + 1 if k + 1 < count else 0
    x = right if right - want <= want - left else left
    lo, hi = x - 60.0, x + 60.0
    for starts, ends in nodes:
        i = bisect_left(starts, x)
        if i < len(starts):
            hi = min(hi, starts[i])
        j = bisect_right(ends, x) - 1
        if j >= 0:
            lo = max(lo, ends[j])
    return x, lo, hi
