"""Two connected cards far apart (issue 19): the routing work follows the cards, not the
distance between them. Before, a channel search between cards 10^8 apart built one node per
32-unit band of the empty space between (6 million; 65 s and 1.2 GB for one export)."""

from __future__ import annotations

from orgmodel.appearance import CARD_HEIGHT as H
from orgmodel.appearance import CARD_WIDTH as W
from orgmodel.fields import COORDINATE_LIMIT
from orgmodel.layout.routing import Router


def test_routing_cards_at_opposite_corners_of_the_allowed_area_builds_few_band_nodes() -> None:
    corners = {"a": (0.0, 0.0), "c": (500.0, 0.0), "far": (float(COORDINATE_LIMIT), float(COORDINATE_LIMIT)),
               "low": (-float(COORDINATE_LIMIT), float(COORDINATE_LIMIT))}
    router = Router(W, H)
    routes = router.route_all(corners, [("a", "far"), ("far", "c"), ("low", "a")])
    assert set(routes) == {("a", "far"), ("far", "c"), ("low", "a")}
    assert all(len(points) >= 2 for points in routes.values())
    assert len(router.space._nodes) < 2_000


def test_the_same_routes_as_before_near_the_origin() -> None:
    corners = {"a": (0.0, 0.0), "b": (0.0, 400.0), "c": (480.0, 200.0), "d": (240.0, 0.0)}
    edges = [("a", "b"), ("b", "c"), ("a", "c"), ("d", "b")]
    routes = Router(W, H).route_all(corners, edges)
    again = Router(W, H)
    again.space._occupied_from = lambda first, last: True  # type: ignore[method-assign]
    assert again.route_all(corners, edges) == routes
