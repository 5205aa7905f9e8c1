"""Dependencies, and where a model keeps them: by their two ends, in file order, with who
depends on whom.

A file just read is held as lean as it can be: one dict entry per dependency, ``None`` for
one that is just its two ends (most are), its :class:`Dependency` made when asked for. The
rest is made the first time something needs it, and kept up to date from then on:

* the adjacency both ways (``{unit: {other: None}}``, what the analyses read), before the
  first change or the first question about neighbours;
* the linked file order, for "the dependency after this one" and putting one back in its
  place (until then the dict's own order is the file order);
* the networkx graph of :attr:`OrgModel.dependency_graph`.

Reading a 10,000-unit file used to make all of them, with an object per dependency and an
attribute dict per edge: more than half of the load beyond parsing the JSON.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter, setitem
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from orgmodel.linkedorder import LinkedOrder
from orgmodel.records import instances

if TYPE_CHECKING:
    import networkx as nx

DependencyKey = tuple[str, str]
Adjacency = dict[str, dict[str, None]]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Dependency:
    """``source`` depends on ``target`` (``target`` supports ``source``)."""

    source: str
    target: str
    weight: float | None = None
    label: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    #: Dependencies of one unit that share a group are alternatives: the unit needs at
    #: least one of them. ``None``: this dependency is required on its own.
    group: str | None = None


def _stored(dependency: Dependency) -> Dependency | None:
    """What the store keeps for ``dependency``: ``None`` when it is just its two ends."""
    plain = dependency.weight is None and dependency.label is None and dependency.group is None and not dependency.extra
    return None if plain else dependency


class DependencyColumns(NamedTuple):
    """Distinct dependencies as a reader found them, in file order: their ends, and those
    that are more than their ends by position. A fresh model keeps them as they are."""

    sources: list[str]
    targets: list[str]
    fuller: dict[int, Dependency]


def _plain(sources: Iterable[str], targets: Iterable[str], count: int | None = None) -> list[Dependency]:
    """Dependencies that are just their ends, made in bulk."""
    columns = {"source": sources, "target": targets, "weight": repeat(None), "label": repeat(None), "extra": repeat(_EMPTY),
               "group": repeat(None)}
    return instances(Dependency, columns, len(sources) if count is None else count)  # type: ignore[arg-type]


class DependencyStore:
    """The dependencies of one model by ``(source, target)``, and what they connect.

    The model checks first: every method trusts that the ends are known units and that the
    key is (or is not) present as the operation requires.

    >>> store = DependencyStore(["a", "b", "c"], DependencyColumns(["a", "c"], ["b", "b"], {1: Dependency("c", "b", 2.0)}))
    >>> [d.weight for d in store.dependencies()], store.successors("a"), store.predecessors("b")
    ([None, 2.0], ['b'], ['a', 'c'])
    >>> store.add(Dependency("b", "c"), before=("c", "b")); list(store.keys())
    [('a', 'b'), ('b', 'c'), ('c', 'b')]
    >>> sorted(store.graph().edges), store.dependency(("c", "b")).weight
    ([('a', 'b'), ('b', 'c'), ('c', 'b')], 2.0)
    """

    __slots__ = ("_columns", "_made", "_keyed", "_order", "_nodes", "_succ", "_pred", "_graph")

    def __init__(self, nodes: list[str] | None = None, dependencies: DependencyColumns | list[Dependency] | None = None) -> None:
        # The file's columns until the first question by key; then a dict by key in file
        # order (until something is put back before another dependency: see _linked).
        self._columns: DependencyColumns | None = None
        self._made: list[Dependency] | None = None  # the columns' dependencies, once asked for
        self._keyed: dict[DependencyKey, Dependency | None] = {}
        if isinstance(dependencies, DependencyColumns):
            self._columns = dependencies
        elif dependencies:
            self._keyed = {(dep.source, dep.target): _stored(dep) for dep in dependencies}
        self._order: LinkedOrder[DependencyKey] | None = None
        # The units in the order they were added, until the adjacency is made from them.
        self._nodes: list[str] | None = [] if nodes is None else nodes
        self._succ: Adjacency = {}
        self._pred: Adjacency = {}
        self._graph: nx.DiGraph | None = None

    # -- by key ----------------------------------------------------------------------------

    def _values(self) -> dict[DependencyKey, Dependency | None]:
        columns = self._columns
        if columns is not None:
            if self._made is not None:
                values: dict[DependencyKey, Dependency | None] = dict(zip(zip(columns.sources, columns.targets), self._made))
            else:
                values = dict.fromkeys(zip(columns.sources, columns.targets))
                values.update(((dep.source, dep.target), dep) for dep in columns.fuller.values())
            self._keyed, self._columns, self._made = values, None, None
        return self._keyed

    def __len__(self) -> int:
        return len(self._columns.sources) if self._columns is not None else len(self._keyed)

    def __contains__(self, key: object) -> bool:
        return key in self._values()

    def dependency(self, key: DependencyKey) -> Dependency:
        """The dependency ``key`` (``KeyError`` when there is none)."""
        value = self._values()[key]
        return Dependency(*key) if value is None else value

    def dependencies(self) -> list[Dependency]:
        """Every dependency in file order. The plain ones are made in bulk the first time and
        kept: 30,000 new objects on every save made the collector scan the whole model."""
        if self._columns is not None:
            if self._made is None:
                sources, targets, fuller = self._columns
                self._made = _plain(sources, targets)
                for position, dependency in fuller.items():
                    self._made[position] = dependency
            return list(self._made)
        values = self._keyed
        keys = list(self.keys())
        bare = [key for key in keys if values[key] is None]
        values.update(zip(bare, _plain(map(itemgetter(0), bare), map(itemgetter(1), bare), len(bare))))
        return list(map(values.__getitem__, keys))

    def described(self) -> list[Dependency]:
        """The dependencies that are more than their two ends (a label, a weight, a group,
        unknown keys), in file order, without making the plain ones."""
        columns = self._columns
        if columns is not None:
            return [columns.fuller[i] for i in sorted(columns.fuller)]
        values = self._keyed
        found = [dep for dep in map(values.__getitem__, self.keys()) if dep is not None]
        return [dep for dep in found if _stored(dep) is not None]  # plain ones made meanwhile

    def groups(self) -> dict[DependencyKey, str]:
        """The group of every dependency that has one (the few that are alternatives)."""
        if self._columns is not None:
            found = self._columns.fuller.values()
        else:
            found = filter(None, self._keyed.values())  # type: ignore[arg-type]
        return {(dep.source, dep.target): dep.group for dep in found if dep.group is not None}

    def keys(self) -> Iterator[DependencyKey]:
        """The keys in file order."""
        if self._columns is not None:
            return zip(self._columns.sources, self._columns.targets)
        return iter(self._order if self._order is not None else self._keyed)

    def replace(self, dependency: Dependency) -> None:
        """Store new values for a dependency already there."""
        self._values()[(dependency.source, dependency.target)] = _stored(dependency)

    # -- file order ------------------------------------------------------------------------

    def _linked(self) -> LinkedOrder[DependencyKey]:
        # Until something is put back before another dependency, appending to and deleting
        # from the dict keep its order the file order: the linked order can wait until then.
        if self._order is None:
            self._order = LinkedOrder(list(self._values()))
        return self._order

    def next(self, key: DependencyKey) -> DependencyKey | None:
        return self._linked().next(key)

    def previous(self, key: DependencyKey | None) -> DependencyKey | None:
        return self._linked().previous(key)

    def key_at(self, index: int) -> DependencyKey | None:
        return self._linked().key_at(index)

    # -- neighbours ------------------------------------------------------------------------

    def adjacency(self) -> tuple[Adjacency, Adjacency]:
        """``(successors, predecessors)``: ``{unit: {neighbour: None}}`` for every unit, in
        the order networkx keeps them. The store's own dicts: read them, never change them."""
        nodes = self._nodes
        if nodes is not None:
            succ: Adjacency = {node: {} for node in nodes}
            pred: Adjacency = {node: {} for node in nodes}
            # Made before any change: the order of the file.
            if self._columns is not None:
                sources, targets, _ = self._columns
            else:
                keys = list(self._keyed)
                sources, targets = list(map(itemgetter(0), keys)), list(map(itemgetter(1), keys))
            deque(map(setitem, map(succ.__getitem__, sources), targets, repeat(None)), maxlen=0)
            deque(map(setitem, map(pred.__getitem__, targets), sources, repeat(None)), maxlen=0)
            self._succ, self._pred, self._nodes = succ, pred, None
        return self._succ, self._pred

    def successors(self, node: str) -> list[str]:
        return list(self.adjacency()[0][node])

    def predecessors(self, node: str) -> list[str]:
        return list(self.adjacency()[1][node])

    def graph(self) -> nx.DiGraph:
        """The networkx graph (an edge ``A -> B``: A depends on B), made on first use."""
        if self._graph is None:
            # Here, not at the top: loading networkx was a third of `orgmodel check`.
            from orgmodel.bulkgraph import graph_from_adjacency

            self._graph = graph_from_adjacency(*self.adjacency())
        return self._graph

    # -- changes ---------------------------------------------------------------------------

    def add_node(self, node: str) -> None:
        succ, pred = self.adjacency()
        succ[node], pred[node] = {}, {}
        if self._graph is not None:
            self._graph.add_node(node)

    def remove_node(self, node: str) -> None:
        """Forget a unit whose dependencies are removed already."""
        succ, pred = self.adjacency()
        del succ[node], pred[node]
        if self._graph is not None:
            self._graph.remove_node(node)

    def add(self, dependency: Dependency, before: DependencyKey | None = None) -> None:
        """Store a new dependency just before ``before`` in file order (``None``: at the end)."""
        succ, pred = self.adjacency()
        source, target = key = (dependency.source, dependency.target)
        values = self._values()
        order = self._linked() if before is not None or self._order is not None else None
        values[key] = _stored(dependency)
        if order is not None:
            order.insert_before(key, before)
        succ[source][target] = None
        pred[target][source] = None
        if self._graph is not None:
            self._graph.add_edge(source, target)

    def remove(self, key: DependencyKey) -> None:
        succ, pred = self.adjacency()
        del self._values()[key]
        if self._order is not None:
            self._order.remove(key)
        source, target = key
        del succ[source][target], pred[target][source]
        if self._graph is not None:
            self._graph.remove_edge(source, target)
