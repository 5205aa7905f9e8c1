"""What-if with alternatives, and single points of failure: hand-made models with known
answers, and the fast single-points result against failing each unit in turn (hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.analysis.spof import single_points
from orgmodel.analysis.whatif import UnknownUnitsError, what_if
from orgmodel.errors import FieldError
from orgmodel.fileformat import dumps, loads
from orgmodel.model import OrgModel, Unit


def build(units: list[tuple[str, str, float | None]], deps: list[tuple[str, str, str | None]]) -> OrgModel:
    model = OrgModel("what-if")
    for uid, office, revenue in units:
        model.add_unit(Unit(uid, uid.upper(), office, revenue=revenue))
    for source, target, group in deps:
        model.add_dependency(source, target, group=group)
    return model


def diamond(alternative: bool) -> OrgModel:
    """Sales needs IT Istanbul and IT Ankara (or one of them); both need Finance."""
    group = "it" if alternative else None
    return build(
        [("sales", "front", 100.0), ("ist", "back", None), ("ank", "back", None), ("fin", "back", None)],
        [("sales", "ist", group), ("sales", "ank", group), ("ist", "fin", None), ("ank", "fin", None)],
    )


def test_diamond_without_an_alternative_falls_with_either_side() -> None:
    result = what_if(diamond(False), ["ank"])
    assert result.revenue_units_down == ["sales"] and result.revenue_at_risk == 100.0
    assert result.chains == {"sales": ["sales", "ank"]}
    assert result.saved_by_alternative == []


def test_diamond_with_an_alternative_is_saved_by_it() -> None:
    result = what_if(diamond(True), ["ank"])
    assert result.down == ["ank"] and result.revenue_units_down == [] and result.revenue_at_risk == 0
    assert result.saved_by_alternative == ["sales"]


def test_a_group_whose_alternatives_are_all_down_takes_its_unit_down() -> None:
    result = what_if(diamond(True), ["ist", "ank"])
    assert result.revenue_units_down == ["sales"]
    assert result.chains["sales"][0] == "sales" and result.chains["sales"][-1] in ("ist", "ank")
    assert result.saved_by_alternative == []
    shared = what_if(diamond(True), ["fin"])  # both alternatives need Finance
    assert shared.down == ["ank", "fin", "ist", "sales"]
    assert shared.chains["sales"] in (["sales", "ist", "fin"], ["sales", "ank", "fin"])


def test_a_back_office_cycle_falls_together_and_stands_together() -> None:
    model = build(
        [("sales", "front", 50.0), ("it", "back", None), ("fin", "back", None), ("hr", "back", None)],
        [("sales", "it", None), ("it", "fin", None), ("fin", "it", None), ("fin", "hr", None)],
    )
    assert what_if(model, ["hr"]).down == ["fin", "hr", "it", "sales"]
    assert what_if(model, ["fin"]).chains == {"sales": ["sales", "it", "fin"]}
    assert what_if(model, ["sales"]).down == ["sales"]
    points = single_points(model)
    assert points.by_revenue_unit == {"sales": ["fin", "hr", "it"]}


def test_a_cycle_through_a_group_needs_every_member_down() -> None:
    # A needs B or C; B needs A or D. The least fixed point: with C and D failed, A and B
    # still hold each other up (nothing forces either down), as the issue defines it.
    model = build(
        [("a", "front", 10.0), ("b", "back", None), ("c", "back", None), ("d", "back", None)],
        [("a", "b", "g"), ("a", "c", "g"), ("b", "a", "h"), ("b", "d", "h")],
    )
    assert what_if(model, ["c"]).down == ["c"]
    assert what_if(model, ["c", "d"]).down == ["c", "d"]
    assert what_if(model, ["c", "d", "b"]).down == ["a", "b", "c", "d"]
    assert single_points(model).by_revenue_unit == {"a": []}


def test_a_chain_through_the_middle_office() -> None:
    model = build(
        [("sales", "front", 70.0), ("pricing", "middle", None), ("risk", "middle", None), ("it", "back", None)],
        [("sales", "pricing", None), ("pricing", "risk", None), ("risk", "it", None)],
    )
    result = what_if(model, ["it"])
    assert result.chains == {"sales": ["sales", "pricing", "risk", "it"]}
    assert result.revenue_at_risk == 70.0


def test_a_failed_revenue_unit_is_its_own_chain() -> None:
    model = build([("sales", "front", 30.0), ("pr", "front", 5.0)], [("pr", "sales", None)])
    result = what_if(model, ["sales"])
    assert result.chains == {"pr": ["pr", "sales"], "sales": ["sales"]}
    assert result.revenue_at_risk == 35.0
    rows = {row["id"]: row for row in single_points(model).units}
    assert rows["sales"]["revenue_units"] == ["pr", "sales"] and rows["sales"]["revenue_at_risk"] == 35.0
    assert single_points(model).by_revenue_unit == {"pr": ["sales"], "sales": []}


def test_reporting_lines_do_not_count() -> None:
    model = build([("sales", "front", 10.0), ("ceo", "back", None)], [])
    model.set_parent("sales", "ceo")
    assert what_if(model, ["ceo"]).down == ["ceo"]
    assert single_points(model).units[0] == {"id": "sales", "name": "SALES", "revenue_at_risk": 10.0, "revenue_units": ["sales"]}


def test_unknown_ids_are_named() -> None:
    with pytest.raises(UnknownUnitsError, match="nope, gone"):
        what_if(diamond(True), ["ist", "nope", "gone"])


def test_groups_round_trip_and_are_checked() -> None:
    model = diamond(True)
    again = loads(dumps(model))
    assert [(d.source, d.target, d.group) for d in again.dependencies()] == [(d.source, d.target, d.group) for d in model.dependencies()]
    assert '{"from": "sales", "to": "ist", "group": "it"}' in dumps(model)
    assert model.dependency_groups() == {("sales", "ist"): "it", ("sales", "ank"): "it"}
    with pytest.raises(FieldError, match="must not be empty"):
        model.add_dependency("fin", "ist", group="  ")
    model.update_dependency("sales", "ist", group=None)
    assert model.dependency_groups() == {("sales", "ank"): "it"}
    text = dumps(model).replace('"to": "fin"}', '"to": "fin", "group": 7}', 1)
    with pytest.raises(Exception, match=r"dependencies\[2\]\.group"):
        loads(text)
    older = json.loads(dumps(diamond(False)))
    assert "group" not in json.dumps(older)


@st.composite
def grouped_models(draw: st.DrawFn) -> OrgModel:
    n = draw(st.integers(1, 9))
    model = OrgModel()
    for i in range(n):
        office = draw(st.sampled_from(["front", "middle", "back"]))
        model.add_unit(Unit(f"u{i}", f"U{i}", office, revenue=draw(st.none() | st.integers(0, 1000))))
    for a in range(n):
        for s in range(n):
            if a != s and draw(st.integers(0, 3)) == 0:
                model.add_dependency(f"u{a}", f"u{s}", group=draw(st.none() | st.sampled_from(["g", "h"])))
    return model


@settings(max_examples=300, deadline=None)
@given(grouped_models())
def test_single_points_equal_failing_each_unit_in_turn(model: OrgModel) -> None:
    points = single_points(model)
    felled: dict[str, list[str]] = {r: [] for r in points.by_revenue_unit}
    for row in points.units:
        result = what_if(model, [row["id"]])
        assert row["revenue_units"] == result.revenue_units_down
        assert row["revenue_at_risk"] == pytest.approx(result.revenue_at_risk)
        for r in result.revenue_units_down:
            if r != row["id"]:
                felled[r].append(row["id"])
    assert points.by_revenue_unit == {r: sorted(ids) for r, ids in felled.items()}
    risks = [row["revenue_at_risk"] for row in points.units]
    assert risks == sorted(risks, reverse=True)


@settings(max_examples=200, deadline=None)
@given(grouped_models(), st.data())
def test_what_if_is_the_least_fixed_point(model: OrgModel, data: st.DataObject) -> None:
    ids = model.unit_ids()
    failed = data.draw(st.lists(st.sampled_from(ids), max_size=3))
    down = set(what_if(model, failed).down)
    # A fixed point: down is closed under the rules ...
    needs: dict[str, list[str]] = {}
    groups: dict[str, dict[str, list[str]]] = {}
    for dep in model.dependencies():
        if dep.group is None:
            needs.setdefault(dep.source, []).append(dep.target)
        else:
            groups.setdefault(dep.source, {}).setdefault(dep.group, []).append(dep.target)

    def falls(uid: str, known: set[str]) -> bool:
        return (uid in failed or any(s in known for s in needs.get(uid, []))
                or any(all(s in known for s in g) for g in groups.get(uid, {}).values()))

    assert all(falls(uid, down) for uid in down)
    assert not any(falls(uid, down) for uid in ids if uid not in down)
    # ... and the least one: iterating from the failed units reaches all of it.
    known = set(failed)
    while True:
        more = {uid for uid in ids if uid not in known and falls(uid, known)}
        if not more:
            break
        known |= more
    assert known == down
