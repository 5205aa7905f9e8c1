"""The fast reader gives the very model the exact reader gives, or leaves the file to it."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from orgmodel.formats.native import _float, _int, _object, _Reader, dumps, loads
from orgmodel.formats.native_fast import read_fast
from orgmodel.model import OrgModel
from orgmodel.synthetic import generate_model
from orgmodel.fields import NonFinite
from orgmodel.errors import ModelFileError

SAMPLES = sorted((Path(__file__).resolve().parents[3] / "resources" / "samples").glob("*.orgmodel"))


def exact(text: str) -> OrgModel:
    document = json.loads(text, object_pairs_hook=_object, parse_constant=NonFinite, parse_float=_float, parse_int=_int)
    model = _Reader().read(document)
    assert model is not None
    return model


def same(a: OrgModel, b: OrgModel) -> None:
    assert a.name == b.name and dict(a.extra) == dict(b.extra)
    assert a.units() == b.units() and a.dependencies() == b.dependencies()
    assert list(a.reporting_lines()) == list(b.reporting_lines())
    assert [a.children(u) for u in a.unit_ids()] == [b.children(u) for u in b.unit_ids()]
    ga, gb = a.dependency_graph, b.dependency_graph
    assert list(ga.nodes) == list(gb.nodes) and list(ga.edges) == list(gb.edges)
    assert [list(ga.predecessors(u)) for u in ga] == [list(gb.predecessors(u)) for u in gb]
    assert nx.is_isomorphic(ga, gb)
    assert all(ga.succ[u][v] is ga.pred[v][u] for u, v in ga.edges)


def without_colons(text: str) -> str:
    """A sample with the colons in its texts taken out (with them it is the exact reader's)."""
    lines = text.split("\n")
    return "\n".join(line[: line.index(":") + 1] + line[line.index(":") + 1 :].replace(":", "") if ":" in line and "from" not in line else line for line in lines)


TEXTS = [without_colons(p.read_text(encoding="utf-8")) for p in SAMPLES] + [dumps(generate_model(300))]


@pytest.mark.parametrize("text", TEXTS, ids=[p.stem for p in SAMPLES] + ["generated"])
def test_fast_reader_builds_the_exact_model(text: str) -> None:
    fast = read_fast(text)
    assert fast is not None
    same(fast, exact(text))
    assert dumps(fast) == text


def test_built_graph_stays_editable() -> None:
    model = read_fast(dumps(generate_model(50)))
    assert model is not None
    source, target = model.dependencies()[0].source, model.dependencies()[0].target
    model.remove_dependency(source, target)
    model.add_dependency(source, target)
    assert model.dependency_graph.has_edge(source, target)


@pytest.mark.parametrize(
    "tail",
    [
        '"units": [{"id": "a", "name": "A", "office": "back", "name": "B"}]}',  # repeated key
        '"units": [{"id": "a", "name": "A:", "office": "back"}], "x": {"y": 1, "y": 2}}',
        '"units": [{"id": "a", "name": "A", "office": "back", "x": -1' + "0" * 308 + "}]}",
        '"units": [{"id": "a", "name": "A", "office": "back", "x": 1e400}]}',
        '"units": [{"id": "a", "name": "A", "office": "back", "parent": "a"}]}',
        '"units": [], "extra": NaN}',
    ],
)
def test_unusual_files_are_left_to_the_exact_reader(tail: str) -> None:
    text = '{"format": "orgmodel", "version": 1, ' + tail
    assert read_fast(text) is None
    with pytest.raises(ModelFileError):
        loads(text)


def test_a_colon_in_a_text_is_still_read() -> None:
    text = '{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "A: one", "office": "back"}]}'
    assert read_fast(text) is None
    assert loads(text).unit("a").name == "A: one"
