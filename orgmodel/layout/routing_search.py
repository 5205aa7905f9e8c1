"""The router's last resort: a shortest orthogonal path with few bends over the free grid.

Used for the few lines no simple shape fits (cards placed by hand in a tangle). The grid's
lines run a little outside every card edge near the two cards (and through the two cards'
middles); a step along a grid line is allowed when it meets no card, so the path found
never crosses a card. The search widens once, to the whole drawing, before giving up with
a straight line between the cards' borders.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left

from orgmodel.layout.routing_space import CardSpace

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # left, top, right, bottom

OFFSET = 12.0  #: grid lines run this far outside card edges
BEND = 40.0  #: a bend costs as much as this length
MOST_CARDS = 4000  #: a wider search than this gives up
MOST_STEPS = 60000


def _stubs(rect: Rect) -> list[tuple[Point, Point]]:
    """(point on the border, point just outside it), for each side's middle."""
    left, top, right, bottom = rect
    cx, cy = (left + right) / 2, (top + bottom) / 2
    return [((cx, top), (cx, top - OFFSET)), ((cx, bottom), (cx, bottom + OFFSET)),
            ((left, cy), (left - OFFSET, cy)), ((right, cy), (right + OFFSET, cy))]


def straight(a: Rect, b: Rect) -> list[Point]:
    """The line between the centres, cut at both borders (when nothing else can be had)."""
    acx, acy, bcx, bcy = (a[0] + a[2]) / 2, (a[1] + a[3]) / 2, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    dx, dy = bcx - acx, bcy - acy
    if dx == 0 and dy == 0:
        return [(acx, acy), (bcx, bcy)]
    hw, hh = (a[2] - a[0]) / 2, (a[3] - a[1]) / 2
    scale = min(hw / abs(dx) if dx else float("inf"), hh / abs(dy) if dy else float("inf"))
    return [(acx + dx * scale, acy + dy * scale), (bcx - dx * scale, bcy - dy * scale)]


def search_route(space: CardSpace, a: Rect, b: Rect) -> list[Point]:
    """A route from card ``a`` to card ``b`` that crosses no card, as points."""
    margin = 2 * (space.h + space.w)
    left, top = min(a[0], b[0]) - margin, min(a[1], b[1]) - margin
    right, bottom = max(a[2], b[2]) + margin, max(a[3], b[3]) + margin
    if not (any(space.run_free(*stub) for stub in _stubs(a)) and any(space.run_free(*stub) for stub in _stubs(b))):
        return straight(a, b)  # a card walled in on every side (another on top of it): no path
    for _ in range(2):
        # Listing the cards of a wide area only to give up costs more than a search.
        if space.more_cards_than(left, top, right, bottom, MOST_CARDS):
            break
        cards = space.cards_in(left, top, right, bottom)
        if len(cards) > MOST_CARDS:
            break
        found = _search(space, a, b, cards, (left, top, right, bottom))
        if found is not None:
            return found
        everything = list(space.corners.values())
        if not everything:
            break
        left = min(x for x, _ in everything) - margin
        top = min(y for _, y in everything) - margin
        right = max(x for x, _ in everything) + space.w + margin
        bottom = max(y for _, y in everything) + space.h + margin
    return straight(a, b)


def _search(space: CardSpace, a: Rect, b: Rect, cards: list[str], area: Rect) -> list[Point] | None:
    xs_set = {area[0], area[2], (a[0] + a[2]) / 2, (b[0] + b[2]) / 2}
    ys_set = {area[1], area[3], (a[1] + a[3]) / 2, (b[1] + b[3]) / 2}
    for uid in cards:
        x, y = space.corners[uid]
        xs_set.update((x - OFFSET, x + space.w + OFFSET))
        ys_set.update((y - OFFSET, y + space.h + OFFSET))
    for rect in (a, b):
        xs_set.update((rect[0] - OFFSET, rect[2] + OFFSET))
        ys_set.update((rect[1] - OFFSET, rect[3] + OFFSET))
    xs, ys = sorted(xs_set), sorted(ys_set)
    goals: dict[tuple[int, int], Point] = {}
    for border, outside in _stubs(b):
        if space.run_free(border, outside):
            goals[(bisect_left(xs, outside[0]), bisect_left(ys, outside[1]))] = border
    gx, gy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    heap: list[tuple[float, float, int, int, int, int]] = []
    came: dict[tuple[int, int, int], tuple[int, int, int] | None] = {}
    best: dict[tuple[int, int, int], float] = {}
    starts: dict[tuple[int, int], Point] = {}
    for border, outside in _stubs(a):
        if space.run_free(border, outside):
            i, j = bisect_left(xs, outside[0]), bisect_left(ys, outside[1])
            starts[(i, j)] = border
            for d in range(4):
                state = (i, j, d)
                best[state] = 0.0
                came[state] = None
                heapq.heappush(heap, (abs(xs[i] - gx) + abs(ys[j] - gy), -0.0, i, j, d, -1))
    steps = 0
    # Among states of equal estimate the one furthest along comes first (the heap holds
    # minus the cost so far): on an open grid many paths tie, and taking the nearest first
    # expanded all of them (measured: 50-900 ms per line where 2-10 ms do).
    while heap and steps < MOST_STEPS:
        _, cost, i, j, d, _ = heapq.heappop(heap)
        cost = -cost
        state = (i, j, d)
        if cost > best.get(state, float("inf")):
            continue
        steps += 1
        if (i, j) in goals:
            return _path(state, came, xs, ys, starts, goals[(i, j)])
        for nd, (di, dj) in enumerate(((1, 0), (-1, 0), (0, 1), (0, -1))):
            ni, nj = i + di, j + dj
            if not (0 <= ni < len(xs) and 0 <= nj < len(ys)):
                continue
            p, q = (xs[i], ys[j]), (xs[ni], ys[nj])
            if not space.run_free(p, q):
                continue
            step = abs(q[0] - p[0]) + abs(q[1] - p[1]) + (BEND if nd != d and came[state] is not None else 0.0)
            nstate = (ni, nj, nd)
            ncost = cost + step
            if ncost < best.get(nstate, float("inf")):
                best[nstate] = ncost
                came[nstate] = state
                heapq.heappush(heap, (ncost + abs(q[0] - gx) + abs(q[1] - gy), -ncost, ni, nj, nd, d))
    return None


def _path(state, came, xs, ys, starts, end: Point) -> list[Point]:
    points = [end]
    node = state
    while node is not None:
        points.append((xs[node[0]], ys[node[1]]))
        previous = came[node]
        if previous is None:
            points.append(starts[(node[0], node[1])])
        node = previous
    points.reverse()
    out: list[Point] = []
    for p in points:
        if out and out[-1] == p:
            continue
        if len(out) >= 2 and ((out[-2][0] == out[-1][0] == p[0]) or (out[-2][1] == out[-1][1] == p[1])):
            out[-1] = p
            continue
        out.append(p)
    return out
