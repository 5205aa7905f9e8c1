"""Small, frozen event objects the model hands to its listeners after every change.

A listener is any callable taking one event. Events carry ids and field names, never the
model's internal objects, so a listener cannot change the model behind its back.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UnitAdded:
    unit_id: str
    index: int


@dataclass(frozen=True)
class UnitRemoved:
    unit_id: str
    index: int


@dataclass(frozen=True)
class UnitChanged:
    unit_id: str
    fields: frozenset[str]


@dataclass(frozen=True)
class UnitsMoved:
    """Many units moved as one change (a layout, a drag, their undo): ``x``/``y`` only,
    ``unit_ids`` in the order the move named them. Listeners re-lay once, not per unit."""

    unit_ids: tuple[str, ...]


@dataclass(frozen=True)
class ParentChanged:
    unit_id: str
    old_parent: str | None
    new_parent: str | None


@dataclass(frozen=True)
class DependencyAdded:
    source: str
    target: str


@dataclass(frozen=True)
class DependencyRemoved:
    source: str
    target: str


@dataclass(frozen=True)
class DependencyChanged:
    source: str
    target: str
    fields: frozenset[str]


@dataclass(frozen=True)
class ModelRenamed:
    name: str


@dataclass(frozen=True)
class ModelDescribed:
    """The model's description changed."""

    description: str


@dataclass(frozen=True)
class UnitIdChanged:
    """Unit ``old_id`` is now called ``new_id``. It comes last: the unit's removal under the
    old id and its addition under the new one (with its lines) were announced before it."""

    old_id: str
    new_id: str


Event = (
    UnitAdded
    | UnitRemoved
    | UnitChanged
    | UnitsMoved
    | ParentChanged
    | DependencyAdded
    | DependencyRemoved
    | DependencyChanged
    | ModelRenamed
    | ModelDescribed
    | UnitIdChanged
)
