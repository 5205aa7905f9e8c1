"""Routed dependency lines: never through a card, never on top of each other, own ports."""

from __future__ import annotations

import random

import pytest

from orgmodel.appearance import CARD_HEIGHT as H
from orgmodel.appearance import CARD_WIDTH as W
from orgmodel.cli import sample_path
from orgmodel.formats.native import load
from orgmodel.layout import bands_layout, orgchart_layout
from orgmodel.layout.routing import Router
from orgmodel.model import OrgModel, Unit
from orgmodel.synthetic import generate_model

Corners = dict[str, tuple[float, float]]


def through_cards(routes: dict, corners: Corners) -> list[tuple]:
    """(line, card) for every run entering a card's interior; slanted runs count too."""
    bad = []
    for key, points in routes.items():
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if x0 != x1 and y0 != y1:
                bad.append((key, "slanted"))
                continue
            for uid, (cx, cy) in corners.items():
                if min(x0, x1) < cx + W and max(x0, x1) > cx and min(y0, y1) < cy + H and max(y0, y1) > cy:
                    bad.append((key, uid))
    return bad


def shared_runs(routes: dict) -> list[tuple]:
    """Pairs of lines with a stretch of a run in common."""
    lines: dict[tuple[str, float], list[tuple[float, float, object]]] = {}
    for key, points in routes.items():
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if x0 == x1:
                lines.setdefault(("v", x0), []).append((min(y0, y1), max(y0, y1), key))
            elif y0 == y1:
                lines.setdefault(("h", y0), []).append((min(x0, x1), max(x0, x1), key))
    found = []
    for line, runs in lines.items():
        runs.sort(key=lambda run: run[:2])
        for i, (a, b, key) in enumerate(runs):
            for c, _, other in runs[i + 1:]:
                if c >= b:
                    break
                if other != key:
                    found.append((key, other, line))
    return found


def shared_ports(routes: dict) -> list[tuple]:
    """End points used by two lines."""
    seen: dict[tuple[float, float], object] = {}
    found = []
    for key, points in routes.items():
        for end in (points[0], points[-1]):
            if end in seen and seen[end] != key:
                found.append((seen[end], key, end))
            seen[end] = key
    return found


def ends_on_borders(routes: dict, corners: Corners) -> bool:
    """Each line starts on its source's border and ends on its target's."""
    def on_border(point, corner):
        (x, y), (cx, cy) = point, corner
        inside = cx <= x <= cx + W and cy <= y <= cy + H
        return inside and (x in (cx, cx + W) or y in (cy, cy + H))
    return all(on_border(points[0], corners[s]) and on_border(points[-1], corners[t]) for (s, t), points in routes.items())


def check(corners: Corners, edges: list[tuple[str, str]]) -> dict:
    routes = Router(W, H).route_all(corners, edges)
    assert set(routes) == set(edges)
    assert through_cards(routes, corners) == []
    assert shared_runs(routes) == []
    assert shared_ports(routes) == []
    assert ends_on_borders(routes, corners)
    return routes


def row(*ids: str) -> Corners:
    return {uid: (i * 220.0, 0.0) for i, uid in enumerate(ids)}


def test_a_line_along_a_row_goes_around_the_cards_between() -> None:
    corners = row("hr", "accounting", "it", "payroll")
    routes = check(corners, [("hr", "payroll"), ("accounting", "it")])
    # HR -> Payroll leaves the row: it cannot be read as HR -> Accounting -> IT -> Payroll.
    assert all(y < 0 or y > H for _, y in routes[("hr", "payroll")][1:-1])
    assert routes[("accounting", "it")] == [(400.0, 32.0), (440.0, 32.0)]  # neighbours: straight


def test_two_opposite_lines_are_two_lines_not_one_double_headed_arrow() -> None:
    corners = row("hr", "accounting", "it", "payroll")
    routes = check(corners, [("hr", "payroll"), ("payroll", "hr"), ("it", "payroll"), ("payroll", "it")])
    over = routes[("hr", "payroll")]
    under = routes[("payroll", "hr")]
    assert min(y for _, y in over) < 0 and max(y for _, y in under) > H  # one over the top, one under


def test_a_units_dependencies_in_an_org_chart_do_not_merge_into_one_line() -> None:
    model = OrgModel()
    model.add_unit(Unit("boss", "Boss", "middle"))
    for i in range(6):
        model.add_unit(Unit(f"k{i}", f"Kid {i}", "back"))
        model.set_parent(f"k{i}", "boss")
    model.add_unit(Unit("sales", "Sales", "front"))
    for i in range(6):
        model.add_dependency("sales", f"k{i}")
        model.add_dependency(f"k{i}", "boss")
    corners = orgchart_layout(model, W, H)
    check(corners, [(d.source, d.target) for d in model.dependencies()])


@pytest.mark.parametrize("language", ["en", "tr"])
@pytest.mark.parametrize("layout", ["file", "orgchart", "bands"])
def test_bundled_samples_route_clear_of_every_card(language: str, layout: str) -> None:
    model = load(sample_path(language))
    if layout == "file":
        corners = {u.id: (u.x, u.y) for u in model.units()}
    else:
        corners = (orgchart_layout if layout == "orgchart" else bands_layout)(model, W, H)
    check(corners, [(d.source, d.target) for d in model.dependencies()])


@pytest.mark.parametrize("units", [12, 40])
def test_generated_org_charts_route_clear_of_every_card(units: int) -> None:
    model = generate_model(units, 1.0, dense=False, seed=units)
    check(orgchart_layout(model, W, H), [(d.source, d.target) for d in model.dependencies()])


def test_cards_in_a_tangle_still_get_a_route_clear_of_them() -> None:
    # A ring of cards around the source with one way out, and a wall before the target.
    corners: Corners = {"a": (0.0, 0.0), "b": (1200.0, 0.0)}
    for i, (x, y) in enumerate([(-200, -100), (0, -100), (200, -100), (-200, 0), (-200, 100), (0, 100), (200, 100)]):
        corners[f"ring{i}"] = (float(x), float(y))
    for i in range(-3, 4):
        corners[f"wall{i}"] = (800.0, i * 70.0)
    routes = Router(W, H).route_all(corners, [("a", "b")])
    assert through_cards(routes, corners) == []


def test_moving_a_card_reroutes_only_the_lines_near_it_and_all_stay_clear() -> None:
    model = generate_model(60, 1.0, dense=False, seed=4)
    corners = orgchart_layout(model, W, H)
    edges = [(d.source, d.target) for d in model.dependencies()]
    router = Router(W, H)
    router.route_all(corners, edges)
    rng = random.Random(5)
    for _ in range(25):
        uid = rng.choice(sorted(corners))
        x, y = corners[uid]
        new = (x + rng.choice((-440.0, 220.0, 660.0)), y + rng.choice((0.0, 144.0, -144.0)))
        if any(u != uid and abs(cx - new[0]) < W + 10 and abs(cy - new[1]) < H + 10 for u, (cx, cy) in corners.items()):
            continue
        corners[uid] = new
        changed = router.move({uid: new})
        assert len(changed) < len(edges) / 2
        assert through_cards(router.routes, corners) == []
        assert ends_on_borders(router.routes, corners)


def test_lines_come_and_go_with_their_cards() -> None:
    corners = row("a", "b", "c")
    router = Router(W, H)
    router.route_all(corners, [("a", "c")])
    assert set(router.add_line(("c", "a"))) >= {("c", "a")}
    gone = router.remove_card("c")
    assert gone[("a", "c")] is None and gone[("c", "a")] is None and router.routes == {}
    router.add_card("d", 0.0, 300.0)
    router.add_line(("a", "d"))
    assert through_cards(router.routes, {"a": corners["a"], "b": corners["b"], "d": (0.0, 300.0)}) == []
