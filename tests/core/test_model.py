"""The model: one mutation path, checks before changes, an event after every change."""

from __future__ import annotations

import re

import pytest

from orgmodel import events as ev
from orgmodel.errors import DependencyError, DuplicateUnitError, FieldError, ReportingCycleError, UnknownUnitError
from orgmodel.model import OrgModel, Unit


@pytest.fixture
def model() -> OrgModel:
    m = OrgModel("Test")
    for uid, name, office in [("ceo", "CEO Office", "back"), ("sales", "Sales", "front"), ("it", "IT", "back"), ("fin", "Finance", "back")]:
        m.add_unit(Unit(uid, name, office))
    m.set_parent("sales", "ceo")
    m.set_parent("it", "ceo")
    m.set_parent("fin", "it")
    m.add_dependency("sales", "it", weight=2.0, label="CRM hosting")
    m.add_dependency("it", "fin")
    m.add_dependency("fin", "it")
    return m


def record(model: OrgModel) -> list:
    seen: list = []
    model.add_listener(seen.append)
    return seen


def test_every_change_is_announced_once_after_it_happened(model: OrgModel) -> None:
    seen = record(model)
    states = []
    model.add_listener(lambda e: states.append(len(model)))
    model.add_unit(Unit("hr", "HR", "back"), index=1)
    model.update_unit("hr", headcount=12, notes="people")
    model.set_parent("hr", "ceo")
    model.update_dependency("sales", "it", label="hosting")
    assert seen == [
        ev.UnitAdded("hr", 1),
        ev.UnitChanged("hr", frozenset({"headcount", "notes"})),
        ev.ParentChanged("hr", None, "ceo"),
        ev.DependencyChanged("sales", "it", frozenset({"label"})),
    ]
    assert states[0] == 5  # listeners see the model already changed
    assert model.unit_ids() == ["ceo", "hr", "sales", "it", "fin"]


def test_an_edit_that_changes_nothing_announces_nothing(model: OrgModel) -> None:
    seen = record(model)
    assert model.update_unit("it", name="IT") == frozenset()
    model.set_parent("fin", "it")
    assert seen == []


@pytest.mark.parametrize(
    ("child", "parent", "words"),
    [
        ("ceo", "fin", "CEO Office cannot report to Finance: Finance already reports"),
        ("it", "it", "IT cannot report to itself"),
    ],
)
def test_reporting_cycles_are_refused_naming_both_units(model: OrgModel, child: str, parent: str, words: str) -> None:
    seen = record(model)
    with pytest.raises(ReportingCycleError, match=words) as info:
        model.set_parent(child, parent)
    assert (info.value.unit_id, info.value.parent_id) == (child, parent)
    assert seen == [] and model.parent("ceo") is None


def test_dependency_cycles_are_allowed_but_loops_and_duplicates_are_not(model: OrgModel) -> None:
    with pytest.raises(DependencyError, match="IT cannot depend on itself"):
        model.add_dependency("it", "it")
    with pytest.raises(DependencyError, match="Sales already depends on IT"):
        model.add_dependency("sales", "it")
    with pytest.raises(UnknownUnitError, match="'ghost'"):
        model.add_dependency("sales", "ghost")
    assert model.dependency_count == 3


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("office", "frnt", 'expected "front", "middle" or "back", got "frnt"'),
        ("headcount", -3, "must be >= 0"),
        ("headcount", 2.5, "whole number"),
        ("automation_potential", 1.2, "between 0 and 1"),
        ("cost", float("nan"), "finite"),
        ("name", "   ", "must not be empty"),
        ("color", "red", "#rrggbb"),
        ("tags", ["a", "a"], "duplicate tag"),
        ("notes", "bell\x07", "control character U+0007"),
        ("parent", "ceo", "not an editable field"),
    ],
)
def test_invalid_values_are_refused_never_clamped(model: OrgModel, field: str, value: object, words: str) -> None:
    before = model.unit("it")
    seen = record(model)
    with pytest.raises(FieldError, match=re.escape(words)) as info:
        model.update_unit("it", **{field: value})
    assert info.value.unit_id == "it" and info.value.field == field
    assert model.unit("it") == before and seen == []


def test_removing_a_unit_takes_its_lines_with_it_and_orphans_its_reports(model: OrgModel) -> None:
    seen = record(model)
    model.remove_unit("it")
    assert "it" not in model and model.unit_ids() == ["ceo", "sales", "fin"]
    assert model.dependency_count == 0
    assert model.parent("fin") is None
    assert ev.UnitRemoved("it", 2) == seen[-1]
    assert {type(e) for e in seen[:-1]} == {ev.DependencyRemoved, ev.ParentChanged}


def test_a_removed_unit_comes_back_exactly_from_what_was_recorded(model: OrgModel) -> None:
    """What the editor's undo does: record, remove, restore."""
    unit, index, parent = model.unit("it"), model.index_of("it"), model.parent("it")
    children = model.children("it")
    deps = [(d, model.dependency_index(d.source, d.target)) for d in model.dependencies() if "it" in (d.source, d.target)]
    before = (model.units(), model.dependencies(), dict(model.reporting_lines()))
    model.remove_unit("it")
    model.add_unit(unit, index)
    model.set_parent("it", parent)
    for child in children:
        model.set_parent(child, "it")
    for dep, position in deps:
        model.add_dependency(dep.source, dep.target, dep.weight, dep.label, dep.extra, index=position)
    assert (model.units(), model.dependencies(), dict(model.reporting_lines())) == before


def test_units_and_ids(model: OrgModel) -> None:
    with pytest.raises(DuplicateUnitError, match="'it'"):
        model.add_unit(Unit("it", "Other IT", "back"))
    with pytest.raises(UnknownUnitError):
        model.unit("ghost")
    assert model.new_unit_id("IT") == "it-2"
    assert model.new_unit_id("Çağrı Merkezi") == "cagri-merkezi"
    assert model.unit("sales").is_revenue_generating and not model.unit("it").is_revenue_generating
    assert model.roots() == ["ceo"]
    assert model.ancestors("fin") == ["it", "ceo"]
    assert model.dependencies_of("it") == ["fin"] and model.dependents_of("it") == ["sales", "fin"]


def test_positions_and_tags_are_stored_in_one_form(model: OrgModel) -> None:
    model.add_unit(Unit("hr", "HR", "back", tags=["people"], x=10, y=-4))  # type: ignore[arg-type]
    unit = model.unit("hr")
    assert unit.tags == ("people",) and isinstance(unit.x, float) and unit.y == -4.0


def test_the_dependency_graph_is_read_only(model: OrgModel) -> None:
    graph = model.dependency_graph
    assert set(graph.edges) == {("sales", "it"), ("it", "fin"), ("fin", "it")}
    with pytest.raises(Exception):
        graph.add_edge("ceo", "sales")


# -- moving many units as one change (a layout, a drag, their undo) ------------------------


def positions(model: OrgModel) -> dict[str, tuple[float | None, float | None]]:
    return {u.id: (u.x, u.y) for u in model.units()}


def test_moving_many_units_is_one_event_naming_those_that_moved(model: OrgModel) -> None:
    model.move_units({"ceo": (0.0, 0.0), "it": (5.0, 5.0)})
    seen = record(model)
    moved = model.move_units({"sales": (10, 20), "ceo": (0.0, 0.0), "fin": (-3.5, 7.0), "it": (5.0, 6.0)})
    assert moved == ("sales", "fin", "it")  # ceo stays where it was: not named
    assert seen == [ev.UnitsMoved(("sales", "fin", "it"))]
    assert positions(model) == {"ceo": (0.0, 0.0), "sales": (10.0, 20.0), "it": (5.0, 6.0), "fin": (-3.5, 7.0)}
    assert type(model.unit("sales").x) is float  # one form, whatever the caller gave
    assert model.unit("sales").name == "Sales" and model.parent("sales") == "ceo"  # nothing else changed


def test_moving_nothing_or_to_the_same_places_announces_nothing(model: OrgModel) -> None:
    model.move_units({"it": (1.0, 2.0)})
    seen = record(model)
    assert model.move_units({}) == () and model.move_units({"it": (1, 2)}) == ()
    assert seen == []


@pytest.mark.parametrize(
    ("bad", "error", "field"),
    [
        ({"nobody": (1.0, 1.0)}, UnknownUnitError, None),
        ({"fin": (1.0, float("nan"))}, FieldError, "y"),
        ({"fin": (float("-inf"), 1.0)}, FieldError, "x"),
        ({"fin": ("12", 1.0)}, FieldError, "x"),
        ({"fin": (True, 1.0)}, FieldError, "x"),
        ({"fin": (1.0,)}, FieldError, "position"),
        ({"fin": None}, FieldError, "position"),
    ],
)
def test_a_refused_position_moves_no_unit_at_all(model: OrgModel, bad: dict, error: type, field: str | None) -> None:
    before = positions(model)
    seen = record(model)
    with pytest.raises(error) as raised:
        model.move_units({"sales": (100.0, 100.0), "it": (200.0, 0.0), **bad})  # the bad one last
    assert positions(model) == before and seen == []
    if field is not None:  # the message names the unit and the field
        assert raised.value.field == field and raised.value.unit_id == "fin"
        assert str(raised.value).startswith(f"unit 'fin', {field}: ")


def test_moving_back_to_the_old_places_restores_the_model(model: OrgModel) -> None:
    model.move_units({uid: (float(i), 0.0) for i, uid in enumerate(model.unit_ids())})
    before = model.units()
    old = positions(model)
    model.move_units({uid: (i * 100.0, 50.0) for i, uid in enumerate(model.unit_ids())})
    seen = record(model)
    model.move_units(old)
    assert model.units() == before and seen == [ev.UnitsMoved(tuple(model.unit_ids()))]


def test_dependency_keys_and_the_described_dependencies_without_making_the_plain_ones(tmp_path) -> None:
    # The editor opens a 50,000-unit model without a Dependency object per plain dependency:
    # the routing needs only the keys, the line labels only the described dependencies.
    from orgmodel.formats.native import load, save

    model = OrgModel()
    for uid in ("a", "b", "c", "d"):
        model.add_unit(Unit(uid, uid.upper(), "back"))
    model.add_dependency("a", "b")
    model.add_dependency("c", "d", label="data")
    model.add_dependency("b", "c")
    model.add_dependency("a", "d", weight=2.0)
    path = tmp_path / "m.orgmodel"
    save(model, path)
    for m in (model, load(path)):
        assert m.dependency_keys() == [(d.source, d.target) for d in m.dependencies()]
        assert [(d.source, d.target, d.label, d.weight) for d in m.described_dependencies()] == [
            ("c", "d", "data", None), ("a", "d", None, 2.0)]
    read = load(path)
    assert read.described_dependencies()[0].label == "data" and read._deps._made is None  # nothing made
    read.remove_dependency("c", "d")
    read.add_dependency("c", "d", group="g")
    assert [(d.source, d.target) for d in read.described_dependencies()] == [("a", "d"), ("c", "d")]
