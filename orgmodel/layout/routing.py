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

from bisect import bisect_left
from collections.abc import Iterable

from orgmodel.gcpause import gc_paused
from orgmodel.layout.routing_plans import DEFAULT_GAP, ChannelKey, Plan, Planner
from orgmodel.layout.routing_runs import RunIndex, simplify
from orgmodel.layout.routing_search import straight
from orgmodel.layout.routing_space import CLEAR, CardSpace
from orgmodel.layout.routing_tracks import Tracks

__all__ = ["DEFAULT_GAP", "PORT_MARGIN", "TRACK", "Plan", "Point", "Router", "simplify"]

Point = tuple[float, float]
Key = tuple[str, str]

TRACK = 6.0  #: distance between parallel tracks in a channel
PORT_MARGIN = 10.0  #: ports keep this far from the corners of a side


class Router:
    """Routes of the dependency lines between cards of one size; keeps what it needs to
    re-route a few lines when cards move or lines come and go."""

    def __init__(self, width: float, height: float) -> None:
        self.w, self.h = width, height
        self.space = CardSpace(width, height)
        self.routes: dict[Key, list[Point]] = {}
        self.plans: dict[Key, Plan] = {}
        #: each card's lines, and the lines on each side of a card ((card, side) -> lines): lists,
        #: not sets, as most hold a few lines (a small set takes 216 bytes, a list of four 88;
        #: 150,000 of them at 50,000 units)
        self._of_card: dict[str, list[Key]] = {}
        self._sides: dict[tuple[str, str], list[Key]] = {}
        #: the port of each end of a line along its card's side (0: source, 1: target)
        self._ports: tuple[dict[Key, float], dict[Key, float]] = ({}, {})
        self._tracks = Tracks(CLEAR, TRACK)
        self._runs = RunIndex()
        self._planner = Planner(self.space)
        #: An editor's incremental re-routing leaves the lines that need the grid search
        #: (slow: tens of milliseconds to seconds each) for later, in :attr:`deferred`, with
        #: a straight stand-in route; :meth:`route_deferred` routes them. ``route_all`` never defers.
        self.defer_searches = False
        self.deferred: set[Key] = set()

    # -- public ----------------------------------------------------------------------------

    def route_all(self, corners: dict[str, tuple[float, float]], edges: Iterable[Key]) -> dict[Key, list[Point]]:
        """Route every line from scratch; returns ``{(source, target): points}``."""
        defer = self.defer_searches
        self.__init__(self.w, self.h)  # type: ignore[misc]
        self.defer_searches = defer
        # Millions of small objects and no cycles: the collector would rescan them all, ever
        # more often as they grow (measured: routing 50,000 units took twice as long). They
        # last as long as the router: kept, they go straight to the oldest generation, or the
        # first allocation after the pause scans them all as young (0.35 s at 10,000 units).
        with gc_paused(keep=True):
            self.space.set_all(corners)
            keys = list(dict.fromkeys(key for key in edges if key[0] in corners and key[1] in corners and key[0] != key[1]))
            of_card, plan, plans, sides = self._of_card, self._planner.plan, self.plans, self._sides
            self._planner.batch(True)
            for key in keys:
                s, t = key
                lines = of_card.get(s)
                if lines is None:
                    of_card[s] = [key]
                else:
                    lines.append(key)
                lines = of_card.get(t)
                if lines is None:
                    of_card[t] = [key]
                else:
                    lines.append(key)
                line_plan = plans[key] = plan(s, t)
                if line_plan.kind != "free":
                    for side in ((s, line_plan.a_side), (t, line_plan.b_side)):
                        members = sides.get(side)
                        if members is None:
                            sides[side] = [key]
                        else:
                            members.append(key)
            self._planner.batch(False)
            for side in sides:
                self._share_ports(side)
            # Where each line's runs lie in its channels, as Tracks.at_each answers, in bulk.
            nudges = {key: [0.0, 0.0, 0.0] for key in keys}
            for channel, entries in self._lay_extents(keys).items():
                tracks = self._tracks.lay_every(channel, entries)
                positions = self._tracks.positions(channel)
                count, first = len(positions), positions[0]
                for (_, _, (key, index)), track in zip(entries, tracks):
                    nudges[key][index] = positions[track % count] if track > 0 else first
            self._runs.defer_sorting()
            routes, assemble = self.routes, self._assemble
            for key in keys:
                routes[key] = assemble(key, nudges[key])
            self.space.forget_channels()
            return dict(routes)

    def move(self, corners: dict[str, tuple[float, float]]) -> dict[Key, list[Point]]:
        """Cards moved to these top-left corners: the routes that changed."""
        cards: set[str] = set()
        for uid, (x, y) in corners.items():
            if uid in self.space.corners:
                cards |= self.space.move(uid, x, y)
        self._forget_gaps(cards)
        keys: set[Key] = set()
        for uid in cards:
            keys.update(self._of_card.get(uid, ()))
        for uid in corners:
            if uid in self.space.corners:
                x, y = self.space.corners[uid]
                keys |= self._crossing(x, y, x + self.w, y + self.h)
        return self._replan(keys)

    def route_deferred(self, most: int = 1) -> dict[Key, list[Point]]:
        """Route up to ``most`` of the :attr:`deferred` lines now (with the search); the
        routes that changed."""
        keys: set[Key] = set()
        while self.deferred and len(keys) < most:
            keys.add(self.deferred.pop())
        defer, self.defer_searches = self.defer_searches, False
        try:
            changed = self._replan(keys)
        finally:
            self.defer_searches = defer
        for key in keys:  # routed now, even where the search found no better than the stand-in
            if key in self.routes:
                changed.setdefault(key, self.routes[key])
        return changed

    def route_one(self, source: str, target: str, search: bool = True) -> list[Point] | None:
        """A route between two cards that crosses no card, with neither ports nor tracks of its
        own (for a reporting line whose org-chart elbow would cross one); without ``search``,
        None where only the grid search would find one."""
        plan = self._planner.plan(source, target, search)
        if plan is None:
            return None
        return plan.points if plan.kind == "free" else self._points((source, target), plan, nudged=False)

    def clear_of_cards(self, points: list[Point]) -> bool:
        """No run of these points (axis-parallel) crosses a card's interior."""
        return self._clear(points, trusted_ends=False)

    def add_card(self, uid: str, x: float, y: float) -> dict[Key, list[Point]]:
        cards = self.space.move(uid, x, y)
        self._forget_gaps(cards)
        keys = self._crossing(x, y, x + self.w, y + self.h)
        for card in cards:
            keys.update(self._of_card.get(card, ()))
        return self._replan(keys)

    def remove_card(self, uid: str) -> dict[Key, list[Point] | None]:
        """A card and its lines go; returns the changed routes (None: gone)."""
        gone: dict[Key, list[Point] | None] = {key: None for key in self._of_card.get(uid, ())}
        for key in gone:
            self._drop(key)
            self._forget_line(key)
        if uid in self.space.corners:
            cards = self.space.move(uid, None, None)  # type: ignore[arg-type]
            self._forget_gaps(cards)
            keys: set[Key] = set()
            for card in cards:
                keys.update(self._of_card.get(card, ()))
            gone.update(self._replan(keys))
        self._of_card.pop(uid, None)
        return gone

    def add_line(self, key: Key) -> dict[Key, list[Point]]:
        if key[0] not in self.space.corners or key[1] not in self.space.corners or key[0] == key[1]:
            return {}
        for uid in key:
            lines = self._of_card.setdefault(uid, [])
            if key not in lines:
                lines.append(key)
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
            if lines is not None and key in lines:
                lines.remove(key)

    # -- planning ----------------------------------------------------------------------------

    def _gap(self, uid: str, side: str) -> tuple[float, float]:
        """The free band beside the top or bottom of a card."""
        return self._planner.gap(uid, side)

    def _forget_gaps(self, cards: Iterable[str]) -> None:
        for uid in cards:
            self._planner.forget(uid)

    def _plan(self, key: Key) -> Plan:
        plan = self._planner.plan(key[0], key[1], search=not self.defer_searches)
        if plan is None:  # left for route_deferred: a stand-in meanwhile
            self.deferred.add(key)
            rects = self.space.rects
            return Plan("free", "", "", (), straight(rects[key[0]], rects[key[1]]))
        return plan

    # -- bookkeeping -------------------------------------------------------------------------

    def _add_plan(self, key: Key, plan: Plan) -> None:
        self.plans[key] = plan
        if plan.kind != "free":
            sides = self._sides
            for side in ((key[0], plan.a_side), (key[1], plan.b_side)):
                members = sides.get(side)
                if members is None:
                    sides[side] = [key]
                elif key not in members:
                    members.append(key)
        for index, (channel, _) in enumerate(plan.channels):
            self._tracks.add(channel, (key, index))

    def _drop(self, key: Key) -> tuple[set[tuple[str, str]], set[ChannelKey]]:
        self.deferred.discard(key)
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
                    if key in members:
                        members.remove(key)
                    sides.add(side)
            self._ports[0].pop(key, None)
            self._ports[1].pop(key, None)
        for index, (channel, _) in enumerate(plan.channels):
            if self._tracks.remove(channel, (key, index)):
                groups.add(channel)
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
            groups |= {channel for channel, _ in plan.channels}
        return self._refresh(keys, sides, groups)

    def _refresh(self, keys: set[Key], sides: set[tuple[str, str]], groups: set[ChannelKey]) -> dict[Key, list[Point]]:
        touched = set(keys)
        for side in sides:
            touched |= self._share_ports(side)
        for channel in groups:
            for member in self._tracks.unplaced(channel):
                self._tracks.place(channel, member, self._extent(member))
                touched.add(member[0])
        changed = {}
        for key in touched:
            if key in self.plans:
                self._runs.remove(key, self.routes.get(key))
                route = self._assemble(key)
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
        order: list[tuple[object, Key]] = []
        for key in members if len(members) > 1 else ():  # one line: nothing to order
            a, b = key
            plan = plans[key]
            kind = plan.kind
            if kind == "v5":
                toward = plan.channels[1][1]
            else:
                other = rects[b if a == uid else a]
                toward = (other[1] + other[3]) / 2 if kind == "side" else (other[0] + other[2]) / 2
            # (min, max, end) tell the keys apart: the order never depends on the set's.
            order.append(((toward, a, b, a == uid) if a < b else (toward, b, a, a == uid), key))
        order.sort()
        if not order:
            order = [(None, next(iter(members)))]
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

    def _extent(self, member: tuple[Key, int]) -> tuple[float, float]:
        """How far a line's run in a channel (the line and the channel's index in its plan)
        reaches along it (from the plan's checked coordinates)."""
        lo, hi, _ = self._extents([member])[0]
        return lo, hi

    def _lay_extents(self, keys: list[Key]) -> dict[ChannelKey, list[tuple[float, float, tuple[Key, int]]]]:
        """Each channel's runs as :meth:`_extents` gives them, in the order the lines come
        (and each line's runs in its plan's order): every line's plan and ports looked up
        once, not once per run."""
        plans = self.plans
        sources, targets = self._ports
        channels: dict[ChannelKey, list[tuple[float, float, tuple[Key, int]]]] = {}
        for key in keys:
            kind, _, _, c, _ = plans[key]
            if kind == "v5":
                (first, y1), (middle, x), (last, y2) = c
                runs = ((first, sources.get(key, y1), x, 0), (middle, y1, y2, 1), (last, x, targets.get(key, y1), 2))
            elif c:
                ((first, base),) = c
                runs = ((first, sources.get(key, base), targets.get(key, base), 0),)
            else:
                continue
            for channel, a, b, index in runs:
                entry = (a, b, (key, index)) if a <= b else (b, a, (key, index))
                laid = channels.get(channel)
                if laid is None:
                    channels[channel] = [entry]
                else:
                    laid.append(entry)
        return channels

    def _extents(self, members: list[tuple[Key, int]]) -> list[tuple[float, float, tuple[Key, int]]]:
        """(start, end, member) of each of these runs, as :meth:`_extent`."""
        plans = self.plans
        sources, targets = self._ports
        out = []
        for member in members:
            key, index = member
            kind, _, _, c, _ = plans[key]
            if kind == "v5":
                if index == 0:
                    a, b = sources.get(key, c[0][1]), c[1][1]
                elif index == 1:
                    a, b = c[0][1], c[2][1]
                else:
                    a, b = c[1][1], targets.get(key, c[0][1])
            else:
                a, b = sources.get(key, c[0][1]), targets.get(key, c[0][1])
            out.append((a, b, member) if a <= b else (b, a, member))
        return out

    def _assemble(self, key: Key, tracks: list[float] | None = None) -> list[Point]:
        """The line's route from its plan, ports and tracks (``tracks``: where its runs lie
        in its channels, if known), its runs added to the run index."""
        plan = self.plans[key]
        kind = plan.kind
        if kind == "free":
            route = plan.points
        else:
            route = self._points(key, plan, nudged=True, tracks=tracks)
            # Runs into the top or bottom of a card lie in the gap beside it, wherever the port.
            if not self._clear(route, kind != "side"):
                route = self._points(key, plan, nudged=False)
        rects = self.space.rects
        return self._runs.settle(key, route, self.space.run_free, (rects[key[0]], rects[key[1]]),
                                   trusted_ends=kind != "side" and kind != "free")

    def _points(self, key: Key, plan: Plan, nudged: bool, tracks: list[float] | None = None) -> list[Point]:
        rects = self.space.rects
        al, at, ar, ab = rects[key[0]]
        bl, bt, br, bb = rects[key[1]]
        kind, a_side, b_side, c, _ = plan
        if nudged:
            pa, pb = self._ports[0][key], self._ports[1][key]
            t = tracks if tracks is not None else self._tracks.at_each(key, c)
        else:
            if kind == "side":
                pa = pb = (max(at, bt) + min(ab, bb)) / 2
            else:
                pa, pb = (al + ar) / 2, (bl + br) / 2
            t = [base for _, base in c]
        # Where each run has length and turns, simplify would keep every point: not asked.
        if kind == "side":
            ax, bx = (ar, bl) if a_side == "R" else (al, br)
            t0 = t[0]
            points = [(ax, pa), (t0, pa), (t0, pb), (bx, pb)]
            return points if ax != t0 and pa != pb and t0 != bx else simplify(points)
        ay = ab if a_side == "B" else at
        by = bb if b_side == "B" else bt
        if kind == "v3":
            t0 = t[0]
            points = [(pa, ay), (pa, t0), (pb, t0), (pb, by)]
            return points if ay != t0 and pa != pb and t0 != by else simplify(points)
        t0, t1, t2 = t[0], t[1], t[2]
        points = [(pa, ay), (pa, t0), (t1, t0), (t1, t2), (pb, t2), (pb, by)]
        return points if ay != t0 and pa != t1 and t0 != t2 and t1 != pb and t2 != by else simplify(points)

    def _clear(self, route: list[Point], trusted_ends: bool) -> bool:
        """No run of the route meets a card (with ``trusted_ends``, its first and last runs
        are not asked)."""
        space = self.space
        row, column, row_at, column_at = space.row, space.column, space._row_at, space._column_at
        first, last = (1, len(route) - 2) if trusted_ends else (0, len(route) - 1)
        x0, y0 = route[first] if first < len(route) else (0.0, 0.0)
        for x1, y1 in route[first + 1:last + 1]:
            if y0 == y1:
                lo, hi = (x0, x1) if x0 <= x1 else (x1, x0)
                starts, ends = row_at.get(y0) or row(y0)
            elif x0 == x1:
                lo, hi = (y0, y1) if y0 <= y1 else (y1, y0)
                starts, ends = column_at.get(x0) or column(x0)
            else:
                return False
            i = bisect_left(starts, hi) - 1
            if i >= 0 and ends[i] > lo:
                return False
            x0, y0 = x1, y1
        return True
