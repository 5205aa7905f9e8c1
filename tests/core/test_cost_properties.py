"""Properties of cost-to-serve on random models (hypothesis): conservation to the cent for
every method, the methods agree where they must, weights are relative, attribution adds up,
and closed loops are reported as unallocated."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.analysis import cost_flows
from orgmodel.analysis.cost import allocate
from orgmodel.model import OrgModel, Unit

METHODS = ["reciprocal", "step", "direct"]


@st.composite
def models(draw: st.DrawFn, service_links: bool = True, max_service: int = 7) -> OrgModel:
    n_rev = draw(st.integers(0, 4))
    n_srv = draw(st.integers(0, max_service))
    model = OrgModel()
    for i in range(n_rev):
        model.add_unit(Unit(f"r{i}", f"R{i}", "front", cost=draw(st.none() | st.integers(0, 10**6)), revenue=draw(st.none() | st.integers(0, 10**7))))
    for i in range(n_srv):
        cost = draw(st.none() | st.integers(0, 10**8) | st.floats(0, 10**6, allow_nan=False).map(lambda v: round(v, 2)))
        model.add_unit(Unit(f"s{i}", f"S{i}", draw(st.sampled_from(["middle", "back"])), cost=cost))
    ids = model.unit_ids()
    services = [u for u in ids if u.startswith("s")]
    for s in services:
        for a in ids:
            if a != s and (service_links or a.startswith("r")) and draw(st.booleans()):
                model.add_dependency(a, s, weight=draw(st.none() | st.integers(1, 100) | st.floats(0.01, 50)))
    return model


def cents(value: float) -> int:
    return round(value * 100)


@settings(max_examples=60, deadline=None)
@given(models(), st.sampled_from(METHODS))
def test_conservation_to_the_cent_and_attribution_adds_up(model: OrgModel, method: str) -> None:
    result = allocate(model, method)
    total = sum(cents(s.own_cost) for s in result.service_units)
    assert cents(result.total_service_cost) == total
    assert sum(cents(r.allocated) for r in result.revenue_units) + cents(result.unallocated) == total
    assert sum(cents(s.unallocated) for s in result.service_units) == cents(result.unallocated)
    assert sum(cents(s.amount) for s in result.sinks) == cents(result.unallocated)
    for rid, amounts in result.from_all():
        assert sum(cents(v) for v in amounts.values()) == cents(result.revenue_unit(rid).allocated)
    columns: dict[str, int] = {}
    for sid, amounts in result.to_all():
        row = result.service_unit(sid)
        assert sum(cents(v) for v in amounts.values()) + cents(row.unallocated) == cents(row.own_cost)
        for rid, value in amounts.items():
            columns[rid] = columns.get(rid, 0) + cents(value)
            assert abs(cents(value) - cents(result.from_services(rid).get(sid, 0))) <= 1  # in cents: floats near 1e7 are not exact
    for r in result.revenue_units:  # the two readings of the matrix differ by a cent per entry at most
        assert abs(columns.get(r.id, 0) - cents(r.allocated)) <= len(result.service_units)
        assert cents(r.fully_loaded) == cents(r.own_cost) + cents(r.allocated)


@settings(max_examples=40, deadline=None)
@given(models(service_links=False))
def test_direct_equals_reciprocal_when_no_service_unit_depends_on_another(model: OrgModel) -> None:
    assert _allocated(allocate(model, "direct")) == _allocated(allocate(model, "reciprocal"))


@settings(max_examples=40, deadline=None)
@given(models(max_service=1))
def test_step_with_a_single_service_unit_is_direct(model: OrgModel) -> None:
    assert _allocated(allocate(model, "step")) == _allocated(allocate(model, "direct"))


@settings(max_examples=40, deadline=None)
@given(models(), st.sampled_from(METHODS), st.floats(0.01, 1000), st.data())
def test_scaling_the_weights_into_one_service_unit_changes_nothing(model: OrgModel, method: str, factor: float, data: st.DataObject) -> None:
    services = [u.id for u in model.units() if not u.is_revenue_generating]
    if not services:
        return
    before = allocate(model, method)
    s = data.draw(st.sampled_from(services))
    for a in model.dependents_of(s):
        model.update_dependency(a, s, weight=(model.dependency(a, s).weight or 1) * factor)
    after = allocate(model, method, list(before.order) if method == "step" else None)
    assert _allocated(after) == pytest.approx(_allocated(before), abs=0.011)
    assert after.unallocated == pytest.approx(before.unallocated, abs=0.011 * max(1, len(model)))


@settings(max_examples=30, deadline=None)
@given(models(), st.integers(1, 10**6))
def test_a_closed_loop_is_always_reported_as_unallocated(model: OrgModel, cost: int) -> None:
    model.add_unit(Unit("loop-a", "Loop A", "back", cost=cost))
    model.add_unit(Unit("loop-b", "Loop B", "back", cost=1))
    model.add_dependency("loop-a", "loop-b"); model.add_dependency("loop-b", "loop-a")
    result = allocate(model)
    group = next(s for s in result.sinks if s.units == ("loop-a", "loop-b"))
    assert group.amount == cost + 1 and "Loop A, Loop B" in group.reason
    assert result.service_unit("loop-a").unallocated == cost


def test_the_iterative_solver_gives_the_answer_of_the_exact_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgmodel.synthetic import generate_model

    model = generate_model(600)
    exact = allocate(model)
    monkeypatch.setattr(cost_flows, "DIRECT_LIMIT", 10)
    iterative = allocate(model)
    assert _allocated(iterative) == pytest.approx(_allocated(exact), abs=0.011)
    assert iterative.unallocated == pytest.approx(exact.unallocated, abs=1)
    rid = exact.revenue_units[0].id
    assert iterative.from_services(rid) == pytest.approx(exact.from_services(rid), abs=0.011)


def _allocated(result) -> dict[str, float]:  # noqa: ANN001
    return {r.id: r.allocated for r in result.revenue_units}
