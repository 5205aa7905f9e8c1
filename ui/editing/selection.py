"""What is selected, shared by the canvas and the docks.

The scene mirrors its item selection here and follows changes made here (from the outline,
the analysis tables or the findings); docks read and write only this object, never items.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Selected unit ids (in selection order) and dependency keys ``(source, target)``."""

    #: The selection changed (from anywhere).
    changed = Signal()
    #: Someone asked to bring a unit into view (outline, tables, findings).
    revealRequested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._units: list[str] = []
        self._dependencies: list[tuple[str, str]] = []

    def units(self) -> list[str]:
        return list(self._units)

    def dependencies(self) -> list[tuple[str, str]]:
        return list(self._dependencies)

    def single_unit(self) -> str | None:
        """The one selected unit, when exactly one unit and nothing else is selected."""
        return self._units[0] if len(self._units) == 1 and not self._dependencies else None

    def single_dependency(self) -> tuple[str, str] | None:
        return self._dependencies[0] if len(self._dependencies) == 1 and not self._units else None

    def set(self, units: Iterable[str] = (), dependencies: Iterable[tuple[str, str]] = ()) -> None:
        units, dependencies = list(dict.fromkeys(units)), list(dict.fromkeys(dependencies))
        if units == self._units and dependencies == self._dependencies:
            return
        self._units, self._dependencies = units, dependencies
        self.changed.emit()

    def clear(self) -> None:
        self.set()

    def select_unit(self, unit_id: str, reveal: bool = True) -> None:
        """Select one unit (from a list or table) and ask the canvas to show it."""
        self.set([unit_id])
        if reveal:
            self.revealRequested.emit(unit_id)

    def forget(self, unit_ids: Iterable[str] = (), dependencies: Iterable[tuple[str, str]] = ()) -> None:
        """Drop things that no longer exist (after a delete or undo)."""
        gone_units, gone_deps = set(unit_ids), set(dependencies)
        self.set(
            [u for u in self._units if u not in gone_units],
            [d for d in self._dependencies if d not in gone_deps and not (gone_units & set(d))],
        )
