"""The networkx graph of a model's dependencies, made in one step from its adjacency.

``add_nodes_from``/``add_edges_from`` check and update per item in Python: with 150,000
dependencies that was a fifth of loading a file. The model now keeps its own adjacency
(:mod:`orgmodel.adjacency`) and makes the graph only when someone asks for it; this makes
the same dicts networkx would, with comprehensions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx


def graph_from_adjacency(succ: Mapping[str, Mapping[str, Any]], pred: Mapping[str, Mapping[str, Any]]) -> nx.DiGraph:
    """An ``nx.DiGraph`` with the nodes of ``succ`` in its order and an edge ``u -> v`` for
    each ``v in succ[u]``, neighbours in the order of ``succ[u]`` and ``pred[v]``, and one
    (empty) attribute dict per edge shared by both entries, as networkx makes them.

    >>> g = graph_from_adjacency({"a": {"b": None}, "b": {}}, {"a": {}, "b": {"a": None}})
    >>> list(g.edges(data=True)), g.succ["a"]["b"] is g.pred["b"]["a"]
    ([('a', 'b', {})], True)
    """
    graph = nx.DiGraph()
    out = {node: {target: {} for target in targets} for node, targets in succ.items()}
    graph._node = {node: {} for node in succ}
    graph._adj = graph._succ = out
    graph._pred = {node: {source: out[source][node] for source in sources} for node, sources in pred.items()}
    return graph
