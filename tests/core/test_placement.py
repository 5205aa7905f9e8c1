"""Places for units that have none: every mix of placed and unplaced cards ends with every
card visible and none on another."""

from __future__ import annotations

import random

import pytest

from orgmodel.formats import read_any
from orgmodel.layout import compact_positions, overlapping_cards, place_unplaced, unplaced_positions
from orgmodel.model import OrgModel, Unit
from orgmodel.synthetic import generate_model

W, H = 180.0, 64.0


def overlaps(positions: dict[str, tuple[float, float]]) -> list[tuple[str, str]]:
    return overlapping_cards(positions, W, H)


def mixed(n: int, seed: int, share_placed: float) -> OrgModel:
    """Units scattered (some on top of each other), some without a place, reporting lines
    among and across both."""
    rng = random.Random(seed)
    model = OrgModel()
    for i in range(n):
        placed = rng.random() < share_placed
        x, y = (rng.uniform(-500, 3000), rng.uniform(-300, 2000)) if placed else (None, None)
        model.add_unit(Unit(f"u{i}", f"Unit {i}", rng.choice(["front", "middle", "back"]), x=x, y=y))
    for i in range(1, n):
        if rng.random() < 0.6:
            model.set_parent(f"u{i}", f"u{rng.randrange(i)}")
    return model


@pytest.mark.parametrize("share_placed", [0.0, 0.1, 0.5, 0.9, 1.0])
@pytest.mark.parametrize("seed", range(4))
def test_every_unplaced_unit_gets_a_place_clear_of_every_other_card(seed: int, share_placed: float) -> None:
    model = mixed(120, seed, share_placed)
    placed = {u.id: (u.x, u.y) for u in model.units() if u.x is not None}
    new = unplaced_positions(model, W, H)
    assert set(new) == set(model.unit_ids()) - set(placed)
    assert overlaps(new) == []
    clashes = [(a, b) for a, b in overlaps({**placed, **new}) if a in new or b in new]
    assert clashes == []
    assert unplaced_positions(model, W, H) == new  # the same answer every time


def test_reporting_lines_among_unplaced_units_become_an_org_chart() -> None:
    model = OrgModel()
    model.add_unit(Unit("old", "Old", "back", x=0.0, y=0.0))
    for uid in ("boss", "a", "b", "loner"):
        model.add_unit(Unit(uid, uid, "front"))
    model.set_parent("a", "boss")
    model.set_parent("b", "boss")
    model.set_parent("loner", "old")  # its manager has a place: it stands in the block
    new = unplaced_positions(model, W, H)
    assert new["a"][1] == new["b"][1] > new["boss"][1] > H  # reports below their manager, all below "old"
    assert new["a"][0] < new["boss"][0] < new["b"][0]
    assert new["loner"][0] > new["b"][0]  # beside the chart


def test_a_block_of_loose_units_is_wider_than_high_and_groups_offices() -> None:
    model = OrgModel()
    for i in range(60):
        model.add_unit(Unit(f"u{i}", f"U{i}", ("back", "front")[i % 2]))
    new = unplaced_positions(model, W, H)
    xs, ys = [x for x, _ in new.values()], [y for _, y in new.values()]
    assert max(xs) + W > max(ys) + H  # a picture, not a column or a ribbon
    assert max(new[f"u{i}"][1] for i in range(1, 60, 2)) < min(new[f"u{i}"][1] for i in range(0, 60, 2))


def test_place_unplaced_changes_only_the_units_without_a_place() -> None:
    model = mixed(50, 7, 0.5)
    before = {u.id: (u.x, u.y) for u in model.units() if u.x is not None}
    moved = place_unplaced(model, W, H)
    assert moved == 50 - len(before)
    assert all((model.unit(uid).x, model.unit(uid).y) == xy for uid, xy in before.items())
    assert all(u.x is not None and u.y is not None for u in model.units())
    assert place_unplaced(model, W, H) == 0


def test_a_compact_selection_keeps_its_order_and_never_overlaps() -> None:
    model = generate_model(1000, 1.0)
    chosen = random.Random(3).sample(model.unit_ids(), 40)
    compact = compact_positions(model, chosen, W, H)
    assert set(compact) == set(chosen) and overlaps(compact) == []
    for a in chosen:
        for b in chosen:
            if model.unit(a).x < model.unit(b).x:
                assert compact[a][0] < compact[b][0]
    assert max(x for x, _ in compact.values()) <= 39 * (W + 40)


def test_a_spreadsheet_read_through_read_any_has_every_unit_placed(tmp_path) -> None:
    rows = ["name,office,parent"] + [f"Unit {i},{('front', 'back')[i % 2]},{'Unit 0' if 0 < i < 5 else ''}" for i in range(20)]
    (tmp_path / "staff.csv").write_text("\n".join(rows) + "\n", "utf-8")
    model, _ = read_any(str(tmp_path / "staff.csv"))
    positions = {u.id: (u.x, u.y) for u in model.units()}
    assert len(positions) == 20 and all(x is not None and y is not None for x, y in positions.values())
    assert overlaps(positions) == []


def test_placing_many_unplaced_units_is_one_change_of_the_model() -> None:
    from orgmodel import events as ev

    model = generate_model(300, seed=4)
    for unit in model.units():
        model.update_unit(unit.id, x=None, y=None)
    seen: list = []
    model.add_listener(seen.append)
    assert place_unplaced(model) == 300
    assert [type(event) for event in seen] == [ev.UnitsMoved] and set(seen[0].unit_ids) == set(model.unit_ids())
