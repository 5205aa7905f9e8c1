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
