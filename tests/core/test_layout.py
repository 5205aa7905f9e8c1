"""Automatic layouts on generated organisations: what a person would check by eye."""

from __future__ import annotations

import random

import pytest

from orgmodel.layout import bands_layout, bands_order, band_crossings, orgchart_layout, overlapping_cards
from orgmodel.model import OrgModel, Unit
from orgmodel.synthetic import generate_model

W, H = 180.0, 64.0


def forest(n: int, seed: int, fanout: int = 4, loners: int = 3) -> OrgModel:
    rng = random.Random(seed)
    model = OrgModel()
    for i in range(n):
        model.add_unit(Unit(f"u{i}", f"Unit {i}", rng.choice(["front", "middle", "back"]), x=rng.uniform(0, 5000), y=0.0))
    for i in range(1, n - loners):
        if rng.random() < 0.9:
            model.set_parent(f"u{i}", f"u{rng.randrange(max(0, i - fanout * 3), i)}")
    return model


def overlaps(positions: dict[str, tuple[float, float]]) -> list[tuple[str, str]]:
    return overlapping_cards(positions, W, H)


CASES = {
    "tree": lambda: forest(300, 1, loners=0),
    "forest-with-loners": lambda: forest(300, 2, loners=12),
    "wide": lambda: _wide(),
    "deep": lambda: _deep(),
    "generated": lambda: generate_model(1500, seed=4),
}


def _wide() -> OrgModel:
    model = OrgModel()
    model.add_unit(Unit("boss", "Boss", "back"))
    for i in range(60):
        model.add_unit(Unit(f"w{i}", f"W{i}", "front", x=float(60 - i)))
        model.set_parent(f"w{i}", "boss")
    model.add_unit(Unit("sub", "Sub", "middle", x=1000.0))
    model.set_parent("sub", "w3")
    return model


def _deep() -> OrgModel:
    model = OrgModel()
    for i in range(2000):
        model.add_unit(Unit(f"d{i}", f"D{i}", "back"))
        if i:
            model.set_parent(f"d{i}", f"d{i - 1}")
    return model


@pytest.mark.parametrize("case", CASES)
def test_org_chart_has_no_overlap_children_below_parents_siblings_in_order(case: str) -> None:
    model = CASES[case]()
    positions = orgchart_layout(model, W, H)
    assert set(positions) == set(model.unit_ids())
    assert overlaps(positions) == []
    for child, parent in model.reporting_lines():
        assert positions[child][1] >= positions[parent][1] + H
    for uid in model.unit_ids():
        kids = model.children(uid)
        leaves = [k for k in kids if not model.children(k)]
        if len(leaves) > 6:
            continue  # stacked in columns: checked in the next test
        in_canvas_order = sorted(kids, key=lambda k: (model.unit(k).x if model.unit(k).x is not None else float("inf"), model.index_of(k)))
        xs = [positions[k][0] for k in in_canvas_order]
        assert xs == sorted(xs) and len(set(xs)) == len(xs), f"children of {uid} out of their canvas order"
    assert orgchart_layout(model, W, H) == positions  # stable


def test_siblings_follow_their_canvas_order_and_many_leaves_stack() -> None:
    model = _wide()
    positions = orgchart_layout(model, W, H, stack_leaves_over=6)
    leaves = [f"w{i}" for i in range(60) if i != 3]
    # 59 leaves under "boss" stack in two columns either side of a spine, not one 10,000 px row.
    xs = {positions[leaf][0] for leaf in leaves}
    assert len(xs) == 2
    canvas_order = sorted(leaves, key=lambda k: model.unit(k).x)
    ys = [positions[leaf][1] for leaf in canvas_order]
    assert ys == sorted(ys)  # rows follow the order they had on the canvas
    assert positions["sub"][1] > positions["w3"][1]


def test_a_restricted_org_chart_lays_out_only_those_units() -> None:
    model = forest(100, 5)
    chosen = model.unit_ids()[:30]
    positions = orgchart_layout(model, W, H, unit_ids=chosen)
    assert set(positions) == set(chosen) and overlaps(positions) == []


@pytest.mark.parametrize("case", CASES)
def test_office_bands_never_mix_offices_and_never_overlap(case: str) -> None:
    model = CASES[case]()
    positions = bands_layout(model, W, H)
    assert overlaps(positions) == []
    by_office = {}
    for unit in model.units():
        by_office.setdefault(unit.office, []).append(positions[unit.id][1])
    present = [o for o in ("front", "middle", "back") if o in by_office]
    for upper, lower in zip(present, present[1:]):
        assert max(by_office[upper]) + H < min(by_office[lower])
    assert bands_layout(model, W, H) == positions  # stable


def test_office_bands_cut_dependency_crossings_by_at_least_30_percent() -> None:
    model = generate_model(2000, seed=9)

    def ranks(order: dict[str, list[str]]) -> dict[str, float]:
        return {uid: i / max(1, len(units) - 1) for units in order.values() for i, uid in enumerate(units)}

    before = band_crossings(model, ranks({o: [u.id for u in model.units() if u.office == o] for o in ("front", "middle", "back")}))
    after = band_crossings(model, ranks(bands_order(model)))
    assert after <= 0.7 * before


def test_crossing_count_matches_brute_force() -> None:
    from orgmodel.layout.bands import _crossings

    rng = random.Random(3)
    edges = [(rng.randrange(8), rng.randrange(8)) for _ in range(60)]
    brute = sum(1 for i, (a, b) in enumerate(edges) for c, d in edges[i + 1 :] if (a - c) * (b - d) < 0)
    assert _crossings(list(edges)) == brute


@pytest.mark.parametrize("needs", ["hukuk", "finans", "teknik-destek"])
def test_office_bands_leave_room_for_every_line_along_a_row_gap(needs: str) -> None:
    """An IT disaster-recovery site as the alternative to IT for one more unit filled a gap
    of the Turkish sample's office bands: two lines shared a stretch. The gaps between rows
    now grow with the lines that run along them."""
    from orgmodel.cli import sample_path
    from orgmodel.formats.native import load
    from test_routing import check

    model = load(sample_path("tr"))
    model.add_unit(Unit("bt-felaket-merkezi", "BT Felaket Kurtarma Merkezi", "back"))
    model.set_parent("bt-felaket-merkezi", "bilgi-islem")
    if model.has_dependency(needs, "bilgi-islem"):
        model.update_dependency(needs, "bilgi-islem", group="BT")
    model.add_dependency(needs, "bt-felaket-merkezi", group="BT")
    check(bands_layout(model, W, H), [(d.source, d.target) for d in model.dependencies()])


def test_office_band_row_gaps_grow_only_so_far_on_a_big_model() -> None:
    from orgmodel.layout.bands import BAND_GAP, BAND_TITLE, MAX_ROW_GAP

    model = generate_model(2000, dense=True, seed=3)
    rows = sorted({y for _, y in bands_layout(model, W, H).values()})
    gaps = [b - a - H for a, b in zip(rows, rows[1:])]
    assert min(gaps) >= 40.0 and max(gaps) > 40.0  # crowded gaps grew
    assert max(gaps) <= BAND_TITLE + max(BAND_GAP, MAX_ROW_GAP)


@pytest.mark.parametrize("seed", range(6))
def test_inversions_counted_level_by_level_match_brute_force(seed: int) -> None:
    """The numpy merge count the bands layout scores each sweep with (lengths that are and
    are not powers of two, repeated values, one value)."""
    import numpy as np

    from orgmodel.layout.bands import _crossings_at, _inversions

    rng = random.Random(seed)
    for n in (0, 1, 2, 3, 7, 8, 9, 33, 100):
        values = [rng.randrange(1 + seed * 3) for _ in range(n)]
        brute = sum(1 for i in range(n) for j in range(i + 1, n) if values[i] > values[j])
        assert _inversions(np.array(values, dtype=np.int64)) == brute
    upper, lower = rng.sample(range(10), 10)[:5], list(range(10, 15))
    edges = [(rng.choice(upper), rng.choice(lower)) for _ in range(40)]
    place = np.array(rng.sample(range(10), 10) + rng.sample(range(5), 5), dtype=np.int64)
    brute = sum(1 for i, (a, b) in enumerate(edges) for c, d in edges[i + 1:]
                if (place[a] - place[c]) * (place[b] - place[d]) < 0)
    found = _crossings_at(np.array([a for a, _ in edges]), np.array([b for _, b in edges]), place, 5)
    assert found == brute
