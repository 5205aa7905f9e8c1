"""Which back-office units support each revenue-generating unit, and the reverse.

Definitions (``docs/file-format.md`` and the design notes say the same):

* ``support(F)``: for a revenue-generating unit F, the back-office units ``B != F``
  reachable from F along one or more dependency edges, through units of any office.
* ``impact(B)``: for a back-office unit B, the revenue-generating units F with B in
  ``support(F)``. Reporting lines never count as support.

One traversal serves every unit: the strongly connected components of the dependency graph
are found in one linear pass (Tarjan, which emits them sinks first), and reachability is
propagated over the condensation as Python integers used as bitsets, one bit per back-office
unit (or per revenue unit, for the reverse question). A per-unit ``nx.descendants`` loop is
quadratic; this is linear in the graph plus the size of the bitsets. All functions are pure:
they read the model and never change it, and every list they return is sorted.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import compress

import networkx as nx

from orgmodel.errors import UnknownUnitError
from orgmodel.gcpause import gc_paused
from orgmodel.model import OrgModel

# Turns the text of ``format(bits, "b")`` into bytes 0/1 that ``itertools.compress`` reads in C.
_BITS = bytes.maketrans(b"01", b"\x00\x01")


def _mask(bits: int) -> bytes:
    """One byte per bit, least significant first: 1 where the bit is set, else 0."""
    return format(bits, "b").encode("ascii")[::-1].translate(_BITS)


def _decode(bits: int, ids: list[str]) -> list[str]:
    """The ids whose bit is set, in the order of ``ids`` (bit i stands for ``ids[i]``)."""
    return list(compress(ids, _mask(bits))) if bits else []


def strongly_connected(successors: list[list[int]]) -> tuple[list[int], int]:
    """Tarjan's algorithm without recursion over vertices ``0..n-1``.

    Returns ``(component_of_vertex, number_of_components)``. Components are numbered in
    reverse topological order: an edge between two components always goes from a higher
    number to a lower one, so sinks come first.

    >>> strongly_connected([[1], [2], [1, 3], []])
    ([2, 1, 1, 0], 3)
    """
    n = len(successors)
    index = [-1] * n
    low = [0] * n
    component = [-1] * n
    stack: list[int] = []
    counter = count = 0
    for root in range(n):
        if index[root] != -1:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        path = [root]
        edges = [iter(successors[root])]
        while path:
            v = path[-1]
            for w in edges[-1]:  # resumes where this vertex left off
                if index[w] == -1:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    path.append(w)
                    edges.append(iter(successors[w]))
                    break
                if component[w] == -1 and index[w] < low[v]:
                    low[v] = index[w]  # w is still on the stack: same component
            else:
                path.pop()
                edges.pop()
                if low[v] == index[v]:
                    while True:
                        w = stack.pop()
                        component[w] = count
                        if w == v:
                            break
                    count += 1
                if path and low[v] < low[path[-1]]:
                    low[path[-1]] = low[v]
    return component, count


class SupportAnalysis:
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
    """

    def __init__(self, model: OrgModel) -> None:
        order = model.unit_ids()
        index = {uid: i for i, uid in enumerate(order)}
        units = model.units()
        targets_of = dict(model.dependency_graph.adjacency())
        position = index.__getitem__
        successors = [list(map(position, targets_of[uid])) for uid in order]
        component, count = strongly_connected(successors)
        members: list[list[int]] = [[] for _ in range(count)]
        for v, c in enumerate(component):
            members[c].append(v)

        #: Ids of the revenue-generating units, sorted.
        self.revenue_units: list[str] = sorted(u.id for u in units if u.is_revenue_generating)
        #: Ids of the back-office units, sorted; bit i of a support set stands for entry i.
        self.back_office_units: list[str] = sorted(u.id for u in units if u.office == "back")
        #: Groups of units that depend on each other in a circle (each sorted), sorted.
        self.cycles: list[list[str]] = sorted(sorted(order[v] for v in group) for group in members if len(group) > 1)
        self._order, self._index, self._successors = order, index, successors
        self._component, self._members = component, members
        self._support_bits = self._forward()

    def _forward(self) -> dict[str, int]:
        """Back-office bits reachable from each revenue unit, components sinks first."""
        index, successors, component, members = self._index, self._successors, self._component, self._members
        bit = [0] * len(self._order)
        for i, uid in enumerate(self.back_office_units):
            bit[index[uid]] = 1 << i
        down = [0] * len(members)  # reachable along >= 1 edge from the component
        closed = [0] * len(members)  # the same plus the component's own back-office units
        for c, group in enumerate(members):
            reach = 0
            if len(group) == 1:  # the common case; no self-loops, so every edge leaves c
                v = group[0]
                for w in successors[v]:
                    reach |= closed[component[w]]
                down[c] = reach
                closed[c] = reach | bit[v]
                continue
            own = 0
            for v in group:
                own |= bit[v]
                for w in successors[v]:
                    d = component[w]
                    if d != c:
                        reach |= closed[d]
            down[c] = closed[c] = reach | own  # in a cycle every member reaches every member
        return {uid: down[component[index[uid]]] & ~bit[index[uid]] for uid in self.revenue_units}

    @cached_property
    def _impact_bits(self) -> dict[str, int]:
        with gc_paused():
            return self._backward()

    def _backward(self) -> dict[str, int]:
        """Revenue bits of the units reaching each back-office unit, sources first."""
        index, successors, component, members = self._index, self._successors, self._component, self._members
        bit = [0] * len(self._order)
        for i, uid in enumerate(self.revenue_units):
            bit[index[uid]] = 1 << i
        up = [0] * len(members)  # revenue units reaching the component along >= 1 edge
        for c in range(len(members) - 1, -1, -1):
            group = members[c]
            own = 0
            for v in group:
                own |= bit[v]
            if len(group) > 1:
                up[c] |= own
            carried = up[c] | own
            if carried:
                for v in group:
                    for w in successors[v]:
                        d = component[w]
                        if d != c:
                            up[d] |= carried
        return {uid: up[component[index[uid]]] & ~bit[index[uid]] for uid in self.back_office_units}

    def support(self, unit_id: str) -> list[str]:
        """The back-office units supporting revenue unit ``unit_id``, sorted."""
        return _decode(self._support_bits[unit_id], self.back_office_units)

    def impact(self, unit_id: str) -> list[str]:
        """The revenue units that back-office unit ``unit_id`` supports, sorted."""
        return _decode(self._impact_bits[unit_id], self.revenue_units)

    def support_count(self, unit_id: str) -> int:
        return self._support_bits[unit_id].bit_count()

    def impact_count(self, unit_id: str) -> int:
        return self._impact_bits[unit_id].bit_count()

    def supports(self, revenue_id: str, back_id: str) -> bool:
        """Whether ``back_id`` is in ``support(revenue_id)``."""
        bits = self._support_bits.get(revenue_id)
        i = bisect_left(self.back_office_units, back_id)
        if bits is None or i == len(self.back_office_units) or self.back_office_units[i] != back_id:
            return False
        return bool(bits >> i & 1)

    def support_map(self) -> dict[str, list[str]]:
        """Every revenue-generating unit mapped to its sorted supporters (``[]`` if none)."""
        return _decode_all(self._support_bits, self.back_office_units)

    def impact_map(self) -> dict[str, list[str]]:
        """Every back-office unit mapped to the sorted revenue units it supports."""
        return _decode_all(self._impact_bits, self.revenue_units)

    def support_map_json(self) -> str:
        """:meth:`support_map` as JSON text, exactly as ``json.dumps(..., sort_keys=True,
        ensure_ascii=False)`` writes it, without building the lists: each id is encoded once,
        not once per occurrence (several times faster for large models).

        >>> from orgmodel.model import OrgModel, Unit
        >>> m = OrgModel()
        >>> m.add_unit(Unit("a", "A", "front")); m.add_unit(Unit("b", "B", "back"))
        >>> m.add_dependency("a", "b")
        >>> analyse(m).support_map_json()
        '{"a": ["b"]}'
        """
        return _json_map(self._support_bits, self.back_office_units)

    def impact_map_json(self) -> str:
        """:meth:`impact_map` as JSON text; see :meth:`support_map_json`."""
        return _json_map(self._impact_bits, self.revenue_units)


def _decode_all(bits_of: dict[str, int], ids: list[str]) -> dict[str, list[str]]:
    # Units in one component, or fed by the same large cycle, share a set: decode it once
    # and hand out copies (copying a list is far cheaper than decoding it again).
    done: dict[int, list[str]] = {}
    result = {}
    for key, bits in bits_of.items():
        members = done.get(bits)
        if members is None:
            members = done[bits] = _decode(bits, ids)
        result[key] = members.copy()
    return result


def _json_map(bits_of: dict[str, int], ids: list[str]) -> str:
    encoded = [json.dumps(uid, ensure_ascii=False) for uid in ids]
    # Units in one component, or fed by the same large cycle, share a set: encode it once.
    done: dict[int, str] = {0: ""}
    parts = []
    for key in sorted(bits_of):
        bits = bits_of[key]
        members = done.get(bits)
        if members is None:
            members = done[bits] = ", ".join(compress(encoded, _mask(bits)))
        parts.append(f"{json.dumps(key, ensure_ascii=False)}: [{members}]")
    return "{" + ", ".join(parts) + "}"


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


def support_chain(model: OrgModel, source: str, target: str) -> list[str] | None:
    """One shortest dependency chain from ``source`` to ``target`` (both ends included).

    ``None`` when there is none, or when ``source == target`` (support needs a real chain).

    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> for uid, office in [("sales", "front"), ("risk", "middle"), ("it", "back")]:
    ...     m.add_unit(Unit(uid, uid, office))
    >>> m.add_dependency("sales", "risk"); m.add_dependency("risk", "it")
    >>> support_chain(m, "sales", "it")
    ['sales', 'risk', 'it']
    >>> support_chain(m, "it", "sales") is None
    True
    """
    for uid in (source, target):
        if uid not in model:
            raise UnknownUnitError(uid)
    if source == target:
        return None
    try:
        return nx.shortest_path(model.dependency_graph, source, target)
    except nx.NetworkXNoPath:
        return None


def revenue_at_risk(model: OrgModel, analysis: SupportAnalysis | None = None) -> dict[str, float]:
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
    return {uid: sum(revenue[f] for f in analysis.impact(uid)) for uid in analysis.back_office_units}


@dataclass(frozen=True)
class Findings:
    """What deserves a look: gaps in support and circular dependencies."""

    unsupported_revenue_units: list[str]
    """Revenue-generating units that no back-office unit supports."""
    idle_back_office_units: list[str]
    """Back-office units that support no revenue-generating unit."""
    dependency_cycles: list[list[str]]
    """Groups of units depending on each other in a circle (not errors: real firms have them)."""


def findings(model: OrgModel, analysis: SupportAnalysis | None = None) -> Findings:
    """Gaps and cycles, each list sorted.

    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> m.add_unit(Unit("shop", "Shop", "front")); m.add_unit(Unit("legal", "Legal", "back"))
    >>> findings(m)
    Findings(unsupported_revenue_units=['shop'], idle_back_office_units=['legal'], dependency_cycles=[])
    """
    analysis = analysis or analyse(model)
    return Findings(
        [uid for uid in analysis.revenue_units if not analysis.support_count(uid)],
        [uid for uid in analysis.back_office_units if not analysis.impact_count(uid)],
        analysis.cycles,
    )


def naive_support_map(model: OrgModel, revenue_ids: Iterable[str] | None = None) -> dict[str, list[str]]:
    """The obvious per-unit ``nx.descendants`` loop: the reference the fast path is tested
    and benchmarked against. Quadratic; do not use it on large models."""
    graph = model.dependency_graph
    back = {u.id for u in model.units() if u.office == "back"}
    ids = revenue_ids if revenue_ids is not None else [u.id for u in model.units() if u.is_revenue_generating]
    return {uid: sorted((nx.descendants(graph, uid) & back) - {uid}) for uid in sorted(ids)}


def chain_subgraph(
    model: OrgModel, sources: Iterable[str], targets: Iterable[str]
) -> tuple[set[str], set[tuple[str, str]]]:
    """The units and dependencies lying on some dependency chain from a source to a target.

    What the editor highlights: for a revenue unit, the chains to its supporters; for a
    back-office unit, the chains from the revenue units it supports.

    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> for uid, office in [("s", "front"), ("r", "middle"), ("x", "middle"), ("it", "back")]:
    ...     m.add_unit(Unit(uid, uid, office))
    >>> m.add_dependency("s", "r"); m.add_dependency("r", "it"); m.add_dependency("s", "x")
    >>> units, edges = chain_subgraph(m, ["s"], ["it"])
    >>> sorted(units), sorted(edges)
    (['it', 'r', 's'], [('r', 'it'), ('s', 'r')])
    """
    graph = model.dependency_graph
    # Plain neighbour dicts: the graph's adjacency views cost a call per lookup.
    successors = dict(graph.adjacency())
    predecessors = dict(graph.reverse(copy=False).adjacency())
    reached = set(sources)
    stack = list(reached)
    while stack:
        for w in successors[stack.pop()]:
            if w not in reached:
                reached.add(w)
                stack.append(w)
    useful = {t for t in targets if t in reached}
    stack = list(useful)
    while stack:
        for u in predecessors[stack.pop()]:
            if u in reached and u not in useful:
                useful.add(u)
                stack.append(u)
    edges = {(u, v) for v in useful for u in predecessors[v] if u in useful}
    return useful, edges


def highlight(model: OrgModel, analysis: SupportAnalysis, unit_id: str) -> tuple[set[str], set[tuple[str, str]]] | None:
    """What selecting ``unit_id`` highlights: for a revenue-generating unit, the chains to
    its supporters; for a back-office unit, the chains from the revenue it carries. ``None``
    for other units. The unit itself is included."""
    unit = model.unit(unit_id)
    if unit.is_revenue_generating:
        units, edges = chain_subgraph(model, [unit_id], analysis.support(unit_id))
    elif unit.office == "back":
        units, edges = chain_subgraph(model, analysis.impact(unit_id), [unit_id])
    else:
        return None
    return units | {unit_id}, edges
