"""Allocated cost by group of origin (:meth:`CostAllocation.from_groups`), one solve for all
revenue units, against the per-unit attribution by origin summed by group, on random models
(hypothesis) and on a model big enough for the iterative solver."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_cost_properties import METHODS, cents, models
from orgmodel.analysis.cost import allocate
from orgmodel.model import OrgModel, Unit
from orgmodel.synthetic import generate_model


def grouped_attribution(result, group_of) -> dict[str, dict[str, int]]:
    """:meth:`from_services` of every revenue unit, summed by group, in cents."""
    found: dict[str, dict[str, int]] = {}
    for rid, amounts in result.from_all():
        row = found.setdefault(rid, {})
        for sid, amount in amounts.items():
            key = group_of(sid)
            row[key] = row.get(key, 0) + cents(amount)
    return found


@settings(max_examples=60, deadline=None)
@given(models(), st.sampled_from(METHODS), st.data())
def test_groups_add_up_to_the_allocated_cost_and_match_the_attribution_by_origin(model: OrgModel, method: str, data: st.DataObject) -> None:
    result = allocate(model, method)
    services = [s.id for s in result.service_units]
    group_of = {sid: data.draw(st.sampled_from(["a", "b", "c"])) for sid in services}
    by_group = result.from_groups(group_of)
    assert list(by_group) == [r.id for r in result.revenue_units]
    expected = grouped_attribution(result, group_of.__getitem__)
    for r in result.revenue_units:
        got = {k: cents(v) for k, v in by_group[r.id].items()}
        assert sum(got.values()) == cents(r.allocated)  # exactly, to the cent
        assert all(v > 0 for v in got.values())
        for key in set(got) | set(expected[r.id]):
            # Both are rounded to the cent: per service unit (summed) or per group.
            members = sum(1 for g in group_of.values() if g == key)
            assert abs(got.get(key, 0) - expected[r.id].get(key, 0)) <= members + 1


def test_by_default_the_groups_are_the_offices_of_the_service_units() -> None:
    model = OrgModel()
    for uid, office, cost, revenue in [("shop", "front", 10, 1000), ("web", "front", 0, None), ("pr", "front", 300, None),
                                       ("risk", "middle", 200, None), ("it", "back", 900, None)]:
        model.add_unit(Unit(uid, uid, office, cost=cost, revenue=revenue, revenue_generating=uid in ("shop", "web")))
    model.add_dependency("shop", "it", weight=2)
    model.add_dependency("web", "it")
    model.add_dependency("shop", "pr")
    model.add_dependency("it", "risk")
    result = allocate(model)
    assert result.from_groups() == {"shop": {"back": 600.0, "front": 300.0, "middle": 133.33}, "web": {"back": 300.0, "middle": 66.67}}
    assert result.from_groups({"it": "x"}) == {"shop": {"": 433.33, "x": 600.0}, "web": {"": 66.67, "x": 300.0}}


@pytest.mark.parametrize("method", METHODS)
def test_a_big_model_solved_iteratively_gives_the_sums_of_the_attribution(method: str) -> None:
    model = generate_model(1500, seed=3)
    result = allocate(model, method)
    offices = {s.id: s.office for s in result.service_units}
    by_group = result.from_groups()
    expected = grouped_attribution(result, offices.__getitem__)
    worst = max(abs(cents(by_group[rid].get(k, 0)) - v) / max(1, sum(1 for o in offices.values() if o == k))
                for rid, row in expected.items() for k, v in row.items())
    assert worst <= 1.0
    assert all(sum(cents(v) for v in by_group[r.id].values()) == cents(r.allocated) for r in result.revenue_units)


def test_no_service_units_or_no_revenue_units() -> None:
    model = OrgModel()
    model.add_unit(Unit("shop", "Shop", "front", cost=5))
    assert allocate(model).from_groups() == {"shop": {}}
    model = OrgModel()
    model.add_unit(Unit("it", "IT", "back", cost=5))
    assert allocate(model).from_groups() == {}
