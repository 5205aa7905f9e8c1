"""The fast reader gives the very model the exact reader gives, or leaves the file to it."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import networkx as nx
import pytest

from orgmodel.formats.native import _float, _int, _object, _Reader, dumps, loads
from orgmodel.formats.native_fast import _CHUNK, _written_dependencies, read_fast
from orgmodel.model import OrgModel, Unit
from orgmodel.synthetic import generate_model
from orgmodel.fields import NonFinite
from orgmodel.errors import ModelFileError

SAMPLES = sorted((Path(__file__).resolve().parents[3] / "resources" / "samples").glob("*.orgmodel"))


def parsed(text: str) -> object:
    """The document as the exact reader parses it."""
    return json.loads(text, object_pairs_hook=_object, parse_constant=NonFinite, parse_float=_float, parse_int=_int)


def exact(text: str) -> OrgModel:
    model = _Reader().read(parsed(text))
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


def colons_everywhere() -> str:
    """A valid file with colons in every kind of text: ids, names, notes, tags, parents,
    dependency ends and labels, the model's name, unknown keys and their values."""
    model = OrgModel("Acme: EMEA", {"x:meta": {"k:1": ["v:2", 3]}})
    model.add_unit(Unit("sales:emea", "Sales: EMEA", "front", notes="Note: a:b", tags=("t:1", "plain")))
    model.add_unit(Unit("it", "IT", "back", cost=5.0))
    model.add_unit(Unit("risk:1", "Risk", "middle"))
    model.set_parent("it", "sales:emea")
    model.set_parent("risk:1", "sales:emea")
    model.add_dependency("sales:emea", "it", weight=2.0, label="SLA: 99%")
    model.add_dependency("sales:emea", "risk:1")
    model.add_dependency("risk:1", "it", label="no colon")
    model.add_dependency("it", "risk:1")
    return dumps(model)


TEXTS = [p.read_text(encoding="utf-8") for p in SAMPLES] + [dumps(generate_model(300)), colons_everywhere()]


@pytest.mark.parametrize("text", TEXTS, ids=[p.stem for p in SAMPLES] + ["generated", "colons"])
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


def exact_reader_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: _Reader, document: object) -> None:
        raise AssertionError("the exact reader was asked")

    monkeypatch.setattr(_Reader, "read", refuse)


@pytest.mark.parametrize("text", [colons_everywhere(), *TEXTS[: len(SAMPLES)]], ids=["colons", *(p.stem for p in SAMPLES)])
def test_colons_in_texts_keep_the_fast_path(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = exact(text)
    exact_reader_refused(monkeypatch)
    same(loads(text), expected)


@pytest.mark.parametrize(
    ("unit", "repeated"),
    [
        ('{"id": "a", "name": "A: one", "office": "back", "name": "B: two"}', "name"),
        ('{"id": "a:1", "name": "A", "office": "back", "notes": "x: y", "notes": ""}', "notes"),
        # Without the look for escapes, the decoded colon would stand in for the lost key.
        ('{"id": "a", "name": "A", "office": "back", "notes": "x", "notes": "\\u003a"}', "notes"),
        ('{"id": "a", "name": "A", "office": "back", "notes": "x", "notes": "\\u003A"}', "notes"),
    ],
)
def test_repeated_keys_among_colons_get_the_exact_readers_message(unit: str, repeated: str) -> None:
    text = '{"format": "orgmodel", "version": 1, "name": "N: 1", "units": [' + unit + "]}"
    assert read_fast(text) is None
    with pytest.raises(ModelFileError) as refused:
        loads(text)
    assert [(p.path, str(p.message)) for p in refused.value.problems] == [(f"units[0].{repeated}", "key appears more than once")]


def test_an_escaped_colon_is_read_by_the_exact_reader() -> None:
    text = '{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "A\\u003a", "office": "back"}]}'
    assert read_fast(text) is None
    assert loads(text).unit("a").name == "A:"


def exact_problems(text: str) -> list[tuple[str, str]]:
    reader = _Reader()
    assert reader.read(parsed(text)) is None
    return [(p.path, str(p.message)) for p in reader.problems]


@pytest.mark.parametrize(
    "dependencies",
    [
        '[{"from": "a", "to": "b"}, {"from": "a", "to": "b"}]',  # written twice
        '[{"from": "a", "to": "b"}, {"from": "b", "to": "b"}]',  # a loop
        '[{"from": "a", "to": "zz"}]',  # an unknown end
        '[{"from": "a"}]',  # an end missing
        '[{"from": ["a"], "to": "b"}]',  # an unhashable end
        '[{"from": {"a": 1}, "to": "b"}, {"from": "a", "to": "b"}]',
        '[{"from": 1, "to": "b"}]',  # not a text
        '[["a", "b"]]',  # not an object
        '[{"from": "a", "to": "b", "weight": 0}]',
        '[{"from": "a", "to": "b", "label": "x\\u0001"}]',
        '{"from": "a", "to": "b"}',  # not a list
    ],
)
def test_bad_dependencies_get_the_exact_readers_messages(dependencies: str) -> None:
    units = '[{"id": "a", "name": "A", "office": "front"}, {"id": "b", "name": "B", "office": "back", "parent": "a"}]'
    text = '{"format": "orgmodel", "version": 1, "units": ' + units + ', "dependencies": ' + dependencies + "}"
    assert read_fast(text) is None
    with pytest.raises(ModelFileError) as refused:
        loads(text)
    assert [(p.path, str(p.message)) for p in refused.value.problems] == exact_problems(text)


@pytest.mark.parametrize(
    "field",
    [
        '"parent": "zz"',  # an unknown parent
        '"parent": ""',
        '"parent": 0',
        '"parent": false',
        '"parent": ["a"]',  # an unhashable parent
        '"parent": {"id": "a"}',
        '"headcount": -1',
        '"headcount": 1.5',
        '"headcount": true',
        '"cost": "5"',
        '"automation_potential": 1.5',
        '"automation_ease": 1.5',
        '"automation_ease": -0.1',
        '"automation_ease": "0.5"',
        '"x": false',
    ],
)
def test_bad_unit_fields_get_the_exact_readers_messages(field: str) -> None:
    # The first unit has every field right, so that the column holds both kinds of value.
    units = '[{"id": "a", "name": "A", "office": "front", "headcount": 3, "cost": 2, "automation_potential": 0.5, "automation_ease": 0.25, "x": 1}, '
    units += '{"id": "b", "name": "B", "office": "back", ' + field + "}]"
    text = '{"format": "orgmodel", "version": 1, "units": ' + units + "}"
    assert read_fast(text) is None
    with pytest.raises(ModelFileError) as refused:
        loads(text)
    assert [(p.path, str(p.message)) for p in refused.value.problems] == exact_problems(text)


def test_units_without_an_optional_field_keep_its_default() -> None:
    units = '[{"id": "a", "name": "A", "office": "front", "headcount": 3, "cost": 2.5}, {"id": "b", "name": "B", "office": "back", "parent": "a"}]'
    text = '{"format": "orgmodel", "version": 1, "units": ' + units + "}"
    fast = read_fast(text)
    assert fast is not None
    same(fast, exact(text))
    assert (fast.unit("b").headcount, fast.unit("b").cost, fast.parent("b")) == (None, None, "a")


@pytest.mark.parametrize("fast", [True, False], ids=["fast reader", "exact reader"])
def test_a_model_just_read_goes_straight_to_the_oldest_generation(fast: bool) -> None:
    # Left young, the collector would scan every unit at its next run, and again one
    # generation up, only to find them alive (16 ms for 50,000 units).
    text = dumps(generate_model(500))
    if not fast:  # a key this version does not know: the exact reader keeps it
        text = text.replace('"name": "Sales 0"', '"name": "Sales 0", "later": 1', 1)
    gc.collect()
    loaded = loads(text)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(unit) in oldest for unit in loaded.units())
    assert (read_fast(text) is not None) == fast


def test_objects_someone_froze_stay_frozen_across_a_load() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        loads(dumps(generate_model(50)))
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_fields_first_seen_in_a_later_chunk_of_units_are_gathered_in_place() -> None:
    # Units are gathered a chunk at a time: a field no unit of the first chunks has is
    # absent (None, or no tags) for all of them, present where the file gives it.
    count = 2 * _CHUNK + 7
    model = OrgModel()
    for i in range(count):
        model.add_unit(Unit(f"u{i}", f"U {i}", "back"))
    model.update_unit(f"u{count - 1}", notes="late", tags=("t",), color="#112233", x=1.0)
    model.update_unit(f"u{_CHUNK}", revenue_generating=True, headcount=4)
    model.set_parent(f"u{count - 1}", "u0")
    text = dumps(model)
    fast = read_fast(text)
    assert fast is not None
    same(fast, exact(text))
    assert fast.unit(f"u{count - 1}").tags == ("t",) and fast.unit("u3").tags == () and fast.unit("u3").notes is None


@pytest.mark.parametrize("unit", ['["id", "name", "office"]', '"id"', "7", '{"id": "z", "name": "Z", "office": "back", "later": 1}'])
def test_a_unit_in_a_later_chunk_that_is_not_a_plain_unit_is_left_to_the_exact_reader(unit: str) -> None:
    units = ", ".join(f'{{"id": "u{i}", "name": "U", "office": "back"}}' for i in range(_CHUNK + 3))
    text = '{"format": "orgmodel", "version": 1, "units": [' + units + ", " + unit + "]}"
    assert read_fast(text) is None
    if "later" in unit:  # a key this version does not know: kept
        assert loads(text).unit("z").extra == {"later": 1}
    else:
        with pytest.raises(ModelFileError, match=rf"units\[{_CHUNK + 3}\]"):
            loads(text)


def written_text() -> str:
    """A file as this program writes it: the dependencies last, one line each."""
    model = OrgModel("M")
    for uid, office in (("a", "front"), ("b", "middle"), ("c", "back")):
        model.add_unit(Unit(uid, uid.upper(), office))
    for source, target in (("a", "b"), ("a", "c"), ("b", "c")):
        model.add_dependency(source, target)
    return dumps(model)


def test_dependencies_as_written_are_read_from_their_lines() -> None:
    text = written_text()
    head, pairs = _written_dependencies(text) or ("", [])
    assert pairs == [("a", "b"), ("a", "c"), ("b", "c")] and head.endswith('  "dependencies": []\n}\n')
    same(read_fast(text) or OrgModel(), exact(text))


LINE = '    {"from": "a", "to": "c"}'
ALTERED = {
    "comma missing": (LINE + ",\n", LINE + "\n"),
    "comma doubled": (LINE + ",\n", LINE + ",,\n"),
    "comma at the end": ('"c"}\n  ]', '"c"},\n  ]'),
    "space inside": (LINE, LINE.replace('": "c"', '":  "c"')),
    "written twice": (LINE, LINE + ",\n" + LINE),
    "a loop": (LINE, LINE.replace('"c"', '"a"')),
    "an unknown end": (LINE, LINE.replace('"c"', '"zz"')),
    "an escape": (LINE, LINE.replace('"c"', '"\\u0063"')),
    "a weight": (LINE, LINE.replace('"c"}', '"c", "weight": 2}')),
    "a weight of 0": (LINE, LINE.replace('"c"}', '"c", "weight": 0}')),
    "another key": (LINE, LINE.replace('"c"}', '"c", "later": {"x": ["y"]}}')),
    "the key twice at the top": ('  "units"', '  "dependencies": [{"from": "c", "to": "a"}],\n  "units"'),
    "a key after it": ("\n  ]\n}", '\n  ],\n  "later": 1\n}'),
    "junk between lines": (LINE + ",\n", LINE + ",\n  x\n"),
    "junk after the list": ("\n  ]\n}", "\n  ]\n  ]\n}"),
    "a control character": (LINE, LINE.replace('"c"', '"c\x01"')),
    "no line": ('    {"from": "a", "to": "b"},\n' + LINE + ",\n" + '    {"from": "b", "to": "c"}', ""),
}


@pytest.mark.parametrize("old, new", ALTERED.values(), ids=ALTERED)
def test_dependencies_not_quite_as_written_are_read_as_json_would(old: str, new: str) -> None:
    # Whatever the lines say, the fast reader's model or refusal is the exact reader's.
    text = written_text()
    assert old in text
    text = text.replace(old, new, 1)
    try:
        expected: OrgModel | list[tuple[str, str]] = exact(text)
    except json.JSONDecodeError:
        with pytest.raises(ModelFileError, match="invalid JSON"):
            loads(text)
        return
    except AssertionError:
        expected = exact_problems(text)
    if isinstance(expected, OrgModel):
        same(loads(text), expected)
    else:
        with pytest.raises(ModelFileError) as refused:
            loads(text)
        assert [(p.path, str(p.message)) for p in refused.value.problems] == expected


def test_ids_holding_a_tab_keep_the_fast_path() -> None:
    # Ids are made again from their tab-joined text; an id with a tab in it would split.
    model = OrgModel()
    for uid in ("a\tb", "c", "d\t"):
        model.add_unit(Unit(uid, "N", "back"))
    model.set_parent("c", "a\tb")
    model.add_dependency("c", "d\t")
    text = dumps(model)
    fast = read_fast(text)
    assert fast is not None and fast.unit_ids() == ["a\tb", "c", "d\t"]
    same(fast, exact(text))
