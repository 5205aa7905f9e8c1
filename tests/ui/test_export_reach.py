"""An export holds everything the diagram draws: labels and lines that reach past the
cards are not cut off at the picture's edge."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from orgmodel.model import OrgModel, Unit
from ui.canvas.export import ExportOptions, export_scene
from ui.canvas.items.line_layer import LineLayer
from ui.canvas.scene import OrgScene
from ui.editing.model_signals import ModelSignals
from ui.editing.selection import Selection

LONG = "a label much wider than the card it runs from, reaching past the picture's margin"


def scene_of_two(b_at: tuple[float, float], label: str | None = None) -> OrgScene:
    """Unit A at the origin depending on unit B at ``b_at``, drawn."""
    model = OrgModel("Two")
    model.add_unit(Unit("a", "A", "front", x=0.0, y=0.0))
    model.add_unit(Unit("b", "B", "back", x=b_at[0], y=b_at[1]))
    model.add_dependency("a", "b", label=label)
    scene = OrgScene(Selection())
    scene.set_model(model, ModelSignals(model))
    return scene


def test_a_label_wider_than_the_cards_is_whole_in_the_picture(qapp, tmp_path: Path) -> None:
    scene = scene_of_two((0.0, 300.0), LONG)
    text, box = scene.dependencies.label(("a", "b"))
    options = ExportOptions(scale=1.0)
    assert LONG in text and box.left() < scene.cards_bounding_rect().left() - options.margin  # the case
    export_scene(scene, str(tmp_path / "reach.png"), options)
    image = QImage(str(tmp_path / "reach.png"))
    assert image.width() >= box.width() + 2 * options.margin  # was the cards' width and margins: 260 px


def test_where_lines_reach_follows_them_when_they_move(qapp) -> None:
    layer = LineLayer(QColor("black"), dashed=True)
    layer.set_all({("a", "b"): [(0.0, 0.0), (0.0, 100.0)], ("c", "d"): [(500.0, 0.0), (900.0, 0.0)]})
    assert layer.drawn_rect().right() == 901.0
    layer.set_line(("c", "d"), [(50.0, 0.0), (60.0, 0.0)])  # bounds only grow; this must not
    assert layer.drawn_rect().right() == 61.0
    layer.remove_line(("c", "d"))
    assert layer.drawn_rect().right() == 1.0
    layer.set_filter({("a", "b")})
    assert layer.drawn_rect().bottom() == 101.0


def test_a_pdf_draws_at_three_quarters_of_a_point_a_unit_whatever_the_drawings_size(qapp, tmp_path: Path) -> None:
    # A page whose size in points was not whole (a drawing 510 units wide: 382.5 pt) was
    # rounded, the drawing scaled by a hair less than 0.75, and every coordinate written
    # off whole numbers: a 10,000-unit PDF 2.6 -> 3.2 MB.
    import pypdf

    scene = scene_of_two((250.0, 37.0))
    export_scene(scene, str(tmp_path / "odd.pdf"), ExportOptions())
    content = pypdf.PdfReader(tmp_path / "odd.pdf").pages[0].get_contents().get_data()
    assert b"0.750000000 0 0 0.750000000 " in content
