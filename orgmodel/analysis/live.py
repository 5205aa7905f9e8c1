"""Support analysis that follows a model as it is edited, redoing only what an edit can change.

:class:`LiveAnalysis` answers the questions of :class:`orgmodel.analysis.SupportAnalysis`
(support, impact, revenue at risk, findings) with the same meaning and the same sorted
outputs, but it listens to the model and keeps its answers current after every change, so an
editor can show them live without re-running :func:`orgmodel.analysis.analyse` (30-50 ms on a
10,000-unit model) after each edit.

What it keeps, for every unit ``u`` of any office:

* ``reach[u]``: the back-office bits of the units reachable from ``u`` along one or more
  dependency edges. A unit in a dependency cycle reaches itself, so its own bit is set there;
  queries mask it out (``support(F)`` never contains ``F``).
* ``up[u]``: the revenue bits of the units that reach ``u`` along one or more edges (the
  reverse question, for impact); again queries mask out the unit's own bit.

and the dependency cycles (strongly connected components of more than one unit), exactly,
each with the units outside it that its members depend on and that depend on its members.
All members of a cycle hold the same ``reach`` and ``up``, so every walk below takes a cycle
as one node and never runs around the inside of a 5,000-unit back-office cycle.

Bits are *slots*: each back-office (or revenue-generating) unit owns one bit for as long as it
is one; a unit that leaves the set frees its bit once the bit is clear everywhere, and a later
newcomer reuses it. So adding or removing a unit renumbers nothing. Outputs are still sorted:
while slots follow id order, decoding yields sorted ids; otherwise the (nearly sorted) decoded
list is sorted.

How each edit is handled (``a -> b``: a depends on b):

* dependency added: inside one cycle it changes nothing. Otherwise every unit reaching ``a``
  (``a`` included) gains ``reach[b] | bit(b)``: a walk up from ``a``, a layer at a time,
  stops at units that have those bits already (everything above them has them too). The
  mirror walk down from ``b`` adds ``up[a] | rbit(a)``. If ``b`` already reached ``a`` (a
  bitset test, exact when ``a`` is back office or ``b`` revenue-generating, else a
  bidirectional search), the components on the paths ``b ~> a`` first merge into one cycle
  (found by a walk from ``b`` pruned with a bit of ``a``'s component), which takes the union
  of their values; the walks then start from that cycle's neighbours.
* dependency removed: if ``a`` still reaches ``b`` another way inside their common cycle,
  nothing changes. If their cycle falls apart it is split: the part holding the end on the
  larger side is found with two walks, the rest goes through Tarjan's algorithm. Then values
  are recomputed from the neighbours, starting at ``a``'s component (support) and ``b``'s
  (impact) and going on only where a value changed, in the Tarjan order of the last full
  build, so that a unit is usually recomputed once. Most removals cost well under a
  millisecond; one that takes support away from most of a 10,000-unit model costs about as
  much as one full analysis. There is never a full rebuild.
* a unit's office or revenue-generating flag changed: its bit is set in (or cleared from)
  the units that reach it (or that it reaches), by the same kind of pruned walk.
* revenue changed: the revenue at risk of the unit's supporters is recomputed on demand.
* unit added or removed: a new unit has no dependencies yet, and a removed one has lost them
  all (the model announces each removal first), so both only take or free a slot.
* everything else (names, positions, notes, reporting lines, dependency weights and labels)
  costs one dictionary look-up and a set test: moving a unit on the canvas does nothing here.

After each edit that changed an answer, :attr:`LiveAnalysis.version` grows by one and every
change callback receives the ids whose support, impact or revenue at risk changed.
``benchmarks/live_analysis.py`` measures all this on 10,000-unit models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from heapq import heapify, heappop, heappush
from itertools import chain, compress, filterfalse, repeat
from operator import ne, or_

from orgmodel import events as ev
from orgmodel.analysis.chains import support_chain
from orgmodel.analysis.kernel import Condensation, Slots, reach_down, reach_up
from orgmodel.analysis.support import Findings
from orgmodel.gcpause import gc_paused
from orgmodel.model import OrgModel

ChangeCallback = Callable[[set[str]], None]

#: The unit fields that can change an answer: the rest (positions above all) are ignored.
ANALYSED_FIELDS: frozenset[str] = frozenset({"office", "revenue_generating", "revenue"})

_Adjacency = dict[str, dict[str, None]]


class _Side:
    """One direction of the analysis, so that one piece of code serves both.

    Support: ``values`` is ``reach`` (back-office bits below a unit), ``out`` the successors,
    ``own`` the back-office bits, and a change is reported for revenue units (``report``).
    Impact: ``values`` is ``up`` (revenue bits above a unit), ``out`` the predecessors, ``own``
    the revenue bits, and a change is reported for back-office units.
    """

    __slots__ = ("values", "out", "xout", "inn", "xinn", "own", "report", "cown", "sign")

    def __init__(
        self,
        values: dict[str, int],
        out: _Adjacency,
        xout: dict[int, set[str]],
        inn: _Adjacency,
        xinn: dict[int, set[str]],
        own: dict[str, int],
        report: dict[str, int],
        sign: int,
    ) -> None:
        self.values, self.out, self.xout, self.inn, self.xinn = values, out, xout, inn, xinn
        self.own, self.report = own, report
        #: 1 if values flow from sinks to sources (support), -1 the other way (impact).
        self.sign = sign
        #: The own bits of the members of a cycle, by cycle key: filled when needed.
        self.cown: dict[int, int] = {}


class LiveAnalysis:
    """The support analysis of a model, kept current as the model changes.

    Create it once per model; it computes everything, then registers itself as a listener and
    updates after every change, redoing only what the change can affect. Queries mean and
    return exactly what :class:`orgmodel.analysis.SupportAnalysis` does (sorted lists; a
    ``KeyError`` for a unit that is not revenue-generating, or not back office, as the question
    needs). Call :meth:`detach` when the model is closed.

    An editor should react to :meth:`add_change_callback`, not to the model's own events: the
    model calls its listeners in order, and a listener registered before this one would read
    answers from before the change.

    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> for uid, office in [("sales", "front"), ("crm", "middle"), ("it", "back"), ("fin", "back")]:
    ...     m.add_unit(Unit(uid, uid.upper(), office, revenue=100.0 if office == "front" else None))
    >>> live = LiveAnalysis(m)
    >>> seen = []
    >>> live.add_change_callback(lambda ids: seen.append(sorted(ids)))
    >>> m.add_dependency("sales", "crm"); m.add_dependency("crm", "it")
    >>> m.add_dependency("it", "fin"); m.add_dependency("fin", "it")
    >>> live.support("sales"), live.impact("fin"), live.revenue_at_risk("fin")
    (['fin', 'it'], ['sales'], 100.0)
    >>> seen  # sales -> crm changed no answer; fin -> it changed only the cycles
    [['it', 'sales'], ['fin', 'sales'], []]
    >>> live.findings().dependency_cycles
    [['fin', 'it']]
    >>> before = live.version
    >>> sorted(m.update_unit("it", x=120, y=40))  # moving a unit changes no answer
    ['x', 'y']
    >>> live.version == before
    True
    >>> live.detach()
    """

    def __init__(self, model: OrgModel) -> None:
        self._model = model
        self._callbacks: list[ChangeCallback] = []
        self._version = 0
        #: How many times everything was computed from scratch (once at creation, then only
        #: on :meth:`rebuild`); tests use it to show that edits never need a full pass.
        self.full_builds = 0
        self._next_cycle = 0
        self._build()
        self._handlers: dict[type, Callable] = {
            ev.UnitChanged: self._unit_changed,
            ev.DependencyAdded: self._dependency_added,
            ev.DependencyRemoved: self._dependency_removed,
            ev.UnitAdded: self._unit_added,
            ev.UnitRemoved: self._unit_removed,
        }
        self._listener = self._on_event
        model.add_listener(self._listener)

    # -- life cycle ------------------------------------------------------------------------

    def detach(self) -> None:
        """Stop following the model (the answers stay as they were)."""
        self._model.remove_listener(self._listener)

    def add_change_callback(self, fn: ChangeCallback) -> None:
        """Call ``fn(ids)`` after every edit that changed an answer.

        ``ids`` is a new set of the unit ids whose support, impact or revenue at risk changed,
        including units that became or stopped being revenue-generating or back office, and
        removed units (so an id in it may no longer be analysed: check :attr:`revenue_units`
        and :attr:`back_office_units`). The set is empty when only
        ``findings().dependency_cycles`` changed. After :meth:`rebuild` it holds every unit
        analysed before or after. Callbacks run synchronously, inside the model's mutator.
        """
        self._callbacks.append(fn)

    def remove_change_callback(self, fn: ChangeCallback) -> None:
        self._callbacks.remove(fn)

    @property
    def version(self) -> int:
        """A counter that grows by one after every edit that changed an answer."""
        return self._version

    def rebuild(self) -> None:
        """Compute everything from scratch (never needed while attached; for safety and tests)."""
        before = set(self._rev.bit) | set(self._back.bit)
        self._build()
        self._finish(before | set(self._rev.bit) | set(self._back.bit), True)

    def _build(self) -> None:
        model = self._model
        with gc_paused():
            units = model.units()
            graph = model.dependency_graph
            self._succ: _Adjacency = {uid: dict.fromkeys(targets) for uid, targets in graph.adjacency()}
            self._pred: _Adjacency = {uid: dict.fromkeys(graph.predecessors(uid)) for uid in self._succ}
            self._back = Slots(sorted(u.id for u in units if u.office == "back"))
            self._rev = Slots(sorted(u.id for u in units if u.is_revenue_generating))
            self._revenue: dict[str, float] = {u.id: u.revenue or 0 for u in units if u.is_revenue_generating}
            self._risk: dict[str, float] = {}  # revenue at risk, filled on demand
            # Cycles (strongly connected components of more than one unit): their members,
            # and the units outside them their members depend on (xsucc) or that depend on
            # them (xpred). Every member of a cycle holds the same reach and up, so walks
            # treat a cycle as one node.
            self._cycle_of: dict[str, int] = {}
            self._members: dict[int, set[str]] = {}
            self._xsucc: dict[int, set[str]] = {}
            self._xpred: dict[int, set[str]] = {}
            self._sorted_cycles: list[list[str]] | None = None
            order = model.unit_ids()
            # One condensation serves both directions: reach is carried sinks first, up
            # sources first, over the same components.
            condensed = Condensation(order, self._succ)
            component = condensed.component
            back_bit, rev_bit = self._back.bit, self._rev.bit
            down = reach_down(condensed, [back_bit.get(uid, 0) for uid in order])
            above = reach_up(condensed, [rev_bit.get(uid, 0) for uid in order])
            self._reach: dict[str, int] = dict(zip(order, map(down.__getitem__, component)))
            self._up: dict[str, int] = dict(zip(order, map(above.__getitem__, component)))
            #: Each unit's place in Tarjan's order (sinks first) at this build: a hint for
            #: the order of recomputation after removals, never needed for correctness.
            self._rank: dict[str, int] = dict(zip(order, component))
            for group in condensed.cycles():
                self._add_cycle(group)
            self._support = _Side(
                self._reach, self._succ, self._xsucc, self._pred, self._xpred, self._back.bit, self._rev.bit, 1
            )
            self._impact = _Side(
                self._up, self._pred, self._xpred, self._succ, self._xsucc, self._rev.bit, self._back.bit, -1
            )
        self.full_builds += 1

    def _finish(self, changed: set[str], structure_changed: bool = False) -> None:
        if not changed and not structure_changed:
            return
        self._version += 1
        for fn in list(self._callbacks):
            fn(set(changed))

    # -- queries ---------------------------------------------------------------------------

    @property
    def revenue_units(self) -> list[str]:
        """Ids of the revenue-generating units, sorted."""
        return list(self._rev.sorted_ids())

    @property
    def back_office_units(self) -> list[str]:
        """Ids of the back-office units, sorted."""
        return list(self._back.sorted_ids())

    def _support_bits(self, unit_id: str) -> int:
        if unit_id not in self._rev.bit:
            raise KeyError(unit_id)
        own = self._back.bit.get(unit_id)
        bits = self._reach[unit_id]
        return bits & ~own if own else bits

    def _impact_bits(self, unit_id: str) -> int:
        if unit_id not in self._back.bit:
            raise KeyError(unit_id)
        own = self._rev.bit.get(unit_id)
        bits = self._up[unit_id]
        return bits & ~own if own else bits

    def support(self, unit_id: str) -> list[str]:
        """The back-office units supporting revenue unit ``unit_id``, sorted."""
        return self._back.decode(self._support_bits(unit_id))

    def impact(self, unit_id: str) -> list[str]:
        """The revenue units that back-office unit ``unit_id`` supports, sorted."""
        return self._rev.decode(self._impact_bits(unit_id))

    def support_count(self, unit_id: str) -> int:
        return self._support_bits(unit_id).bit_count()

    def impact_count(self, unit_id: str) -> int:
        return self._impact_bits(unit_id).bit_count()

    def supports(self, revenue_id: str, back_id: str) -> bool:
        """Whether ``back_id`` is in ``support(revenue_id)`` (``False`` for ids of other units)."""
        if revenue_id not in self._rev.bit or back_id not in self._back.bit:
            return False
        return bool(self._support_bits(revenue_id) & self._back.bit[back_id])

    def revenue_at_risk(self, unit_id: str) -> float:
        """The summed revenue (none counts 0) of the units back-office ``unit_id`` supports,
        added in the same order as :func:`orgmodel.analysis.revenue_at_risk`."""
        value = self._risk.get(unit_id)
        if value is None:
            revenue = self._revenue
            value = self._risk[unit_id] = sum(revenue[f] for f in self.impact(unit_id))
        return value

    def revenue_at_risk_map(self) -> dict[str, float]:
        """:meth:`revenue_at_risk` of every back-office unit."""
        return {uid: self.revenue_at_risk(uid) for uid in self._back.sorted_ids()}

    def chain(self, source: str, target: str) -> list[str] | None:
        """One shortest dependency chain from ``source`` to ``target``; see
        :func:`orgmodel.analysis.support_chain`."""
        return support_chain(self._model, source, target)

    @property
    def cycles(self) -> list[list[str]]:
        """Groups of units that depend on each other in a circle (each sorted), sorted."""
        if self._sorted_cycles is None:
            self._sorted_cycles = sorted(sorted(group) for group in self._members.values())
        return [list(group) for group in self._sorted_cycles]

    def findings(self) -> Findings:
        """Unsupported revenue units, idle back-office units and dependency cycles, sorted."""
        return Findings(
            [uid for uid in self._rev.sorted_ids() if not self._support_bits(uid)],
            [uid for uid in self._back.sorted_ids() if not self._impact_bits(uid)],
            self.cycles,
        )

    def snapshot(self) -> LiveSnapshot:
        """The answers as they are now, frozen: later edits do not change the snapshot."""
        return LiveSnapshot(
            {uid: self._support_bits(uid) for uid in self._rev.bit},
            {uid: self._impact_bits(uid) for uid in self._back.bit},
            self._back,
            self._rev,
            self.cycles,
        )

    # -- following the model ---------------------------------------------------------------

    def _on_event(self, event: ev.Event) -> None:
        handler = self._handlers.get(type(event))
        if handler is not None:
            handler(event)

    def _unit_added(self, event: ev.UnitAdded) -> None:
        uid = event.unit_id
        unit = self._model.unit(uid)
        self._succ[uid] = {}
        self._pred[uid] = {}
        self._reach[uid] = self._up[uid] = 0
        changed = set()
        if unit.office == "back":
            self._back.add(uid)
            changed.add(uid)
        if unit.is_revenue_generating:
            self._rev.add(uid)
            self._revenue[uid] = unit.revenue or 0
            changed.add(uid)
        self._finish(changed)

    def _unit_removed(self, event: ev.UnitRemoved) -> None:
        # The model removed (and announced) every dependency of the unit first: it is in no
        # cycle, no one reaches it and it reaches no one, so its bits are clear everywhere.
        uid = event.unit_id
        del self._succ[uid], self._pred[uid], self._reach[uid], self._up[uid]
        changed = set()
        if uid in self._back.bit:
            self._back.remove(uid)
            self._risk.pop(uid, None)
            changed.add(uid)
        if uid in self._rev.bit:
            self._rev.remove(uid)
            del self._revenue[uid]
            changed.add(uid)
        self._finish(changed)

    def _unit_changed(self, event: ev.UnitChanged) -> None:
        if event.fields.isdisjoint(ANALYSED_FIELDS):
            return  # names, positions, notes...: nothing to do, and this must stay cheap
        uid = event.unit_id
        unit = self._model.unit(uid)
        back, rev = self._back, self._rev
        changed: set[str] = set()
        # A unit in a cycle reaches itself: its own bit goes to its whole cycle and beyond.
        in_cycle = uid in self._cycle_of
        if in_cycle:
            self._support.cown.pop(self._cycle_of[uid], None)
            self._impact.cown.pop(self._cycle_of[uid], None)
        with gc_paused():
            is_back = unit.office == "back"
            if is_back != (uid in back.bit):
                above = [uid] if in_cycle else list(self._pred[uid])
                if is_back:
                    changed.update(self._spread(self._support, above, back.add(uid)))
                else:
                    changed.update(self._clear(self._support, above, back.bit[uid]))
                    back.remove(uid)
                    self._risk.pop(uid, None)
                changed.add(uid)
            is_rev = unit.is_revenue_generating
            if is_rev != (uid in rev.bit):
                below = [uid] if in_cycle else list(self._succ[uid])
                if is_rev:
                    self._revenue[uid] = unit.revenue or 0
                    backs = self._spread(self._impact, below, rev.add(uid))
                else:
                    backs = self._clear(self._impact, below, rev.bit[uid])
                    rev.remove(uid)
                    del self._revenue[uid]
                self._forget_risk(backs)
                changed.update(backs)
                changed.add(uid)
            elif is_rev and "revenue" in event.fields:
                old, new = self._revenue[uid], unit.revenue or 0
                if new != old or type(new) is not type(old):  # None -> 0 changes no sum
                    self._revenue[uid] = new
                    backs = back.decode(self._support_bits(uid))
                    self._forget_risk(backs)
                    changed.update(backs)
        self._finish(changed)

    def _forget_risk(self, back_ids: Iterable[str]) -> None:
        risk = self._risk
        if risk:
            for uid in risk.keys() & set(back_ids):
                del risk[uid]

    def _dependency_added(self, event: ev.DependencyAdded) -> None:
        a, b = event.source, event.target
        self._succ[a][b] = None
        self._pred[b][a] = None
        cycle_of = self._cycle_of
        ka, kb = cycle_of.get(a), cycle_of.get(b)
        if ka is not None and ka == kb:
            return  # inside one cycle: a reached b already, so nothing can change
        if ka is not None:
            self._xsucc[ka].add(b)
        if kb is not None:
            self._xpred[kb].add(a)
        reach, up = self._reach, self._up
        # Every unit reaching a (a included) now also reaches all that b reaches and b
        # itself; every unit b reaches (b included) is now reached by all that reaches a and
        # a itself. Both from before the edge.
        below = reach[b] | self._back.bit.get(b, 0)
        above = up[a] | self._rev.bit.get(a, 0)
        changed: set[str] = set()
        with gc_paused():
            cycle = self._closes_cycle(a, b)
            if cycle:
                # The units on paths b ~> a become one cycle, all reaching and reached by the
                # same units; then the walks start from that cycle's neighbours.
                key, newcomers, old = self._merge(a, *self._path_components(a, b))
                new_reach, new_up = reach[a] | below, up[b] | above
                for side, value in ((self._support, new_reach), (self._impact, new_up)):
                    self._assign_merged(side, key, newcomers, old, value, changed)
                changed.update(self._spread(self._support, self._xpred[key], new_reach))
                changed.update(self._spread(self._impact, self._xsucc[key], new_up))
            else:
                changed.update(self._spread(self._support, (a,), below))
                changed.update(self._spread(self._impact, (b,), above))
        self._forget_risk(changed)
        self._finish(changed, cycle)

    def _dependency_removed(self, event: ev.DependencyRemoved) -> None:
        a, b = event.source, event.target
        del self._succ[a][b]
        del self._pred[b][a]
        cycle_of = self._cycle_of
        ka, kb = cycle_of.get(a), cycle_of.get(b)
        changed: set[str] = set()
        with gc_paused():
            if ka is not None and ka == kb:
                pivot = self._cut(a, b, ka)
                if pivot is None:
                    return  # still one cycle: every unit reaches exactly what it reached before
                groups = self._split(ka, pivot)
                changed.update(self._shrink(self._support, [group[0] for group in groups]))
                changed.update(self._shrink(self._impact, [group[0] for group in reversed(groups)]))
            else:
                # Another member of a's cycle may depend on b too (and so on for b's).
                if ka is not None and all(cycle_of.get(p) != ka for p in self._pred[b]):
                    self._xsucc[ka].discard(b)
                if kb is not None and all(cycle_of.get(w) != kb for w in self._succ[a]):
                    self._xpred[kb].discard(a)
                # Only units reaching a can lose support, only units b reaches impact; the
                # walks stop where a recomputed value comes out as it was.
                changed.update(self._shrink(self._support, [a]))
                changed.update(self._shrink(self._impact, [b]))
        self._forget_risk(changed)
        self._finish(changed, ka is not None and ka == kb)

    # -- walks -----------------------------------------------------------------------------

    # Which reported units changed: a unit's own bit never counts for its own answer. A
    # value changes by its unit's own bit alone only when the unit joins a cycle (see
    # _assign_merged), leaves one (it is then in no cycle: see _assign), or changes office or
    # revenue flag (_unit_changed reports it anyway). A cycle keeps its members' bits.

    def _assign_cycle(self, side: _Side, key: int, new: int, changed: list[str]) -> set[str]:
        """Give every member of cycle ``key`` the value ``new``; return the units outside
        whose values are computed from it."""
        group = self._members[key]
        side.values.update(dict.fromkeys(group, new))
        changed.extend(group & side.report.keys())
        return side.xinn[key]

    def _assign(self, side: _Side, v: str, old: int, new: int, changed: list[str]) -> Iterable[str]:
        """Give ``v`` (its whole cycle, if it is in one) the value ``new`` in place of
        ``old``; return the units whose value is computed from it."""
        key = self._cycle_of.get(v)
        if key is not None:
            return self._assign_cycle(side, key, new, changed)
        side.values[v] = new
        if v in side.report and old ^ new != side.own.get(v, 0):
            changed.append(v)
        return side.inn[v]

    def _assign_merged(
        self, side: _Side, key: int, newcomers: list[str], old_members: set[str] | None, new: int, changed: set[str]
    ) -> None:
        """Give the value ``new`` to every member of the cycle ``key`` just grown from
        ``old_members`` (which shared one value) and ``newcomers`` (which did not)."""
        values, report, own = side.values, side.report, side.own
        reported = list(filter(report.__contains__, newcomers))
        if reported:
            # Values only grow here. A newcomer now reaches itself: if its own bit is all it
            # gained (it reached everything else already), its answer is the same.
            hits = list(compress(reported, map(ne, map(values.__getitem__, reported), repeat(new))))
            changed.update(filterfalse(own.__contains__, hits))
            changed.update(m for m in filter(own.__contains__, hits) if values[m] | own[m] != new)
        if old_members and values[next(iter(old_members))] != new:
            changed.update(old_members & report.keys())
        values.update(dict.fromkeys(self._members[key], new))

    def _spread(self, side: _Side, starts: Iterable[str], add: int) -> list[str]:
        """OR ``add`` into the values of ``starts`` and of all that depends on them, stopping
        wherever it is there already (everything beyond has it too). Returns the reported
        units whose answer changed.

        A layer at a time, with the per-unit work in ``map``/``compress`` (C loops): an edit
        near the bottom of a large model can change thousands of units.
        """
        values, inn, report = side.values, side.inn, side.report
        cycle_of, get = self._cycle_of, side.values.__getitem__
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
                            ahead.update(self._assign_cycle(side, cycle_of[v], new, changed))
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

    def _clear(self, side: _Side, starts: Iterable[str], bit: int) -> list[str]:
        """Clear ``bit`` in ``starts`` and in everything depending on them that has it."""
        values, assign, keep = side.values, self._assign, ~bit
        changed: list[str] = []
        stack = list(starts)
        pop, push = stack.pop, stack.extend
        while stack:
            v = pop()
            old = values[v]
            if old & bit:
                push(assign(side, v, old, old & keep, changed))
        return changed

    def _shrink(self, side: _Side, starts: list[str]) -> list[str]:
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
        values, cycle_of, members = side.values, self._cycle_of, self._members
        out, xout = side.out, side.xout
        own_get, cown, assign = side.own.get, side.cown, self._assign
        rank_get, sign = self._rank.get, side.sign
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
            for p in assign(side, v, old, new, changed):
                kp = cycle_of.get(p, p)
                if kp not in pending:
                    pending.add(kp)
                    heappush(heap, (sign * rank_get(p, 0), p))
        return list(dict.fromkeys(changed))

    def _reaches(self, source: str, target: str) -> bool:
        """Whether ``target`` can be reached from ``source`` (bidirectional breadth first,
        cycles taken as single nodes)."""
        cycle_of, succ, pred, xsucc, xpred = self._cycle_of, self._succ, self._pred, self._xsucc, self._xpred
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

    def _cut(self, source: str, target: str, key: int) -> str | None:
        """After the edge ``source -> target`` inside cycle ``key`` was removed: ``None`` if
        source still reaches target (a path between them cannot leave the cycle), else the
        one of the two that lies in the larger part of what is left.

        Searches from both ends at once and stops when one search runs dry: the end whose
        search ran dry sits in a small part, cut off from the other end.
        """
        cycle_of = self._cycle_of
        ahead, behind = {source}, {target}
        front, back = [source], [target]
        while front and back:
            forward = len(front) <= len(back)
            adjacency = self._succ if forward else self._pred
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

    def _within(self, start: str, adjacency: _Adjacency, group: set[str]) -> set[str]:
        """The units of ``group`` reachable from ``start`` along ``adjacency`` inside it."""
        seen = {start}
        layer = [start]
        while layer:
            ahead = set(chain.from_iterable(map(adjacency.__getitem__, layer)))
            ahead &= group
            layer = list(ahead - seen)
            seen.update(layer)
        return seen

    # -- cycles ----------------------------------------------------------------------------

    def _add_cycle(self, members: Iterable[str]) -> int:
        key = self._next_cycle
        self._next_cycle += 1
        group = self._members[key] = set(members)
        cycle_of = self._cycle_of
        for uid in group:
            cycle_of[uid] = key
        succ, pred = self._succ, self._pred
        self._xsucc[key] = set().union(*[succ[uid] for uid in group]) - group
        self._xpred[key] = set().union(*[pred[uid] for uid in group]) - group
        self._sorted_cycles = None
        return key

    def _closes_cycle(self, a: str, b: str) -> bool:
        """Whether the new edge ``a -> b`` (a and b in different components) closes a cycle,
        that is whether b reached a; called before any value changes."""
        reach, up = self._reach, self._up
        bit_a, rbit_b = self._back.bit.get(a, 0), self._rev.bit.get(b, 0)
        # If b reached a, b would reach all a reaches and a itself, and be reached by all
        # that reaches b and b itself. Where a is back office (or b revenue-generating) that
        # test is exact; elsewhere a walk decides.
        if (reach[a] | bit_a) & ~reach[b] or (up[b] | rbit_b) & ~up[a]:
            return False
        if bit_a or rbit_b:
            return True
        return self._reaches(b, a)

    def _path_components(self, a: str, b: str) -> tuple[list[str], list[int], set[str] | None]:
        """The components on the paths ``b ~> a``: the units in no cycle and the cycle keys;
        and the units that the components other than a's depend on (None if not collected).

        Walks forward from b, a layer at a time (following edges in set operations), through
        the units that may reach a. When a's component holds a back-office unit, its bit
        tells exactly which units reach a, and the walk finds just the components on the
        paths; otherwise a second walk back from a keeps those among the ones found.
        """
        cycle_of, reach, members = self._cycle_of, self._reach, self._members
        succ, xsucc = self._succ, self._xsucc
        back_bit = self._back.bit
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
                    r = reach[w]
                    if mark is None:
                        if r | need != r:
                            continue
                    elif not (r >> k & 1 if shift else r & bit):
                        continue
                    singles.append(w)
                    layer.append(w)
                    continue
                if kw in cycles:
                    continue
                seen.update(members[kw])
                if kw == home:
                    cycles[kw] = w
                    continue
                r = reach[w]
                if mark is None:
                    if r | need != r:
                        continue
                elif not (r >> k & 1 if shift else r & bit):
                    continue
                cycles[kw] = w
                layer.append(w)
        if mark is not None:
            return singles, list(cycles), below
        inside = set(singles)
        for key in cycles:
            inside.update(members[key])
        pred, xpred = self._pred, self._xpred
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

    def _merge(
        self, a: str, singles: list[str], cycle_keys: list[int], below: set[str] | None
    ) -> tuple[int, list[str], set[str] | None]:
        """Make one cycle of the units ``singles`` and the cycles ``cycle_keys`` (the latter
        grow the largest in place); ``below`` holds what all but a's component depend on, if
        known.

        Returns the cycle's key, the units that joined it, and its members from before (None
        when the cycle is new)."""
        home = self._cycle_of.get(a)
        home_below = self._succ[a] if home is None else self._xsucc[home]
        members, cycle_of = self._members, self._cycle_of
        old = None
        if cycle_keys:
            key = max(cycle_keys, key=lambda k: len(members[k]))
            old = set(members[key])
        else:
            key = self._next_cycle
            self._next_cycle += 1
            members[key], self._xsucc[key], self._xpred[key] = set(), set(), set()
        newcomers = list(singles)
        for k in cycle_keys:
            if k != key:
                newcomers.extend(members.pop(k))
                del self._xsucc[k], self._xpred[k]
                self._support.cown.pop(k, None)
                self._impact.cown.pop(k, None)
        for side in (self._support, self._impact):
            mine = side.cown.get(key)
            if mine is not None:
                if len(newcomers) > 64:
                    del side.cown[key]  # cheaper to find again if ever needed
                else:
                    for uid in newcomers:
                        mine |= side.own.get(uid, 0)
                    side.cown[key] = mine
        group = members[key]
        group.update(newcomers)
        cycle_of.update(dict.fromkeys(newcomers, key))
        succ, pred = self._succ, self._pred
        xs, xp = self._xsucc[key], self._xpred[key]
        if below is None:
            xs.update(chain.from_iterable(map(succ.__getitem__, newcomers)))
        else:  # the walk that found the components has collected this already
            xs |= below
            if home != key:
                xs.update(home_below)
        xs -= group
        xp.update(chain.from_iterable(map(pred.__getitem__, newcomers)))
        xp -= group
        self._sorted_cycles = None
        return key, newcomers, old

    def _split(self, key: int, pivot: str) -> list[list[str]]:
        """Replace cycle ``key``, which lost an inner edge, by the components of what is left.

        The component of ``pivot`` is what the cycle reaches from it and what reaches it
        (two walks in set operations); it keeps the key. The rest, usually a few units, goes
        through Tarjan's algorithm. Returns the components."""
        succ, pred, cycle_of = self._succ, self._pred, self._cycle_of
        group = self._members[key]
        core = self._within(pivot, succ, group) & self._within(pivot, pred, group)
        rest = group - core
        for uid in rest:
            del cycle_of[uid]
        parts: list[list[str]] = []
        if len(core) > 1:
            self._members[key] = core
            for x, out, inn in ((self._xsucc[key], succ, pred), (self._xpred[key], pred, succ)):
                # Only the rest and its neighbours can have changed sides.
                for w in (set(chain.from_iterable(map(out.__getitem__, rest))) | rest) - core:
                    if any(cycle_of.get(p) == key for p in inn[w]):
                        x.add(w)
                    else:
                        x.discard(w)
            for side in (self._support, self._impact):
                mine = side.cown.get(key)
                if mine is not None:
                    for uid in rest:
                        mine &= ~side.own.get(uid, 0)
                    side.cown[key] = mine
            parts.append(list(core))
        else:
            del self._members[key], self._xsucc[key], self._xpred[key]
            for side in (self._support, self._impact):
                side.cown.pop(key, None)
            del cycle_of[pivot]
            rest.add(pivot)
        left = list(rest)
        condensed = Condensation(left, {uid: [w for w in succ[uid] if w in rest] for uid in left})
        pieces = [[left[v] for v in group] for group in condensed.members]
        for piece in pieces:
            if len(piece) > 1:
                self._add_cycle(piece)
        self._sorted_cycles = None
        return parts + pieces


class LiveSnapshot:
    """The answers of a :class:`LiveAnalysis` at one moment, shaped like
    :class:`orgmodel.analysis.SupportAnalysis` (same methods, same sorted outputs).

    Two snapshots compare equal when every answer is the same.
    """

    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        support_bits: dict[str, int],
        impact_bits: dict[str, int],
        back: Slots,
        rev: Slots,
        cycles: list[list[str]],
    ) -> None:
        self._support_bits = support_bits
        self._impact_bits = impact_bits
        self._back, self._rev = back.frozen(), rev.frozen()
        self._back_bit = dict(back.bit)
        #: Ids of the revenue-generating units, sorted.
        self.revenue_units: list[str] = list(rev.sorted_ids())
        #: Ids of the back-office units, sorted.
        self.back_office_units: list[str] = list(back.sorted_ids())
        #: Groups of units that depend on each other in a circle (each sorted), sorted.
        self.cycles: list[list[str]] = cycles

    def support(self, unit_id: str) -> list[str]:
        return self._back.decode(self._support_bits[unit_id])

    def impact(self, unit_id: str) -> list[str]:
        return self._rev.decode(self._impact_bits[unit_id])

    def support_count(self, unit_id: str) -> int:
        return self._support_bits[unit_id].bit_count()

    def impact_count(self, unit_id: str) -> int:
        return self._impact_bits[unit_id].bit_count()

    def supports(self, revenue_id: str, back_id: str) -> bool:
        bits, bit = self._support_bits.get(revenue_id), self._back_bit.get(back_id)
        return bits is not None and bit is not None and bool(bits & bit)

    def support_map(self) -> dict[str, list[str]]:
        """Every revenue-generating unit mapped to its sorted supporters (``[]`` if none)."""
        return self._back.decode_map(self._support_bits)

    def impact_map(self) -> dict[str, list[str]]:
        """Every back-office unit mapped to the sorted revenue units it supports."""
        return self._rev.decode_map(self._impact_bits)

    def support_map_json(self) -> str:
        return self._back.json_map(self._support_bits)

    def impact_map_json(self) -> str:
        return self._rev.json_map(self._impact_bits)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LiveSnapshot):
            return NotImplemented
        return (
            self.revenue_units == other.revenue_units
            and self.back_office_units == other.back_office_units
            and self.cycles == other.cycles
            and self.support_map() == other.support_map()
            and self.impact_map() == other.impact_map()
        )
