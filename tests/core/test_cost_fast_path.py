"""The fast reading of the whole attribution (``cost --json``, ``automation --json``, the
tables) gives exactly what the per-unit reading gives: the same cents, the same bytes.

The whole of F is solved once, rounded a block of rows at a time and written from arrays of
cents; these tests hold it to the plain per-unit path (a dict per unit, ``json.dumps`` per
object) on random models with cycles, closed loops and unallocated cost, for all three
methods, with blocks small enough that every boundary is crossed."""

from __future__ import annotations

import json

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel import cli_cost, json_cents
from orgmodel.analysis import cost, cost_flows
from orgmodel.analysis.automation import margin_uplift, rank_automation, uplift_cents
from orgmodel.analysis.cost import allocate
from orgmodel.model import OrgModel, Unit

METHODS = ["reciprocal", "step", "direct"]


@st.composite
def models(draw: st.DrawFn) -> OrgModel:
    """Revenue and service units in a shuffled id order (model order is not id order), any
    dependencies among them (cycles), sometimes a closed loop, costs with cents."""
    n_rev, n_srv = draw(st.integers(0, 6)), draw(st.integers(0, 9))
    names = draw(st.permutations([f"r{i}" for i in range(n_rev)] + [f"s{i}" for i in range(n_srv)]))
    model = OrgModel()
    for uid in names:
        money = st.none() | st.integers(0, 10**8) | st.floats(0, 10**6, allow_nan=False).map(lambda v: round(v, 2))
        revenue = draw(st.none() | st.integers(0, 10**7)) if uid[0] == "r" else None
        potential = draw(st.none() | st.sampled_from([0.0, 0.15, 0.5, 1.0]))
        model.add_unit(Unit(uid, uid.upper() + " é", "front" if uid[0] == "r" else "back", cost=draw(money), revenue=revenue, automation_potential=potential))
    services = [u for u in names if u[0] == "s"]
    for s in services:
        for a in names:
            if a != s and draw(st.booleans()):
                model.add_dependency(a, s, weight=draw(st.none() | st.integers(1, 100) | st.floats(0.01, 50)))
    if len(services) >= 2 and draw(st.booleans()):  # a closed loop: two units that serve only each other
        model.add_unit(Unit("loop-a", "Loop A", "back", cost=draw(st.integers(1, 10**6))))
        model.add_unit(Unit("loop-b", "Loop B", "middle", cost=250))
        model.add_dependency("loop-a", "loop-b")
        model.add_dependency("loop-b", "loop-a")
        model.add_dependency("loop-a", services[0])
    return model


def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cost, "CHUNK", 2)
    monkeypatch.setattr(json_cents, "ENTRIES", 3)


def per_unit_cost_json(result: cost.CostAllocation) -> bytes:
    """``cost --json`` as it was written before: a dict per unit, json.dumps per object."""
    number = json_cents.number
    revenue = [
        {
            "id": r.id, "name": r.name, "own_cost": number(r.own_cost), "allocated": number(r.allocated), "fully_loaded": number(r.fully_loaded),
            "revenue": None if r.revenue is None else number(r.revenue), "margin": None if r.margin is None else number(r.margin),
            "from": {uid: number(v) for uid, v in result.from_services(r.id).items()},
        }
        for r in result.revenue_units
    ]
    service = [
        {
            "id": s.id, "name": s.name, "own_cost": number(s.own_cost), "total_cost": number(s.total_cost),
            "to": {uid: number(v) for uid, v in result.to_revenue(s.id).items()}, "unallocated": number(s.unallocated),
        }
        for s in result.service_units
    ]
    text = '{"method": ' + json.dumps(result.method) + ', "revenue_units": [' + ", ".join(json.dumps(item, ensure_ascii=False) for item in revenue)
    text += '], "service_units": [' + ", ".join(json.dumps(item, ensure_ascii=False) for item in service)
    return (text + '], "unallocated": ' + json.dumps(number(result.unallocated)) + "}").encode("utf-8")


def joined(pieces) -> bytes:  # noqa: ANN001
    return b"".join(piece.encode("utf-8") if isinstance(piece, str) else bytes(piece) for piece in pieces)


@settings(max_examples=80, deadline=None)
@given(models(), st.sampled_from(METHODS))
def test_cost_json_is_byte_for_byte_the_per_unit_one(model: OrgModel, method: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        small_blocks(patch)
        result = allocate(model, method)
        assert joined(cli_cost._cost_json(result)) == per_unit_cost_json(result)
        assert dict(result.from_all()) == {r.id: result.from_services(r.id) for r in result.revenue_units}
        assert dict(result.to_all()) == {s.id: result.to_revenue(s.id) for s in result.service_units}


@settings(max_examples=60, deadline=None)
@given(models())
def test_automation_json_and_uplift_are_the_per_unit_ones(model: OrgModel) -> None:
    with pytest.MonkeyPatch.context() as patch:
        small_blocks(patch)
        result = allocate(model)
        ranking = rank_automation(model, uplift=False)
        ids = [c.id for c in ranking]
        fast = joined(cli_cost._automation_json(ranking, uplift_cents(model, result, ids), result.revenue_columns))
        number = json_cents.number
        items = [
            {
                "id": c.id, "name": c.name, "office": c.office, "cost": None if c.cost is None else number(c.cost),
                "automation_potential": c.automation_potential, "automation_ease": c.automation_ease,
                "savings": None if c.savings is None else number(c.savings), "priority": None if c.priority is None else number(c.priority),
                "revenue_supported": number(c.revenue_supported),
                "margin_uplift": {uid: number(v) for uid, v in margin_uplift(model, result, c.id).items()},
                "reason": None if c.reason is None else str(c.reason),
            }
            for c in ranking
        ]
        assert fast == ('{"units": [' + ", ".join(json.dumps(item, ensure_ascii=False) for item in items) + "]}").encode("utf-8")
        with_uplift = rank_automation(model, result)
        assert [c.id for c in with_uplift] == ids
        assert {c.id: dict(c.margin_uplift) for c in with_uplift} == {uid: margin_uplift(model, result, uid) for uid in ids}


def test_the_iterative_solve_reads_the_same_numbers_as_block_by_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above DIRECT_LIMIT the reciprocal method iterates, and a column's numbers depend on
    the block it was solved in: the kept matrix is solved in the blocks the rows were read
    in before (revenue units by id, CHUNK at a time), so the cents are the same."""
    from orgmodel.synthetic import generate_model

    monkeypatch.setattr(cost_flows, "DIRECT_LIMIT", 10)
    monkeypatch.setattr(cost, "CHUNK", 16)
    model = generate_model(300)
    result = allocate(model)
    engine = result._engine
    assert engine.flows._solver._iterative
    expected = {}
    for start in range(0, len(engine.revenue_ids), 16):  # as from_all read it before
        chunk = engine.revenue_by_id[start : start + 16]
        shares = engine.flows.landing_columns(chunk)
        for k, r in enumerate(chunk):
            amounts = (engine.d * shares[:, k])[engine.service_by_id]
            cents = cost_flows.apportion(np.maximum(amounts, 0.0) * 100.0, int(engine.allocated_c[r]))
            expected[engine.revenue_ids[r]] = cost.amounts(engine.sorted_service_ids, cents)
    assert dict(result.from_all()) == expected
    full = np.hstack([engine.flows.landing_columns(engine.revenue_by_id[k : k + 16]) for k in range(0, len(engine.revenue_ids), 16)])
    expected = {}
    for s in engine.service_by_id:  # as to_all read it before (model order is id order here)
        amounts = engine.d[s] * full[s]
        target = int(engine.d_cents[s] - engine.unallocated_c[s])
        expected[engine.service_ids[s]] = cost.amounts(engine.sorted_revenue_ids, cost_flows.apportion(np.maximum(amounts, 0.0) * 100.0, target))
    assert dict(result.to_all()) == expected


def test_the_block_iteration_is_the_plain_loop_step_for_step() -> None:
    """The iteration reuses its buffers, adds a sparse right side at its non-zeros, takes
    max|x| only near the threshold and, for a non-negative right side, the largest change in
    one pass: the numbers are those of the plain loop, bit for bit (a right side with
    negative entries takes the general way)."""
    from orgmodel.synthetic import generate_model

    flows = allocate(generate_model(1500))._engine.flows
    solver = flows._solver
    assert solver._iterative
    for transposed, b in [(True, flows.q[:, :40].toarray()), (False, np.eye(len(flows.d))[:, 100:130]), (True, np.random.default_rng(3).random((len(flows.d), 5))), (False, np.random.default_rng(4).standard_normal((len(flows.d), 5)))]:
        m = (sp.identity(b.shape[0], format="csr") - (solver._at if transposed else solver._a)).tocsr()
        x = b.copy()
        for _ in range(cost_flows.BLOCK_STEPS):  # the loop as it was
            step = m @ x
            step += b
            change = float(np.abs(step - x).max())
            x = step
            if change <= 1e-15 * max(1.0, float(np.abs(x).max())):
                break
        assert np.array_equal(solver._block(np.ascontiguousarray(b), transposed), x)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0.0, 0.25, 0.5, 0.5, 0.75, 1.0, 1.5, 2.25, 3.0]), min_size=5, max_size=5), min_size=1, max_size=6), st.data())
def test_apportion_rows_is_apportion_row_by_row_ties_included(rows: list[list[float]], data: st.DataObject) -> None:
    values = np.array(rows)
    targets = np.array([data.draw(st.integers(-3, int(sum(r)) + 12)) for r in rows])
    expected = [cost_flows.apportion(values[i], int(targets[i])).tolist() for i in range(len(rows))]
    assert cost_flows.apportion_rows(values, targets).tolist() == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(min_size=0, max_size=4), min_size=1, max_size=5, unique=True),
    st.lists(st.one_of(st.just(0), st.integers(1, 10**4), st.integers(0, 10**15 - 1), st.integers(-10**6, 10**17)), min_size=1, max_size=40),
)
def test_cent_objects_are_what_json_dumps_writes(keys: list[str], flat: list[int]) -> None:
    width = len(keys)
    cents = np.array((flat * width)[: (len(flat) // width + 1) * width], dtype=np.int64).reshape(-1, width)
    for entries in (json_cents.ENTRIES, 2):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(json_cents, "ENTRIES", entries)
            got = [bytes(body) for body in json_cents.CentKeys(keys).bodies(cents)]
        number = json_cents.number
        expected = [json.dumps({keys[i]: number(v / 100) for i, v in enumerate(row.tolist()) if v}, ensure_ascii=False).encode("utf-8")[1:-1] for row in cents]
        assert got == expected


def test_huge_cent_amounts_are_divided_as_python_does() -> None:
    # Found by the property above: above 2**53 cents numpy's division rounded twice (…95, not …97).
    cents = 9_999_999_999_999_997
    got = bytes(json_cents.CentKeys(["a"]).bodies(np.array([[cents]], dtype=np.int64))[0])
    assert got == json.dumps({"a": cents / 100}).encode()[1:-1]
