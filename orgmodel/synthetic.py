"""Deterministic generated organisations, for benchmarks and stress tests.

Shaped like real firms: 20% front office, 20% middle, 60% back; a reporting forest under a
few division heads; front units depending on middle and back units, middle on back, and back
office on itself, with a large back-office cycle (IT needs Finance, Finance needs IT...).
"""

from __future__ import annotations

import random

from orgmodel.model import OrgModel, Unit

_OFFICE_NAMES = {"front": "Sales", "middle": "Risk", "back": "Operations"}


def generate_model(units: int, dependencies_per_unit: float = 3.0, *, dense: bool = True, seed: int = 1) -> OrgModel:
    """A model of ``units`` units and about ``units * dependencies_per_unit`` dependencies.

    ``dense=True`` lets back-office units depend on any other back-office unit, so most of
    the back office forms one large strongly connected block and every revenue unit is
    supported by most of it (the worst case for output size). ``dense=False`` keeps
    back-office dependencies flowing one way, apart from one ring over 5% of the back office.

    >>> m = generate_model(100)
    >>> len(m), m.dependency_count > 250
    (100, True)
    """
    rng = random.Random(seed)
    model = OrgModel(f"Generated {units}")
    n_front = units // 5
    n_middle = units // 5
    offices = ["front"] * n_front + ["middle"] * n_middle + ["back"] * (units - n_front - n_middle)
    ids = [f"u{i:06d}" for i in range(units)]
    for i, (uid, office) in enumerate(zip(ids, offices)):
        model.add_unit(
            Unit(
                uid,
                f"{_OFFICE_NAMES[office]} {i}",
                office,
                headcount=rng.randint(1, 200),
                cost=rng.randint(50, 5000) * 1000,
                revenue=rng.randint(100, 20000) * 1000 if office == "front" else None,
                automation_potential=round(rng.random(), 2),
                x=float((i % 100) * 220),
                y=float((i // 100) * 100),
            )
        )
    # Reporting lines: one tree per office, six reports per manager.
    starts = {"front": 0, "middle": n_front, "back": n_front + n_middle}
    for i, (uid, office) in enumerate(zip(ids, offices)):
        first = starts[office]
        if i > first:
            model.set_parent(uid, ids[first + (i - first - 1) // 6])
    middle = ids[n_front : n_front + n_middle]
    back = ids[n_front + n_middle :]
    target_count = int(units * dependencies_per_unit)
    edges: set[tuple[str, str]] = set()

    def add(source: str, target: str) -> None:
        if source != target and (source, target) not in edges:
            edges.add((source, target))
            model.add_dependency(source, target)

    if back:
        ring = back[: max(2, len(back) // 20)]
        for a, b in zip(ring, ring[1:] + ring[:1]):
            add(a, b)
    attempts = 0
    while len(edges) < target_count and attempts < target_count * 10:
        attempts += 1
        i = rng.randrange(units)
        source, office = ids[i], offices[i]
        roll = rng.random()
        if office == "front":
            pool = middle if roll < 0.4 and middle else back
            add(source, rng.choice(pool))
        elif office == "middle":
            add(source, rng.choice(back) if roll < 0.8 or len(middle) < 2 else rng.choice(middle))
        elif dense:
            add(source, rng.choice(back))
        else:
            j = i - n_front - n_middle
            if j + 1 < len(back):
                add(source, back[rng.randint(j + 1, min(len(back) - 1, j + 50))])
    return model
