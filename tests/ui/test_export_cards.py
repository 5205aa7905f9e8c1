"""An export draws cards that do not overlap together (``card_batch``): the picture must be
the one the cards draw one by one, in every look a card can have."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from orgmodel.model import OrgModel, Unit
from ui.canvas import export as export_module
from ui.canvas.export import ExportOptions, export_scene
from ui.canvas.items.card_batch import apart
from ui.canvas.items.unit_card import Emphasis
from ui.canvas.scene import OrgScene
from ui.editing.model_signals import ModelSignals
from ui.editing.selection import Selection


def many_looks(overlapping: bool = False) -> OrgScene:
    """Cards of every look: each office, unclassified, revenue, a custom colour, a long name,
    figures, and the highlight and what-if marks."""
    model = OrgModel("Looks")
    looks = [
        ("front", True, None, "Sales"), ("middle", False, None, "Risk"), ("back", False, None, "Payroll"),
        (None, False, None, "Not yet classified"), ("back", False, "#3366cc", "Custom colour"),
        ("front", True, None, "A very long unit name that has to wrap onto a second line and then some more"),
        ("middle", False, "#cc3366", "Dimmed"), ("back", False, None, "Failed"), ("front", False, None, "Down"),
        ("back", False, None, "On the chain"), ("front", True, None, "Focus"), (None, False, None, "Faded unclassified"),
    ]
    for i, (office, revenue, colour, name) in enumerate(looks):
        x = (i % 4) * 240.0 + (60.0 if overlapping and i == 5 else 0.0)
        y = (i // 4) * 120.0 + (50.0 if overlapping and i == 5 else 0.0)
        model.add_unit(Unit(f"u{i}", name, office, x=x, y=y, headcount=3 * i or None, revenue=1.5e6 * i or None,
                            revenue_generating=revenue, color=colour))
    model.add_dependency("u0", "u2")
    scene = OrgScene(Selection())
    scene.set_model(model, ModelSignals(model))
    marks = {"u6": Emphasis.DIMMED, "u7": Emphasis.FAILED, "u8": Emphasis.DOWN, "u9": Emphasis.ON_CHAIN,
             "u10": Emphasis.FOCUS, "u11": Emphasis.DIMMED}
    for uid, mark in marks.items():
        scene.cards[uid].set_emphasis(mark)
    return scene


def pixels(path: Path) -> bytes:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    return bytes(image.constBits())


@pytest.mark.parametrize("scale", [1.0, 0.5, 0.25])
@pytest.mark.parametrize("overlapping", [False, True])
def test_cards_drawn_together_look_as_drawn_one_by_one(qapp, tmp_path: Path, monkeypatch, scale: float,
                                                       overlapping: bool) -> None:
    scene = many_looks(overlapping)
    assert apart(list(scene.cards.values())) is not overlapping
    together = tmp_path / "together.png"
    export_scene(scene, str(together), ExportOptions(scale=scale))
    monkeypatch.setattr(export_module, "batchable", lambda cards: False)
    one_by_one = tmp_path / "one_by_one.png"
    export_scene(scene, str(one_by_one), ExportOptions(scale=scale))
    assert pixels(together) == pixels(one_by_one)


def test_cards_drawn_together_make_a_small_svg_with_every_name(qapp, tmp_path: Path, monkeypatch) -> None:
    scene = many_looks()
    together = tmp_path / "together.svg"
    export_scene(scene, str(together), ExportOptions())
    monkeypatch.setattr(export_module, "batchable", lambda cards: False)
    one_by_one = tmp_path / "one_by_one.svg"
    export_scene(scene, str(one_by_one), ExportOptions())
    text = together.read_text(encoding="utf-8")
    for name in ("Sales", "Risk", "Payroll", "Custom colour", "Focus"):
        assert f">{name}</text>" in text
    assert together.stat().st_size < one_by_one.stat().st_size  # fewer pen and font changes written


def test_cards_drawn_together_leave_no_empty_group_each_in_the_svg(qapp, tmp_path: Path) -> None:
    # The scene draws the lines and bands; the cards drawn together are skipped there, not
    # visited to draw nothing (each such visit wrote an empty group: 4.8 MB at 10,000 cards).
    model = OrgModel("Apart")
    for i in range(30):
        model.add_unit(Unit(f"u{i}", f"Unit {i}", "back", x=(i % 6) * 300.0, y=(i // 6) * 100.0))
    scene = OrgScene(Selection())
    scene.set_model(model, ModelSignals(model))
    out = tmp_path / "apart.svg"
    export_scene(scene, str(out), ExportOptions())
    text = out.read_text(encoding="utf-8")
    assert all(f">Unit {i}</text>" in text for i in range(30))
    assert text.count("<g") < 30
    card = scene.cards["u0"]
    assert not card.flags() & card.GraphicsItemFlag.ItemHasNoContents  # drawn again on the canvas


@pytest.mark.parametrize("language, people, office", [("en", "3 people", "Back office"), ("tr", "3 kişi", "Arka Ofis")])
def test_card_figures_follow_the_language(qapp, language: str, people: str, office: str) -> None:
    from ui import i18n

    model = OrgModel("Figures")
    model.add_unit(Unit("a", "Payroll", "back", headcount=3))
    i18n.install(language)
    try:
        scene = OrgScene(Selection())
        scene.set_model(model, ModelSignals(model))
        look = scene.cards["a"].look(1.0, False)
    finally:
        i18n.install("en")
    assert look.details == people and look.office == office
