"""The support analysis against hand-worked organisations and against the naive definition."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.analysis import (
    analyse,
    chain_subgraph,
    findings,
    highlight,
    impact_map,
    naive_support_map,
    revenue_at_risk,
    strongly_connected,
    support_chain,
    support_map,
)
from orgmodel.analysis.kernel import Condensation, Roster, reach_down, reach_up
from orgmodel.errors import UnknownUnitError
from orgmodel.model import OrgModel, Unit


def build(units: list[tuple], deps: list[tuple[str, str]], parents: dict[str, str] | None = None) -> OrgModel:
    """units: (id, office) or (id, office, {field: value})."""
    model = OrgModel()
    for entry in units:
        uid, office, *rest = entry
        model.add_unit(Unit(uid, uid.title(), office, **(rest[0] if rest else {})))
    for source, target in deps:
        model.add_dependency(source, target)
    for child, parent in (parents or {}).items():
        model.set_parent(child, parent)
    return model


def test_diamond_counts_each_back_office_unit_once() -> None:
    m = build(
        [("shop", "front"), ("pricing", "middle"), ("it", "back"), ("dc", "back")],
        [("shop", "pricing"), ("shop", "it"), ("pricing", "dc"), ("it", "dc")],
    )
    assert support_map(m) == {"shop": ["dc", "it"]}
    assert impact_map(m) == {"dc": ["shop"], "it": ["shop"]}


def test_back_office_cycle_supports_through_the_loop() -> None:
    m = build(
        [("sales", "front"), ("it", "back"), ("finance", "back"), ("payroll", "back")],
        [("sales", "it"), ("it", "finance"), ("finance", "it"), ("finance", "payroll")],
    )
    assert support_map(m) == {"sales": ["finance", "it", "payroll"]}
    assert analyse(m).cycles == [["finance", "it"]]


def test_self_contained_back_office_cycle_supports_no_one() -> None:
    m = build(
        [("sales", "front"), ("hr", "back"), ("it", "back"), ("finance", "back"), ("legal", "back")],
        [("sales", "legal"), ("hr", "it"), ("it", "finance"), ("finance", "hr")],
    )
    result = findings(m)
    assert support_map(m) == {"sales": ["legal"]}
    assert result.idle_back_office_units == ["finance", "hr", "it"]
    assert result.dependency_cycles == [["finance", "hr", "it"]]
    assert result.unsupported_revenue_units == []


def test_front_unit_flagged_not_revenue_generating_is_not_analysed() -> None:
    m = build(
        [("sales", "front"), ("pr", "front", {"revenue_generating": False}), ("it", "back")],
        [("pr", "it")],
    )
    assert support_map(m) == {"sales": []}
    assert impact_map(m) == {"it": []}
    assert findings(m).unsupported_revenue_units == ["sales"]


def test_revenue_generating_middle_and_back_units_are_analysed_but_never_support_themselves() -> None:
    m = build(
        [("treasury", "middle", {"revenue_generating": True}), ("leasing", "back", {"revenue_generating": True}), ("it", "back")],
        [("treasury", "leasing"), ("leasing", "it"), ("it", "leasing")],
    )
    assert support_map(m) == {"leasing": ["it"], "treasury": ["it", "leasing"]}
    assert impact_map(m) == {"it": ["leasing", "treasury"], "leasing": ["treasury"]}


def test_support_flows_through_any_office_but_never_through_reporting_lines() -> None:
    m = build(
        [("web", "front"), ("cc", "front"), ("risk", "middle"), ("it", "back"), ("hr", "back")],
        [("web", "cc"), ("cc", "risk"), ("risk", "it")],
        parents={"web": "hr", "cc": "hr"},
    )
    assert support_map(m) == {"cc": ["it"], "web": ["it"]}
    assert impact_map(m)["hr"] == []


def test_support_chain_is_a_shortest_dependency_chain() -> None:
    m = build(
        [("sales", "front"), ("crm", "middle"), ("risk", "middle"), ("it", "back")],
        [("sales", "crm"), ("crm", "risk"), ("risk", "it"), ("sales", "it")],
    )
    assert support_chain(m, "sales", "it") == ["sales", "it"]
    assert support_chain(m, "crm", "it") == ["crm", "risk", "it"]
    assert support_chain(m, "it", "sales") is None
    assert support_chain(m, "it", "it") is None
    with pytest.raises(UnknownUnitError, match="nope"):
        support_chain(m, "sales", "nope")


def test_revenue_at_risk_sums_the_revenue_of_every_supported_unit() -> None:
    m = build(
        [
            ("a", "front", {"revenue": 1_000_000}),
            ("b", "front", {"revenue": 250_000.5}),
            ("c", "front"),
            ("it", "back"),
            ("legal", "back"),
        ],
        [("a", "it"), ("b", "it"), ("c", "it"), ("b", "legal")],
    )
    assert revenue_at_risk(m) == {"it": 1_250_000.5, "legal": 250_000.5}


def test_analysis_follows_edits_of_the_model() -> None:
    m = build([("sales", "front"), ("it", "back")], [])
    assert support_map(m) == {"sales": []}
    m.add_dependency("sales", "it")
    assert support_map(m) == {"sales": ["it"]}
    m.update_unit("it", office="middle")
    assert support_map(m) == {"sales": []}


def test_json_text_matches_the_standard_encoder_for_any_ids() -> None:
    m = build([("satış", "front"), ('a"b', "front"), ("bilgi-işlem", "back"), ("<x&y>", "back")], [])
    m.add_dependency("satış", "bilgi-işlem")
    m.add_dependency('a"b', "<x&y>")
    m.add_dependency('a"b', "bilgi-işlem")
    result = analyse(m)
    assert result.support_map_json() == json.dumps(result.support_map(), sort_keys=True, ensure_ascii=False)
    assert result.impact_map_json() == json.dumps(result.impact_map(), sort_keys=True, ensure_ascii=False)
    assert json.loads(result.support_map_json()) == {"a\"b": ["<x&y>", "bilgi-işlem"], "satış": ["bilgi-işlem"]}


@st.composite
def organisations(draw: st.DrawFn) -> OrgModel:
    n = draw(st.integers(1, 30))
    model = OrgModel()
    for i in range(n):
        office = draw(st.sampled_from(["front", "middle", "back"]))
        flag = draw(st.sampled_from([None, True, False]))
        model.add_unit(Unit(f"u{i:02d}", f"Unit {i}", office, revenue_generating=flag))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n * 3))
    for a, b in pairs:
        if a != b and not model.has_dependency(f"u{a:02d}", f"u{b:02d}"):
            model.add_dependency(f"u{a:02d}", f"u{b:02d}")
    return model


@settings(max_examples=150, deadline=None)
@given(organisations())
def test_support_and_impact_agree_with_the_definition(model: OrgModel) -> None:
    result = analyse(model)
    naive = naive_support_map(model)
    assert result.support_map() == naive
    expected_impact = {b: sorted(f for f, backs in naive.items() if b in backs) for b in result.back_office_units}
    assert result.impact_map() == expected_impact
    for f, backs in naive.items():
        for b in result.back_office_units:
            assert result.supports(f, b) == (b in backs)
            chain = support_chain(model, f, b)
            assert (chain is not None and f != b) == (b in backs)
            # The very chain networkx picks among equally short ones (`orgmodel why` prints it).
            assert chain == (nx.shortest_path(model.dependency_graph, f, b) if b in backs else None)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 25).flatmap(lambda n: st.lists(st.lists(st.integers(0, n - 1), max_size=4), min_size=n, max_size=n)))
def test_components_match_networkx_and_come_sinks_first(successors: list[list[int]]) -> None:
    successors = [[w for w in dict.fromkeys(ws) if w != v] for v, ws in enumerate(successors)]
    component, count = strongly_connected(successors)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(successors)))
    graph.add_edges_from((v, w) for v, ws in enumerate(successors) for w in ws)
    ours = sorted(sorted(v for v in range(len(successors)) if component[v] == c) for c in range(count))
    theirs = sorted(sorted(group) for group in nx.strongly_connected_components(graph))
    assert ours == theirs
    for v, ws in enumerate(successors):
        for w in ws:
            assert component[w] <= component[v]


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 25).flatmap(
        lambda n: st.tuples(
            st.lists(st.lists(st.integers(0, n - 1), max_size=4), min_size=n, max_size=n),
            st.lists(st.integers(0, 7), min_size=n, max_size=n),
        )
    )
)
def test_kernel_reach_matches_networkx_descendants_and_ancestors(case: tuple[list[list[int]], list[int]]) -> None:
    successors, own = case
    successors = [[w for w in dict.fromkeys(ws) if w != v] for v, ws in enumerate(successors)]
    ids = [f"v{v}" for v in range(len(successors))]
    condensed = Condensation(ids, {ids[v]: [ids[w] for w in ws] for v, ws in enumerate(successors)})
    down, up = reach_down(condensed, own), reach_up(condensed, own)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(successors)))
    graph.add_edges_from((v, w) for v, ws in enumerate(successors) for w in ws)

    def bits(vertices: set[int]) -> int:
        value = 0
        for w in vertices:
            value |= own[w]
        return value

    for v in range(len(successors)):
        # Along one or more edges: a vertex in a cycle reaches itself (nx leaves it out).
        itself = {v} if len(condensed.members[condensed.component[v]]) > 1 else set()
        assert down[condensed.component[v]] == bits(nx.descendants(graph, v) | itself)
        assert up[condensed.component[v]] == bits(nx.ancestors(graph, v) | itself)


def test_a_roster_out_of_id_order_still_answers_sorted_and_as_json_dumps_writes() -> None:
    roster = Roster(["şube", None, 'a"b', "<x>"], ordered=False)
    bits_of = {"z": 0b1101, "ç": 0, "a": 0b0001}
    assert roster.decode(0b1101) == sorted(["şube", 'a"b', "<x>"])
    assert roster.decode_map(bits_of) == {"a": ["şube"], "z": ["<x>", 'a"b', "şube"], "ç": []}
    assert roster.json_map(bits_of) == json.dumps(roster.decode_map(bits_of), sort_keys=True, ensure_ascii=False)


@settings(max_examples=75, deadline=None)
@given(organisations())
def test_highlight_is_every_chain_between_the_unit_and_its_answer(model: OrgModel) -> None:
    graph = model.dependency_graph
    result = analyse(model)
    for uid in model.unit_ids():
        unit = model.unit(uid)
        if unit.is_revenue_generating:
            sources, targets = {uid}, set(result.support(uid))
        elif unit.office == "back":
            sources, targets = set(result.impact(uid)), {uid}
        else:
            assert highlight(model, result, uid) is None
            continue
        # By definition: reached from a source and reaching a target (both ends included).
        below = set(sources).union(*(nx.descendants(graph, s) for s in sources))
        above = set(targets).union(*(nx.ancestors(graph, t) for t in targets))
        on_chains = below & above
        edges = {(a, b) for a, b in graph.edges if a in on_chains and b in on_chains}
        assert chain_subgraph(model, sources, targets) == (on_chains, edges)
        assert chain_subgraph(model, sorted(sources), sorted(targets)) == (on_chains, edges)
        assert highlight(model, result, uid) == (on_chains | {uid}, edges)
