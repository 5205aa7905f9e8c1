"""What-if: fail some units and see what stops, with alternatives counted.

A dependency ``A → S`` says that A needs S. A unit's dependencies that share a ``group``
are *alternatives*: the unit needs at least one of them; a dependency without a group is
required on its own. With a set of units failed, a unit is **down** when

* it failed, or
* a required supporter is down, or
* every supporter of one of its groups is down,

and nothing else is down: the least fixed point, found by one pass that lets each unit that
goes down knock on its dependents (a unit depending on a group is knocked down by the last
of the group to fall). Cycles need no special case: IT and Finance requiring each other both
go down when one fails, and neither does when neither failed. Reporting lines play no part.

The result names the revenue-generating units down, their revenue at risk (a unit without a
revenue figure counts 0), for each of them the chain that explains it (the revenue unit, the
supporter that took it down, … down to a failed unit), and the revenue units that are up
*only thanks to an alternative*: those that would be down if every dependency were required.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass

from orgmodel.analysis.amounts import total
from orgmodel.errors import OrgModelError
from orgmodel.i18n import tr
from orgmodel.model import OrgModel


class UnknownUnitsError(OrgModelError):
    """Ids asked to fail that are not units of the model."""

    def __init__(self, ids: list[str]) -> None:
        super().__init__(tr("unknown unit ids: {ids}", ids=", ".join(ids)))
        self.ids = ids


class Needs:
    """Who needs whom, read off a model for one or many what-ifs: ``dependents[s]`` the units
    that depend on s, ``group[(a, s)]`` the group of a's dependency on s when it has one,
    ``size[(a, g)]`` the number of supporters in a's group g."""

    __slots__ = ("dependents", "group", "size")

    def __init__(self, model: OrgModel) -> None:
        self.dependents = model.adjacency()[1]
        self.group = model.dependency_groups()
        self.size = Counter((a, g) for (a, _), g in self.group.items())


def fall(needs: Needs, failed: Iterable[str]) -> dict[str, str]:
    """The units down when ``failed`` fail: ``{unit: cause}``, cause the supporter whose fall
    took the unit down (a failed unit is its own cause)."""
    cause = {uid: uid for uid in failed}
    queue = deque(cause)
    left: dict[tuple[str, str], int] = {}  # supporters of a group still up
    dependents, group_of, size = needs.dependents, needs.group, needs.size
    while queue:
        s = queue.popleft()
        for a in dependents[s]:
            if a in cause:
                continue
            if group_of:
                g = group_of.get((a, s))
                if g is not None:
                    key = (a, g)
                    remaining = left.get(key, size[key]) - 1
                    left[key] = remaining
                    if remaining:
                        continue
            cause[a] = s
            queue.append(a)
    return cause


def held_by_alternatives(needs: Needs, down: dict[str, str]) -> set[str]:
    """The units up that would be down if every dependency were required: reached from the
    units ``down`` only through a group that still has a member up."""
    dependents, group_of = needs.dependents, needs.group
    if not group_of:
        return set()
    reached: set[str] = set()
    queue = deque(a for s in down for a in dependents[s] if a not in down and (a, s) in group_of)
    while queue:
        a = queue.popleft()
        if a in reached or a in down:
            continue
        reached.add(a)
        queue.extend(dependents[a])
    return reached


@dataclass(frozen=True)
class WhatIf:
    """The answer to "what if these units failed?" (every id list sorted)."""

    failed: list[str]
    down: list[str]
    revenue_units_down: list[str]
    revenue_at_risk: float | int  # a whole number of any size when every revenue is whole
    #: For each revenue unit down: the revenue unit, the unit that took it down, … a failed unit.
    chains: dict[str, list[str]]
    #: Revenue units that are up only because an alternative of a group is up.
    saved_by_alternative: list[str]

    def to_json(self) -> dict:
        return {
            "failed": self.failed,
            "down": self.down,
            "revenue_units_down": self.revenue_units_down,
            "revenue_at_risk": self.revenue_at_risk,
            "chains": self.chains,
            "saved_by_alternative": self.saved_by_alternative,
        }


def check_ids(model: OrgModel, ids: Iterable[str]) -> list[str]:
    """``ids`` without repeats, in order; :class:`UnknownUnitsError` names any not in ``model``."""
    wanted = list(dict.fromkeys(ids))
    unknown = [uid for uid in wanted if uid not in model]
    if unknown:
        raise UnknownUnitsError(unknown)
    return wanted


def what_if(model: OrgModel, failed: Iterable[str], needs: Needs | None = None) -> WhatIf:
    """What stops when the units ``failed`` fail. Raises :class:`UnknownUnitsError`.

    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> for uid, office, revenue in (("sales", "front", 100.0), ("it1", "back", None), ("it2", "back", None)):
    ...     m.add_unit(Unit(uid, uid, office, revenue=revenue))
    >>> m.add_dependency("sales", "it1", group="it"); m.add_dependency("sales", "it2", group="it")
    >>> what_if(m, ["it1"]).saved_by_alternative, what_if(m, ["it1", "it2"]).chains
    (['sales'], {'sales': ['sales', 'it2']})
    """
    wanted = check_ids(model, failed)
    needs = needs or Needs(model)
    cause = fall(needs, wanted)
    unit = model.unit
    revenue_units = [uid for uid in cause if unit(uid).is_revenue_generating]
    chains: dict[str, list[str]] = {}
    for r in sorted(revenue_units):
        chain = [r]
        while cause[chain[-1]] != chain[-1]:
            chain.append(cause[chain[-1]])
        chains[r] = chain
    saved = [uid for uid in held_by_alternatives(needs, cause) if unit(uid).is_revenue_generating]
    return WhatIf(
        failed=sorted(wanted),
        down=sorted(cause),
        revenue_units_down=list(chains),
        revenue_at_risk=total(unit(uid).revenue for uid in revenue_units),
        chains=chains,
        saved_by_alternative=sorted(saved),
    )
