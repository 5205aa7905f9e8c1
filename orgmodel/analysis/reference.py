"""The obvious, quadratic way to answer the support question: one ``nx.descendants`` per
revenue unit. It is the reference the fast analysis is tested and benchmarked against
(``tests/core``, ``benchmarks/support_map.py``); do not use it on large models.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgmodel.model import OrgModel


def naive_support_map(model: OrgModel, revenue_ids: Iterable[str] | None = None) -> dict[str, list[str]]:
    """The obvious per-unit ``nx.descendants`` loop: ``{revenue unit id: sorted back-office
    ids it reaches}`` for ``revenue_ids`` (default: every revenue-generating unit).

    >>> from orgmodel.model import OrgModel, Unit
    >>> m = OrgModel()
    >>> for uid, office in [("shop", "front"), ("it", "back"), ("fin", "back")]:
    ...     m.add_unit(Unit(uid, uid, office))
    >>> m.add_dependency("shop", "it"); m.add_dependency("it", "fin")
    >>> naive_support_map(m)
    {'shop': ['fin', 'it']}
    """
    import networkx as nx  # here: the console commands never need it

    graph = model.dependency_graph
    back = {u.id for u in model.units() if u.office == "back"}
    ids = revenue_ids if revenue_ids is not None else [u.id for u in model.units() if u.is_revenue_generating]
    return {uid: sorted((nx.descendants(graph, uid) & back) - {uid}) for uid in sorted(ids)}
