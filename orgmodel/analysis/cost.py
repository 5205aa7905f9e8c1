"""Cost-to-serve: what each service unit costs each revenue-generating unit (service
department cost allocation, as cost accounting has done it for decades).

* **Service units** are the units that are not revenue-generating, in any office. Each hands
  on its own ``cost`` plus what it receives to the units that depend on it, in proportion to
  the weights of those dependencies: share(S→A) = w(A depends on S) / Σ w(x depends on S),
  a dependency without a weight counting 1. Weights are the allocation basis (0.4/0.6, or
  machine hours, or headcount): only their ratios matter.
* **Revenue-generating units are the cost objects**: they keep what they receive. Fully loaded
  cost = own cost + allocated; margin = revenue − fully loaded cost.
* Three methods: ``"reciprocal"`` (the default: x = d + Sᵀx solved as simultaneous equations,
  cycles such as IT ⇄ Finance included), ``"step"`` (step-down: service units closed in an
  order, each handing what it holds to the units not closed yet; see :func:`default_order`)
  and ``"direct"`` (service-to-service dependencies ignored, shares renormalised over the
  revenue units).
* **Unclassified units** (no office yet) that are not revenue-generating pass on what they
  receive, but their own cost is left out (counted 0, listed in :attr:`CostAllocation.left_out`)
  until someone says which office they are in.
* **Nothing disappears**: cost that cannot reach a revenue unit stops somewhere — at a unit
  nobody depends on, in a closed group of units that depend only on each other, at a unit
  whose dependents were all closed before it (step), at a unit no revenue unit depends on
  (direct) — and is reported as unallocated there (:attr:`CostAllocation.sinks`) and by the
  unit it came from (:attr:`ServiceCost.unallocated`), with the reason.

**Cents.** Costs are taken to the cent; the solve is in floating point, and the results are
rounded once, at the end, by the largest remainder method, so that the allocated amounts and
the unallocated amounts add up *exactly* to the total service cost, and the sinks and the
per-unit unallocated amounts each add up exactly to the total unallocated. Attribution rows
are rounded the same way: a revenue unit's :meth:`~CostAllocation.from_services` adds up
exactly to its allocated amount; a service unit's :meth:`~CostAllocation.to_revenue` adds up
exactly to its own cost minus its unallocated amount (the two readings of one entry may
differ by a cent).

>>> from orgmodel.model import OrgModel, Unit
>>> m = OrgModel()
>>> for uid, office, cost in [("shop", "front", 0), ("web", "front", 0), ("it", "back", 900), ("fin", "back", 100)]:
...     m.add_unit(Unit(uid, uid, office, cost=cost))
>>> m.add_dependency("shop", "it", weight=2); m.add_dependency("web", "it"); m.add_dependency("it", "fin")
>>> m.add_dependency("fin", "it")
>>> result = allocate(m)
>>> [(r.id, r.allocated) for r in result.revenue_units], result.unallocated
([('shop', 666.67), ('web', 333.33)], 0.0)
>>> result.from_services("shop"), result.to_revenue("it")
({'fin': 66.67, 'it': 600.0}, {'shop': 600.0, 'web': 300.0})
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from orgmodel.analysis import cost_flows as flows
from orgmodel.analysis import cost_groups
from orgmodel.errors import OrgModelError
from orgmodel.i18n import Text, joined, tr
from orgmodel.model import OrgModel, is_unclassified

METHODS = ("reciprocal", "step", "direct")

#: How many service or revenue units one solve answers at a time (memory: n × this floats).
CHUNK = 256
#: The whole attribution matrix F (service × revenue units) is solved once and kept when it
#: has at most this many numbers (8 bytes each: 160 MB); above it, it is solved in blocks.
FULL_LIMIT = 20_000_000
#: A landing share at or below this is taken as none (the solve's round-off).
SHARE_FLOOR = 1e-12


class AllocationError(OrgModelError, ValueError):
    """A method or a step-down order that cannot be used (unknown method, an order naming a
    missing or revenue-generating unit, or leaving service units out)."""


@dataclass(frozen=True, slots=True)
class RevenueCost:
    """A revenue-generating unit as a cost object (amounts to the cent)."""

    id: str
    name: str
    office: str | None
    own_cost: float
    allocated: float
    fully_loaded: float
    revenue: float | None
    margin: float | None
    """``revenue - fully_loaded``; ``None`` when the unit has no revenue figure."""


@dataclass(frozen=True, slots=True)
class ServiceCost:
    """A service unit: what it costs, what it holds in all, and what of its own cost stops."""

    id: str
    name: str
    office: str | None
    own_cost: float
    total_cost: float
    """Own cost plus everything received (the reciprocal x; for step, cost + received)."""
    unallocated: float
    """How much of its *own* cost reaches no revenue unit."""
    reason: Text | None
    """Why that is (``None`` when everything is allocated)."""


@dataclass(frozen=True, slots=True)
class CostSink:
    """A place where cost stops: one unit, or a closed group of units, and how much."""

    units: tuple[str, ...]
    amount: float
    reason: Text


@dataclass(frozen=True)
class CostAllocation:
    """The result of :func:`allocate`. Units are listed in id order; attribution is computed
    on demand from the kept factorisation (:meth:`from_services`, :meth:`to_revenue`)."""

    method: str
    order: tuple[str, ...]
    """The step-down order used (empty for the other methods)."""
    revenue_units: tuple[RevenueCost, ...]
    service_units: tuple[ServiceCost, ...]
    sinks: tuple[CostSink, ...]
    """Where cost stops, largest amount first."""
    total_service_cost: float
    allocated: float
    unallocated: float
    left_out: tuple[str, ...]
    """Unclassified service units whose own cost is left out (id order)."""
    _engine: _Engine = field(repr=False, compare=False)

    def revenue_unit(self, unit_id: str) -> RevenueCost:
        return self._engine.revenue_rows[self._engine.revenue_index[unit_id]]

    def service_unit(self, unit_id: str) -> ServiceCost:
        return self._engine.service_rows[self._engine.service_index[unit_id]]

    def from_services(self, revenue_id: str) -> dict[str, float]:
        """How much of each service unit's original cost lands on ``revenue_id`` (non-zero
        amounts, by service id); adds up to its allocated amount exactly."""
        return self._engine.from_one(self._engine.revenue_index[revenue_id])

    def to_revenue(self, service_id: str) -> dict[str, float]:
        """Where ``service_id``'s own cost lands (non-zero amounts, by revenue unit id); adds
        up to its own cost minus its unallocated amount exactly."""
        return self._engine.to_one(self._engine.service_index[service_id])

    def from_all(self) -> Iterator[tuple[str, dict[str, float]]]:
        """:meth:`from_services` of every revenue unit in id order."""
        columns = self._engine.sorted_service_ids
        for ids, cents in self._engine.from_blocks():
            yield from zip(ids, (amounts(columns, row) for row in cents))

    def to_all(self) -> Iterator[tuple[str, dict[str, float]]]:
        """:meth:`to_revenue` of every service unit in id order."""
        columns = self._engine.sorted_revenue_ids
        for ids, cents in self._engine.to_blocks():
            yield from zip(ids, (amounts(columns, row) for row in cents))

    def from_cents(self) -> Iterator[tuple[list[str], np.ndarray]]:
        """:meth:`from_all` a block of revenue units at a time, as arrays: their ids (in id
        order) and their amounts in cents (int64, a row per unit, a column per service unit
        of :attr:`service_columns`). What ``cost --json`` writes, without a dict per row."""
        return self._engine.from_blocks()

    def to_cents(self) -> Iterator[tuple[list[str], np.ndarray]]:
        """:meth:`to_all` a block of service units at a time (columns: :attr:`revenue_columns`)."""
        return self._engine.to_blocks()

    @property
    def service_columns(self) -> list[str]:
        """The service unit ids in id order (the columns of :meth:`from_cents`)."""
        return self._engine.sorted_service_ids

    @property
    def revenue_columns(self) -> list[str]:
        """The revenue unit ids in id order (the columns of :meth:`to_cents` and :meth:`landing_blocks`)."""
        return self._engine.sorted_revenue_ids

    def landing_shares(self, service_ids: Sequence[str]) -> Iterator[tuple[str, dict[str, float]]]:
        """For each of ``service_ids``, the fraction of its own cost that lands on each
        revenue unit (unrounded, above 1e-12, by id), whatever its cost: what a saving there
        is worth to each revenue unit."""
        ids = self._engine.sorted_revenue_ids
        for chunk, shares in self.landing_blocks(service_ids):
            for uid, row in zip(chunk, shares):
                nonzero = np.flatnonzero(row > SHARE_FLOOR)
                yield uid, dict(zip([ids[i] for i in nonzero], row[nonzero].tolist()))

    def landing_blocks(self, service_ids: Sequence[str], whole: bool | None = None) -> Iterator[tuple[list[str], np.ndarray]]:
        """:meth:`landing_shares` a block of :data:`CHUNK` at a time: the ids and their
        shares (a row per service unit, a column per revenue unit of :attr:`revenue_columns`;
        every share, the ones at or below 1e-12 too). ``whole``: read them off the kept
        matrix (solved once for every unit), rather than solve these rows alone; by
        default when there are more than one."""
        return self._engine.landing_blocks(service_ids, len(service_ids) > 1 if whole is None else whole)

    def from_groups(self, group_of: Mapping[str, str] | None = None) -> dict[str, dict[str, float]]:
        """For every revenue unit (by id), how much of its allocated cost comes from each
        group of service units — by default each service unit's office — to the cent,
        adding up to its allocated amount exactly: :meth:`from_services` summed by group,
        in one solve for all revenue units (:mod:`orgmodel.analysis.cost_groups`)."""
        return cost_groups.from_groups(self._engine, group_of)


def amounts(ids: Sequence[str], cents: np.ndarray) -> dict[str, float]:
    """A row of cents (for ``ids``, in order) as the non-zero amounts by id."""
    nonzero = np.flatnonzero(cents)
    return dict(zip([ids[i] for i in nonzero], (cents[nonzero] / 100).tolist()))


def allocate(model: OrgModel, method: str = "reciprocal", order: Sequence[str] | None = None) -> CostAllocation:
    """Allocate the cost of every service unit of ``model`` to its revenue units.

    ``order`` (step only) names every service unit once, first closed first; by default
    :func:`default_order`. Raises :class:`AllocationError` for an unknown method or a bad
    order. A unit without a cost counts as 0.
    """
    if method not in METHODS:
        raise AllocationError(tr("unknown allocation method {method!r}; use reciprocal, step or direct", method=method))
    if order is not None and method != "step":
        raise AllocationError(tr("an allocation order is only used by the step method"))
    engine = _Engine(model)
    sequence: list[int] = []
    if method == "reciprocal":
        engine.flows = flows.reciprocal(engine.gifts, engine.d)
    elif method == "direct":
        engine.flows = flows.direct(engine.gifts, engine.d)
    else:
        sequence = engine.checked_order(model, order) if order is not None else flows.default_order(engine.gifts, engine.d, engine.service_ids)
        engine.flows = flows.step_down(engine.gifts, engine.d, sequence)
    return engine.result(model, method, tuple(engine.service_ids[s] for s in sequence))


def default_order(model: OrgModel) -> list[str]:
    """The step-down order used when none is given: the service unit that hands the
    largest share of its cost to other service units first — share = Σ weights of the
    dependencies of service units on it / Σ weights of all dependencies on it (0 when
    nobody depends on it) — ties broken by larger own cost first, then by id.

    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> for uid, office in [("shop", "front"), ("hr", "back"), ("it", "back")]:
    ...     m.add_unit(Unit(uid, uid, office))
    >>> m.add_dependency("shop", "hr"); m.add_dependency("it", "hr"); m.add_dependency("shop", "it")
    >>> default_order(m)
    ['hr', 'it']
    """
    engine = _Engine(model)
    return [engine.service_ids[s] for s in flows.default_order(engine.gifts, engine.d, engine.service_ids)]


class _Engine:
    """One model read into arrays, one method's flows, and the rounding of their results."""

    flows: flows.Flows

    def __init__(self, model: OrgModel) -> None:
        units = model.units()
        self.service_ids = [u.id for u in units if not u.is_revenue_generating]
        self.revenue_ids = [u.id for u in units if u.is_revenue_generating]
        self.service_index = {uid: i for i, uid in enumerate(self.service_ids)}
        #: Unit numbers in id order, and the ids in that order (attribution rows are by id).
        self.service_by_id = np.array(sorted(range(len(self.service_ids)), key=self.service_ids.__getitem__), dtype=np.int64)
        self.revenue_by_id = np.array(sorted(range(len(self.revenue_ids)), key=self.revenue_ids.__getitem__), dtype=np.int64)
        self.sorted_service_ids = [self.service_ids[s] for s in self.service_by_id]
        self.sorted_revenue_ids = [self.revenue_ids[r] for r in self.revenue_by_id]
        self.revenue_index = {uid: i for i, uid in enumerate(self.revenue_ids)}
        self.names = {u.id: u.name for u in units}
        # An unclassified unit's own cost is left out: it may be a revenue unit once classified.
        self.left_out = tuple(sorted(uid for uid in self.service_ids if is_unclassified(model.unit(uid))))
        self.d_cents = np.array([0 if is_unclassified(unit := model.unit(uid)) else round((unit.cost or 0) * 100) for uid in self.service_ids], dtype=np.int64)
        self.d = self.d_cents / 100.0
        self.d_sorted = self.d[self.service_by_id]
        #: Where each service unit stands in id order (a row of the kept matrix).
        self.service_position = np.empty(len(self.service_ids), dtype=np.int64)
        self.service_position[self.service_by_id] = np.arange(len(self.service_ids))
        self._matrix: np.ndarray | None = None
        giver, taker, to_service, weight = [], [], [], []
        service, revenue = self.service_index, self.revenue_index
        for dep in model.dependencies():
            s = service.get(dep.target)
            if s is None:
                continue  # revenue units pass nothing on
            giver.append(s)
            t = service.get(dep.source)
            to_service.append(t is not None)
            taker.append(t if t is not None else revenue[dep.source])
            weight.append(1.0 if dep.weight is None else float(dep.weight))
        self.gifts = flows.Gifts(
            np.array(giver, dtype=np.int64), np.array(taker, dtype=np.int64), np.array(to_service, dtype=bool),
            np.array(weight, dtype=float), len(self.service_ids), len(self.revenue_ids),
        )

    def checked_order(self, model: OrgModel, order: Sequence[str]) -> list[int]:
        sequence, seen = [], set()
        for uid in order:
            if uid not in model:
                raise AllocationError(tr("the step order names {unit!r}, which is not a unit of the model", unit=uid))
            if uid in self.revenue_index:
                raise AllocationError(tr("the step order names {unit!r}, a revenue-generating unit; list service units only", unit=uid))
            if uid in seen:
                raise AllocationError(tr("the step order names {unit!r} twice", unit=uid))
            seen.add(uid)
            sequence.append(self.service_index[uid])
        missing = [uid for uid in self.service_ids if uid not in seen]
        if missing:
            raise AllocationError(
                tr("the step order leaves out service units ({count} in all): {units}", count=len(missing), units=", ".join(sorted(missing)[:10]) + (" …" if len(missing) > 10 else ""))
            )
        return sequence

    # -- results ---------------------------------------------------------------------------

    def result(self, model: OrgModel, method: str, order: tuple[str, ...]) -> CostAllocation:
        f = self.flows
        total = int(self.d_cents.sum())
        stopping = [s for s, why in enumerate(f.stops) if why is not None]
        # One apportionment for allocated + stopped amounts: they add up to the total exactly.
        cents = flows.apportion(np.concatenate([f.allocated, f.x[stopping]]) * 100.0, total)
        allocated_c, stopped_c = cents[: len(self.revenue_ids)], cents[len(self.revenue_ids) :]
        unallocated_total = total - int(allocated_c.sum())
        self.unallocated_c = flows.apportion(np.maximum(self.d * (1.0 - f.reached), 0.0) * 100.0, unallocated_total)
        self.allocated_c = allocated_c
        sink_reason = {s: self._stop_reason(s) for s in stopping}
        self.revenue_rows = []
        for r, uid in enumerate(self.revenue_ids):
            unit = model.unit(uid)
            own = round((unit.cost or 0) * 100)
            loaded = own + int(allocated_c[r])
            margin = None if unit.revenue is None else round(unit.revenue * 100) - loaded
            self.revenue_rows.append(
                RevenueCost(uid, unit.name, unit.office, own / 100, int(allocated_c[r]) / 100, loaded / 100, unit.revenue, None if margin is None else margin / 100)
            )
        self.service_rows = []
        origin_reasons = self._origin_reasons(sink_reason) if unallocated_total else {}
        for s, uid in enumerate(self.service_ids):
            u = int(self.unallocated_c[s])
            reason = origin_reasons.get(s) if u else None
            total_cost = round(float(f.x[s]) * 100) / 100
            self.service_rows.append(ServiceCost(uid, self.names[uid], model.unit(uid).office, int(self.d_cents[s]) / 100, total_cost, u / 100, reason))
        sinks = self._sinks(stopping, stopped_c, sink_reason)
        by_revenue = sorted(range(len(self.revenue_ids)), key=self.revenue_ids.__getitem__)
        by_service = sorted(range(len(self.service_ids)), key=self.service_ids.__getitem__)
        return CostAllocation(
            method, order, tuple(self.revenue_rows[r] for r in by_revenue), tuple(self.service_rows[s] for s in by_service),
            sinks, total / 100, int(allocated_c.sum()) / 100, unallocated_total / 100, self.left_out, self,
        )

    def _stop_reason(self, s: int) -> Text:
        why = self.flows.stops[s]
        if why == flows.CLOSED_GROUP:
            names = sorted(self.names[self.service_ids[t]] for t in self.flows.groups[s])
            return tr("a closed group that passes its cost only among itself: {units}", units=_names(names))
        if why == flows.CLOSED_BEFORE:
            return tr("every unit that depends on it is closed before it in the step order")
        if why == flows.NO_REVENUE:
            return tr("no revenue-generating unit depends on it directly (the direct method ignores service units' dependencies on each other)")
        return tr("no unit depends on it")

    def _origin_reasons(self, sink_reason: Mapping[int, Text]) -> dict[int, Text]:
        """Why some of each unit's own cost reaches no revenue unit: its own stop, or the
        nearest place downstream where cost stops (one breadth-first pass back from every
        stop along the shares, so each unit learns its nearest stop)."""
        reasons: dict[int, Text] = dict(sink_reason)
        nearest: dict[int, int] = {s: s for s in sink_reason}
        back = self.flows.p.T.tocsr()  # t -> the units that give to t
        frontier = list(sink_reason)
        while frontier:
            nxt = []
            for t in frontier:
                for u in back.indices[back.indptr[t] : back.indptr[t + 1]]:
                    u = int(u)
                    if u not in nearest:
                        nearest[u] = nearest[t]
                        nxt.append(u)
            frontier = nxt
        for u, s in nearest.items():
            if u not in reasons:
                members = self.flows.groups.get(s, [s])
                names = sorted(self.names[self.service_ids[t]] for t in members)
                reasons[u] = tr("part of its cost stops at {units}, which hand nothing on to revenue-generating units", units=_names(names))
        return reasons

    def _sinks(self, stopping: list[int], cents: np.ndarray, sink_reason: Mapping[int, Text]) -> tuple[CostSink, ...]:
        groups: dict[tuple[str, ...], list[int]] = {}
        reasons: dict[tuple[str, ...], Text] = {}
        for k, s in enumerate(stopping):
            members = self.flows.groups.get(s, [s])
            key = tuple(sorted(self.service_ids[t] for t in members))
            groups.setdefault(key, []).append(int(cents[k]))
            reasons[key] = sink_reason[s]
        found = [(sum(amounts), key) for key, amounts in groups.items() if sum(amounts)]
        return tuple(CostSink(key, amount / 100, reasons[key]) for amount, key in sorted(found, key=lambda item: (-item[0], item[1])))

    # -- attribution -----------------------------------------------------------------------

    def matrix(self) -> np.ndarray | None:
        """F, rows by service id and columns by revenue id, solved once (a block of
        :data:`CHUNK` revenue units at a time, as :meth:`from_blocks` would) and kept, or
        ``None`` when it has more than :data:`FULL_LIMIT` numbers."""
        n, m = len(self.service_ids), len(self.revenue_ids)
        if self._matrix is None and n * m <= FULL_LIMIT:
            blocks = [self.revenue_by_id[k : k + CHUNK] for k in range(0, m, CHUNK)]
            self._matrix = self.flows.attribution(blocks, self.service_by_id)
        return self._matrix

    def from_blocks(self) -> Iterator[tuple[list[str], np.ndarray]]:
        full = self.matrix()
        for start in range(0, len(self.revenue_ids), CHUNK):
            chunk = self.revenue_by_id[start : start + CHUNK]
            shares = full[:, start : start + len(chunk)] if full is not None else self.flows.landing_columns(chunk)[self.service_by_id]
            yield [self.revenue_ids[r] for r in chunk], self._from_cents(chunk, shares)

    def to_blocks(self) -> Iterator[tuple[list[str], np.ndarray]]:
        full = self.matrix()
        for start in range(0, len(self.service_ids), CHUNK):
            chunk = self.service_by_id[start : start + CHUNK]
            shares = full[start : start + len(chunk)] if full is not None else self._rows(chunk)
            yield [self.service_ids[s] for s in chunk], self._to_cents(chunk, shares)

    def from_one(self, r: int) -> dict[str, float]:
        chunk = np.array([r])
        return amounts(self.sorted_service_ids, self._from_cents(chunk, self.flows.landing_columns(chunk)[self.service_by_id])[0])

    def to_one(self, s: int) -> dict[str, float]:
        chunk = np.array([s])
        return amounts(self.sorted_revenue_ids, self._to_cents(chunk, self._rows(chunk))[0])

    def landing_blocks(self, service_ids: Sequence[str], whole: bool) -> Iterator[tuple[list[str], np.ndarray]]:
        rows = np.array([self.service_index[uid] for uid in service_ids], dtype=np.int64)
        full = self.matrix() if whole else None
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            shares = full[self.service_position[chunk]] if full is not None else self._rows(chunk)
            yield [self.service_ids[s] for s in chunk], shares

    def _rows(self, chunk: np.ndarray) -> np.ndarray:
        """F for the service units of ``chunk``, solved row by row; columns by revenue id."""
        return self.flows.landing_rows(chunk.tolist())[:, self.revenue_by_id]

    def _from_cents(self, chunk: np.ndarray, shares: np.ndarray) -> np.ndarray:
        """Revenue units ``chunk`` (their columns of F in ``shares``, rows by service id) to
        the cent, each row adding up to the unit's allocated amount."""
        values = shares.T * self.d_sorted
        np.maximum(values, 0.0, out=values)
        values *= 100.0
        return flows.apportion_rows(values, self.allocated_c[chunk])

    def _to_cents(self, chunk: np.ndarray, shares: np.ndarray) -> np.ndarray:
        """Service units ``chunk`` (their rows of F, columns by revenue id) to the cent, each
        row adding up to the unit's own cost minus its unallocated amount."""
        values = shares * self.d[chunk][:, None]
        np.maximum(values, 0.0, out=values)
        values *= 100.0
        return flows.apportion_rows(values, self.d_cents[chunk] - self.unallocated_c[chunk])


#: A reason names at most this many units of a group (a cycle can hold thousands).
NAMED = 8


def _names(names: Sequence[str]) -> Text | str:
    shown = joined(list(names[:NAMED]), lambda first, second: tr("{first}, {second}", first=first, second=second))
    if len(names) > NAMED:
        return tr("{units} and {count} more", units=shown, count=len(names) - NAMED)
    return shown
