"""Single points of failure: which units' failure alone takes each revenue unit down.

Failing each unit in turn and running :func:`orgmodel.analysis.whatif.what_if` costs one
pass over the whole model per unit: 10,000 passes at 10,000 units. Here the question is
turned round. For every unit A, ``fells(A)`` is the set of units whose single failure takes
A down; by the rules of the what-if

    fells(A) = {A}  ∪  ⋃ over A's required supporters R: fells(R)
                    ∪  ⋃ over A's groups G: ⋂ over S in G: fells(S)

(a group falls only when all of its members fall, and one failure fells them all only if it
is in each one's set). In a model without cycles the sets follow supporters first, in one
pass; units that depend on each other in a circle are iterated to the least solution, which
is exactly what failing each unit gives (the what-if is itself a least fixed point). With
alternatives only this is the dominator tree of the support graph; with mixed required and
alternative dependencies it is this union-of-intersections, and sets as Python integers
(one bit per unit) make each union or intersection one C-level operation.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress

import numpy as np

from orgmodel.analysis.amounts import EXACT_FLOATS, total
from orgmodel.analysis.kernel import Roster, mask, strongly_connected
from orgmodel.model import OrgModel


@dataclass(frozen=True)
class Numbered:
    """The needs of every unit by number (units numbered in the order of their sorted ids, so
    that a set of units as bits reads out sorted): ``required[a]`` the supporters a needs
    each of, ``groups[a]`` its alternative groups, one supporter of each needed."""

    ids: list[str]
    required: list[list[int]]
    groups: list[list[list[int]]]


def numbered(model: OrgModel) -> Numbered:
    """The needs of ``model``'s units by number."""
    ids = sorted(model.unit_ids())
    index = {uid: i for i, uid in enumerate(ids)}
    position = index.__getitem__
    successors = model.adjacency()[0]
    required = [list(map(position, successors[uid])) for uid in ids]
    groups: list[list[list[int]]] = [[] for _ in ids]
    named: dict[str, dict[str, list[int]]] = {}
    for (source, target), group in model.dependency_groups().items():
        named.setdefault(source, {}).setdefault(group, []).append(index[target])
    for source, found in named.items():  # the few units with alternatives
        a = index[source]
        grouped = {s for members in found.values() for s in members}
        required[a] = [s for s in required[a] if s not in grouped]
        groups[a] = list(found.values())
    return Numbered(ids, required, groups)


def fells(needs: Numbered) -> list[int]:
    """For every unit, by number: the bits of the units whose single failure takes it down."""
    required, groups = needs.required, needs.groups
    n = len(needs.ids)
    successors = [list(required[a]) + [s for g in groups[a] for s in g] for a in range(n)]
    component, count = strongly_connected(successors)
    members: list[list[int]] = [[] for _ in range(count)]
    for v, c in enumerate(component):
        members[c].append(v)
    value = [0] * n

    def solve(a: int) -> int:
        bits = 1 << a
        for r in required[a]:
            bits |= value[r]
        for group in groups[a]:
            common = value[group[0]]
            for s in group[1:]:
                common &= value[s]
            bits |= common
        return bits

    for group in members:  # supporters first: components are numbered sinks first
        if len(group) == 1:
            value[group[0]] = solve(group[0])
            continue
        changed = True
        while changed:  # values only grow, from nothing: the least solution
            changed = False
            for a in group:
                bits = solve(a)
                if bits != value[a]:
                    value[a] = bits
                    changed = True
    return value


@dataclass(frozen=True)
class SinglePoints:
    """Single points of failure of a model.

    ``units``: every unit with the revenue units its failure alone takes down (itself
    included when it is one) and their revenue, highest revenue at risk first, then by id.
    ``by_revenue_unit``: for each revenue unit, the other units whose failure alone takes
    it down (sorted ids).
    """

    units: list[dict]
    by_revenue_unit: dict[str, list[str]]

    def to_json(self) -> dict:
        return {"units": self.units, "by_revenue_unit": self.by_revenue_unit}


def single_points(model: OrgModel, needs: Numbered | None = None) -> SinglePoints:
    """The single points of failure of ``model``, with alternatives counted.

    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> for uid, office, revenue in (("sales", "front", 100.0), ("hr", "back", None), ("it1", "back", None), ("it2", "back", None)):
    ...     m.add_unit(Unit(uid, uid, office, revenue=revenue))
    >>> m.add_dependency("sales", "hr"); m.add_dependency("sales", "it1", group="it"); m.add_dependency("sales", "it2", group="it")
    >>> single_points(m).by_revenue_unit
    {'sales': ['hr']}
    >>> [(row["id"], row["revenue_at_risk"]) for row in single_points(m).units]
    [('hr', 100.0), ('sales', 100.0), ('it1', 0), ('it2', 0)]
    """
    needs = needs or numbered(model)
    ids = needs.ids  # sorted: bits read out in id order
    units = list(map(model.unit, ids))
    value = fells(needs)
    roster = Roster(ids)
    revenue_units = [i for i, u in enumerate(units) if u.is_revenue_generating]
    by_revenue_unit = {ids[r]: roster.decode(value[r] & ~(1 << r)) for r in revenue_units}
    # Who fells which revenue unit: a row of bytes per revenue unit, read by columns.
    n = len(ids)
    felled = np.frombuffer(b"".join(mask(value[r]).ljust(n, b"\0") for r in revenue_units), dtype=np.uint8)
    by_unit = felled.reshape(len(revenue_units), n).T.copy()  # row u: the revenue units u fells
    amounts = [units[r].revenue or 0 for r in revenue_units]
    if sum(abs(float(a)) for a in amounts) < EXACT_FLOATS:  # floats add these exactly enough, at numpy speed
        risk = (by_unit @ np.array(amounts, dtype=float)).tolist() if revenue_units else [0.0] * n
    else:  # huge revenues: as floats they could add up to inf; whole ones are added exactly
        risk = [total(compress(amounts, by_unit[i].tobytes())) for i in range(n)]
    revenue_ids = [ids[r] for r in revenue_units]
    rows = [
        {"id": uid, "name": units[i].name, "revenue_at_risk": _number(risk[i]),
         "revenue_units": list(compress(revenue_ids, by_unit[i].tobytes()))}
        for i, uid in enumerate(ids)
    ]
    rows.sort(key=lambda row: -row["revenue_at_risk"])  # stable: ties stay in id order
    return SinglePoints(rows, by_revenue_unit)


def _number(value: float | int) -> float | int:
    """A sum of revenue as JSON writes it: 0 when nothing is at risk."""
    return value if value else 0
