"""The walks that keep a live analysis's values current after an edit, in one direction.

Every walk takes a cycle as one node (:class:`orgmodel.analysis.cycles.Cycles`) and stops
where a value comes out as it was: an edit costs what it changes, never a full pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from heapq import heapify, heappop, heappush
from itertools import chain, compress, filterfalse, repeat
from operator import ne, or_

from orgmodel.analysis.cycles import Cycles


class Side:
    """One direction of the live analysis and the walks that keep its values current, so
    that one piece of code serves both directions.

    Support: ``values`` is ``reach`` (back-office bits below a unit), ``out`` the successors,
    ``own`` the back-office bits, and a change is reported for revenue units (``report``).
    Impact: ``values`` is ``up`` (revenue bits above a unit), ``out`` the predecessors, ``own``
    the revenue bits, and a change is reported for back-office units.
    """

    __slots__ = (
        "values", "out", "xout", "inn", "xinn", "own", "report", "cown", "sign", "cycles", "cycle_of", "members", "rank",
    )

    def __init__(self, values: dict[str, int], cycles: Cycles, rank: dict[str, int], support: bool) -> None:
        #: Each unit's value (``reach`` or ``up``).
        self.values = values
        #: The cycles, shared by both directions (and two of their maps, read on every step).
        self.cycles, self.cycle_of, self.members = cycles, cycles.of, cycles.members
        #: Each unit's place in Tarjan's order (sinks first) at the last full build.
        self.rank = rank
        i = 0 if support else 1
        self.out, self.inn = (cycles.succ, cycles.pred) if support else (cycles.pred, cycles.succ)
        self.xout, self.xinn = (cycles.xsucc, cycles.xpred) if support else (cycles.xpred, cycles.xsucc)
        self.own, self.report = cycles.own[i], cycles.own[1 - i]
        #: The own bits of the members of a cycle, by cycle key: filled when needed.
        self.cown = cycles.cown[i]
        #: 1 if values flow from sinks to sources (support), -1 the other way (impact).
        self.sign = 1 if support else -1

    # Which reported units changed: a unit's own bit never counts for its own answer. A
    # value changes by its unit's own bit alone only when the unit joins a cycle (see
    # assign_merged), leaves one (it is then in no cycle: see assign), or changes office or
    # revenue flag (LiveAnalysis reports it anyway). A cycle keeps its members' bits.

    def assign_cycle(self, key: int, new: int, changed: list[str]) -> set[str]:
        """Give every member of cycle ``key`` the value ``new``; return the units outside
        whose values are computed from it."""
        group = self.members[key]
        self.values.update(dict.fromkeys(group, new))
        changed.extend(group & self.report.keys())
        return self.xinn[key]

    def assign(self, v: str, old: int, new: int, changed: list[str]) -> Iterable[str]:
        """Give ``v`` (its whole cycle, if it is in one) the value ``new`` in place of
        ``old``; return the units whose value is computed from it."""
        key = self.cycle_of.get(v)
        if key is not None:
            return self.assign_cycle(key, new, changed)
        self.values[v] = new
        if v in self.report and old ^ new != self.own.get(v, 0):
            changed.append(v)
        return self.inn[v]

    def assign_merged(
        self, key: int, newcomers: list[str], old_members: set[str] | None, new: int, changed: set[str]
    ) -> None:
        """Give the value ``new`` to every member of the cycle ``key`` just grown from
        ``old_members`` (which shared one value) and ``newcomers`` (which did not)."""
        values, report, own = self.values, self.report, self.own
        reported = list(filter(report.__contains__, newcomers))
        if reported:
            # Values only grow here. A newcomer now reaches itself: if its own bit is all it
            # gained (it reached everything else already), its answer is the same.
            hits = list(compress(reported, map(ne, map(values.__getitem__, reported), repeat(new))))
            changed.update(filterfalse(own.__contains__, hits))
            changed.update(m for m in filter(own.__contains__, hits) if values[m] | own[m] != new)
        if old_members and values[next(iter(old_members))] != new:
            changed.update(old_members & report.keys())
        values.update(dict.fromkeys(self.members[key], new))

    def spread(self, starts: Iterable[str], add: int) -> list[str]:
        """OR ``add`` into the values of ``starts`` and of all that depends on them, stopping
        wherever it is there already (everything beyond has it too). Returns the reported
        units whose answer changed.

        A layer at a time, with the per-unit work in ``map``/``compress`` (C loops): an edit
        near the bottom of a large model can change thousands of units.
        """
        values, inn, report = self.values, self.inn, self.report
        cycle_of, get = self.cycle_of, self.values.__getitem__
        changed: list[str] = []
        layer = list(dict.fromkeys(starts))
        done = set(layer)  # each unit is looked at once: after that it has ``add``
        while layer:
            ahead: set[str] = set()
            if cycle_of:
                in_cycles = list(filter(cycle_of.__contains__, layer))
                if in_cycles:
                    layer = list(filterfalse(cycle_of.__contains__, layer))
                    for v in in_cycles:
                        old = values[v]
                        new = old | add
                        if new != old:
                            ahead.update(self.assign_cycle(cycle_of[v], new, changed))
            if layer:
                olds = list(map(get, layer))
                news = list(map(or_, olds, repeat(add)))
                grown = list(map(ne, news, olds))
                hits = list(compress(layer, grown))
                if hits:
                    # A unit in no cycle never reaches itself, so never gains its own bit.
                    changed.extend(filter(report.__contains__, hits))
                    values.update(zip(hits, compress(news, grown)))
                    ahead.update(chain.from_iterable(map(inn.__getitem__, hits)))
            layer = list(ahead - done)  # not ``-=``: that would run over all of ``done``
            done.update(layer)
        return changed

    def clear(self, starts: Iterable[str], bit: int) -> list[str]:
        """Clear ``bit`` in ``starts`` and in everything depending on them that has it."""
        values, assign, keep = self.values, self.assign, ~bit
        changed: list[str] = []
        stack = list(starts)
        pop, push = stack.pop, stack.extend
        while stack:
            v = pop()
            old = values[v]
            if old & bit:
                push(assign(v, old, old & keep, changed))
        return changed

    def shrink(self, starts: list[str]) -> list[str]:
        """After edges were removed: recompute the values of ``starts`` (one unit per
        component), then of whatever depends on a value that changed, until nothing changes.

        Values only shrink here and the cycles are exact, so the walk settles on the one
        solution (a cycle's value is its members' own bits and all its outside neighbours
        have). Units wait in a heap ordered by their place in the order Tarjan's algorithm
        gave at the last full build, sinks first (sources first for impact): while that
        order still holds, each unit is recomputed once, after all it depends on; where
        edits have made it stale, a unit is merely recomputed again. Returns the reported
        units whose answer changed.
        """
        values, cycle_of, members = self.values, self.cycle_of, self.members
        out, xout = self.out, self.xout
        own_get, cown, assign = self.own.get, self.cown, self.assign
        rank_get, sign = self.rank.get, self.sign
        changed: list[str] = []
        heap = [(sign * rank_get(v, 0), v) for v in starts]
        heapify(heap)
        pending = {cycle_of.get(v, v) for v in starts}
        while heap:
            v = heappop(heap)[1]
            key = cycle_of.get(v)
            pending.discard(v if key is None else key)
            new = 0
            if key is None:
                for w in out[v]:
                    new |= values[w] | own_get(w, 0)
            else:
                for w in xout[key]:
                    new |= values[w] | own_get(w, 0)
                mine = cown.get(key)
                if mine is None:
                    mine = 0
                    for m in members[key]:
                        mine |= own_get(m, 0)
                    cown[key] = mine
                new |= mine
            old = values[v]
            if new == old:
                continue
            for p in assign(v, old, new, changed):
                kp = cycle_of.get(p, p)
                if kp not in pending:
                    pending.add(kp)
                    heappush(heap, (sign * rank_get(p, 0), p))
        return list(dict.fromkeys(changed))
