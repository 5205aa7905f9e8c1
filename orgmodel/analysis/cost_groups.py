"""Allocated cost by *group* of origin, for every revenue unit at once: how much of each
revenue unit's allocated cost comes from the front, middle and back office (or from any
grouping of the service units).

The attribution by origin (:meth:`CostAllocation.from_services
<orgmodel.analysis.cost.CostAllocation.from_services>`) is one solve per revenue unit, a
chunk at a time; summed by group it answers this question, but at 10,000 units it is the
whole attribution matrix. Grouped first, it is one solve with one right-hand side per group:
``Fᵀ (d ⊙ W)``, where column g of ``W`` marks the service units of group g
(:meth:`~orgmodel.analysis.cost_flows.Flows.landing_sums`). The amounts are rounded to the
cent per revenue unit by the largest remainder method, so that they add up *exactly* to its
allocated amount.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from orgmodel.analysis.cost import _Engine


def from_groups(engine: _Engine, group_of: Mapping[str, str] | None) -> dict[str, dict[str, float]]:
    """Revenue unit id (in id order) → group → amount (non-zero, to the cent, adding up to
    the unit's allocated amount). ``group_of`` maps each service unit's id to its group
    (default: its office); a service unit it leaves out is grouped under ``""``."""
    service_rows = engine.service_rows
    groups = [row.office if group_of is None else group_of.get(row.id, "") for row in service_rows]
    keys = sorted(set(groups))
    column = {key: k for k, key in enumerate(keys)}
    n, m = len(service_rows), len(engine.revenue_ids)
    w = np.zeros((n, len(keys)))
    if n:
        w[np.arange(n), [column[g] for g in groups]] = engine.d
    amounts = engine.flows.landing_sums(w) * 100.0  # m × k, in cents
    cents = apportion_rows(np.maximum(amounts, 0.0), engine.allocated_c.astype(np.int64)) if m else np.zeros((0, len(keys)), np.int64)
    result: dict[str, dict[str, float]] = {}
    for r in engine.revenue_by_id:
        row = cents[r]
        result[engine.revenue_ids[r]] = {keys[k]: int(row[k]) / 100 for k in np.flatnonzero(row)}
    return result


def apportion_rows(values: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Each row of ``values`` rounded to integers adding up to its ``targets`` entry exactly
    (:func:`~orgmodel.analysis.cost_flows.apportion`, for all rows at once).

    >>> apportion_rows(np.array([[33.4, 33.3, 33.3], [0.6, 0.6, 0.8]]), np.array([100, 1])).tolist()
    [[34, 33, 33], [0, 0, 1]]
    """
    rows, k = values.shape
    if not k:
        return np.zeros((rows, 0), np.int64)
    floors = np.floor(values)
    result = floors.astype(np.int64)
    fractions = values - floors
    left = targets - result.sum(axis=1)
    whole, rest = np.divmod(np.abs(left), k)
    sign = np.sign(left)
    result += (sign * whole)[:, None]
    # Rank of each entry in its row: by fraction, largest first when cents are missing,
    # smallest first when there are too many.
    order = np.argsort(np.where(sign[:, None] >= 0, -fractions, fractions), axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(k)[None, :].repeat(rows, axis=0), axis=1)
    result += np.where(rank < rest[:, None], sign[:, None], 0)
    return result
