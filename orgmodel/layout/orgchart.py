"""The org-chart layout: a tidy tree of the reporting lines, top-down."""

from __future__ import annotations

import math
from collections.abc import Iterable

from orgmodel.gcpause import gc_paused
from orgmodel.model import OrgModel

Positions = dict[str, tuple[float, float]]

H_GAP = 40.0  #: between sibling cards
LEVEL_GAP = 80.0  #: between a parent's bottom and its children's top


def _in_canvas_order(model: OrgModel, ids: Iterable[str]) -> list[str]:
    """Siblings keep their left-to-right order on the canvas (then model order)."""
    ids = list(ids)
    index = {uid: i for i, uid in enumerate(ids)}
    return sorted(ids, key=lambda uid: (model.unit(uid).x if model.unit(uid).x is not None else math.inf, index[uid]))


def orgchart_layout(
    model: OrgModel,
    card_width: float,
    card_height: float,
    *,
    stack_leaves_over: int = 6,
    unit_ids: Iterable[str] | None = None,
    origin: tuple[float, float] = (0.0, 0.0),
) -> Positions:
    """A tidy top-down org chart of the reporting forest.

    Parents sit centred above their children; siblings keep their current left-to-right
    order; a parent with more than ``stack_leaves_over`` leaf children stacks them in two
    compact columns either side of a spine under it; roots sit side by side, and units
    that report to no one and have no reports are gathered in a block to the right. Linear
    time: every unit is measured once and placed once. ``unit_ids`` restricts the layout to
    those units (reporting lines to units outside are ignored).

    >>> from orgmodel.model import Unit
    >>> m = OrgModel()
    >>> for uid in "abc": m.add_unit(Unit(uid, uid, "back"))
    >>> m.set_parent("b", "a"); m.set_parent("c", "a")
    >>> orgchart_layout(m, 100, 40)
    {'a': (70.0, 0.0), 'b': (0.0, 120.0), 'c': (140.0, 120.0)}
    """
    with gc_paused():
        chosen = set(model.unit_ids() if unit_ids is None else unit_ids)
        order = [uid for uid in model.unit_ids() if uid in chosen]
        parent = {uid: p for uid in order if (p := model.parent(uid)) is not None and p in chosen}
        children: dict[str, list[str]] = {}
        for uid in order:
            if uid in parent:
                children.setdefault(parent[uid], []).append(uid)
        for uid, kids in children.items():
            children[uid] = _in_canvas_order(model, kids)
        roots = _in_canvas_order(model, [uid for uid in order if uid not in parent and uid in children])
        loners = [uid for uid in order if uid not in parent and uid not in children]

        w, h = card_width, card_height
        width: dict[str, float] = {}
        stacked: dict[str, tuple[list[str], list[str]]] = {}  # parent -> (leaves, other children)
        # Post-order without recursion (hierarchies can be thousands deep).
        post: list[str] = []
        stack = list(roots)
        while stack:
            uid = stack.pop()
            post.append(uid)
            stack.extend(children.get(uid, ()))
        for uid in reversed(post):
            kids = children.get(uid, [])
            leaves = [k for k in kids if k not in children]
            others = [k for k in kids if k in children]
            if len(leaves) > stack_leaves_over:
                stacked[uid] = (leaves, others)
                stack_width = 2 * w + H_GAP
                row = sum(width[k] for k in others) + H_GAP * len(others)
                width[uid] = max(w, stack_width + row)
            elif kids:
                width[uid] = max(w, sum(width[k] for k in kids) + H_GAP * (len(kids) - 1))
            else:
                width[uid] = w

        positions: Positions = {}
        x0, y0 = origin
        left = x0
        for root in roots:
            _place(root, left, y0, width, children, stacked, positions, w, h)
            left += width[root] + H_GAP * 2
        if loners:  # a tidy block beside the chart
            columns = max(1, math.ceil(math.sqrt(len(loners))))
            for i, uid in enumerate(loners):
                r, c = divmod(i, columns)
                positions[uid] = (left + c * (w + H_GAP), y0 + r * (h + LEVEL_GAP / 2))
        return {uid: positions[uid] for uid in order}


def _place(root: str, left: float, top: float, width: dict[str, float], children: dict[str, list[str]],
           stacked: dict[str, tuple[list[str], list[str]]], positions: Positions, w: float, h: float) -> None:
    work = [(root, left, top)]
    while work:
        uid, left, top = work.pop()
        kids = children.get(uid, [])
        child_top = top + h + LEVEL_GAP
        if uid in stacked:
            leaves, others = stacked[uid]
            stack_width = 2 * w + H_GAP
            row_width = sum(width[k] for k in others) + H_GAP * len(others)
            span = stack_width + row_width
            start = left + (width[uid] - span) / 2
            spine = start + stack_width / 2
            positions[uid] = (spine - w / 2, top)
            # Two columns either side of the spine; the bus to each runs in the row gap.
            for i, leaf in enumerate(leaves):
                row, column = divmod(i, 2)
                x = spine - H_GAP / 2 - w if column == 0 else spine + H_GAP / 2
                positions[leaf] = (x, child_top + row * (h + LEVEL_GAP / 2))
            x = start + stack_width + H_GAP
            for kid in others:
                work.append((kid, x, child_top))
                x += width[kid] + H_GAP
            continue
        positions[uid] = (left + (width[uid] - w) / 2, top)
        if kids:
            total = sum(width[k] for k in kids) + H_GAP * (len(kids) - 1)
            x = left + (width[uid] - total) / 2
            for kid in kids:
                work.append((kid, x, child_top))
                x += width[kid] + H_GAP
