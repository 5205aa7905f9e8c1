"""The live analysis against a fresh ``analyse()`` after every edit, and its cheap paths."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.analysis import SupportMaps, SupportQueries, analyse, findings, highlight, revenue_at_risk
from orgmodel.analysis.live import LiveAnalysis
from orgmodel.model import OrgModel, Unit
from orgmodel.synthetic import generate_model

OFFICES = ["front", "middle", "back"]
FLAGS = [None, True, False]
REVENUES = st.sampled_from([None, 0, 1, 100, 0.1, 0.2, 2.5, 1_000_000.5, 1e16])


def build(units: list[tuple], deps: list[tuple[str, str]]) -> OrgModel:
    """units: (id, office) or (id, office, {field: value})."""
    model = OrgModel()
    for uid, office, *rest in units:
        model.add_unit(Unit(uid, uid.title(), office, **(rest[0] if rest else {})))
    for source, target in deps:
        model.add_dependency(source, target)
    return model


class Recorder:
    """Collects what the change callbacks report."""

    def __init__(self, live: LiveAnalysis) -> None:
        self.calls: list[set[str]] = []
        live.add_change_callback(self.calls.append)

    def take(self) -> set[str]:
        ids = set().union(*self.calls)
        self.calls.clear()
        return ids


def answers(model: OrgModel) -> tuple[dict[str, object], list[list[str]]]:
    """Per-unit answers of a fresh analysis (support, impact and revenue at risk), and cycles."""
    ref = analyse(model)
    risk = revenue_at_risk(model, ref)
    per_unit: dict[str, object] = {f"support:{uid}": ref.support(uid) for uid in ref.revenue_units}
    per_unit.update({f"impact:{uid}": (ref.impact(uid), risk[uid]) for uid in ref.back_office_units})
    return per_unit, ref.cycles


def assert_agrees(model: OrgModel, live: LiveAnalysis) -> None:
    ref = analyse(model)
    snap = live.snapshot()
    assert live.revenue_units == ref.revenue_units == snap.revenue_units
    assert live.back_office_units == ref.back_office_units == snap.back_office_units
    assert snap.support_map() == ref.support_map()
    assert snap.impact_map() == ref.impact_map()
    assert snap.support_map_json() == ref.support_map_json()
    assert snap.impact_map_json() == ref.impact_map_json()
    assert snap.cycles == ref.cycles
    for uid in ref.revenue_units:
        assert live.support(uid) == ref.support(uid)
        assert live.support_count(uid) == ref.support_count(uid)
    for uid in ref.back_office_units:
        assert live.impact(uid) == ref.impact(uid)
        assert live.impact_count(uid) == ref.impact_count(uid)
    assert live.revenue_at_risk_map() == revenue_at_risk(model, ref)
    assert live.findings() == findings(model, ref)


# -- random edit sequences -----------------------------------------------------------------

IDS = [f"u{i:02d}" for i in range(12)]

_add_unit = st.tuples(
    st.just("add_unit"), st.sampled_from(IDS), st.sampled_from(OFFICES), st.sampled_from(FLAGS), REVENUES
)
_add_dependency = st.tuples(st.just("add_dependency"), st.integers(0, 99), st.integers(0, 99))
_remove_dependency = st.tuples(st.just("remove_dependency"), st.integers(0, 99))
_ring = st.tuples(st.just("ring"), st.lists(st.integers(0, 99), min_size=2, max_size=5))
# Weighted by repetition: mostly dependency edits, which exercise cycles the most.
edits = st.one_of(
    _add_unit,
    _add_unit,
    st.tuples(st.just("remove_unit"), st.integers(0, 99)),
    _add_dependency,
    _add_dependency,
    _add_dependency,
    _remove_dependency,
    _remove_dependency,
    _ring,
    _ring,
    st.tuples(st.just("office"), st.integers(0, 99), st.sampled_from(OFFICES)),
    st.tuples(st.just("flag"), st.integers(0, 99), st.sampled_from(FLAGS)),
    st.tuples(st.just("revenue"), st.integers(0, 99), REVENUES),
    st.tuples(st.just("move"), st.integers(0, 99), st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)),
    st.tuples(st.just("parent"), st.integers(0, 99), st.integers(0, 99)),
)

#: Edits that can change no answer: no callback, no new version.
INERT = {"move", "parent"}


def apply(model: OrgModel, edit: tuple) -> None:
    kind, *args = edit
    ids = model.unit_ids()
    if kind == "add_unit":
        uid, office, flag, revenue = args
        if uid not in model:
            unit = Unit(uid, uid, office, revenue_generating=flag, revenue=revenue)
            model.add_unit(unit, index=0 if revenue else None)
        return
    if not ids:
        return
    pick = lambda i: ids[i % len(ids)]  # noqa: E731
    if kind == "remove_unit":
        model.remove_unit(pick(args[0]))
    elif kind == "add_dependency":
        a, b = pick(args[0]), pick(args[1])
        if a != b and not model.has_dependency(a, b):
            model.add_dependency(a, b)
    elif kind == "remove_dependency":
        deps = model.dependencies()
        if deps:
            dep = deps[args[0] % len(deps)]
            model.remove_dependency(dep.source, dep.target)
    elif kind == "ring":
        ring = list(dict.fromkeys(pick(i) for i in args[0]))
        for a, b in zip(ring, ring[1:] + ring[:1]):
            if a != b and not model.has_dependency(a, b):
                model.add_dependency(a, b)
    elif kind == "office":
        model.update_unit(pick(args[0]), office=args[1])
    elif kind == "flag":
        model.update_unit(pick(args[0]), revenue_generating=args[1])
    elif kind == "revenue":
        model.update_unit(pick(args[0]), revenue=args[1])
    elif kind == "move":
        model.update_unit(pick(args[0]), x=args[1], y=args[2])
    elif kind == "parent":
        child, parent = pick(args[0]), pick(args[1])
        if child != parent and child not in model.ancestors(parent):
            model.set_parent(child, parent)


@st.composite
def starting_models(draw: st.DrawFn) -> OrgModel:
    model = OrgModel()
    n = draw(st.integers(0, 8))
    for uid in IDS[:n]:
        office, flag, revenue = draw(st.sampled_from(OFFICES)), draw(st.sampled_from(FLAGS)), draw(REVENUES)
        model.add_unit(Unit(uid, uid, office, revenue_generating=flag, revenue=revenue))
    for a, b in draw(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=2 * n)):
        if a != b and max(a, b) < n and not model.has_dependency(IDS[a], IDS[b]):
            model.add_dependency(IDS[a], IDS[b])
    return model


@settings(max_examples=150, deadline=None)
@given(starting_models(), st.lists(edits, min_size=10, max_size=60))
def test_live_analysis_agrees_with_a_fresh_analysis_after_every_edit(model: OrgModel, sequence: list[tuple]) -> None:
    live = LiveAnalysis(model)
    assert_agrees(model, live)
    recorder = Recorder(live)
    before, cycles_before = answers(model)
    for edit in sequence:
        version = live.version
        apply(model, edit)
        assert_agrees(model, live)
        after, cycles_after = answers(model)
        reported = recorder.take()
        # Exactly the ids whose answers changed are reported (appearing or disappearing
        # counts). A revenue change may also report supporters whose sum came out equal.
        expected = {key.split(":", 1)[1] for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
        assert expected <= reported
        if edit[0] != "revenue":
            assert reported == expected
        if expected or cycles_after != cycles_before:
            assert live.version > version
        if edit[0] in INERT:
            assert live.version == version and not reported
        before, cycles_before = after, cycles_after
    assert live.full_builds == 1


# -- hand-worked cases ---------------------------------------------------------------------


def test_moving_units_costs_no_refresh() -> None:
    model = generate_model(300, dense=True)
    live = LiveAnalysis(model)
    recorder = Recorder(live)
    version = live.version
    for i, uid in enumerate(model.unit_ids()):
        model.update_unit(uid, x=i * 3.0, y=-i * 2.0)
        model.update_unit(uid, name=f"Renamed {i}", notes="moved", headcount=i)
    assert live.version == version
    assert live.full_builds == 1
    assert recorder.calls == []


def test_a_dependency_into_a_back_office_cycle_reaches_every_upstream_revenue_unit() -> None:
    model = build(
        [
            ("shop", "front", {"revenue": 10}),
            ("web", "front", {"revenue": 5}),
            ("desk", "middle", {"revenue_generating": True, "revenue": 1}),
            ("pr", "front", {"revenue_generating": False}),
            ("crm", "middle"),
            ("it", "back"),
            ("fin", "back"),
            ("hr", "back"),
            ("legal", "back"),
        ],
        [("shop", "crm"), ("web", "crm"), ("crm", "it"), ("desk", "fin"), ("pr", "hr"),
         ("it", "fin"), ("fin", "hr"), ("hr", "it")],
    )
    live = LiveAnalysis(model)
    recorder = Recorder(live)
    assert live.support("shop") == ["fin", "hr", "it"]
    assert live.revenue_at_risk("legal") == 0
    version = live.version

    model.add_dependency("hr", "legal")  # from inside the cycle it, fin, hr

    assert live.version == version + 1
    assert recorder.take() == {"shop", "web", "desk", "legal"}
    for uid in ("shop", "web", "desk"):
        assert "legal" in live.support(uid)
    assert live.impact("legal") == ["desk", "shop", "web"]
    assert live.revenue_at_risk("legal") == 16
    assert_agrees(model, live)

    model.add_dependency("legal", "fin")  # the cycle grows to four units
    assert recorder.take() == set()  # no support or impact changed: only the cycles
    assert live.findings().dependency_cycles == [["fin", "hr", "it", "legal"]]
    assert_agrees(model, live)


def test_callbacks_name_exactly_the_changed_units() -> None:
    model = build(
        [("a", "front", {"revenue": 3}), ("b", "front", {"revenue": 4}), ("m", "middle"), ("x", "back"), ("y", "back")],
        [("a", "m"), ("b", "m"), ("m", "x")],
    )
    live = LiveAnalysis(model)
    recorder = Recorder(live)

    model.update_unit("m", office="back")  # m starts to support a and b
    assert recorder.take() == {"m", "a", "b"}
    assert live.impact("m") == ["a", "b"]

    model.update_unit("a", revenue=30)  # revenue at risk of a's supporters
    assert recorder.take() == {"m", "x"}
    assert live.revenue_at_risk("x") == 34

    model.update_unit("b", revenue_generating=False)
    assert recorder.take() == {"b", "m", "x"}
    assert live.impact("x") == ["a"]

    model.add_dependency("y", "a")  # y reaches a, but a is no back-office unit
    assert recorder.take() == set() and recorder.calls == []

    model.remove_dependency("m", "x")
    assert recorder.take() == {"a", "x"}
    assert live.support("a") == ["m"]

    model.remove_unit("m")
    assert recorder.take() == {"a", "m"}
    assert live.back_office_units == ["x", "y"]
    assert_agrees(model, live)


def test_removing_one_of_two_paths_changes_nothing() -> None:
    model = build([("f", "front"), ("m", "middle"), ("b", "back")], [("f", "m"), ("m", "b"), ("f", "b")])
    live = LiveAnalysis(model)
    version = live.version
    model.remove_dependency("f", "b")
    assert live.version == version
    model.remove_dependency("m", "b")
    assert live.version == version + 1
    assert live.support("f") == []


def test_removing_a_dependency_splits_a_cycle() -> None:
    model = build(
        [("f", "front"), ("a", "back"), ("b", "back"), ("c", "back"), ("d", "back")],
        [("f", "a"), ("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")],
    )
    live = LiveAnalysis(model)
    assert live.cycles == [["a", "b", "c", "d"]]
    model.remove_dependency("b", "a")
    assert live.cycles == [["b", "c", "d"]]
    model.remove_dependency("d", "b")
    assert live.cycles == []
    assert live.support("f") == ["a", "b", "c", "d"]
    assert_agrees(model, live)


def test_a_cycle_closed_by_a_unit_with_other_dependencies_keeps_them() -> None:
    # it -> legal closes the cycle it, legal; it also depends on archive, outside the cycle.
    model = build(
        [("shop", "front"), ("it", "back"), ("legal", "back"), ("archive", "back"), ("print", "back")],
        [("shop", "legal"), ("it", "archive"), ("legal", "it"), ("legal", "print")],
    )
    live = LiveAnalysis(model)
    model.add_dependency("it", "legal")
    assert live.cycles == [["it", "legal"]]
    model.remove_dependency("legal", "print")  # the cycle's value is recomputed from its neighbours
    assert live.support("shop") == ["archive", "it", "legal"]
    model.update_unit("shop", office="middle", revenue_generating=None)
    model.add_unit(Unit("web", "Web", "front"))
    model.add_dependency("web", "shop")
    assert live.impact("archive") == ["web"]
    assert_agrees(model, live)


def test_a_revenue_generating_back_office_unit_never_supports_itself() -> None:
    model = build(
        [("shop", "front"), ("lease", "middle", {"revenue_generating": True}), ("it", "back")],
        [("shop", "lease"), ("lease", "it"), ("it", "lease")],
    )
    live = LiveAnalysis(model)
    recorder = Recorder(live)
    model.update_unit("lease", office="back")  # lease is in a cycle: it reaches itself
    assert recorder.take() == {"lease", "shop"}  # not "lease" for its own support
    assert live.support("lease") == ["it"]
    assert live.support("shop") == ["it", "lease"]
    assert live.impact("lease") == ["shop"]
    model.update_unit("lease", office="middle")
    assert recorder.take() == {"lease", "shop"}
    assert_agrees(model, live)


def test_queries_refuse_units_that_are_not_analysed() -> None:
    model = build([("f", "front"), ("b", "back"), ("m", "middle")], [("f", "b")])
    live = LiveAnalysis(model)
    for query in (live.support, live.support_count):
        with pytest.raises(KeyError):
            query("b")
    for query in (live.impact, live.impact_count, live.revenue_at_risk):
        with pytest.raises(KeyError):
            query("m")
    assert live.chain("f", "b") == ["f", "b"]
    assert live.chain("b", "f") is None
    assert live.supports("f", "b") and not live.supports("f", "m")


def test_detach_and_rebuild() -> None:
    model = build([("f", "front"), ("b", "back")], [])
    live = LiveAnalysis(model)
    recorder = Recorder(live)
    snapshot = live.snapshot()
    live.detach()
    model.add_dependency("f", "b")
    assert live.support("f") == [] and recorder.calls == []
    live.rebuild()
    assert live.full_builds == 2
    assert recorder.take() == {"f", "b"}
    assert live.support("f") == ["b"]
    assert snapshot.support_map() == {"f": []}  # snapshots do not follow
    assert snapshot != live.snapshot()


@pytest.mark.parametrize("dense", [True, False])
def test_generated_model_under_random_edits(dense: bool) -> None:
    model = generate_model(500, dense=dense, seed=3)
    live = LiveAnalysis(model)
    rng = random.Random(11)
    ids = model.unit_ids()
    for step in range(150):
        roll = rng.random()
        if roll < 0.45:
            a, b = rng.sample(ids, 2)
            if not model.has_dependency(a, b):
                model.add_dependency(a, b)
        elif roll < 0.8:
            dep = rng.choice(model.dependencies())
            model.remove_dependency(dep.source, dep.target)
        elif roll < 0.9:
            model.update_unit(rng.choice(ids), office=rng.choice(OFFICES))
        else:
            model.update_unit(rng.choice(ids), revenue=rng.randint(0, 1000) * 1.5)
        if step % 25 == 0:
            assert_agrees(model, live)
    assert_agrees(model, live)
    assert live.full_builds == 1


def test_every_analysis_answers_the_support_queries_alike() -> None:
    model = generate_model(300, dense=True, seed=5)
    full, live = analyse(model), LiveAnalysis(model)
    snapshot = live.snapshot()
    for analysis in (full, live, snapshot):
        assert isinstance(analysis, SupportQueries)
    assert isinstance(full, SupportMaps) and isinstance(snapshot, SupportMaps)
    # Code typed against the protocol (findings, revenue at risk, the highlight) gives the
    # same answers whichever analysis it is handed.
    answers = set()
    for analysis in (full, live, snapshot):
        uid = analysis.back_office_units[0]
        answers.add(
            (
                repr(findings(model, analysis)),
                tuple(sorted(revenue_at_risk(model, analysis).items())),
                tuple(analysis.impact(uid)),
                analysis.impact_count(uid),
                analysis.supports(analysis.revenue_units[0], uid),
                tuple(map(tuple, analysis.cycles)),
                repr([sorted(part) for part in highlight(model, analysis, uid) or ()]),
            )
        )
    assert len(answers) == 1
    live.detach()


def test_a_snapshot_keeps_its_answers_when_a_freed_bit_is_reused() -> None:
    # The analysis keeps each back-office unit's bit position, not the bit: a unit leaving
    # the back office frees its position, the next one to join takes it; a snapshot taken
    # before still answers with the units of that moment.
    model = build([("f", "front"), ("hr", "back"), ("it", "back"), ("ops", "middle")],
                  [("f", "hr"), ("f", "ops")])
    live = LiveAnalysis(model)
    before = live.snapshot()
    model.update_unit("hr", office="middle")
    model.update_unit("ops", office="back")  # takes hr's old position
    assert live.support("f") == ["ops"] and live.supports("f", "ops") and not live.supports("f", "hr")
    assert before.support("f") == ["hr"] and before.supports("f", "hr") and not before.supports("f", "ops")
    assert_agrees(model, live)


def test_units_that_reach_the_same_units_share_one_value() -> None:
    # Memory at 50,000 units: equal reach values are one object, not a 4 kB copy per unit.
    model = generate_model(400, dense=True, seed=7)
    live = LiveAnalysis(model)
    for values in (live._reach, live._up):
        assert len({id(v) for v in values.values()}) == len(set(values.values()))
    assert_agrees(model, live)


def test_reads_the_models_own_adjacency_through_unit_removals_renames_and_restores() -> None:
    """No copy of the dependencies (0.15 s and 100,000 dicts at 50,000 units): the analysis
    reads the model's adjacency, which the model changes just before each event, and its
    answers stay those of a fresh analysis through edits that touch many lines at once."""
    from orgmodel.formats.native import dumps, loads
    from orgmodel.unit_ids import removal_record

    model = loads(dumps(generate_model(200, dense=True, seed=7)))  # read as a file is
    live = LiveAnalysis(model)
    assert live._succ is model.adjacency()[0] and live._pred is model.adjacency()[1]
    rng = random.Random(5)
    for _ in range(12):
        uid = rng.choice([u for u in model.unit_ids() if model.dependencies_of(u) or model.dependents_of(u)])
        keys = {(uid, t) for t in model.dependencies_of(uid)} | {(s, uid) for s in model.dependents_of(uid)}
        record, unit, index = removal_record(model, keys), model.unit(uid), model.index_of(uid)
        model.remove_unit(uid)
        assert_agrees(model, live)
        model.add_unit(unit, index)
        model.restore_dependencies(record)
        assert_agrees(model, live)
        model.rename_unit_id(uid, uid + "-renamed")
        assert_agrees(model, live)
    assert live.full_builds == 1
