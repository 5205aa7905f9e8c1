"""The office bands' titles stand in a header column at each band's left, as yEd's and
Visio's swimlanes do: lines run around and between the cards, so none strikes a title through
(on the Turkish sample, "Arka Ofis" was crossed by a reporting line and a label), and a
one-row band still shows its whole title."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from orgmodel.model import OrgModel, Unit
from tests.conftest import SAMPLES
from ui import i18n, style
from ui.window.main_window import MainWindow

from canvas_driving import close_window, open_window


def _runs(window: MainWindow):
    for layer in (window.scene.dependencies, window.scene.reporting):
        for key in layer.keys():
            for seg in layer.segments(key):
                yield key, seg.x1(), seg.y1(), seg.x2(), seg.y2()


def _crosses(rect: QRectF, x1: float, y1: float, x2: float, y2: float) -> bool:
    return min(x1, x2) < rect.right() and max(x1, x2) > rect.left() and min(y1, y2) < rect.bottom() and max(y1, y2) > rect.top()


@pytest.mark.parametrize("language, sample", [("en", "example_co.orgmodel"), ("tr", "ornek_as.orgmodel")])
def test_no_line_runs_through_a_band_title_after_office_bands(qtbot, language: str, sample: str) -> None:
    from orgmodel.formats.native import load

    i18n.install(language)
    try:
        window = open_window(qtbot, load(SAMPLES / sample))
        try:
            window.bands_action.trigger()
            qtbot.waitUntil(lambda: window.document.undo_stack.count() == 1)
            QApplication.processEvents()
            titles = window.scene.bands.titles.titles()
            assert [office for office, _header, _text in titles] == ["front", "middle", "back"]
            # Each title is whole (never elided) and stands in its band's header column.
            bands = window.scene.bands.bands()
            for office, header, text in titles:
                assert text == style.office_title(office)
                assert bands[office].contains(header)
            crossing = [(key, office) for key, *run in _runs(window) for office, header, _text in titles if _crosses(header, *run)]
            assert crossing == []
            # Above the lines, under the cards: a line that ever ran there would pass behind it.
            z = window.scene.bands.titles.zValue()
            assert window.scene.dependencies.zValue() < z and window.scene.reporting.zValue() < z
            assert all(card.zValue() > z for card in window.scene.cards.values())
        finally:
            close_window(window)
    finally:
        i18n.install("en")


def test_a_one_row_band_shows_its_whole_title_on_two_lines_if_need_be(qtbot) -> None:
    model = OrgModel()
    for i, office in enumerate(("front", "middle", "back")):
        model.add_unit(Unit(id=office, name=office.title(), office=office, x=0.0, y=300.0 * i))
    window = open_window(qtbot, model)
    try:
        shown = {office: text for office, _header, text in window.scene.bands.titles.titles()}
        assert shown == {"front": "Front office", "middle": "Middle office", "back": "Back office"}
        grab = window.view.grab()  # paints the header (its title rotated) without a fault
        assert not grab.isNull()
    finally:
        close_window(window)
