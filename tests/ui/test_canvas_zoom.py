"""Zoom as a person meets it: a model opens readable, the status bar says the real zoom,
and one key zooms to the selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from orgmodel.layout import orgchart_layout, set_positions
from orgmodel.synthetic import generate_model
from tests.conftest import SAMPLES
from ui.canvas.items.unit_card import LOD_BLOCKS
from ui.canvas.zoom import READABLE_ZOOM
from ui.window.main_window import MainWindow

from canvas_driving import LEFT, card_centre, close_window, company, open_window


def _shown(window: MainWindow):
    return window.view.mapToScene(window.view.viewport().rect()).boundingRect()


def _opened(qtbot, open_it) -> MainWindow:
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    open_it(window)
    QApplication.processEvents()  # the opening zoom is set once the window has its size
    return window


def test_the_sample_opens_readable_at_the_top_of_its_org_chart(qtbot) -> None:
    window = _opened(qtbot, lambda w: w.open_sample(str(SAMPLES / "example_co.orgmodel")))
    try:
        assert window.view.zoom() >= READABLE_ZOOM > LOD_BLOCKS  # names drawn, not blocks
        assert window.zoom_label.text() == f"Zoom {round(window.view.zoom() * 100)}%"
        model = window.document.model
        head = model.roots()[0] if len(model.roots()) == 1 else max(model.roots(), key=lambda r: len(model.children(r)))
        assert _shown(window).contains(window.scene.cards[head].sceneBoundingRect())
    finally:
        close_window(window)


def test_a_small_model_that_fits_readably_is_fitted(qtbot) -> None:
    model = company()
    for uid in ("payroll", "audit"):
        model.remove_unit(uid)
    window = _opened(qtbot, lambda w: w.document.replace_model(model, None))
    try:
        assert READABLE_ZOOM <= window.view.zoom() <= 1.0
        for card in window.scene.cards.values():
            assert _shown(window).contains(card.sceneBoundingRect())
    finally:
        close_window(window)


def test_a_huge_chart_fitted_shows_its_fractional_zoom(qtbot) -> None:
    model = generate_model(2000, 1.0)
    set_positions(model, orgchart_layout(model, 180, 64))
    window = _opened(qtbot, lambda w: w.document.replace_model(model, None))
    try:
        assert window.view.zoom() >= READABLE_ZOOM  # opens readable, not as a sliver
        qtbot.keyClick(window.view.viewport(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
        zoom = window.view.zoom()
        assert zoom < 0.01
        text = window.zoom_label.text()
        assert text != "Zoom 0%" and text.startswith("Zoom 0.") and abs(float(text[5:-1]) - zoom * 100) < 0.01
        qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        assert window.view.zoom() <= zoom  # zooming out never jumps in
    finally:
        close_window(window)


def test_f_zooms_to_the_selection(qtbot) -> None:
    window = open_window(qtbot, zoom=0.3)
    try:
        qtbot.mouseClick(window.view.viewport(), LEFT, pos=card_centre(window, "payroll"))
        assert window.selection.units() == ["payroll"]
        qtbot.keyClick(window.view.viewport(), Qt.Key.Key_F)
        assert window.view.zoom() == pytest.approx(1.0)
        card = window.scene.cards["payroll"].sceneBoundingRect()
        assert _shown(window).contains(card)
        assert abs(_shown(window).center().x() - card.center().x()) < 2
        view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
        assert window.zoom_selection_action in view_menu.actions()
        window.selection.clear()
        qtbot.keyClick(window.view.viewport(), Qt.Key.Key_F)
        assert window.statusBar().currentMessage() == "Select the units to zoom to"
    finally:
        close_window(window)
