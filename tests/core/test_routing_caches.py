"""The router's caches (card gaps, rows and columns of blocked runs) follow every edit:
after moving, adding and removing cards they answer as a router built afresh."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.appearance import CARD_HEIGHT as H
from orgmodel.appearance import CARD_WIDTH as W
from orgmodel.layout.routing import Router
from orgmodel.layout.routing_space import CardSpace

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
