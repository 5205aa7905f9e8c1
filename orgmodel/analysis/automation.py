"""Where automation (RPA/AI) pays first: every unit ranked by what automating it would save.

* **Savings potential** = cost × ``automation_potential`` (annual as-is cost × the share of
  the work that can be automated).
* **Priority** = savings × ease, where ease is the unit's ``automation_ease`` (0–1, ease of
  implementation); a unit without one counts as 1.
* **Revenue supported**: the revenue of the revenue-generating units that depend on the unit,
  directly or through other units (for a back-office unit exactly its revenue at risk,
  :func:`orgmodel.analysis.revenue_at_risk`), plus its own revenue when it is itself
  revenue-generating.
* **Margin uplift**: what each revenue unit's margin would gain, read off the cost attribution
  (:mod:`orgmodel.analysis.cost`): a service unit's savings land where its cost lands (savings
  × the share of its own cost that reaches each revenue unit); a revenue unit's savings are its
  own.

Every office is ranked (the line between front and back office is blurred); units lacking a
cost or a potential come last, with the reason, never dropped.

>>> from orgmodel.model import OrgModel, Unit
>>> m = OrgModel()
>>> m.add_unit(Unit("shop", "Shop", "front", revenue=1000))
>>> m.add_unit(Unit("payroll", "Payroll", "back", cost=100, automation_potential=0.6))
>>> m.add_unit(Unit("it", "IT", "back", cost=900, automation_potential=0.1))
>>> m.add_unit(Unit("legal", "Legal", "back", cost=50))
>>> for uid in ("payroll", "it", "legal"):
...     m.add_dependency("shop", uid)
>>> [(c.id, c.savings, c.margin_uplift, c.reason) for c in rank_automation(m)]
[('it', 90.0, {'shop': 90.0}, None), ('payroll', 60.0, {'shop': 60.0}, None), ('legal', None, {}, 'no automation potential'), ('shop', None, {}, 'no cost and no automation potential')]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from orgmodel.analysis import cost as costs
from orgmodel.analysis.cost import SHARE_FLOOR, CostAllocation, allocate, amounts
from orgmodel.analysis.kernel import Condensation, mask, reach_up
from orgmodel.i18n import Text, tr
from orgmodel.model import OrgModel

@dataclass(frozen=True, slots=True)
class AutomationCandidate:
    """One unit in the automation ranking (money to the cent)."""

    id: str
    name: str
    office: str | None
    cost: float | None
    automation_potential: float | None
    automation_ease: float | None
    """As the unit says (``None``: not set; the priority then counts it as 1)."""
    savings: float | None
    priority: float | None
    revenue_supported: float
    margin_uplift: Mapping[str, float] = field(default_factory=dict)
    """Revenue unit id → what its margin would gain (non-zero amounts, by id)."""
    reason: Text | None = None
    """Why the unit cannot be ranked (no cost, no potential), else ``None``."""


def revenue_supported(model: OrgModel) -> dict[str, float]:
    """For every unit, the revenue of the revenue-generating units that depend on it,
    directly or through others, plus its own when it is revenue-generating. One pass of the
    support kernel over the whole graph (as the impact analysis does)."""
    order = model.unit_ids()
    units = model.units()
    revenue_ids = [u.id for u in units if u.is_revenue_generating]
    graph = Condensation(order, model.adjacency()[0])
    own = [0] * len(order)
    for bit, uid in enumerate(revenue_ids):
        own[graph.index[uid]] = 1 << bit
    up = reach_up(graph, own)
    amounts = np.array([float(model.unit(uid).revenue or 0) for uid in revenue_ids])
    result: dict[str, float] = {}
    for v, uid in enumerate(order):
        bits = up[graph.component[v]] | own[v]
        if not bits:
            result[uid] = 0.0
            continue
        chosen = np.frombuffer(mask(bits), dtype=np.uint8)
        result[uid] = float(amounts[: len(chosen)] @ chosen)
    return result


def rank_automation(model: OrgModel, allocation: CostAllocation | None = None, uplift: bool = True) -> list[AutomationCandidate]:
    """Every unit of ``model``, highest priority first (ties: larger savings, then name and
    id); units that cannot be ranked last, by name and id. ``allocation`` is the cost
    attribution the margin uplift is read from (default: the reciprocal method).

    The margin uplift of every unit at once is the whole attribution (seconds at 10,000
    units); ``uplift=False`` leaves it empty, for a table that shows one unit's uplift when
    asked (:func:`margin_uplift`)."""
    if not uplift:
        allocation = None
    elif allocation is None:
        allocation = allocate(model)
    supported = revenue_supported(model)
    ranked: list[AutomationCandidate] = []
    unranked: list[AutomationCandidate] = []
    savings_of: dict[str, int] = {}
    for unit in model.units():
        ease = getattr(unit, "automation_ease", None)
        if unit.cost is None or unit.automation_potential is None:
            if unit.cost is None and unit.automation_potential is None:
                reason = tr("no cost and no automation potential")
            elif unit.cost is None:
                reason = tr("no cost")
            else:
                reason = tr("no automation potential")
            unranked.append(AutomationCandidate(unit.id, unit.name, unit.office, unit.cost, unit.automation_potential, ease, None, None, supported[unit.id], reason=reason))
            continue
        savings_of[unit.id] = round(unit.cost * unit.automation_potential * 100)
    uplifts: dict[str, dict[str, float]] = {}
    if allocation is not None:
        columns = allocation.revenue_columns
        for ids, cents in uplift_cents(model, allocation, list(savings_of)):
            uplifts.update(zip(ids, (amounts(columns, row) for row in cents)))
    for uid, cents in savings_of.items():
        unit = model.unit(uid)
        ease = getattr(unit, "automation_ease", None)
        priority = round(cents * (1.0 if ease is None else ease)) / 100
        ranked.append(
            AutomationCandidate(
                uid, unit.name, unit.office, unit.cost, unit.automation_potential, ease, cents / 100, priority,
                supported[uid], uplifts.get(uid, {}),
            )
        )
    ranked.sort(key=lambda c: (-(c.priority or 0), -(c.savings or 0), c.name.casefold(), c.id))
    unranked.sort(key=lambda c: (c.name.casefold(), c.id))
    return ranked + unranked


def uplift_cents(model: OrgModel, allocation: CostAllocation, unit_ids: Sequence[str]) -> Iterator[tuple[list[str], np.ndarray]]:
    """The margin uplift of each of ``unit_ids`` (as :func:`margin_uplift`), in that order, a
    block of units at a time: their ids and the uplift in cents (int64, a row per unit, a
    column per revenue unit of ``allocation.revenue_columns``; a row of zeros for a unit
    without cost, potential or savings). Service units' shares are read off the kept
    attribution matrix when there is more than one (one solve for them all)."""
    columns = {uid: k for k, uid in enumerate(allocation.revenue_columns)}
    savings = {}
    for uid in unit_ids:
        unit = model.unit(uid)
        if unit.cost is not None and unit.automation_potential is not None:
            savings[uid] = round(unit.cost * unit.automation_potential * 100)
    service = [uid for uid, cents in savings.items() if cents and not model.unit(uid).is_revenue_generating]
    whole = len(service) > 1
    step = costs.CHUNK
    for start in range(0, len(unit_ids), step):
        ids = list(unit_ids[start : start + step])
        block = np.zeros((len(ids), len(columns)), dtype=np.int64)
        rows = [k for k, uid in enumerate(ids) if savings.get(uid) and not model.unit(uid).is_revenue_generating]
        if rows:
            shares = np.vstack([block for _, block in allocation.landing_blocks([ids[k] for k in rows], whole=whole)])
            spread = np.round(shares * np.array([float(savings[ids[k]]) for k in rows])[:, None])
            spread[shares <= SHARE_FLOOR] = 0.0
            block[rows] = spread.astype(np.int64)
        for k, uid in enumerate(ids):
            if savings.get(uid) and model.unit(uid).is_revenue_generating:
                block[k, columns[uid]] = savings[uid]
        yield ids, block


def margin_uplift(model: OrgModel, allocation: CostAllocation, unit_id: str) -> dict[str, float]:
    """What each revenue unit's margin would gain if ``unit_id`` were automated at its
    potential (one unit's answer of :func:`rank_automation`; empty without cost or potential)."""
    unit = model.unit(unit_id)
    if unit.cost is None or unit.automation_potential is None:
        return {}
    cents = round(unit.cost * unit.automation_potential * 100)
    if not cents:
        return {}
    if unit.is_revenue_generating:
        return {unit_id: cents / 100}
    return _spread(cents, next(allocation.landing_shares([unit_id]))[1])


def _spread(cents: int, shares: Mapping[str, float]) -> dict[str, float]:
    """``cents`` of savings spread by ``shares`` (revenue unit → fraction, in id order, as
    :meth:`CostAllocation.landing_shares` gives them), to the cent; the non-zero amounts."""
    if not shares:
        return {}
    amounts = np.round(np.fromiter(shares.values(), dtype=float, count=len(shares)) * cents)
    nonzero = np.flatnonzero(amounts)
    ids = list(shares)
    return dict(zip([ids[i] for i in nonzero], (amounts[nonzero] / 100).tolist()))
