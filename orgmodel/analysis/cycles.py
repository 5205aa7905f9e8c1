"""The dependency cycles of a live analysis, kept exact edit by edit.

A cycle is a strongly connected component of more than one unit. :class:`Cycles` knows each
cycle's members and the units outside it that its members depend on (``xsucc``) or that
depend on its members (``xpred``), so that the walks of :mod:`orgmodel.analysis.propagation`
take a cycle as one node and never run around the inside of a 5,000-unit back-office cycle.

It follows the two edits that change cycles: an added dependency that closes one (the
components on the paths back merge: :meth:`Cycles.path_components`, :meth:`Cycles.merge`)
and a removed dependency inside one (it may fall apart: :meth:`Cycles.cut`,
:meth:`Cycles.split`). Everything else leaves the cycles as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain, filterfalse

from orgmodel.analysis.kernel import Condensation

Adjacency = dict[str, dict[str, None]]


class Cycles:
    """The cycles of one dependency graph, by key (an int never reused).

    It reads, never changes, the live analysis's adjacency (``succ``, ``pred``), values
    (``reach``, ``up``) and bit maps (``back_bit``, ``rev_bit``); it owns ``of``, ``members``,
    ``xsucc``, ``xpred`` and the cached own bits of each cycle (``cown``, one map per
    direction), and changes them only in place, so their holders always see the current
    state.

    >>> succ = {"a": {"b": None}, "b": {"a": None, "c": None}, "c": {}}
    >>> pred = {"a": {"b": None}, "b": {"a": None}, "c": {"b": None}}
    >>> cycles = Cycles(succ, pred, dict.fromkeys(succ, 0), dict.fromkeys(succ, 0), {}, {})
    >>> key = cycles.add(["a", "b"])
    >>> cycles.sorted(), cycles.xsucc[key], cycles.of["a"] == cycles.of["b"] == key
    ([['a', 'b']], {'c'}, True)
    >>> cycles.reaches("a", "c"), cycles.reaches("c", "a")
    (True, False)
    """

    __slots__ = (
        "succ", "pred", "reach", "up", "back_bit", "rev_bit", "own", "cown", "of", "members", "xsucc", "xpred",
        "_next", "_sorted",
    )

    def __init__(
        self,
        succ: Adjacency,
        pred: Adjacency,
        reach: dict[str, int],
        up: dict[str, int],
        back_bit: dict[str, int],
        rev_bit: dict[str, int],
    ) -> None:
        self.succ, self.pred, self.reach, self.up = succ, pred, reach, up
        self.back_bit, self.rev_bit = back_bit, rev_bit
        #: The own bits of each direction (support: back office; impact: revenue).
        self.own = (back_bit, rev_bit)
        #: The own bits of the members of a cycle, by key, per direction: filled when needed.
        self.cown: tuple[dict[int, int], dict[int, int]] = ({}, {})
        #: The key of the cycle each unit is in (units in no cycle are absent).
        self.of: dict[str, int] = {}
        self.members: dict[int, set[str]] = {}
        #: The units outside each cycle that its members depend on / that depend on them.
        self.xsucc: dict[int, set[str]] = {}
        self.xpred: dict[int, set[str]] = {}
        self._next = 0
        self._sorted: list[list[str]] | None = None

    def sorted(self) -> list[list[str]]:
        """The members of every cycle, each sorted, sorted (cached: do not change it)."""
        if self._sorted is None:
            self._sorted = sorted(sorted(group) for group in self.members.values())
        return self._sorted

    def add(self, members: Iterable[str]) -> int:
        key = self._next
        self._next += 1
        group = self.members[key] = set(members)
        cycle_of = self.of
        for uid in group:
            cycle_of[uid] = key
        succ, pred = self.succ, self.pred
        self.xsucc[key] = set().union(*[succ[uid] for uid in group]) - group
        self.xpred[key] = set().union(*[pred[uid] for uid in group]) - group
        self._sorted = None
        return key

    def closes_cycle(self, a: str, b: str) -> bool:
        """Whether the new edge ``a -> b`` (a and b in different components) closes a cycle,
        that is whether b reached a; called before any value changes."""
        reach, up = self.reach, self.up
        bit_a, rbit_b = self.back_bit.get(a, 0), self.rev_bit.get(b, 0)
        # If b reached a, b would reach all a reaches and a itself, and be reached by all
        # that reaches b and b itself. Where a is back office (or b revenue-generating) that
        # test is exact; elsewhere a walk decides.
        if (reach[a] | bit_a) & ~reach[b] or (up[b] | rbit_b) & ~up[a]:
            return False
        if bit_a or rbit_b:
            return True
        return self.reaches(b, a)

    def path_components(self, a: str, b: str) -> tuple[list[str], list[int], set[str] | None]:
        """The components on the paths ``b ~> a``: the units in no cycle and the cycle keys;
        and the units that the components other than a's depend on (None if not collected).

        Walks forward from b, a layer at a time (following edges in set operations), through
        the units that may reach a. When a's component holds a back-office unit, its bit
        tells exactly which units reach a, and the walk finds just the components on the
        paths; otherwise a second walk back from a keeps those among the ones found.
        """
        cycle_of, reach, members = self.of, self.reach, self.members
        succ, xsucc = self.succ, self.xsucc
        back_bit = self.back_bit
        home = cycle_of.get(a, a)
        need = reach[a] | back_bit.get(a, 0)  # reaching a means reaching all this
        mark = a if a in back_bit else None
        if mark is None and isinstance(home, int):
            mark = next((m for m in members[home] if m in back_bit), None)
        bit = back_bit[mark] if mark is not None else 0
        k = bit.bit_length() - 1
        shift = k >= need.bit_length() >> 1  # test the bit with the smaller intermediate
        singles: list[str] = []  # units in no cycle found
        cycles: dict[int, str] = {}  # cycles found, each with the unit it was found through
        seen: set[str] = set()  # units found (all members of a cycle found), or refused
        kb = cycle_of.get(b)
        if kb is None:
            singles.append(b)
            seen.add(b)
        else:
            cycles[kb] = b
            seen.update(members[kb])
        layer = [b]  # found, to be followed further (a's component never is: it is the goal)
        below: set[str] = set()
        while layer:
            ahead = set(chain.from_iterable(map(succ.__getitem__, filterfalse(cycle_of.__contains__, layer))))
            for v in filter(cycle_of.__contains__, layer):
                ahead |= xsucc[cycle_of[v]]
            below |= ahead
            layer = []
            for w in ahead - seen:  # not ``-=``: that would run over all of ``seen`` each time
                kw = cycle_of.get(w)
                if kw is None:  # most units are in no cycle
                    seen.add(w)
                    if w == a:
                        singles.append(a)
                        continue
                else:
                    if kw in cycles:
                        continue
                    seen.update(members[kw])
                    if kw == home:
                        cycles[kw] = w
                        continue
                # Does w's component reach a? (Inline, not a function: this runs per unit.)
                r = reach[w]
                if mark is None:
                    if r | need != r:
                        continue
                elif not (r >> k & 1 if shift else r & bit):
                    continue
                if kw is None:
                    singles.append(w)
                else:
                    cycles[kw] = w
                layer.append(w)
        if mark is not None:
            return singles, list(cycles), below
        inside = set(singles)
        for key in cycles:
            inside.update(members[key])
        pred, xpred = self.pred, self.xpred
        on_singles: list[str] = [] if isinstance(home, int) else [a]
        on_cycles: list[int] = [home] if isinstance(home, int) else []
        done: set[str] = set(members[home]) if isinstance(home, int) else {a}
        layer = [a]
        while layer:
            behind: set[str] = set()
            for v in layer:
                key = cycle_of.get(v)
                behind.update(pred[v] if key is None else xpred[key])
            layer = []
            for p in (behind & inside) - done:
                if p in done:  # another member of a cycle taken in this layer
                    continue
                kp = cycle_of.get(p)
                if kp is None:
                    on_singles.append(p)
                    done.add(p)
                else:
                    on_cycles.append(kp)
                    done.update(members[kp])
                layer.append(p)
        return on_singles, on_cycles, None

    def merge(
        self, a: str, singles: list[str], cycle_keys: list[int], below: set[str] | None
    ) -> tuple[int, list[str], set[str] | None]:
        """Make one cycle of the units ``singles`` and the cycles ``cycle_keys`` (the latter
        grow the largest in place); ``below`` holds what all but a's component depend on, if
        known.

        Returns the cycle's key, the units that joined it, and its members from before (None
        when the cycle is new)."""
        home = self.of.get(a)
        home_below = self.succ[a] if home is None else self.xsucc[home]
        members, cycle_of = self.members, self.of
        old = None
        if cycle_keys:
            key = max(cycle_keys, key=lambda k: len(members[k]))
            old = set(members[key])
        else:
            key = self._next
            self._next += 1
            members[key], self.xsucc[key], self.xpred[key] = set(), set(), set()
        newcomers = list(singles)
        for k in cycle_keys:
            if k != key:
                newcomers.extend(members.pop(k))
                del self.xsucc[k], self.xpred[k]
                for cown in self.cown:
                    cown.pop(k, None)
        for own, cown in zip(self.own, self.cown):
            mine = cown.get(key)
            if mine is not None:
                if len(newcomers) > 64:
                    del cown[key]  # cheaper to find again if ever needed
                else:
                    for uid in newcomers:
                        mine |= own.get(uid, 0)
                    cown[key] = mine
        group = members[key]
        group.update(newcomers)
        cycle_of.update(dict.fromkeys(newcomers, key))
        succ, pred = self.succ, self.pred
        xs, xp = self.xsucc[key], self.xpred[key]
        if below is None:
            xs.update(chain.from_iterable(map(succ.__getitem__, newcomers)))
        else:  # the walk that found the components has collected this already
            xs |= below
            if home != key:
                xs.update(home_below)
        xs -= group
        xp.update(chain.from_iterable(map(pred.__getitem__, newcomers)))
        xp -= group
        self._sorted = None
        return key, newcomers, old

    def split(self, key: int, pivot: str) -> list[list[str]]:
        """Replace cycle ``key``, which lost an inner edge, by the components of what is left.

        The component of ``pivot`` is what the cycle reaches from it and what reaches it
        (two walks in set operations); it keeps the key. The rest, usually a few units, goes
        through Tarjan's algorithm. Returns the components."""
        succ, pred, cycle_of = self.succ, self.pred, self.of
        group = self.members[key]
        core = self.within(pivot, succ, group) & self.within(pivot, pred, group)
        rest = group - core
        for uid in rest:
            del cycle_of[uid]
        parts: list[list[str]] = []
        if len(core) > 1:
            self.members[key] = core
            for x, out, inn in ((self.xsucc[key], succ, pred), (self.xpred[key], pred, succ)):
                # Only the rest and its neighbours can have changed sides.
                for w in (set(chain.from_iterable(map(out.__getitem__, rest))) | rest) - core:
                    if any(cycle_of.get(p) == key for p in inn[w]):
                        x.add(w)
                    else:
                        x.discard(w)
            for own, cown in zip(self.own, self.cown):
                mine = cown.get(key)
                if mine is not None:
                    for uid in rest:
                        mine &= ~own.get(uid, 0)
                    cown[key] = mine
            parts.append(list(core))
        else:
            del self.members[key], self.xsucc[key], self.xpred[key]
            for cown in self.cown:
                cown.pop(key, None)
            del cycle_of[pivot]
            rest.add(pivot)
        left = list(rest)
        condensed = Condensation(left, {uid: [w for w in succ[uid] if w in rest] for uid in left})
        pieces = [[left[v] for v in group] for group in condensed.members]
        for piece in pieces:
            if len(piece) > 1:
                self.add(piece)
        self._sorted = None
        return parts + pieces

    def reaches(self, source: str, target: str) -> bool:
        """Whether ``target`` can be reached from ``source`` (bidirectional breadth first,
        cycles taken as single nodes)."""
        cycle_of, succ, pred, xsucc, xpred = self.of, self.succ, self.pred, self.xsucc, self.xpred
        ahead, behind = {cycle_of.get(source, source)}, {cycle_of.get(target, target)}
        if ahead == behind:
            return True
        front, back = [source], [target]
        while front and back:
            forward = len(front) <= len(back)
            near, far = (ahead, behind) if forward else (behind, ahead)
            layer = []
            for v in front if forward else back:
                key = cycle_of.get(v)
                if forward:
                    neighbours = succ[v] if key is None else xsucc[key]
                else:
                    neighbours = pred[v] if key is None else xpred[key]
                for w in neighbours:
                    kw = cycle_of.get(w, w)
                    if kw in far:
                        return True
                    if kw not in near:
                        near.add(kw)
                        layer.append(w)
            if forward:
                front = layer
            else:
                back = layer
        return False

    def cut(self, source: str, target: str, key: int) -> str | None:
        """After the edge ``source -> target`` inside cycle ``key`` was removed: ``None`` if
        source still reaches target (a path between them cannot leave the cycle), else the
        one of the two that lies in the larger part of what is left.

        Searches from both ends at once and stops when one search runs dry: the end whose
        search ran dry sits in a small part, cut off from the other end.
        """
        cycle_of = self.of
        ahead, behind = {source}, {target}
        front, back = [source], [target]
        while front and back:
            forward = len(front) <= len(back)
            adjacency = self.succ if forward else self.pred
            near, far = (ahead, behind) if forward else (behind, ahead)
            layer = []
            for v in front if forward else back:
                for w in adjacency[v]:
                    if w in far:
                        return None
                    if w not in near and cycle_of.get(w) == key:
                        near.add(w)
                        layer.append(w)
            if forward:
                front = layer
            else:
                back = layer
        return target if not front else source

    def within(self, start: str, adjacency: Adjacency, group: set[str]) -> set[str]:
        """The units of ``group`` reachable from ``start`` along ``adjacency`` inside it."""
        seen = {start}
        layer = [start]
        while layer:
            ahead = set(chain.from_iterable(map(adjacency.__getitem__, layer)))
            ahead &= group
            layer = list(ahead - seen)
            seen.update(layer)
        return seen
