"""The model's dependency store answers as the eager networkx graph and file-order list it
replaced did, whenever its lazy parts (keys, adjacency, linked order, graph) get made."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.dependencies import Dependency
from orgmodel.formats.native import dumps, loads
from orgmodel.model import OrgModel, Unit
from orgmodel.synthetic import generate_model


class Shadow:
    """What the model did before: a networkx graph changed edit by edit, a list in file order."""

    def __init__(self, model: OrgModel) -> None:
        self.graph = nx.DiGraph()
        self.graph.add_nodes_from(model.unit_ids())
        self.graph.add_edges_from((d.source, d.target) for d in model.dependencies())
        self.order = model.dependencies()


def check(model: OrgModel, shadow: Shadow) -> None:
    assert model.dependencies() == shadow.order
    assert model.dependency_count == len(shadow.order)
    graph = model.dependency_graph
    assert list(graph.nodes) == list(shadow.graph.nodes)
    assert [list(graph.succ[u]) for u in graph] == [list(shadow.graph.succ[u]) for u in graph]
    assert [list(graph.pred[u]) for u in graph] == [list(shadow.graph.pred[u]) for u in graph]
    assert all(graph.succ[u][v] is graph.pred[v][u] and graph.succ[u][v] == {} for u, v in graph.edges)
    succ, pred = model.adjacency()
    assert {u: list(vs) for u, vs in succ.items()} == {u: list(shadow.graph.succ[u]) for u in shadow.graph}
    assert {u: list(vs) for u, vs in pred.items()} == {u: list(shadow.graph.pred[u]) for u in shadow.graph}
    keys = [(d.source, d.target) for d in shadow.order]
    assert [model.dependency_after(*k) for k in keys] == [*keys[1:], None][: len(keys)]
    assert model.dependency_before(None) == (keys[-1] if keys else None)


def start() -> OrgModel:
    model = OrgModel("m")
    for i in range(6):
        model.add_unit(Unit(f"u{i}", f"U{i}", "back"))
    for a, b in [(0, 1), (2, 1), (1, 2), (3, 0), (0, 4), (5, 1), (4, 1)]:
        model.add_dependency(f"u{a}", f"u{b}", weight=2.0 if a == 3 else None)
    return model


STEP = st.tuples(st.sampled_from(["add", "add_at", "remove", "restore", "weigh", "add_unit", "remove_unit", "look"]), st.integers(0, 99), st.integers(0, 99))


@settings(max_examples=150, deadline=None)
@given(st.booleans(), st.lists(STEP, max_size=12))
def test_edits_of_a_read_model_match_the_eager_graph_and_order(read: bool, steps: list[tuple[str, int, int]]) -> None:
    model = loads(dumps(start())) if read else start()
    shadow = Shadow(model)
    made = 0
    for kind, a, b in steps:
        ids = model.unit_ids()
        keys = [(d.source, d.target) for d in shadow.order]
        source, target = ids[a % len(ids)], ids[b % len(ids)]
        if kind in ("add", "add_at") and source != target and not model.has_dependency(source, target):
            index = b % (len(keys) + 1) if kind == "add_at" else None
            model.add_dependency(source, target, index=index)
            shadow.order.insert(len(keys) if index is None else index, Dependency(source, target))
            shadow.graph.add_edge(source, target)
        elif kind in ("remove", "restore", "weigh") and keys:
            key = keys[a % len(keys)]
            if kind == "weigh":
                model.update_dependency(*key, weight=float(b + 1), label=None if b % 2 else "l")
                position = keys.index(key)
                shadow.order[position] = model.dependency(*key)
                continue
            successor, dependency = model.dependency_after(*key), model.dependency(*key)
            model.remove_dependency(*key)
            shadow.graph.remove_edge(*key)
            del shadow.order[keys.index(key)]
            if kind == "restore":
                model.restore_dependencies([(successor, dependency)])
                shadow.graph.add_edge(*key)
                shadow.order.insert(keys.index(successor) - 1 if successor else len(shadow.order), dependency)
        elif kind == "add_unit":
            made += 1
            model.add_unit(Unit(f"n{made}", "N", "middle"), index=a % (len(ids) + 1))
            shadow.graph.add_node(f"n{made}")
        elif kind == "remove_unit" and len(ids) > 2:
            gone = ids[a % len(ids)]
            model.remove_unit(gone)
            shadow.order = [d for d in shadow.order if gone not in (d.source, d.target)]
            shadow.graph.remove_node(gone)
        elif kind == "look":  # makes the lazy parts at this point of the sequence
            (lambda: model.dependency_graph, model.adjacency, lambda: keys and model.dependency_after(*keys[0]))[a % 3]()
    check(model, shadow)


def test_reading_and_analysing_a_file_leave_networkx_unloaded(tmp_path: Path) -> None:
    """networkx is a third of `orgmodel check`'s time: only the graph's users load it."""
    path = tmp_path / "m.orgmodel"
    path.write_text(dumps(generate_model(30)), encoding="utf-8")
    script = (
        "import sys\n"
        "from orgmodel.cli import main\n"
        "from orgmodel.analysis import analyse, support_chain\n"
        "from orgmodel.formats.native import load\n"
        f"model = load({str(path)!r})\n"
        "analyse(model).support_map(); support_chain(model, 'u000001', 'u000029')\n"
        "assert 'networkx' not in sys.modules, 'networkx was loaded'\n"
        "model.dependency_graph\n"
        "assert 'networkx' in sys.modules\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script], check=True, cwd=root, env=dict(os.environ, PYTHONPATH=str(root)))
