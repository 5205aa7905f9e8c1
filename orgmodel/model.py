"""The model: units, reporting lines and dependencies, and the only place they change.

Every mutator checks first, then changes, then tells the listeners with a small frozen event
(``orgmodel.events``). Nothing here knows about Qt; the editor listens through an adapter.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from itertools import repeat
from operator import attrgetter, setitem
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from orgmodel import events as ev
from orgmodel.dependencies import Dependency, DependencyColumns, DependencyKey, DependencyStore
from orgmodel.errors import DependencyError, DuplicateUnitError, FieldError, ReportingCycleError, UnknownUnitError
from orgmodel.gcpause import gc_paused
from orgmodel.hierarchy import closes_loop
from orgmodel.fields import DEPENDENCY_FIELD_CHECKS, UNIT_FIELD_CHECKS, check_coordinate, check_id, check_text, type_name
from orgmodel.i18n import tr
from orgmodel.ids import fresh_id, slugify  # noqa: F401  (slugify: kept importable from here)
from orgmodel.unit import UNIT_FIELDS, Unit, is_unclassified, normalise, unclassified_unit  # noqa: F401  (re-exported)
from orgmodel.unit_ids import change_unit_id

if TYPE_CHECKING:  # networkx is loaded when someone asks for the graph: not to check a file
    import networkx as nx

Listener = Callable[[ev.Event], None]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class OrgModel:
    """An organisation: units in a stable order, a reporting forest and a dependency graph.

    >>> model = OrgModel("Example")
    >>> model.add_unit(Unit("sales", "Sales", "front"))
    >>> model.add_unit(Unit("it", "IT", "back"))
    >>> model.add_dependency("sales", "it")
    >>> [u.name for u in model.units()], model.dependency_count
    (['Sales', 'IT'], 1)
    >>> model.set_parent("it", "it")
    Traceback (most recent call last):
    ...
    orgmodel.errors.ReportingCycleError: IT cannot report to itself
    """

    def __init__(self, name: str = "", extra: Mapping[str, Any] | None = None) -> None:
        self._name = name
        self.extra: Mapping[str, Any] = MappingProxyType(dict(extra or {}))
        self._units: dict[str, Unit] = {}
        self._order: list[str] = []
        self._parent: dict[str, str] = {}
        self._children: dict[str, dict[str, None]] = {}
        self._deps = DependencyStore()
        self._listeners: list[Listener] = []

    # -- listeners -------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _notify(self, event: ev.Event) -> None:
        if self._listeners:
            for listener in list(self._listeners):
                listener(event)

    @classmethod
    def _from_validated(
        cls,
        name: str,
        extra: Mapping[str, Any],
        units: list[Unit],
        parents: Mapping[str, str],
        dependencies: list[Dependency] | DependencyColumns,
        ids: list[str] | None = None,
    ) -> OrgModel:
        """Build a model in one step from parts a reader has fully validated already.

        Only for readers in this package: it trusts that ids are unique, parents form a
        forest, dependencies are distinct, end at known units and are not loops, and that
        tags are tuples and positions floats. Checking 10,000 units twice doubled load time.
        ``ids``: the units' ids in order, a new list the model may keep (reading them from
        50,000 new units costs a pass over all of them).
        """
        model = cls(name, extra)
        order = list(map(attrgetter("id"), units)) if ids is None else ids
        model._units = dict(zip(order, units))
        model._order = order
        model._parent = dict(parents)
        children = model._children = {parent: {} for parent in parents.values()}
        deque(map(setitem, map(children.__getitem__, parents.values()), parents, repeat(None)), maxlen=0)
        model._deps = DependencyStore(list(model._order), dependencies)
        return model

    # -- the model as a whole --------------------------------------------------------------

    @property
    def name(self) -> str:
        return self._name

    def set_name(self, name: str) -> None:
        problem = check_text(name)
        if problem:
            raise FieldError("name", problem)
        if name != self._name:
            self._name = name
            self._notify(ev.ModelRenamed(name))

    @property
    def description(self) -> str:
        """The file's top-level "description", kept among the ``extra`` keys (so every reader
        and writer keeps it); ``set_description("")`` leaves it out."""
        value = self.extra.get("description", "")
        return value if isinstance(value, str) else ""

    def set_description(self, description: str) -> None:
        if problem := check_text(description):
            raise FieldError("description", problem)
        if description != self.description:
            self.extra = MappingProxyType({k: v for k, v in self.extra.items() if k != "description"} | ({"description": description} if description else {}))
            self._notify(ev.ModelDescribed(description))

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self._units

    @property
    def dependency_count(self) -> int:
        return len(self._deps)

    @property
    def reporting_line_count(self) -> int:
        return len(self._parent)

    @property
    def dependency_graph(self) -> nx.DiGraph:
        """A read-only view of the dependency graph: an edge ``A -> B`` means A depends on B.
        Made on first use; the analyses read the cheaper :meth:`adjacency`."""
        return self._deps.graph().copy(as_view=True)

    def adjacency(self) -> tuple[Mapping[str, Mapping[str, None]], Mapping[str, Mapping[str, None]]]:
        """``(depends_on, depended_on_by)``: each unit's direct dependencies and dependents
        as dict keys, ordered as in :attr:`dependency_graph`; live, read-only by contract."""
        return self._deps.adjacency()

    # -- units -----------------------------------------------------------------------------

    def unit(self, unit_id: str) -> Unit:
        try:
            return self._units[unit_id]
        except KeyError:
            raise UnknownUnitError(unit_id) from None

    def units(self) -> list[Unit]:
        """All units in model order."""
        units = self._units
        return [units[uid] for uid in self._order]

    def unit_ids(self) -> list[str]:
        return list(self._order)

    def index_of(self, unit_id: str) -> int:
        self._require(unit_id)
        return self._order.index(unit_id)

    def _require(self, unit_id: str) -> None:
        if unit_id not in self._units:
            raise UnknownUnitError(unit_id)

    def new_unit_id(self, name: str) -> str:
        """A fresh id derived from ``name``, stable for the same name and model contents
        (see :func:`orgmodel.ids.fresh_id`)."""
        return fresh_id(name, self._units)

    @staticmethod
    def check_unit(unit: Unit) -> None:
        """Raise :class:`FieldError` for the first field of ``unit`` that breaks the rules."""
        problem = check_id(unit.id)
        if problem:
            raise FieldError("id", problem, unit.id if isinstance(unit.id, str) else None)
        for name, check in UNIT_FIELD_CHECKS.items():
            problem = check(getattr(unit, name))
            if problem:
                raise FieldError(name, problem, unit.id)

    def add_unit(self, unit: Unit, index: int | None = None) -> None:
        """Add ``unit`` at ``index`` in model order (at the end by default)."""
        self.check_unit(unit)
        if unit.id in self._units:
            raise DuplicateUnitError(unit.id)
        if index is None or index >= len(self._order):
            index = len(self._order)
            self._order.append(unit.id)
        else:
            index = max(0, index)
            self._order.insert(index, unit.id)
        # Lists of tags and integer positions arrive from scripts and files; store one form.
        unit = replace(unit, tags=tuple(unit.tags), x=normalise("x", unit.x), y=normalise("y", unit.y))
        self._units[unit.id] = unit
        self._deps.add_node(unit.id)
        self._notify(ev.UnitAdded(unit.id, index))

    def update_unit(self, unit_id: str, **changes: Any) -> frozenset[str]:
        """Change fields of a unit; returns the names of the fields that really changed."""
        old = self.unit(unit_id)
        for name, value in changes.items():
            check = UNIT_FIELD_CHECKS.get(name)
            if check is None:
                raise FieldError(name, tr("is not an editable field of a unit"), unit_id)
            problem = check(value)
            if problem:
                raise FieldError(name, problem, unit_id)
        values = {name: normalise(name, value) for name, value in changes.items()}
        changed = frozenset(name for name, value in values.items() if getattr(old, name) != value)
        if changed:
            self._units[unit_id] = replace(old, **{name: values[name] for name in changed})
            self._notify(ev.UnitChanged(unit_id, changed))
        return changed

    def move_units(self, positions: Mapping[str, tuple[float | None, float | None]]) -> tuple[str, ...]:
        """Move many units as one change (a layout, a drag, their undo): every ``(x, y)`` is
        checked first and nothing moves when one is refused; then one ``UnitsMoved`` names
        the units whose place really changed, in the order given (none: no event)."""
        moved = {}
        with gc_paused():  # 10,000 new units, and listeners re-laying 40,000 lines: no cycles
            for unit_id, position in positions.items():
                unit = self.unit(unit_id)
                x, y = _checked_position(unit_id, position)
                if x != unit.x or y != unit.y:
                    moved[unit_id] = _placed(unit, x, y)
            if moved:
                self._units.update(moved)
                self._notify(ev.UnitsMoved(tuple(moved)))
        return tuple(moved)

    def remove_unit(self, unit_id: str) -> None:
        """Remove a unit with its dependencies; the units that reported to it become roots.

        Callers that must undo this (the editor) record the unit, its index, its parent, its
        children and its dependencies first.
        """
        self._require(unit_id)
        for key in [(unit_id, target) for target in self._deps.successors(unit_id)] + [
            (source, unit_id) for source in self._deps.predecessors(unit_id)
        ]:
            self.remove_dependency(*key)
        for child in list(self._children.get(unit_id, ())):
            self.set_parent(child, None)
        if unit_id in self._parent:
            self.set_parent(unit_id, None)
        index = self._order.index(unit_id)
        del self._order[index]
        del self._units[unit_id]
        self._children.pop(unit_id, None)
        self._deps.remove_node(unit_id)
        self._notify(ev.UnitRemoved(unit_id, index))

    def rename_unit_id(self, unit_id: str, new_id: str) -> None:
        """Give a unit a new id, keeping its place, lines and dependencies (``orgmodel.unit_ids``)."""
        if change_unit_id(self, unit_id, new_id):
            self._notify(ev.UnitIdChanged(unit_id, new_id))

    # -- reporting lines -------------------------------------------------------------------

    def parent(self, unit_id: str) -> str | None:
        self._require(unit_id)
        return self._parent.get(unit_id)

    def children(self, unit_id: str) -> list[str]:
        self._require(unit_id)
        return list(self._children.get(unit_id, ()))

    def roots(self) -> list[str]:
        """Units that report to no one, in model order."""
        return [uid for uid in self._order if uid not in self._parent]

    def reporting_lines(self) -> Iterator[tuple[str, str]]:
        """``(unit, parent)`` pairs in model order."""
        parent = self._parent
        return ((uid, parent[uid]) for uid in self._order if uid in parent)

    def ancestors(self, unit_id: str) -> list[str]:
        """The chain of units ``unit_id`` reports to, nearest first."""
        self._require(unit_id)
        chain, current = [], self._parent.get(unit_id)
        while current is not None:
            chain.append(current)
            current = self._parent.get(current)
        return chain

    def set_parent(self, unit_id: str, parent_id: str | None) -> None:
        """Make ``unit_id`` report to ``parent_id`` (``None``: to no one)."""
        self._require(unit_id)
        if parent_id is not None:
            self._require(parent_id)
            if closes_loop(unit_id, parent_id, self._parent, self._children):
                raise ReportingCycleError(
                    unit_id, parent_id, self._units[unit_id].name, self._units[parent_id].name
                )
        old = self._parent.get(unit_id)
        if old == parent_id:
            return
        if old is not None:
            siblings = self._children[old]
            del siblings[unit_id]
            if not siblings:
                del self._children[old]
            del self._parent[unit_id]
        if parent_id is not None:
            self._parent[unit_id] = parent_id
            self._children.setdefault(parent_id, {})[unit_id] = None
        self._notify(ev.ParentChanged(unit_id, old, parent_id))

    # -- dependencies ----------------------------------------------------------------------

    def dependency(self, source: str, target: str) -> Dependency:
        try:
            return self._deps.dependency((source, target))
        except KeyError:
            raise DependencyError(source, target, _not_dependent(source, target)) from None

    def has_dependency(self, source: str, target: str) -> bool:
        return (source, target) in self._deps

    def dependencies(self) -> list[Dependency]:
        """All dependencies in file order (new ones at the end; undo restores places)."""
        return self._deps.dependencies()

    def dependency_keys(self) -> list[DependencyKey]:
        """``(source, target)`` of every dependency in file order, as :meth:`dependencies`
        lists them, without making a :class:`Dependency` for each."""
        return list(self._deps.keys())

    def described_dependencies(self) -> list[Dependency]:
        """The dependencies with a label, a weight, a group or unknown keys, in file order;
        the others are just their two ends."""
        return self._deps.described()

    def dependency_groups(self) -> dict[DependencyKey, str]:
        """``{(source, target): group}`` for the dependencies that are alternatives."""
        return self._deps.groups()

    def dependency_after(self, source: str, target: str) -> DependencyKey | None:
        """The dependency that follows this one in file order (``None`` at the end)."""
        self.dependency(source, target)
        return self._deps.next((source, target))

    def dependency_before(self, key: DependencyKey | None) -> DependencyKey | None:
        """The dependency before ``key`` in file order; before ``None`` is the last one."""
        return self._deps.previous(key)

    def dependencies_of(self, unit_id: str) -> list[str]:
        """The units ``unit_id`` depends on directly."""
        self._require(unit_id)
        return self._deps.successors(unit_id)

    def dependents_of(self, unit_id: str) -> list[str]:
        """The units that depend directly on ``unit_id``."""
        self._require(unit_id)
        return self._deps.predecessors(unit_id)

    def dependency_index(self, source: str, target: str) -> int:
        """Position of a dependency in file order (linear: prefer ``dependency_after``)."""
        self.dependency(source, target)
        for position, key in enumerate(self._deps.keys()):
            if key == (source, target):
                return position
        raise AssertionError("dependency order out of step")  # unreachable

    def restore_dependencies(self, entries: Iterable[tuple[DependencyKey | None, Dependency]]) -> None:
        """Put back removed dependencies, each just before the dependency recorded as its
        successor (``None``: at the end), in the order given. Checked first: nothing changes
        when one is refused."""
        entries = list(entries)
        seen: set[DependencyKey] = set()
        for successor, dep in entries:
            key = (dep.source, dep.target)
            self._require(dep.source)
            self._require(dep.target)
            if (
                dep.source == dep.target
                or key in self._deps
                or key in seen
                or (successor is not None and successor not in self._deps and successor not in seen)
            ):
                raise DependencyError(
                    dep.source,
                    dep.target,
                    tr("cannot restore the dependency {source!r} → {target!r}", source=dep.source, target=dep.target),
                )
            seen.add(key)
        for successor, dep in entries:
            self._deps.add(dep, successor)
            self._notify(ev.DependencyAdded(dep.source, dep.target))

    def add_dependency(
        self,
        source: str,
        target: str,
        weight: float | None = None,
        label: str | None = None,
        extra: Mapping[str, Any] | None = None,
        index: int | None = None,
        before: DependencyKey | None = None,
        group: str | None = None,
    ) -> None:
        """Record that ``source`` depends on ``target``; cycles are allowed, loops are not.

        It goes at the end of the file order, or at position ``index``, or just ``before``
        another dependency (what undo uses: constant time).
        """
        self._require(source)
        self._require(target)
        names = self._units
        if source == target:
            raise DependencyError(source, target, tr("{unit} cannot depend on itself", unit=names[source].name))
        if (source, target) in self._deps:
            raise DependencyError(
                source,
                target,
                tr("{unit} already depends on {other}", unit=names[source].name, other=names[target].name),
            )
        for name, value in (("weight", weight), ("label", label), ("group", group)):
            problem = DEPENDENCY_FIELD_CHECKS[name](value)
            if problem:
                raise FieldError(name, problem)
        if before is not None and before not in self._deps:
            raise DependencyError(before[0], before[1], _not_dependent(before[0], before[1]))
        dependency = Dependency(source, target, weight, label, MappingProxyType(dict(extra)) if extra else _EMPTY, group)
        if before is None and index is not None:
            before = self._deps.key_at(max(0, index))
        self._deps.add(dependency, before)
        self._notify(ev.DependencyAdded(source, target))

    def update_dependency(self, source: str, target: str, **changes: Any) -> frozenset[str]:
        old = self.dependency(source, target)
        for name, value in changes.items():
            check = DEPENDENCY_FIELD_CHECKS.get(name)
            if check is None:
                raise FieldError(name, tr("is not an editable field of a dependency"))
            problem = check(value)
            if problem:
                raise FieldError(name, problem)
        changed = frozenset(name for name, value in changes.items() if getattr(old, name) != value)
        if changed:
            self._deps.replace(replace(old, **{name: changes[name] for name in changed}))
            self._notify(ev.DependencyChanged(source, target, changed))
        return changed

    def remove_dependency(self, source: str, target: str) -> None:
        self.dependency(source, target)
        self._deps.remove((source, target))
        self._notify(ev.DependencyRemoved(source, target))


def _not_dependent(source: str, target: str) -> str:
    return tr("{source!r} does not depend on {target!r}", source=source, target=target)


#: Each slot of a Unit, read and written past the frozen ``__setattr__`` (see ``_placed``).
_UNIT_SLOTS = tuple((getattr(Unit, name).__get__, getattr(Unit, name).__set__) for name in Unit.__slots__ if name not in ("x", "y"))
_SET_X, _SET_Y = Unit.x.__set__, Unit.y.__set__  # type: ignore[attr-defined]


def _placed(unit: Unit, x: float | None, y: float | None) -> Unit:
    """``replace(unit, x=x, y=y)`` for a position already checked: a layout moves 10,000
    units, and ``replace`` (every field through ``__init__`` by name) took 40 µs each.

    >>> _placed(Unit("a", "A", "back", headcount=3, x=1.0), 5.0, None)
    Unit(id='a', name='A', office='back', revenue_generating=None, headcount=3, cost=None, revenue=None, automation_potential=None, automation_ease=None, notes=None, tags=(), x=5.0, y=None, color=None, extra=mappingproxy({}))
    """
    new = object.__new__(Unit)
    for get, put in _UNIT_SLOTS:
        put(new, get(unit))
    _SET_X(new, x)
    _SET_Y(new, y)
    return new


def _checked_position(unit_id: str, position: Any) -> tuple[float | None, float | None]:
    """``(x, y)`` by the rules of the ``x`` and ``y`` fields, as floats (``None``: no place)."""
    try:
        x, y = position
    except (TypeError, ValueError):
        raise FieldError("position", tr("expected a pair of numbers (x, y), got {found}", found=type_name(position)), unit_id) from None
    for name, value in (("x", x), ("y", y)):
        problem = check_coordinate(value)
        if problem:
            raise FieldError(name, problem, unit_id)
    return normalise("x", x), normalise("y", y)
