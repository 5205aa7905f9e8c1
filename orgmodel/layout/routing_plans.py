"""The router's first step: the shape of each line and the channels (gaps) it runs in.

A plan prefers the fewest bends: a straight run between side-by-side cards; three runs
(down a gap, across, down into the target; or a "U" over or under a row, left-to-right
lines over the top and right-to-left ones under it, so two opposite lines never make one
double-headed arrow); five runs through a free vertical channel when no single gap joins
the two cards; and a search over the free grid (``routing_search``) for whatever else.

Plans are plain tuples, and the free-run questions are asked of the card space's cached
rows and columns directly: planning 30,000 lines is most of routing them.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from orgmodel.layout.routing_search import search_route
from orgmodel.layout.routing_space import CLEAR, CardSpace, blocked

Point = tuple[float, float]
#: A channel a run lies in: (orientation "h"/"v", rounded bounds) -> shared by many lines.
ChannelKey = tuple[str, float, float]

DEFAULT_GAP = 80.0  #: depth of the gap taken above or below a card with nothing near it
HALF_GAP = DEFAULT_GAP / 2

_DOWN = (("B", "T"),)
_UP = (("T", "B"),)
_OVER_FIRST = (("T", "T"), ("B", "B"))
_UNDER_FIRST = (("B", "B"), ("T", "T"))


class Plan(NamedTuple):
    """A route before ports and tracks: its shape, the sides it uses, its channels."""

    kind: str  #: "side", "v3", "v5" or "free"
    a_side: str  #: "T", "B", "L", "R" ("" for "free")
    b_side: str
    #: (channel, the coordinate the plan was checked at) for each channel it runs in
    channels: tuple[tuple[ChannelKey, float], ...]
    points: list[Point] | None = None  #: "free": the whole route


class Planner:
    """Plans lines between the cards of a :class:`CardSpace`, keeping each card's gaps."""

    def __init__(self, space: CardSpace) -> None:
        self.space = space
        #: the free band above ("T") and below ("B") each card, until its gaps change
        self._bands: dict[str, dict[str, tuple[float, float]]] = {"T": {}, "B": {}}
        #: each channel's key as one object, however many lines run in it (a few thousand
        #: channels for 150,000 runs at 50,000 units: 112 bytes per run saved)
        self._keys: dict[ChannelKey, ChannelKey] = {}
        self._raw_keys: dict[ChannelKey, ChannelKey] = {}  #: the same by unrounded bounds
        #: through a batch (:meth:`batch`), :meth:`_end` of each card's top and bottom
        self._ends: dict[str, dict[str, tuple[float, ChannelKey] | None]] | None = None

    def _key(self, kind: str, lo: float, hi: float) -> ChannelKey:
        # By the bounds as found first: rounding (slow in Python) once per channel, not per line.
        raw = (kind, lo, hi)
        key = self._raw_keys.get(raw)
        if key is None:
            key = (kind, round(lo, 1), round(hi, 1))
            key = self._raw_keys[raw] = self._keys.setdefault(key, key)
        return key

    def gap(self, uid: str, side: str) -> tuple[float, float]:
        """The free band beside the top or bottom of a card (kept until :meth:`forget`)."""
        band = self._bands[side].get(uid)
        if band is None:
            left, top, right, bottom = self.space.rects[uid]
            if side == "B":
                below = self.space.gap(uid, 1)
                band = bottom, below if below is not None else bottom + DEFAULT_GAP
            else:
                above = self.space.gap(uid, -1)
                band = (above if above is not None else top - DEFAULT_GAP), top
            self._bands[side][uid] = band
        return band

    def batch(self, on: bool) -> None:
        """Many lines are planned while no card moves (a whole routing): keep how lines
        leave each card until ``batch(False)``."""
        self._ends = {"T": {}, "B": {}} if on else None

    def forget(self, uid: str) -> None:
        self._bands["T"].pop(uid, None)
        self._bands["B"].pop(uid, None)

    def plan(self, s: str, t: str, search: bool = True) -> Plan | None:
        """The plan of the line from ``s`` to ``t``; without ``search``, None where only the
        search over the free grid would do."""
        space = self.space
        rects = space.rects
        al, at, ar, ab = rects[s]
        bl, bt, br, bb = rects[t]
        acx, bcx = (al + ar) / 2, (bl + br) / 2
        if at < bb and bt < ab:  # side by side: a straight run if nothing is between
            y = (max(at, bt) + min(ab, bb)) / 2
            if ar + 2 * CLEAR <= bl and space.h_free(y, ar, bl):
                return Plan("side", "R", "L", ((self._key("v", ar, bl), (ar + bl) / 2),))
            if br + 2 * CLEAR <= al and space.h_free(y, br, al):
                return Plan("side", "L", "R", ((self._key("v", br, al), (br + al) / 2),))
        if bt >= ab:
            choices = _DOWN
        elif bb <= at:
            choices = _UP
        else:  # a row: left-to-right over the top, right-to-left under it
            choices = _OVER_FIRST if acx <= bcx else _UNDER_FIRST
        for a_side, b_side in choices:
            plan = self._three(s, t, a_side, b_side, acx, bcx)
            if plan is not None:
                return plan
        for a_side, b_side in choices:
            plan = self._five(s, t, a_side, b_side, acx, bcx)
            if plan is not None:
                return plan
        return Plan("free", "", "", (), search_route(space, rects[s], rects[t])) if search else None

    def _three(self, s: str, t: str, a_side: str, b_side: str, acx: float, bcx: float) -> Plan | None:
        bands = self._bands
        a_gap = bands[a_side].get(s) or self.gap(s, a_side)
        b_gap = bands[b_side].get(t) or self.gap(t, b_side)
        a_lo, a_hi = a_gap
        b_lo, b_hi = b_gap
        lo = a_lo if a_lo > b_lo else b_lo
        hi = a_hi if a_hi < b_hi else b_hi
        if hi - lo < 2 * CLEAR:
            return None
        space = self.space
        rects = space.rects
        a_edge = rects[s][3] if a_side == "B" else rects[s][1]
        b_edge = rects[t][3] if b_side == "B" else rects[t][1]
        # In a deep gap, first try just beside either card (the row gap next to it).
        middle = (lo + hi) / 2
        if hi - lo > 2 * DEFAULT_GAP:
            near_a = a_lo + HALF_GAP if a_side == "B" else a_hi - HALF_GAP
            near_b = b_lo + HALF_GAP if b_side == "B" else b_hi - HALF_GAP
            tries: tuple[float, ...] = (near_b, near_a, middle)
        else:
            tries = (middle,)
        row, column, row_at, column_at = space.row, space.column, space._row_at, space._column_at
        x0, x1 = (acx, bcx) if acx <= bcx else (bcx, acx)
        for y in tries:
            # As space.h_free and space.v_free, inlined: the three runs meet no card.
            starts, ends = row_at.get(y) or row(y)
            i = bisect_left(starts, x1) - 1
            if i >= 0 and ends[i] > x0:
                continue
            y0, y1 = (a_edge, y) if a_edge <= y else (y, a_edge)
            starts, ends = column_at.get(acx) or column(acx)
            i = bisect_left(starts, y1) - 1
            if i >= 0 and ends[i] > y0:
                continue
            y0, y1 = (y, b_edge) if y <= b_edge else (b_edge, y)
            starts, ends = column_at.get(bcx) or column(bcx)
            i = bisect_left(starts, y1) - 1
            if i >= 0 and ends[i] > y0:
                continue
            low, high = max(lo, y - HALF_GAP), min(hi, y + HALF_GAP)
            return Plan("v3", a_side, b_side, ((self._key("h", low, high), y),))
        return None

    def _five(self, s: str, t: str, a_side: str, b_side: str, acx: float, bcx: float) -> Plan | None:
        a_end = self._end(s, a_side)
        if a_end is None:
            return None
        b_end = self._end(t, b_side)
        if b_end is None:
            return None
        y1, a_key = a_end
        y2, b_key = b_end
        space = self.space
        x, lo, hi = space.channel(y1, y2, (acx + bcx) / 2)
        # As space.h_free and space.v_free, inlined: the five runs meet no card (the runs
        # out of the two cards were asked by _end).
        row_at = space._row_at
        starts, ends = row_at.get(y1) or space.row(y1)
        lo1, hi1 = (acx, x) if acx <= x else (x, acx)
        i = bisect_left(starts, hi1) - 1
        if i >= 0 and ends[i] > lo1:
            return None
        starts, ends = row_at.get(y2) or space.row(y2)
        lo1, hi1 = (x, bcx) if x <= bcx else (bcx, x)
        i = bisect_left(starts, hi1) - 1
        if i >= 0 and ends[i] > lo1:
            return None
        lo1, hi1 = (y1, y2) if y1 <= y2 else (y2, y1)
        starts, ends = space._column_at.get(x) or space.column(x)
        i = bisect_left(starts, hi1) - 1
        if i >= 0 and ends[i] > lo1:
            return None
        return Plan("v5", a_side, b_side, ((a_key, y1), (self._key("v", lo, hi), x), (b_key, y2)))

    def _end(self, uid: str, side: str) -> tuple[float, ChannelKey] | None:
        """How a five-run line leaves or enters a card's top or bottom: the middle of the
        card's near gap and the gap's channel; None when the gap is too thin or a card
        blocks the run from the card to that middle. Kept through a batch only
        (:meth:`batch`): moves may change the run's way without changing the card's gap."""
        batch = self._ends
        if batch is not None:
            found = batch[side].get(uid, False)
            if found is not False:
                return found
        lo, hi = self._near_gap(uid, side)
        found = None
        if hi - lo >= 2 * CLEAR:
            y = (lo + hi) / 2
            left, top, right, bottom = self.space.rects[uid]
            edge = bottom if side == "B" else top
            y0, y1 = (edge, y) if edge <= y else (y, edge)
            if not blocked(self.space.column((left + right) / 2), y0, y1):
                found = y, self._key("h", lo, hi)
        if batch is not None:
            batch[side][uid] = found
        return found

    def _near_gap(self, uid: str, side: str) -> tuple[float, float]:
        """The part of a card's gap next to it, at most DEFAULT_GAP deep."""
        lo, hi = self._bands[side].get(uid) or self.gap(uid, side)
        if side == "B":
            return (lo, hi) if hi <= lo + DEFAULT_GAP else (lo, lo + DEFAULT_GAP)
        return (lo, hi) if lo >= hi - DEFAULT_GAP else (hi - DEFAULT_GAP, hi)

