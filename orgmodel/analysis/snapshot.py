"""A live analysis frozen at one moment: what :meth:`LiveAnalysis.snapshot` returns."""

from __future__ import annotations

from orgmodel.analysis.kernel import Bits, Slots
from orgmodel.analysis.queries import BitsetAnswers


class LiveSnapshot(BitsetAnswers):
    """The answers of a :class:`LiveAnalysis` at one moment, shaped like
    :class:`orgmodel.analysis.SupportAnalysis` (same methods, same sorted outputs).

    Two snapshots compare equal when every answer is the same.

    >>> from orgmodel.analysis import LiveAnalysis
    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("shop", "Shop", "front")); m.add_unit(Unit("it", "IT", "back"))
    >>> live = LiveAnalysis(m)
    >>> before = live.snapshot()
    >>> m.add_dependency("shop", "it")
    >>> before.support("shop"), live.snapshot().support_map_json()
    ([], '{"shop": ["it"]}')
    >>> before == live.snapshot()
    False
    """

    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        support_bits: dict[str, int],
        impact_bits: dict[str, int],
        back: Slots,
        rev: Slots,
        cycles: list[list[str]],
    ) -> None:
        self._support_bits = support_bits
        self._impact_bits = impact_bits
        self._back, self._rev = back.frozen(), rev.frozen()
        self._back_bit: Bits = back.bit.copy()
        #: Ids of the revenue-generating units, sorted.
        self.revenue_units: list[str] = list(rev.sorted_ids())
        #: Ids of the back-office units, sorted.
        self.back_office_units: list[str] = list(back.sorted_ids())
        #: Groups of units that depend on each other in a circle (each sorted), sorted.
        self.cycles: list[list[str]] = cycles

    def supports(self, revenue_id: str, back_id: str) -> bool:
        """Whether ``back_id`` is in ``support(revenue_id)`` (``False`` for ids of other units)."""
        bits, bit = self._support_bits.get(revenue_id), self._back_bit.get(back_id)
        return bits is not None and bit is not None and bool(bits & bit)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LiveSnapshot):
            return NotImplemented
        return (
            self.revenue_units == other.revenue_units
            and self.back_office_units == other.back_office_units
            and self.cycles == other.cycles
            and self.support_map() == other.support_map()
            and self.impact_map() == other.impact_map()
        )
