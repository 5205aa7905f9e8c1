"""Dependency lines routed around the cards: orthogonal, with their own ports and tracks.

As yEd's orthogonal edge router and draw.io's orthogonal edge style draw them, each line
leaves its card through the top, bottom or a side, runs along the gaps between cards and
enters the other card square on; a line never crosses a card between its ends. The router
works in three steps, each cheap enough for 30,000 lines:

1. **Plan** each line as a shape with its channels (the gaps it runs in), preferring the
   fewest bends: a straight run between side-by-side cards; three runs (down a gap, across,
   down into the target; or a "U" over or under a row, left-to-right lines over the top and
   right-to-left ones under it, so two opposite lines never make one double-headed arrow);
   five runs through a free vertical channel when no single gap joins the two cards; and a
   search over the free grid (``routing_search``) for whatever else.
2. **Ports**: the lines on one side of a card share it out evenly, in the order of where
   they go, so no two leave or enter at the same point (top and bottom keep their middle
   for the reporting lines).
3. **Tracks**: the runs sharing a channel are spread across it, each on its own track
   where their extents overlap, so parallel lines stay apart.

Every run is checked against the cards at the end; a nudged line that would touch a card
falls back to its checked plan. Moving cards re-plans only their lines, the lines that
cross their new place and the lines whose gaps changed (:meth:`Router.move`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from orgmodel.gcpause import gc_paused
from orgmodel.layout.routing_runs import RunIndex
from orgmodel.layout.routing_search import search_route
from orgmodel.layout.routing_space import CLEAR, CardSpace
from orgmodel.layout.routing_tracks import Tracks

Point = tuple[float, float]
Key = tuple[str, str]
#: A channel a run lies in: (orientation "h"/"v", rounded bounds) -> shared by many lines.
ChannelKey = tuple[str, float, float]

DEFAULT_GAP = 80.0  #: depth of the gap taken above or below a card with nothing near it
TRACK = 6.0  #: distance between parallel tracks in a channel
PORT_MARGIN = 10.0  #: ports keep this far from the corners of a side


@dataclass(slots=True)
class Channel:
    key: ChannelKey
    base: float  #: the coordinate the plan was checked at
    lo: float  #: the free bounds of the gap
    hi: float


@dataclass(slots=True)
class Plan:
    """A route before ports and tracks: its shape, the sides it uses, its channels."""

    kind: str  #: "side", "v3", "v5" or "free"
    a_side: str = ""  #: "T", "B", "L", "R"
    b_side: str = ""
    channels: list[Channel] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)  #: "free": the whole route


def simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and points in the middle of a straight run.

    >>> simplify([(0, 0), (0, 5), (0, 5), (0, 9), (3, 9)])
    [(0, 0), (0, 9), (3, 9)]
    """
    out: list[Point] = []
    for p in points:
        if out and out[-1] == p:
            continue
        if len(out) >= 2:
            (x0, y0), (x1, y1) = out[-2], out[-1]
            if (x0 == x1 == p[0]) or (y0 == y1 == p[1]):
                out[-1] = p
                continue
        out.append(p)
    return out


class Router:
    """Routes of the dependency lines between cards of one size; keeps what it needs to
    re-route a few lines when cards move or lines come and go."""

    def __init__(self, width: float, height: float) -> None:
        self.w, self.h = width, height
        self.space = CardSpace(width, height)
        self.routes: dict[Key, list[Point]] = {}
        self.plans: dict[Key, Plan] = {}
        self._of_card: dict[str, set[Key]] = {}
        self._sides: dict[tuple[str, str], set[Key]] = {}
        #: the port of each end of a line along its card's side (0: source, 1: target)
        self._ports: tuple[dict[Key, float], dict[Key, float]] = ({}, {})
        self._tracks = Tracks(CLEAR, TRACK)
        self._runs = RunIndex()
        self._bands: dict[tuple[str, str], tuple[float, float]] = {}  # (card, "T"/"B") -> its gap

    # -- public ----------------------------------------------------------------------------

    def route_all(self, corners: dict[str, tuple[float, float]], edges: Iterable[Key]) -> dict[Key, list[Point]]:
        """Route every line from scratch; returns ``{(source, target): points}``."""
        self.__init__(self.w, self.h)  # type: ignore[misc]
        # Millions of small objects and no cycles: the collector would rescan them all, ever
        # more often as they grow (measured: routing 50,000 units took twice as long).
        with gc_paused():
            self.space.set_all(corners)
            keys = [key for key in edges if key[0] in corners and key[1] in corners and key[0] != key[1]]
            for key in keys:
                self._of_card.setdefault(key[0], set()).add(key)
                self._of_card.setdefault(key[1], set()).add(key)
                self._add_plan(key, self._plan(key))
            for side in self._sides:
                self._share_ports(side)
            for channel in self._tracks.groups:
                self._tracks.lay_all(channel, lambda member: self._extent(*member))
            self._runs.defer_sorting()
            for key in keys:
                self.routes[key] = self._assemble(key)
                self._runs.add(key, self.routes[key])
            return dict(self.routes)

    def move(self, corners: dict[str, tuple[float, float]]) -> dict[Key, list[Point]]:
        """Cards moved to these top-left corners: the routes that changed."""
        cards: set[str] = set()
        for uid, (x, y) in corners.items():
            if uid in self.space.corners:
                cards |= self.space.move(uid, x, y)
        self._forget_gaps(cards)
        keys: set[Key] = set()
        for uid in cards:
            keys |= self._of_card.get(uid, set())
        for uid in corners:
            if uid in self.space.corners:
                x, y = self.space.corners[uid]
                keys |= self._crossing(x, y, x + self.w, y + self.h)
        return self._replan(keys)

    def route_one(self, source: str, target: str) -> list[Point]:
        """A route between two cards that crosses no card, with neither ports nor tracks of its
        own (for a reporting line whose org-chart elbow would cross one)."""
        plan = self._plan((source, target))
        return plan.points if plan.kind == "free" else self._points((source, target), plan, nudged=False)

    def clear_of_cards(self, points: list[Point]) -> bool:
        """No run of these points (axis-parallel) crosses a card's interior."""
        return self._clear(points, trusted_ends=False)

    def add_card(self, uid: str, x: float, y: float) -> dict[Key, list[Point]]:
        cards = self.space.move(uid, x, y)
        self._forget_gaps(cards)
        keys = self._crossing(x, y, x + self.w, y + self.h)
        for card in cards:
            keys |= self._of_card.get(card, set())
        return self._replan(keys)

    def remove_card(self, uid: str) -> dict[Key, list[Point] | None]:
        """A card and its lines go; returns the changed routes (None: gone)."""
        gone: dict[Key, list[Point] | None] = {key: None for key in self._of_card.get(uid, set())}
        for key in gone:
            self._drop(key)
            self._forget_line(key)
        if uid in self.space.corners:
            cards = self.space.move(uid, None, None)  # type: ignore[arg-type]
            self._forget_gaps(cards)
            keys: set[Key] = set()
            for card in cards:
                keys |= self._of_card.get(card, set())
            gone.update(self._replan(keys))
        self._of_card.pop(uid, None)
        return gone

    def add_line(self, key: Key) -> dict[Key, list[Point]]:
        if key[0] not in self.space.corners or key[1] not in self.space.corners or key[0] == key[1]:
            return {}
        self._of_card.setdefault(key[0], set()).add(key)
        self._of_card.setdefault(key[1], set()).add(key)
        return self._replan({key})

    def remove_line(self, key: Key) -> dict[Key, list[Point]]:
        if key not in self.plans:
            return {}
        sides, groups = self._drop(key)
        self._forget_line(key)
        return self._refresh(set(), sides, groups)

    def _forget_line(self, key: Key) -> None:
        for uid in key:
            lines = self._of_card.get(uid)
            if lines is not None:
                lines.discard(key)

    # -- planning ----------------------------------------------------------------------------

    def _gap(self, uid: str, side: str) -> tuple[float, float]:
        """The free band beside the top or bottom of a card (kept until the card's gaps
        change: :meth:`_forget_gaps`)."""
        band = self._bands.get((uid, side))
        if band is None:
            left, top, right, bottom = self.space.rects[uid]
            if side == "B":
                below = self.space.gap(uid, 1)
                band = bottom, below if below is not None else bottom + DEFAULT_GAP
            else:
                above = self.space.gap(uid, -1)
                band = (above if above is not None else top - DEFAULT_GAP), top
            self._bands[(uid, side)] = band
        return band

    def _forget_gaps(self, cards: Iterable[str]) -> None:
        for uid in cards:
            self._bands.pop((uid, "T"), None)
            self._bands.pop((uid, "B"), None)

    def _plan(self, key: Key) -> Plan:
        s, t = key
        space = self.space
        al, at, ar, ab = self.space.rects[s]
        bl, bt, br, bb = self.space.rects[t]
        acx, bcx = (al + ar) / 2, (bl + br) / 2
        if at < bb and bt < ab:  # side by side: a straight run if nothing is between
            y = (max(at, bt) + min(ab, bb)) / 2
            if ar + 2 * CLEAR <= bl and space.h_free(y, ar, bl):
                return Plan("side", "R", "L", [Channel(("v", round(ar, 1), round(bl, 1)), (ar + bl) / 2, ar, bl)])
            if br + 2 * CLEAR <= al and space.h_free(y, br, al):
                return Plan("side", "L", "R", [Channel(("v", round(br, 1), round(al, 1)), (br + al) / 2, br, al)])
        if bt >= ab:
            choices = [("B", "T")]
        elif bb <= at:
            choices = [("T", "B")]
        else:  # a row: left-to-right over the top, right-to-left under it
            choices = [("T", "T"), ("B", "B")] if acx <= bcx else [("B", "B"), ("T", "T")]
        for a_side, b_side in choices:
            plan = self._three(s, t, a_side, b_side, acx, bcx)
            if plan is not None:
                return plan
        for a_side, b_side in choices:
            plan = self._five(s, t, a_side, b_side, acx, bcx)
            if plan is not None:
                return plan
        points = search_route(space, self.space.rects[s], self.space.rects[t])
        return Plan("free", points=points)

    def _edge_y(self, uid: str, side: str) -> float:
        left, top, right, bottom = self.space.rects[uid]
        return bottom if side == "B" else top

    def _three(self, s: str, t: str, a_side: str, b_side: str, acx: float, bcx: float) -> Plan | None:
        a_lo, a_hi = self._gap(s, a_side)
        b_lo, b_hi = self._gap(t, b_side)
        lo, hi = max(a_lo, b_lo), min(a_hi, b_hi)
        if hi - lo < 2 * CLEAR:
            return None
        space = self.space
        # In a deep gap, first try just beside either card (the row gap next to it).
        tries = [(lo + hi) / 2]
        if hi - lo > 2 * DEFAULT_GAP:
            near_a = a_lo + DEFAULT_GAP / 2 if a_side == "B" else a_hi - DEFAULT_GAP / 2
            near_b = b_lo + DEFAULT_GAP / 2 if b_side == "B" else b_hi - DEFAULT_GAP / 2
            tries = [near_b, near_a, tries[0]]
        rects = space.rects
        a_edge = rects[s][3] if a_side == "B" else rects[s][1]
        b_edge = rects[t][3] if b_side == "B" else rects[t][1]
        for y in tries:
            if space.h_free(y, acx, bcx) and space.v_free(acx, a_edge, y) and space.v_free(bcx, y, b_edge):
                low, high = max(lo, y - DEFAULT_GAP / 2), min(hi, y + DEFAULT_GAP / 2)
                return Plan("v3", a_side, b_side, [Channel(("h", round(low, 1), round(high, 1)), y, low, high)])
        return None

    def _five(self, s: str, t: str, a_side: str, b_side: str, acx: float, bcx: float) -> Plan | None:
        a_lo, a_hi = self._near_gap(s, a_side)
        b_lo, b_hi = self._near_gap(t, b_side)
        if a_hi - a_lo < 2 * CLEAR or b_hi - b_lo < 2 * CLEAR:
            return None
        y1, y2 = (a_lo + a_hi) / 2, (b_lo + b_hi) / 2
        space = self.space
        x, lo, hi = space.channel(y1, y2, (acx + bcx) / 2)
        if not (space.h_free(y1, acx, x) and space.h_free(y2, x, bcx) and space.v_free(x, y1, y2)
                and space.v_free(acx, self._edge_y(s, a_side), y1) and space.v_free(bcx, y2, self._edge_y(t, b_side))):
            return None
        return Plan("v5", a_side, b_side, [
            Channel(("h", round(a_lo, 1), round(a_hi, 1)), y1, a_lo, a_hi),
            Channel(("v", round(lo, 1), round(hi, 1)), x, lo, hi),
            Channel(("h", round(b_lo, 1), round(b_hi, 1)), y2, b_lo, b_hi),
        ])

    def _near_gap(self, uid: str, side: str) -> tuple[float, float]:
        """The part of a card's gap next to it, at most DEFAULT_GAP deep."""
        lo, hi = self._gap(uid, side)
        return (lo, min(hi, lo + DEFAULT_GAP)) if side == "B" else (max(lo, hi - DEFAULT_GAP), hi)

    # -- bookkeeping -------------------------------------------------------------------------

    def _add_plan(self, key: Key, plan: Plan) -> None:
        self.plans[key] = plan
        if plan.kind != "free":
            self._sides.setdefault((key[0], plan.a_side), set()).add(key)
            self._sides.setdefault((key[1], plan.b_side), set()).add(key)
        for index, channel in enumerate(plan.channels):
            self._tracks.add(channel.key, (key, index))

    def _drop(self, key: Key) -> tuple[set[tuple[str, str]], set[ChannelKey]]:
        plan = self.plans.pop(key, None)
        self._runs.remove(key, self.routes.pop(key, None))
        sides: set[tuple[str, str]] = set()
        groups: set[ChannelKey] = set()
        if plan is None:
            return sides, groups
        if plan.kind != "free":
            for side in ((key[0], plan.a_side), (key[1], plan.b_side)):
                members = self._sides.get(side)
                if members is not None:
                    members.discard(key)
                    sides.add(side)
            self._ports[0].pop(key, None)
            self._ports[1].pop(key, None)
        for index, channel in enumerate(plan.channels):
            if self._tracks.remove(channel.key, (key, index)):
                groups.add(channel.key)
        return sides, groups

    def _replan(self, keys: set[Key]) -> dict[Key, list[Point]]:
        corners = self.space.corners
        keys = {key for key in keys if key[0] in corners and key[1] in corners}
        sides: set[tuple[str, str]] = set()
        groups: set[ChannelKey] = set()
        for key in keys:
            old_sides, old_groups = self._drop(key)
            sides |= old_sides
            groups |= old_groups
        for key in keys:
            plan = self._plan(key)
            self._add_plan(key, plan)
            if plan.kind != "free":
                sides |= {(key[0], plan.a_side), (key[1], plan.b_side)}
            groups |= {channel.key for channel in plan.channels}
        return self._refresh(keys, sides, groups)

    def _refresh(self, keys: set[Key], sides: set[tuple[str, str]], groups: set[ChannelKey]) -> dict[Key, list[Point]]:
        touched = set(keys)
        for side in sides:
            touched |= self._share_ports(side)
        for channel in groups:
            for member in self._tracks.unplaced(channel):
                self._tracks.place(channel, member, self._extent(*member))
                touched.add(member[0])
        changed = {}
        for key in touched:
            if key in self.plans:
                self._runs.remove(key, self.routes.get(key))
                route = self._assemble(key)
                self._runs.add(key, route)
                if self.routes.get(key) != route:
                    self.routes[key] = changed[key] = route
        return changed

    def _crossing(self, left: float, top: float, right: float, bottom: float) -> set[Key]:
        """Lines with a run through this rectangle (a card's new place)."""
        return self._runs.crossing(left, top, right, bottom)  # type: ignore[return-value]

    # -- ports and tracks ------------------------------------------------------------------

    def _share_ports(self, side: tuple[str, str]) -> set[Key]:
        """Spread the lines on one side of a card along it; returns those whose port moved.

        They go in the order of where each goes after leaving the card: the other card's
        middle (a "side" line: its middle height), or a five-run line's vertical channel."""
        uid, which = side
        members = self._sides.get(side)
        rects = self.space.rects
        if not members or uid not in rects:
            return set()
        left, top, right, bottom = rects[uid]
        start, length = (left, right - left) if which in "TB" else (top, bottom - top)
        plans = self.plans
        order = []
        for key in members:
            a, b = key
            plan = plans[key]
            kind = plan.kind
            if kind == "v5":
                toward = plan.channels[1].base
            else:
                other = rects[b if a == uid else a]
                toward = (other[1] + other[3]) / 2 if kind == "side" else (other[0] + other[2]) / 2
            # (min, max, end) tell the keys apart: the order never depends on the set's.
            order.append(((toward, a, b, a == uid) if a < b else (toward, b, a, a == uid), key))
        order.sort()
        n = len(order)
        slots = n + 1 if which in "TB" and n % 2 else n  # top and bottom keep the middle free
        usable = length - 2 * PORT_MARGIN
        base = start + PORT_MARGIN
        sources, targets = self._ports
        moved = set()
        for i, (_, key) in enumerate(order):
            position = base + usable * (i + 1) / (slots + 1)
            ports = sources if key[0] == uid else targets
            if ports.get(key) != position:
                ports[key] = position
                moved.add(key)
        return moved

    def _extent(self, key: Key, index: int) -> tuple[float, float]:
        """How far a channel's run reaches along it (from the plan's checked coordinates)."""
        plan = self.plans[key]
        c = plan.channels
        if plan.kind == "v5":
            if index == 0:
                a, b = self._ports[0].get(key, c[0].base), c[1].base
            elif index == 1:
                a, b = c[0].base, c[2].base
            else:
                a, b = c[1].base, self._ports[1].get(key, c[0].base)
        else:
            a, b = self._ports[0].get(key, c[0].base), self._ports[1].get(key, c[0].base)
        return (a, b) if a <= b else (b, a)

    def _assemble(self, key: Key) -> list[Point]:
        plan = self.plans[key]
        if plan.kind == "free":
            route = plan.points
        else:
            route = self._points(key, plan, nudged=True)
            # Runs into the top or bottom of a card lie in the gap beside it, wherever the port.
            trusted = plan.kind != "side"
            if not self._clear(route, trusted):
                route = self._points(key, plan, nudged=False)
        rects = self.space.rects
        return self._runs.separate(key, route, self.space.run_free, (rects[key[0]], rects[key[1]]),
                                   trusted_ends=plan.kind in ("v3", "v5"))

    def _points(self, key: Key, plan: Plan, nudged: bool) -> list[Point]:
        al, at, ar, ab = self.space.rects[key[0]]
        bl, bt, br, bb = self.space.rects[key[1]]
        c = plan.channels
        if nudged:
            pa, pb = self._ports[0][key], self._ports[1][key]
            t = [self._tracks.at(ch.key, (key, i)) for i, ch in enumerate(c)]
        else:
            if plan.kind == "side":
                pa = pb = (max(at, bt) + min(ab, bb)) / 2
            else:
                pa, pb = (al + ar) / 2, (bl + br) / 2
            t = [ch.base for ch in c]
        if plan.kind == "side":
            ax, bx = (ar, bl) if plan.a_side == "R" else (al, br)
            return simplify([(ax, pa), (t[0], pa), (t[0], pb), (bx, pb)])
        ay = ab if plan.a_side == "B" else at
        by = bb if plan.b_side == "B" else bt
        if plan.kind == "v3":
            return simplify([(pa, ay), (pa, t[0]), (pb, t[0]), (pb, by)])
        return simplify([(pa, ay), (pa, t[0]), (t[1], t[0]), (t[1], t[2]), (pb, t[2]), (pb, by)])

    def _clear(self, route: list[Point], trusted_ends: bool) -> bool:
        run_free = self.space.run_free
        if trusted_ends:
            return all(run_free(route[i], route[i + 1]) for i in range(1, len(route) - 2))
        return all(run_free(route[i], route[i + 1]) for i in range(len(route) - 1))

