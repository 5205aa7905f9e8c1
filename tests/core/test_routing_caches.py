"""The router's caches (card gaps, rows and columns of blocked runs) follow every edit:
after moving, adding and removing cards they answer as a router built afresh."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.appearance import CARD_HEIGHT as H
from orgmodel.appearance import CARD_WIDTH as W
from orgmodel.layout.routing import Router
from orgmodel.layout.routing_space import CardSpace, merge

Corners = dict[str, tuple[float, float]]


def grid_corners(count: int, rng: random.Random) -> Corners:
    """Cards on a loose grid, some rows and columns shared, some overlapping."""
    return {f"c{i}": (rng.randrange(0, 8) * 150.0 + rng.choice((0.0, 37.0)), rng.randrange(0, 8) * 90.0)
            for i in range(count)}


def answers(space: CardSpace, probes: list[float]) -> list:
    return ([space.h_free(y, x0, x0 + 300) for y in probes for x0 in probes]
            + [space.v_free(x, y0, y0 + 200) for x in probes for y0 in probes])


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_edited_router_answers_as_a_fresh_one(seed: int) -> None:
    rng = random.Random(seed)
    corners = grid_corners(14, rng)
    edges = [(a, b) for a in corners for b in corners if a < b and rng.random() < 0.15]
    router = Router(W, H)
    router.route_all(corners, edges)
    probes = [rng.uniform(-100, 1300) for _ in range(12)]
    answers(router.space, probes)  # fill the caches before the edits
    for uid in corners:
        router._gap(uid, "T"), router._gap(uid, "B")
    for _ in range(6):
        action = rng.random()
        uid = rng.choice(sorted(corners))
        if action < 0.6:
            corners[uid] = (rng.randrange(0, 8) * 150.0 + rng.choice((0.0, 11.0)), rng.randrange(0, 8) * 90.0)
            router.move({uid: corners[uid]})
        elif action < 0.8 and len(corners) > 3:
            del corners[uid]
            router.remove_card(uid)
        else:
            new = f"n{rng.randrange(10**6)}"
            corners[new] = (rng.randrange(0, 8) * 150.0, rng.randrange(0, 8) * 90.0)
            router.add_card(new, *corners[new])
    fresh = Router(W, H)
    fresh.route_all(corners, [])
    assert answers(router.space, probes) == answers(fresh.space, probes)
    for uid in corners:
        for side in "TB":
            assert router._gap(uid, side) == fresh._gap(uid, side), (uid, side)
    assert router.space.rects == fresh.space.rects


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.booleans())
def test_channel_is_the_free_x_nearest_wanted(seed: int, rows: bool) -> None:
    """The channel search (dyadic nodes, equal ones asked once, rounds until none moves)
    finds what a plain walk over the union of every band's blocked runs finds."""
    rng = random.Random(seed)
    if rows:  # a grid's rows: equal nodes, as generated models are laid out
        corners = {f"c{i}": ((i % 9) * 200.0, (i // 9) * 100.0) for i in range(rng.randrange(1, 60))}
    else:
        corners = grid_corners(20, rng)
    space = CardSpace(W, H)
    space.set_all(corners)
    for _ in range(10):
        y0, y1, want = rng.uniform(-50, 800), rng.uniform(-50, 800), rng.uniform(-100, 1900)
        bands = range(int(min(y0, y1) // 32), int(max(y0, y1) // 32) + 1)
        starts, ends = merge([run for b in bands for run in zip(*space._node(0, b))])
        inside = [(s, e) for s, e in zip(starts, ends) if s < want < e]
        nearest = min([inside[0][1], inside[0][0]], key=lambda x: (abs(x - want), -x)) if inside else want
        x, lo, hi = space.channel(y0, y1, want)
        assert x == nearest
        assert not any(s < x < e for s, e in zip(starts, ends))
        assert lo <= x <= hi and hi - lo <= 120 + 1e-9


def test_route_all_leaves_its_objects_old() -> None:
    """The routes and the router's caches live as long as the router: they go straight to
    the collector's oldest generation, so the first allocation after routing does not scan
    them all as young ones (0.35 s of a 10,000-unit export)."""
    import gc

    rng = random.Random(3)
    corners = {f"c{i}": ((i % 30) * 220.0, (i // 30) * 100.0) for i in range(600)}
    edges = [(f"c{rng.randrange(600)}", f"c{rng.randrange(600)}") for _ in range(1800)]
    gc.collect()
    young = gc.get_stats()[0]["collections"]
    router = Router(W, H)
    routes = router.route_all(corners, edges)
    assert len(routes) > 1000 and router.plans  # kept, as the scene keeps them
    assert gc.isenabled()
    assert gc.get_stats()[0]["collections"] == young  # no young collection rescanned them


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000))
def test_channels_asked_again_after_moves_answer_as_a_fresh_space(seed: int) -> None:
    """The channels found are kept with the spans of bands they were found over: a move
    drops them with the spans, so none answers from where the cards were."""
    rng = random.Random(seed)
    corners = grid_corners(16, rng)
    space = CardSpace(W, H)
    space.set_all(corners)
    questions = [(rng.uniform(-50, 800), rng.uniform(-50, 800), rng.uniform(-100, 1300)) for _ in range(12)]
    for _ in range(4):
        [space.channel(*question) for question in questions]  # asked, and kept
        uid = rng.choice(sorted(corners))
        corners[uid] = (rng.randrange(0, 8) * 150.0 + rng.choice((0.0, 11.0)), rng.randrange(0, 8) * 90.0)
        space.move(uid, *corners[uid])
        fresh = CardSpace(W, H)
        fresh.set_all(corners)
        assert [space.channel(*q) for q in questions] == [fresh.channel(*q) for q in questions]


def test_a_grid_finds_each_channel_once(monkeypatch) -> None:
    """A grid's rows block the same runs: the lines between its columns ask the same few
    channel questions over many spans of rows, and each is worked out once."""
    from orgmodel.layout import routing_space

    found = []
    channel = routing_space._channel
    monkeypatch.setattr(routing_space, "_channel", lambda *args: found.append(args) or channel(*args))
    rng = random.Random(4)
    corners = {f"c{i}": ((i % 12) * 220.0, (i // 12) * 100.0) for i in range(144)}
    edges = [(f"c{rng.randrange(144)}", f"c{rng.randrange(144)}") for _ in range(400)]
    router = Router(W, H)
    router.route_all(corners, edges)
    five = [plan for plan in router.plans.values() if plan.kind == "v5"]
    assert len(five) > 200
    # One question per wanted x (the middle between two columns: 23 of them), not one per line.
    assert len(found) <= 2 * 12 - 1 < len(five) / 10


def test_lines_in_one_channel_share_its_key() -> None:
    """Thousands of runs share a few thousand channels: each channel's key is one object
    (150,000 runs at 50,000 units each held their own: 112 bytes a run)."""
    rng = random.Random(2)
    corners = {f"c{i}": ((i % 12) * 220.0, (i // 12) * 100.0) for i in range(144)}
    edges = [(f"c{rng.randrange(144)}", f"c{rng.randrange(144)}") for _ in range(400)]
    router = Router(W, H)
    router.route_all(corners, edges)
    keys = [channel for plan in router.plans.values() for channel, _ in plan.channels]
    assert len(keys) > 600
    assert len({id(key) for key in keys}) == len(set(keys))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_a_batch_plans_as_lines_planned_one_by_one(seed: int) -> None:
    """Through a whole routing the planner keeps how lines leave each card (``batch``): the
    plans are those made without it, and nothing of it outlives the batch, as a move may
    block a card's way out without changing its gap."""
    from orgmodel.layout.routing_plans import Planner

    rng = random.Random(seed)
    corners = grid_corners(16, rng)
    pairs = [(a, b) for a in corners for b in corners if a != b]
    batched, single = CardSpace(W, H), CardSpace(W, H)
    batched.set_all(corners)
    single.set_all(corners)
    in_batch, one_by_one = Planner(batched), Planner(single)
    in_batch.batch(True)
    assert [in_batch.plan(a, b, search=False) for a, b in pairs] == [one_by_one.plan(a, b, search=False) for a, b in pairs]
    in_batch.batch(False)
    assert in_batch._ends is None


def test_route_all_leaves_no_batch_behind() -> None:
    """A whole routing's batch ends with it: the edits after it plan afresh."""
    router = Router(W, H)
    corners = {"a": (0.0, 0.0), "b": (600.0, 300.0), "c": (300.0, 0.0)}
    router.route_all(corners, [("a", "b")])
    assert router._planner._ends is None


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000))
def test_set_all_places_as_one_card_at_a_time(seed: int) -> None:
    """set_all fills the card space in bulk: the same cells, bands and sets, in the same
    order (set order reaches the lines re-planned after a move), as placing each card."""
    rng = random.Random(seed)
    corners = grid_corners(30, rng)
    corners["far"] = (-5000.0, 12345.0)
    bulk, one_by_one = CardSpace(W, H), CardSpace(W, H)
    bulk.set_all(corners)
    for uid, (x, y) in corners.items():
        one_by_one._place(uid, x, y)
    for name in ("corners", "rects", "_cells", "_ybands", "_xbands"):
        made, placed = getattr(bulk, name), getattr(one_by_one, name)
        assert list(made.items()) == list(placed.items())
        assert [list(v) for v in made.values() if isinstance(v, set)] == [list(v) for v in placed.values() if isinstance(v, set)]
    assert answers(bulk, [0.0, 75.0, 200.0, 430.0]) == answers(one_by_one, [0.0, 75.0, 200.0, 430.0])
