"""The questions every support analysis answers, as types that callers can name.

:class:`orgmodel.analysis.SupportAnalysis` (one model state), :class:`LiveAnalysis` (kept
current edit by edit) and :class:`LiveSnapshot` (a live analysis frozen) answer the same
per-unit questions with the same meaning and the same sorted outputs. Code that only asks
them (findings, revenue at risk, the highlight, the editor's panels) types its argument as
:class:`SupportQueries` and works with any of the three. :class:`SupportMaps` adds the
whole-model maps, which the full analysis and the snapshot give.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class SupportQueries(Protocol):
    """Support and impact, unit by unit.

    A question about a unit outside its set (support of a unit that is not
    revenue-generating, impact of one that is not back office) raises ``KeyError``.

    >>> from orgmodel.analysis import analyse
    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("shop", "Shop", "front")); m.add_unit(Unit("it", "IT", "back"))
    >>> m.add_dependency("shop", "it")
    >>> def busiest(analysis: SupportQueries) -> str:
    ...     return max(analysis.back_office_units, key=analysis.impact_count)
    >>> busiest(analyse(m))
    'it'
    """

    @property
    def revenue_units(self) -> list[str]:
        """Ids of the revenue-generating units, sorted."""
        ...

    @property
    def back_office_units(self) -> list[str]:
        """Ids of the back-office units, sorted."""
        ...

    @property
    def cycles(self) -> list[list[str]]:
        """Groups of units that depend on each other in a circle (each sorted), sorted."""
        ...

    def support(self, unit_id: str) -> list[str]:
        """The back-office units supporting revenue unit ``unit_id``, sorted."""
        ...

    def impact(self, unit_id: str) -> list[str]:
        """The revenue units that back-office unit ``unit_id`` supports, sorted."""
        ...

    def support_count(self, unit_id: str) -> int:
        """``len(support(unit_id))``, without building the list."""
        ...

    def impact_count(self, unit_id: str) -> int:
        """``len(impact(unit_id))``, without building the list."""
        ...

    def supports(self, revenue_id: str, back_id: str) -> bool:
        """Whether ``back_id`` is in ``support(revenue_id)`` (``False`` for other units)."""
        ...


@runtime_checkable
class SupportMaps(SupportQueries, Protocol):
    """:class:`SupportQueries` plus the answers for every unit at once."""

    def support_map(self) -> dict[str, list[str]]:
        """Every revenue-generating unit mapped to its sorted supporters (``[]`` if none)."""
        ...

    def impact_map(self) -> dict[str, list[str]]:
        """Every back-office unit mapped to the sorted revenue units it supports."""
        ...

    def support_map_json(self) -> str:
        """:meth:`support_map` as ``json.dumps(..., sort_keys=True, ensure_ascii=False)``."""
        ...

    def impact_map_json(self) -> str:
        """:meth:`impact_map` as ``json.dumps(..., sort_keys=True, ensure_ascii=False)``."""
        ...
