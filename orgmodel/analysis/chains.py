"""The dependency chains behind an answer: one shortest chain, and every unit and dependency
on some chain, which is what the editor (and the exported picture) highlights.

Each walk here visits only the part of the graph around the selected unit, read straight from
the model's adjacency: selecting a unit in a 10,000-unit model costs what its chains cost, not
a pass over every unit (nor making the networkx graph).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from itertools import chain

from orgmodel.analysis.queries import SupportQueries
from orgmodel.errors import UnknownUnitError
from orgmodel.gcpause import gc_paused
from orgmodel.model import OrgModel


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
    return _shortest_chain(*model.adjacency(), source, target)


def _shortest_chain(
    succ: Mapping[str, Iterable[str]], pred: Mapping[str, Iterable[str]], source: str, target: str
) -> list[str] | None:
    """``nx.shortest_path(graph, source, target)`` for ``source != target``, step for step
    (a breadth-first search from both ends, meeting in the middle), so that it picks the same
    chain among equally short ones; ``None`` when there is none."""
    before: dict[str, str | None] = {source: None}  # the step towards the source
    after: dict[str, str | None] = {target: None}  # the step towards the target
    forward, backward = [source], [target]
    meeting = None
    while forward and backward and meeting is None:
        if len(forward) <= len(backward):
            level, forward = forward, []
            for v in level:
                for w in succ[v]:
                    if w not in before:
                        forward.append(w)
                        before[w] = v
                    if w in after:
                        meeting = w
                        break
                if meeting is not None:
                    break
        else:
            level, backward = backward, []
            for v in level:
                for w in pred[v]:
                    if w not in after:
                        after[w] = v
                        backward.append(w)
                    if w in before:
                        meeting = w
                        break
                if meeting is not None:
                    break
    if meeting is None:
        return None
    path: list[str] = []
    step: str | None = meeting
    while step is not None:
        path.append(step)
        step = before[step]
    path.reverse()
    step = after[meeting]
    while step is not None:
        path.append(step)
        step = after[step]
    return path


def chain_subgraph(
    model: OrgModel, sources: Iterable[str], targets: Iterable[str]
) -> tuple[set[str], set[tuple[str, str]]]:
    """The units and dependencies lying on some dependency chain from a source to a target.

    What the editor highlights: for a revenue unit, the chains to its supporters; for a
    back-office unit, the chains from the revenue units it supports. All ids must be units of
    the model.

    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> for uid, office in [("s", "front"), ("r", "middle"), ("x", "middle"), ("it", "back")]:
    ...     m.add_unit(Unit(uid, uid, office))
    >>> m.add_dependency("s", "r"); m.add_dependency("r", "it"); m.add_dependency("s", "x")
    >>> units, edges = chain_subgraph(m, ["s"], ["it"])
    >>> sorted(units), sorted(edges)
    (['it', 'r', 's'], [('r', 'it'), ('s', 'r')])
    """
    succ, pred = model.adjacency()
    sources, targets = list(sources), list(targets)
    # The model's own neighbour dicts, read per unit visited: no copy of every unit's, and no
    # networkx views (a Python call and an object per lookup: a quarter of a large highlight).
    successors, predecessors = succ.__getitem__, pred.__getitem__
    # The units on a chain are those the sources reach that also reach a target: the same
    # set whichever end the walks start from. Start from the end with fewer units (a single
    # unit's descendants or ancestors are usually far fewer than those of many units).
    with gc_paused():  # the chains of one unit can be thousands of entries and no cycles
        if len(targets) < len(sources):
            units = _between(targets, sources, predecessors, successors)
        else:
            units = _between(sources, targets, successors, predecessors)
        edges = {(u, v) for v in units for u in predecessors(v) if u in units}
    return units, edges


def _between(
    starts: list[str], ends: list[str], ahead: Callable[[str], Iterable[str]], behind: Callable[[str], Iterable[str]]
) -> set[str]:
    """The units reachable from ``starts`` along ``ahead`` (both inclusive) from which some
    unit of ``ends`` is reachable: one walk out from the starts, one walk back from the ends
    that stays within what the first found.

    Both walks go a layer at a time with set operations (C loops): the chains of a unit in a
    large cycle can hold half the model.
    """
    reached = set(starts)
    layer: set[str] = reached
    while layer:
        # not ``-=``: that would run over all of ``reached`` each time
        layer = set(chain.from_iterable(map(ahead, layer))) - reached
        reached |= layer
    useful = reached.intersection(ends)
    layer = useful
    while layer:
        layer = set(chain.from_iterable(map(behind, layer)))
        layer &= reached
        layer = layer - useful
        useful |= layer
    return useful


def highlight(model: OrgModel, analysis: SupportQueries, unit_id: str) -> tuple[set[str], set[tuple[str, str]]] | None:
    """What selecting ``unit_id`` highlights: for a revenue-generating unit, the chains to
    its supporters; for a back-office unit, the chains from the revenue it carries. ``None``
    for other units. The unit itself is included.

    >>> from orgmodel.analysis import analyse
    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> for uid, office in [("shop", "front"), ("crm", "middle"), ("it", "back"), ("pr", "middle")]:
    ...     m.add_unit(Unit(uid, uid, office))
    >>> m.add_dependency("shop", "crm"); m.add_dependency("crm", "it"); m.add_dependency("pr", "it")
    >>> units, edges = highlight(m, analyse(m), "it")
    >>> sorted(units), sorted(edges)
    (['crm', 'it', 'shop'], [('crm', 'it'), ('shop', 'crm')])
    >>> highlight(m, analyse(m), "pr") is None
    True
    """
    unit = model.unit(unit_id)
    if unit.is_revenue_generating:
        units, edges = chain_subgraph(model, [unit_id], analysis.support(unit_id))
    elif unit.office == "back":
        units, edges = chain_subgraph(model, analysis.impact(unit_id), [unit_id])
    else:
        return None
    return units | {unit_id}, edges
