"""The unit: a department, team or function, as values only (the model owns the relations).

Kept apart from :mod:`orgmodel.model` (the container and the only place units change) so
that readers, writers and the analysis can speak of units without the model's machinery.
``orgmodel.model`` re-exports everything here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from orgmodel.fields import UNCLASSIFIED

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Unit:
    """A department, team or function. Values only: the model owns the relations.

    ``revenue_generating`` is ``None`` when the file did not say; the effective flag is
    :attr:`is_revenue_generating` (front office by default). ``extra`` keeps keys this
    version does not know, so that a newer file survives a round trip.

    ``office`` is ``"front"``, ``"middle"``, ``"back"`` or ``None``: the unit is
    *unclassified* (see :func:`unclassified_unit` and :func:`is_unclassified`).
    """

    id: str
    name: str
    office: str | None
    revenue_generating: bool | None = None
    headcount: int | None = None
    cost: float | None = None
    revenue: float | None = None
    automation_potential: float | None = None
    automation_ease: float | None = None
    notes: str | None = None
    tags: tuple[str, ...] = ()
    x: float | None = None
    y: float | None = None
    color: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    @property
    def is_revenue_generating(self) -> bool:
        if self.revenue_generating is None:
            return self.office == "front"
        return self.revenue_generating


UNIT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Unit))


def unclassified_unit(unit_id: str, name: str, **values: Any) -> Unit:
    """A unit whose office is not known yet: what every reader makes when its source says no
    office. Unclassified is a normal state: analysis counts such a unit neither as revenue
    generating (unless its flag says so) nor as back office, and the findings list it.

    >>> unit = unclassified_unit("crm", "CRM", headcount=4)
    >>> unit.office is None, is_unclassified(unit), unit.is_revenue_generating
    (True, True, False)
    """
    return Unit(unit_id, name, UNCLASSIFIED, **values)


def is_unclassified(unit: Unit | str | None) -> bool:
    """Whether ``unit`` (a :class:`Unit`, or an office value) has no office yet.

    >>> is_unclassified(Unit("it", "IT", "back")), is_unclassified(None), is_unclassified("front")
    (False, True, False)
    """
    office = unit.office if isinstance(unit, Unit) else unit
    return office is UNCLASSIFIED


def normalise(field_name: str, value: Any) -> Any:
    if field_name == "tags":
        return tuple(value)
    if field_name in ("x", "y") and value is not None:
        return float(value)
    return value
