"""The questions every support analysis answers, as types that callers can name.

:class:`orgmodel.analysis.SupportAnalysis` (one model state), :class:`LiveAnalysis` (kept
current edit by edit) and :class:`LiveSnapshot` (a live analysis frozen) answer the same
per-unit questions with the same meaning and the same sorted outputs. Code that only asks
them (findings, revenue at risk, the highlight, the editor's panels) types its argument as
:class:`SupportQueries` and works with any of the three. :class:`SupportMaps` adds the
whole-model maps, which the full analysis and the snapshot give (both from
:class:`BitsetAnswers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from orgmodel.analysis.kernel import Roster


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


class BitsetAnswers:
    """:class:`SupportMaps` answered from bitsets: ``_support_bits`` (revenue unit -> bits of
    the ``_back`` roster, its own left out) and ``_impact_bits`` (back-office unit -> bits of
    the ``_rev`` roster), which the subclass provides. Shared by the full analysis and the
    live snapshot, so the two cannot drift apart.
    """

    _support_bits: dict[str, int]
    _impact_bits: dict[str, int]
    _back: Roster
    _rev: Roster

    def support(self, unit_id: str) -> list[str]:
        """The back-office units supporting revenue unit ``unit_id``, sorted."""
        return self._back.decode(self._support_bits[unit_id])

    def impact(self, unit_id: str) -> list[str]:
        """The revenue units that back-office unit ``unit_id`` supports, sorted."""
        return self._rev.decode(self._impact_bits[unit_id])

    def support_count(self, unit_id: str) -> int:
        """How many back-office units support revenue unit ``unit_id``."""
        return self._support_bits[unit_id].bit_count()

    def impact_count(self, unit_id: str) -> int:
        """How many revenue units back-office unit ``unit_id`` supports."""
        return self._impact_bits[unit_id].bit_count()

    def support_map(self) -> dict[str, list[str]]:
        """Every revenue-generating unit mapped to its sorted supporters (``[]`` if none)."""
        return self._back.decode_map(self._support_bits)

    def impact_map(self) -> dict[str, list[str]]:
        """Every back-office unit mapped to the sorted revenue units it supports."""
        return self._rev.decode_map(self._impact_bits)

    def support_map_json(self) -> str:
        """:meth:`support_map` as JSON text, exactly as ``json.dumps(..., sort_keys=True,
        ensure_ascii=False)`` writes it, without building the lists (see
        :meth:`orgmodel.analysis.kernel.Roster.json_map`)."""
        return self._back.json_map(self._support_bits)

    def impact_map_json(self) -> str:
        """:meth:`impact_map` as JSON text; see :meth:`support_map_json`."""
        return self._rev.json_map(self._impact_bits)
