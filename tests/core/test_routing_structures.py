"""The router's compact bookkeeping answers as the plain one did: a route separated and
indexed in one pass (``RunIndex.settle``), tracks kept as parallel lists per channel, and
each card's and card side's lines as lists that hold every line once."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.appearance import CARD_HEIGHT as H
from orgmodel.appearance import CARD_WIDTH as W
from orgmodel.layout.routing import Router
from orgmodel.layout.routing_runs import RunIndex
from orgmodel.layout.routing_tracks import Tracks

CHANNEL = ("h", 0.0, 120.0)


def orthogonal_route(rng: random.Random) -> list[tuple[float, float]]:
    """A few axis-parallel runs on a coarse grid, so that routes often share coordinates."""
    x, y = rng.randrange(0, 6) * 10.0, rng.randrange(0, 6) * 10.0
    points = [(x, y)]
    for i in range(rng.randrange(1, 5)):
        if i % 2:
            y = rng.randrange(0, 6) * 10.0
        else:
            x = rng.randrange(0, 6) * 10.0
        points.append((x, y))
    return points


def runs_of(index: RunIndex) -> dict:
    """What an index holds, as plain lists."""
    return {kind: {coord: (runs.lines, runs.starts, runs.ends, runs.keys) for coord, runs in by_coord.items()}
            for kind, by_coord in index._runs.items()}


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_settle_separates_and_indexes_as_separate_then_add(seed: int) -> None:
    rng = random.Random(seed)
    one_pass, two_steps = RunIndex(), RunIndex()
    ends = ((-100.0, -100.0, 200.0, 200.0), (-100.0, -100.0, 200.0, 200.0))
    free = lambda a, b: rng.random() < 0.8  # noqa: E731  (the same answers for both: reseeded below)
    for n in range(12):
        key = (f"a{n}", f"b{n}")
        route = orthogonal_route(rng)
        state = rng.getstate()
        settled = one_pass.settle(key, route, free, ends)
        rng.setstate(state)
        separated = two_steps.separate(key, route, free, ends)
        two_steps.add(key, separated)
        assert settled == separated
        assert settled is not route  # a route of its own, whatever the caller does with its list
    assert runs_of(one_pass) == runs_of(two_steps)
    assert one_pass.crossing(-5, -5, 65, 65) == two_steps.crossing(-5, -5, 65, 65)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_tracks_lists_stay_sorted_and_in_step_with_the_groups(seed: int) -> None:
    rng = random.Random(seed)
    tracks = Tracks(6.0, 6.0)
    extents = {}
    for n in range(rng.randrange(1, 15)):
        lo = rng.randrange(0, 20) * 10.0
        extents[(("a", f"b{n}"), 0)] = (lo, lo + rng.randrange(1, 8) * 10.0)
    tracks.lay_every(CHANNEL, [(lo, hi, member) for member, (lo, hi) in extents.items()])
    for _ in range(20):
        member = rng.choice(sorted(extents))
        if rng.random() < 0.5 and member in tracks.groups.get(CHANNEL, {}):
            assert tracks.remove(CHANNEL, member)
        else:
            tracks.remove(CHANNEL, member)
            tracks.add(CHANNEL, member)
            lo = rng.randrange(0, 20) * 10.0
            extents[member] = (lo, lo + rng.randrange(1, 8) * 10.0)
            tracks.place(CHANNEL, member, extents[member])
    group = tracks.groups.get(CHANNEL, {})
    laid = {}
    for track, (starts, ends, members) in enumerate(tracks._laid.get(CHANNEL, [])):
        assert len(starts) == len(ends) == len(members)
        assert starts == sorted(starts)
        for start, end, member in zip(starts, ends, members):
            laid[member] = track
            assert (start, end) == extents[member]
            assert tracks._starts[member] == start
    assert laid == group


def test_a_cards_lines_are_listed_once_whatever_comes_and_goes() -> None:
    corners = {"a": (0.0, 0.0), "b": (400.0, 0.0), "c": (0.0, 300.0), "d": (400.0, 300.0)}
    router = Router(W, H)
    router.route_all(corners, [("a", "b"), ("a", "c"), ("b", "d"), ("a", "b")])
    router.add_line(("a", "d"))
    router.add_line(("a", "d"))  # again: still once
    router.remove_line(("a", "c"))
    router.move({"d": (420.0, 320.0)})
    router.move({"d": (400.0, 300.0)})
    lines = {("a", "b"), ("b", "d"), ("a", "d")}
    for uid in corners:
        listed = router._of_card.get(uid, [])
        assert len(listed) == len(set(listed))
        assert set(listed) == {key for key in lines if uid in key}
    for (uid, side), members in router._sides.items():
        assert len(members) == len(set(members))
        assert all(key in lines and uid in key for key in members)
    on_sides = sorted(key for members in router._sides.values() for key in members)
    assert on_sides == sorted(key for key in lines for _ in range(2))  # each line on two sides


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_every_route_is_simplified(seed: int) -> None:
    """Routes leave out repeated points and points in the middle of a straight run (asked
    of simplify only where a run may have no length or no turn), in a whole routing and
    after moves."""
    from orgmodel.layout.routing import simplify

    rng = random.Random(seed)
    # Cards on a coarse grid with a few shared edges, so that ports and tracks often meet.
    cells = rng.sample([(i, j) for i in range(6) for j in range(6)], 16)
    corners = {f"c{n}": (i * (W + 12.0), j * (H + 12.0)) for n, (i, j) in enumerate(cells)}
    edges = [(a, b) for a in corners for b in corners if a != b and rng.random() < 0.2]
    router = Router(W, H)
    routes = router.route_all(corners, edges)
    moved = router.move({"c0": (corners["c0"][0] + 7.0, corners["c0"][1] + 3.0)})
    for key, route in list(routes.items()) + list(moved.items()):
        if router.plans[key].kind != "free":  # the search's routes and its straight stand-ins are its own
            assert simplify(route) == route


def test_a_run_shifted_in_line_with_its_neighbour_leaves_no_corner_behind() -> None:
    """Separating a side line's first run can put it at the height of its last run: the
    route is then one straight run, not four points on a line (the property test above
    found it now and then, after a move)."""
    runs = RunIndex()
    runs.add(("x", "y"), [(0.0, 10.0), (50.0, 10.0)])  # another line's run where ours starts
    a, b = (-100.0, 0.0, 0.0, 40.0), (100.0, 0.0, 200.0, 40.0)
    route = runs.separate(("a", "b"), [(0.0, 10.0), (50.0, 10.0), (50.0, 11.5), (100.0, 11.5)], lambda p, q: True, (a, b))
    assert route == [(0.0, 11.5), (100.0, 11.5)]


def test_the_run_index_keeps_each_coordinates_runs_in_parallel_lists() -> None:
    """No dict and no (lo, hi) pair per line: a coordinate's runs are three parallel lists,
    with the routes' own numbers, and how many lines they belong to (at 50,000 units the
    dicts of pairs took 84 MB)."""
    index = RunIndex()
    a, b = [(0.0, 0.0), (0.0, 10.0), (30.0, 10.0)], [(80.0, 10.0), (50.0, 10.0)]
    index.add(("a", "x"), a)
    index.add(("b", "x"), b)
    row, column = index._runs["h"][10.0], index._runs["v"][0.0]
    assert (row.lines, row.starts, row.ends, row.keys) == (2, [0.0, 50.0], [30.0, 80.0], [("a", "x"), ("b", "x")])
    assert (column.lines, column.starts, column.ends, column.keys) == (1, [0.0], [10.0], [("a", "x")])
    assert row.starts[0] is a[1][0] and row.ends[0] is a[2][0]  # not copies
    index.remove(("a", "x"), a)
    assert index._runs["v"] == {}
    assert (row.lines, row.starts, row.ends, row.keys) == (1, [50.0], [80.0], [("b", "x")])
    assert index.crossing(60.0, 0.0, 70.0, 20.0) == {("b", "x")}
    assert index.crossing(81.0, 0.0, 90.0, 20.0) == set()


def test_a_line_with_two_runs_on_one_coordinate_counts_once_in_a_crowd() -> None:
    """A channel counts as crowded (runs there left as they are) by its lines, not its runs:
    CROWD lines with two runs each on one column still get a new line shifted off them."""
    from orgmodel.layout.routing_runs import CROWD

    index = RunIndex()
    ends = ((-100.0, -100.0, 200.0, 200.0), (-100.0, -100.0, 200.0, 200.0))
    for n in range(CROWD):  # each: down x=0 twice, with a step aside between
        y = n * 100.0
        index.add((f"l{n}", "x"), [(0.0, y), (0.0, y + 10), (5.0, y + 10), (5.0, y + 20), (0.0, y + 20), (0.0, y + 30)])
    assert index._runs["v"][0.0].lines == CROWD  # 2 * CROWD runs
    route = [(-20.0, 5.0), (0.0, 5.0), (0.0, 8.0), (20.0, 8.0)]  # its middle run lies on l0's
    settled = index.settle(("new", "x"), route, lambda p, q: True, ends)
    assert settled != route and settled[1][0] != 0.0
    index.remove(("l0", "x"), [(0.0, 0.0), (0.0, 10.0), (5.0, 10.0), (5.0, 20.0), (0.0, 20.0), (0.0, 30.0)])
    assert index._runs["v"][0.0].lines == CROWD - 1  # l0 gone from x=0 (both runs); the new line is not there
    assert ("l0", "x") not in index._runs["v"][0.0].keys
