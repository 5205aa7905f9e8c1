"""Which back-office units support each revenue-generating unit, and the reverse.

Definitions (``docs/file-format.md`` and the design notes say the same):

* ``support(F)``: for a revenue-generating unit F, the back-office units ``B != F``
  reachable from F along one or more dependency edges, through units of any office.
* ``impact(B)``: for a back-office unit B, the revenue-generating units F with B in
  ``support(F)``. Reporting lines never count as support.

One traversal serves every unit (:mod:`orgmodel.analysis.kernel`): the strongly connected
components of the dependency graph are found in one linear pass, and reachability is
propagated over the condensation as Python integers used as bitsets, one bit per back-office
unit (or per revenue unit, for the reverse question). A per-unit ``nx.descendants`` loop
(:mod:`orgmodel.analysis.reference`) is quadratic; this is linear in the graph plus the size
of the bitsets. All functions are pure: they read the model and never change it, and every
list they return is sorted.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from orgmodel.analysis.amounts import total
from orgmodel.analysis.kernel import Condensation, Roster, reach_down, reach_up
from orgmodel.analysis.queries import BitsetAnswers, SupportQueries
from orgmodel.gcpause import gc_paused
from orgmodel.model import OrgModel, is_unclassified

_Propagation = Callable[[Condensation, list[int]], list[int]]


class SupportAnalysis(BitsetAnswers):
    """The support relation of one model state, kept compact as bitsets.

    Build it with :func:`analyse`; ask it per unit (:meth:`support`, :meth:`impact`,
    :meth:`support_count`) or for the whole map (:meth:`support_map`, :meth:`impact_map`).
    Support is computed at once; impact (the reverse pass) on first use.

    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> for uid, office in [("sales", "front"), ("crm", "middle"), ("it", "back"), ("fin", "back")]:
    ...     m.add_unit(Unit(uid, uid.upper(), office))
    >>> for a, b in [("sales", "crm"), ("crm", "it"), ("it", "fin"), ("fin", "it")]:
    ...     m.add_dependency(a, b)
    >>> result = analyse(m)
    >>> result.support("sales"), result.impact("fin")
    (['fin', 'it'], ['sales'])
    >>> result.cycles
    [['fin', 'it']]
    >>> result.support_map_json()
    '{"sales": ["fin", "it"]}'
    """

    def __init__(self, model: OrgModel) -> None:
        order = model.unit_ids()
        units = model.units()
        graph = Condensation(order, model.adjacency()[0])

        #: Ids of the revenue-generating units, sorted.
        self.revenue_units: list[str] = sorted(u.id for u in units if u.is_revenue_generating)
        #: Ids of the back-office units, sorted; bit i of a support set stands for entry i.
        self.back_office_units: list[str] = sorted(u.id for u in units if u.office == "back")
        #: Groups of units that depend on each other in a circle (each sorted), sorted.
        self.cycles: list[list[str]] = sorted(map(sorted, graph.cycles()))
        self._graph = graph
        self._back, self._rev = Roster(self.back_office_units), Roster(self.revenue_units)
        self._support_bits = self._pass(reach_down, self.back_office_units, self.revenue_units)

    def _pass(self, propagate: _Propagation, bit_units: list[str], answered: list[str]) -> dict[str, int]:
        """The bits of ``bit_units`` (bit i for entry i) that ``propagate`` carries to each
        unit of ``answered``, the unit's own bit left out."""
        index, component = self._graph.index, self._graph.component
        own = [0] * len(component)
        for i, uid in enumerate(bit_units):
            own[index[uid]] = 1 << i
        value = propagate(self._graph, own)
        return {uid: value[component[index[uid]]] & ~own[index[uid]] for uid in answered}

    def support_map_json_pieces(self) -> Iterator[str]:
        """:meth:`support_map_json` piece by piece, for writing a large map as it is made."""
        return self._back.json_pieces(self._support_bits)

    def impact_map_json_pieces(self) -> Iterator[str]:
        """:meth:`impact_map_json` piece by piece; see :meth:`support_map_json_pieces`."""
        return self._rev.json_pieces(self._impact_bits)

    @cached_property
    def _impact_bits(self) -> dict[str, int]:
        with gc_paused():
            return self._pass(reach_up, self.revenue_units, self.back_office_units)

    def supports(self, revenue_id: str, back_id: str) -> bool:
        """Whether ``back_id`` is in ``support(revenue_id)``."""
        bits = self._support_bits.get(revenue_id)
        i = bisect_left(self.back_office_units, back_id)
        if bits is None or i == len(self.back_office_units) or self.back_office_units[i] != back_id:
            return False
        return bool(bits >> i & 1)


def analyse(model: OrgModel) -> SupportAnalysis:
    """Compute support (and, on demand, impact) for every unit of ``model``."""
    with gc_paused():
        return SupportAnalysis(model)


def support_map(model: OrgModel) -> dict[str, list[str]]:
    """``{revenue unit id: sorted back-office supporter ids}`` for the whole model."""
    return analyse(model).support_map()


def impact_map(model: OrgModel) -> dict[str, list[str]]:
    """``{back-office unit id: sorted revenue unit ids it supports}`` for the whole model."""
    return analyse(model).impact_map()


def revenue_at_risk(model: OrgModel, analysis: SupportQueries | None = None) -> dict[str, float]:
    """For every back-office unit, the summed annual revenue of the units it supports.

    A unit without a revenue figure counts as 0.

    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("a", "A", "front", revenue=100)); m.add_unit(Unit("b", "B", "front", revenue=50))
    >>> m.add_unit(Unit("it", "IT", "back"))
    >>> m.add_dependency("a", "it"); m.add_dependency("b", "it")
    >>> revenue_at_risk(m)
    {'it': 150}
    """
    analysis = analysis or analyse(model)
    revenue = {uid: model.unit(uid).revenue or 0 for uid in analysis.revenue_units}
    return {uid: total(revenue[f] for f in analysis.impact(uid)) for uid in analysis.back_office_units}


@dataclass(frozen=True)
class Findings:
    """What deserves a look: gaps in support and circular dependencies."""

    unsupported_revenue_units: list[str]
    """Revenue-generating units that no back-office unit supports."""
    idle_back_office_units: list[str]
    """Back-office units that support no revenue-generating unit."""
    dependency_cycles: list[list[str]]
    """Groups of units depending on each other in a circle (not errors: real firms have them)."""
    unclassified_units: list[str]
    """Units without an office yet: support and cost figures leave them out (not errors:
    the line between front and back office has to be drawn first)."""


def findings(model: OrgModel, analysis: SupportQueries | None = None) -> Findings:
    """Gaps, cycles and unclassified units, each list sorted.

    >>> from orgmodel.model import OrgModel, Unit, unclassified_unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("shop", "Shop", "front")); m.add_unit(Unit("legal", "Legal", "back"))
    >>> m.add_unit(unclassified_unit("crm", "CRM"))
    >>> findings(m)
    Findings(unsupported_revenue_units=['shop'], idle_back_office_units=['legal'], dependency_cycles=[], unclassified_units=['crm'])
    """
    analysis = analysis or analyse(model)
    return Findings(
        [uid for uid in analysis.revenue_units if not analysis.support_count(uid)],
        [uid for uid in analysis.back_office_units if not analysis.impact_count(uid)],
        analysis.cycles,
        unclassified_ids(model),
    )


def unclassified_ids(model: OrgModel) -> list[str]:
    """The ids of the units without an office, sorted."""
    return sorted(u.id for u in model.units() if is_unclassified(u))
