"""Zoom as a person meets it: a model opens readable, the status bar says the real zoom,
and one key zooms to the selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from orgmodel.layout import orgchart_layout, set_positions
from orgmodel.synthetic import generate_model
from tests.conftest import SAMPLES
from ui.canvas.items.unit_card import LOD_BLOCKS
from ui.canvas.zoom import READABLE_ZOOM, zoom_to_selection
from ui.window.main_window import MainWindow

from canvas_driving import LEFT, card_centre, close_window, company, open_window, toolbar_button


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


def _laid_out(qtbot, window: MainWindow, action) -> None:
    qtbot.mouseClick(toolbar_button(window, action), LEFT)
    QApplication.processEvents()


def test_a_toolbar_org_chart_too_big_to_read_fitted_shows_its_top_readably(qtbot) -> None:
    """Fitting a big chart after a layout left a sliver at "Zoom 0.04%": the layout ends
    as a model opens, readable, the head of the chart at the top middle."""
    window = open_window(qtbot, generate_model(60, 1.0), zoom=None)
    try:
        _laid_out(qtbot, window, window.orgchart_action)
        view, model = window.view, window.document.model
        assert view.zoom() == pytest.approx(READABLE_ZOOM)
        assert window.zoom_label.text() == "Zoom 70%"
        head = max(model.roots(), key=lambda r: sum(1 for u in model.unit_ids() if _root(model, u) == r))
        card = window.scene.cards[head].sceneBoundingRect()
        shown = _shown(window)
        assert shown.contains(card)
        assert abs(shown.center().x() - card.center().x()) < 2 and card.bottom() < shown.center().y()  # upper half
    finally:
        close_window(window)


def _root(model, uid: str) -> str:
    while model.parent(uid) is not None:
        uid = model.parent(uid)
    return uid


def test_toolbar_office_bands_too_big_to_read_fitted_show_the_front_band_from_its_start(qtbot) -> None:
    window = open_window(qtbot, generate_model(60, 1.0), zoom=None)
    try:
        _laid_out(qtbot, window, window.bands_action)
        assert window.view.zoom() == pytest.approx(READABLE_ZOOM)
        shown = _shown(window)
        front = window.scene.bands.bands()["front"]
        assert shown.contains(front.topLeft())  # the band's title, "Front office", is read first
        model = window.document.model
        first = min((u for u in model.units() if u.office == "front"), key=lambda u: (u.y, u.x))
        assert shown.contains(window.scene.cards[first.id].sceneBoundingRect())
    finally:
        close_window(window)


def test_a_toolbar_layout_keeps_the_selected_unit_in_view_readably(qtbot) -> None:
    model = generate_model(60, 1.0)
    chosen = model.unit_ids()[37]
    window = open_window(qtbot, model, zoom=None)
    try:
        window.view.set_zoom(1.0)
        window.view.centerOn(window.scene.cards[chosen])
        QApplication.processEvents()
        qtbot.mouseClick(window.view.viewport(), LEFT, pos=card_centre(window, chosen))
        assert window.selection.units() == [chosen]
        for action in (window.orgchart_action, window.bands_action):
            _laid_out(qtbot, window, action)
            assert window.view.zoom() >= READABLE_ZOOM
            card = window.scene.cards[chosen].sceneBoundingRect()
            assert abs(_shown(window).center().x() - card.center().x()) < 2
            assert abs(_shown(window).center().y() - card.center().y()) < 2
    finally:
        close_window(window)


def test_a_toolbar_layout_that_fits_readably_shows_every_card(qtbot) -> None:
    window = open_window(qtbot, company(), zoom=0.3)
    try:
        for action in (window.orgchart_action, window.bands_action):
            _laid_out(qtbot, window, action)
            assert READABLE_ZOOM <= window.view.zoom() <= 1.0
            for card in window.scene.cards.values():
                assert _shown(window).contains(card.sceneBoundingRect())
    finally:
        close_window(window)


def _under_legend(window: MainWindow) -> list[str]:
    """The cards the legend panel hides, wholly or in part."""
    view, legend = window.view, window.legend
    panel = QRect(view.viewport().mapFrom(view, legend.geometry().topLeft()), legend.size())
    return [uid for uid, card in window.scene.cards.items()
            if view.mapFromScene(card.sceneBoundingRect()).boundingRect().intersects(panel)]


@pytest.mark.parametrize("rows, columns", [(4, 4), (3, 7), (6, 2)])
def test_fitting_never_puts_a_card_under_the_legend(qtbot, rows: int, columns: int) -> None:
    model = generate_model(rows * columns, seed=1)
    for i, uid in enumerate(model.unit_ids()):
        model.update_unit(uid, x=(i % columns) * 240.0, y=(i // columns) * 150.0)
    window = _opened(qtbot, lambda w: w.document.replace_model(model, None))
    try:
        assert window.legend.isVisible()
        for fit in (window.view.fit_to_content, lambda: zoom_to_selection(window.view, list(model.unit_ids()))):
            fit()
            assert _under_legend(window) == []
            assert all(_shown(window).contains(card.sceneBoundingRect()) for card in window.scene.cards.values())
        window.legend.hide()
        window.view.fit_to_content()
        hidden_zoom = window.view.zoom()
        window.legend.show()
        window.view.fit_to_content()
        assert window.view.zoom() <= hidden_zoom  # room is made for the panel, not taken from the drawing
    finally:
        close_window(window)
