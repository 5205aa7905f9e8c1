"""Models without positions, headless: `orgmodel export` and `orgmodel convert` never stack
cards on one spot, and a picture of a selection is as small as its cards allow."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from orgmodel.appearance import CARD_HEIGHT as H, CARD_WIDTH as W
from orgmodel.formats.native import load, save
from orgmodel.layout import overlapping_cards
from orgmodel.synthetic import generate_model

MARGIN = 40  # the export's margin around the cards, each side, at scale 1


def strip_positions(source: Path, target: Path, keep=lambda index: False) -> Path:
    """``source`` with the positions of every unit (but those ``keep`` says) taken out."""
    document = json.loads(source.read_text("utf-8"))
    for index, unit in enumerate(document["units"]):
        if not keep(index):
            unit.pop("x", None)
            unit.pop("y", None)
    target.write_text(json.dumps(document), "utf-8")
    return target


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def overlapping(positions: dict[str, tuple[float, float]]) -> list[tuple[str, str]]:
    return overlapping_cards(positions, W, H)


@pytest.fixture
def exported(qapp, monkeypatch: pytest.MonkeyPatch):
    """Run `orgmodel export MODEL OUT …` in this process; returns the card corners the
    picture was drawn with (visible cards only) and the PNG's size in pixels."""
    import ui.app
    import ui.canvas.export
    from orgmodel.cli import main
    from ui.launcher import export_diagram

    monkeypatch.setattr(ui.app, "make_application", lambda argv=None, language=None: qapp)
    drawn: dict[str, tuple[float, float]] = {}
    real = ui.canvas.export.export_scene

    def watching(scene, path, options):
        shown = set(options.units) if options.units is not None else set(scene.cards)
        drawn.update({uid: (card.pos().x(), card.pos().y()) for uid, card in scene.cards.items() if uid in shown})
        return real(scene, path, options)

    monkeypatch.setattr(ui.canvas.export, "export_scene", watching)

    def run(model: Path, out: Path, *args: str) -> tuple[dict[str, tuple[float, float]], tuple[int, int]]:
        drawn.clear()
        assert main(["export", str(model), str(out), "--scale", "1", *args], export_diagram=export_diagram) == 0
        return dict(drawn), png_size(out)

    return run


@pytest.mark.parametrize("sample", ["example_co.orgmodel", "ornek_as.orgmodel"])
def test_a_sample_without_positions_exports_every_card_apart(exported, tmp_path: Path, sample: str) -> None:
    model = strip_positions(SAMPLES / sample, tmp_path / sample)
    cards, (width, height) = exported(model, tmp_path / "out.png")
    assert len(cards) == len(load(model)) > 30
    assert overlapping(cards) == []
    # Every card has room of its own in the picture (it was one card, 260 x 144).
    assert (width - 2 * MARGIN) * (height - 2 * MARGIN) >= len(cards) * W * H


@pytest.mark.parametrize("sample", ["example_co.orgmodel", "ornek_as.orgmodel"])
def test_a_partly_positioned_sample_keeps_its_places_and_adds_the_rest_clear_of_them(
    exported, tmp_path: Path, sample: str
) -> None:
    model = strip_positions(SAMPLES / sample, tmp_path / sample, keep=lambda index: index % 3 == 0)
    placed = {u.id: (u.x, u.y) for u in load(model).units() if u.x is not None}
    cards, (width, height) = exported(model, tmp_path / "out.png")
    assert 5 < len(placed) < len(cards)
    assert {uid: cards[uid] for uid in placed} == placed
    assert overlapping(cards) == []
    assert (width - 2 * MARGIN) * (height - 2 * MARGIN) >= len(cards) * W * H


def test_a_generated_model_without_positions_grows_with_its_units(exported, tmp_path: Path) -> None:
    spans = []
    for units in (100, 400):
        model = generate_model(units, 1.0)
        for unit in model.units():
            model.update_unit(unit.id, x=None, y=None)
        save(model, tmp_path / f"g{units}.orgmodel")
        cards, _ = exported(tmp_path / f"g{units}.orgmodel", tmp_path / f"g{units}.png")
        assert len(cards) == units and overlapping(cards) == []
        xs, ys = [x for x, _ in cards.values()], [y for _, y in cards.values()]
        spans.append((max(xs) + W - min(xs)) * (max(ys) + H - min(ys)))  # the picture, before any pixel budget
    assert spans[0] >= 100 * W * H and spans[1] > 3 * spans[0]


def test_a_fully_positioned_model_is_drawn_where_it_stands(exported, tmp_path: Path) -> None:
    sample = SAMPLES / "example_co.orgmodel"
    cards, _ = exported(sample, tmp_path / "out.png")
    assert cards == {u.id: (u.x, u.y) for u in load(sample).units()}


def test_a_picture_of_a_selection_is_compact_and_the_model_file_is_unchanged(exported, tmp_path: Path) -> None:
    model = generate_model(400, 1.0)  # a 100-column grid: these four lie 7,000 px apart
    chosen = ["u000000", "u000099", "u000300", "u000399"]
    save(model, tmp_path / "big.orgmodel")
    before = (tmp_path / "big.orgmodel").read_bytes()
    cards, (width, height) = exported(tmp_path / "big.orgmodel", tmp_path / "four.png", "--selection-of", ",".join(chosen))
    assert sorted(cards) == chosen and overlapping(cards) == []
    # Two by two, as they stand in the grid, with no more than a gap between them.
    assert width <= 2 * W + 2 * 40 + 2 * MARGIN + 16 and height <= 2 * H + 2 * 80 + 2 * MARGIN + 16
    assert cards["u000000"][0] < cards["u000099"][0] and cards["u000000"][1] < cards["u000300"][1]
    assert (tmp_path / "big.orgmodel").read_bytes() == before


def convert(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orgmodel", "convert", str(source), str(out)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_a_csv_converted_to_a_model_file_has_every_unit_placed_apart(tmp_path: Path) -> None:
    rows = ["id,name,office,reports_to"] + [
        f"u{i},Unit {i},{('front', 'middle', 'back')[i % 3]},{f'u{(i - 1) // 4}' if i and i < 30 else ''}" for i in range(45)
    ]
    (tmp_path / "staff.csv").write_text("\n".join(rows) + "\n", "utf-8")
    result = convert(tmp_path / "staff.csv", tmp_path / "model.orgmodel")
    assert result.returncode == 0, result.stderr
    model = load(tmp_path / "model.orgmodel")
    assert len(model) == 45 and model.reporting_line_count == 29
    positions = {u.id: (u.x, u.y) for u in model.units()}
    assert None not in {x for x, _ in positions.values()} | {y for _, y in positions.values()}
    assert overlapping(positions) == []


def test_a_graphml_file_keeps_its_positions_and_places_only_the_rest(tmp_path: Path) -> None:
    from orgmodel.formats import read_any, write_any

    model = load(strip_positions(SAMPLES / "example_co.orgmodel", tmp_path / "part.orgmodel", keep=lambda i: i % 3 == 0))
    write_any(model, str(tmp_path / "part.graphml"))
    loaded, _ = read_any(str(tmp_path / "part.graphml"))
    placed = {u.id: (u.x, u.y) for u in model.units() if u.x is not None}
    positions = {u.id: (u.x, u.y) for u in loaded.units()}
    assert {uid: positions[uid] for uid in placed} == placed
    assert len(positions) == len(model) and None not in {x for x, _ in positions.values()}
    assert overlapping(positions) == []
