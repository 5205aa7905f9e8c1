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

This module follows the model's events and answers the questions; the walks live in
:mod:`orgmodel.analysis.propagation` (one :class:`~orgmodel.analysis.propagation.Side` per
direction), the merging and splitting of cycles in :mod:`orgmodel.analysis.cycles`, the
full build's components and bit positions in :mod:`orgmodel.analysis.kernel`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from orgmodel import events as ev
from orgmodel.analysis.amounts import total
from orgmodel.analysis.chains import support_chain
from orgmodel.analysis.cycles import Adjacency, Cycles
from orgmodel.analysis.kernel import Condensation, OwnBits, Slots, reach_down, reach_up
from orgmodel.analysis.propagation import Side
from orgmodel.analysis.snapshot import LiveSnapshot
from orgmodel.analysis.support import Findings, unclassified_ids
from orgmodel.gcpause import gc_paused
from orgmodel.model import OrgModel

ChangeCallback = Callable[[set[str]], None]

#: The unit fields that can change an answer: the rest (positions above all) are ignored.
ANALYSED_FIELDS: frozenset[str] = frozenset({"office", "revenue_generating", "revenue"})

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
    (['fin', 'it'], ['sales'], 100)
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
            # The model's own adjacency, read, never changed here: the model changes it just
            # before it announces each edit, one unit or dependency at a time, so when an event
            # arrives it is what a copy kept in step would be (a copy was 0.15 s and 100,000
            # dicts at 50,000 units). Read only while attached (the event handlers).
            self._succ, self._pred = model.adjacency()  # type: ignore[assignment]
            self._back = Slots(sorted(u.id for u in units if u.office == "back"))
            self._rev = Slots(sorted(u.id for u in units if u.is_revenue_generating))
            self._revenue: dict[str, float] = {u.id: u.revenue or 0 for u in units if u.is_revenue_generating}
            self._risk: dict[str, float] = {}  # revenue at risk, filled on demand
            order = model.unit_ids()
            # One condensation serves both directions: reach is carried sinks first, up
            # sources first, over the same components.
            condensed = Condensation(order, self._succ)
            component = condensed.component
            back_bit, rev_bit = self._back.bit, self._rev.bit
            down = reach_down(condensed, OwnBits(order, back_bit))
            above = reach_up(condensed, OwnBits(order, rev_bit))
            self._reach: dict[str, int] = dict(zip(order, map(down.__getitem__, component)))
            self._up: dict[str, int] = dict(zip(order, map(above.__getitem__, component)))
            # Each unit's place in Tarjan's order (sinks first) at this build: a hint for
            # the order of recomputation after removals, never needed for correctness.
            rank = dict(zip(order, component))
            # Every member of a cycle holds the same reach and up, so walks treat a cycle as
            # one node.
            self._cycles = cycles = Cycles(self._succ, self._pred, self._reach, self._up, back_bit, rev_bit)
            for group in condensed.cycles():
                cycles.add(group)
            self._support = Side(self._reach, cycles, rank, support=True)
            self._impact = Side(self._up, cycles, rank, support=False)
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
        """How many back-office units support revenue unit ``unit_id``."""
        return self._support_bits(unit_id).bit_count()

    def impact_count(self, unit_id: str) -> int:
        """How many revenue units back-office unit ``unit_id`` supports."""
        return self._impact_bits(unit_id).bit_count()

    def supports(self, revenue_id: str, back_id: str) -> bool:
        """Whether ``back_id`` is in ``support(revenue_id)`` (``False`` for ids of other units)."""
        if revenue_id not in self._rev.bit or back_id not in self._back.bit:
            return False
        return bool(self._support_bits(revenue_id) & self._back.bit[back_id])

    def revenue_at_risk(self, unit_id: str) -> float:
        """The summed revenue (none counts 0) of the units back-office ``unit_id`` supports,
        added as :func:`orgmodel.analysis.revenue_at_risk` adds it (whole amounts exactly)."""
        value = self._risk.get(unit_id)
        if value is None:
            revenue = self._revenue
            value = self._risk[unit_id] = total(revenue[f] for f in self.impact(unit_id))
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
        return [list(group) for group in self._cycles.sorted()]

    def findings(self) -> Findings:
        """Unsupported revenue units, idle back-office units, dependency cycles and
        unclassified units, sorted."""
        return Findings(
            [uid for uid in self._rev.sorted_ids() if not self._support_bits(uid)],
            [uid for uid in self._back.sorted_ids() if not self._impact_bits(uid)],
            self.cycles,
            unclassified_ids(self._model),
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
        del self._reach[uid], self._up[uid]
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
        key = self._cycles.of.get(uid)
        in_cycle = key is not None
        if in_cycle:
            for cown in self._cycles.cown:
                cown.pop(key, None)
        with gc_paused():
            is_back = unit.office == "back"
            if is_back != (uid in back.bit):
                above = [uid] if in_cycle else list(self._pred[uid])
                if is_back:
                    changed.update(self._support.spread(above, back.add(uid)))
                else:
                    changed.update(self._support.clear(above, back.bit[uid]))
                    back.remove(uid)
                    self._risk.pop(uid, None)
                changed.add(uid)
            is_rev = unit.is_revenue_generating
            if is_rev != (uid in rev.bit):
                below = [uid] if in_cycle else list(self._succ[uid])
                if is_rev:
                    self._revenue[uid] = unit.revenue or 0
                    backs = self._impact.spread(below, rev.add(uid))
                else:
                    backs = self._impact.clear(below, rev.bit[uid])
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
        cycles = self._cycles
        ka, kb = cycles.of.get(a), cycles.of.get(b)
        if ka is not None and ka == kb:
            return  # inside one cycle: a reached b already, so nothing can change
        if ka is not None:
            cycles.xsucc[ka].add(b)
        if kb is not None:
            cycles.xpred[kb].add(a)
        reach, up = self._reach, self._up
        # Every unit reaching a (a included) now also reaches all that b reaches and b
        # itself; every unit b reaches (b included) is now reached by all that reaches a and
        # a itself. Both from before the edge.
        below = reach[b] | self._back.bit.get(b, 0)
        above = up[a] | self._rev.bit.get(a, 0)
        changed: set[str] = set()
        with gc_paused():
            cycle = cycles.closes_cycle(a, b)
            if cycle:
                # The units on paths b ~> a become one cycle, all reaching and reached by the
                # same units; then the walks start from that cycle's neighbours.
                key, newcomers, old = cycles.merge(a, *cycles.path_components(a, b))
                new_reach, new_up = reach[a] | below, up[b] | above
                for side, value in ((self._support, new_reach), (self._impact, new_up)):
                    side.assign_merged(key, newcomers, old, value, changed)
                changed.update(self._support.spread(cycles.xpred[key], new_reach))
                changed.update(self._impact.spread(cycles.xsucc[key], new_up))
            else:
                changed.update(self._support.spread((a,), below))
                changed.update(self._impact.spread((b,), above))
        self._forget_risk(changed)
        self._finish(changed, cycle)

    def _dependency_removed(self, event: ev.DependencyRemoved) -> None:
        a, b = event.source, event.target
        cycles = self._cycles
        cycle_of = cycles.of
        ka, kb = cycle_of.get(a), cycle_of.get(b)
        changed: set[str] = set()
        with gc_paused():
            if ka is not None and ka == kb:
                pivot = cycles.cut(a, b, ka)
                if pivot is None:
                    return  # still one cycle: every unit reaches exactly what it reached before
                groups = cycles.split(ka, pivot)
                changed.update(self._support.shrink([group[0] for group in groups]))
                changed.update(self._impact.shrink([group[0] for group in reversed(groups)]))
            else:
                # Another member of a's cycle may depend on b too (and so on for b's).
                if ka is not None and all(cycle_of.get(p) != ka for p in self._pred[b]):
                    cycles.xsucc[ka].discard(b)
                if kb is not None and all(cycle_of.get(w) != kb for w in self._succ[a]):
                    cycles.xpred[kb].discard(a)
                # Only units reaching a can lose support, only units b reaches impact; the
                # walks stop where a recomputed value comes out as it was.
                changed.update(self._support.shrink([a]))
                changed.update(self._impact.shrink([b]))
        self._forget_risk(changed)
        self._finish(changed, ka is not None and ka == kb)
