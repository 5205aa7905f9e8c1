"""The editor with odd but valid models (issue 19): revenues beyond a float, no crash dialog."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QLocale, Qt

from canvas_driving import card_centre, close_window, open_window
from orgmodel.model import OrgModel, Unit
from ui import i18n
from ui.window.main_window import MainWindow

HUGE = int(sys.float_info.max)  # a whole revenue as a file may hold it: exact, not a float


def test_format_amount_shows_a_whole_number_beyond_a_float_exactly() -> None:
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert i18n.format_amount(2 * HUGE, 0, english) == f"{2 * HUGE:,}"
    assert i18n.format_amount(1500.0, None, english) == "1,500"


@pytest.fixture
def window(qtbot) -> MainWindow:
    model = OrgModel("Huge")
    model.add_unit(Unit("a", "A", "front", revenue=HUGE, x=0, y=0))
    model.add_unit(Unit("b", "B", "front", revenue=HUGE, x=240, y=0))
    model.add_unit(Unit("it", "IT", "back", x=120, y=200))
    model.add_dependency("a", "it")
    model.add_dependency("b", "it")
    w = open_window(qtbot, model, zoom=None)
    yield w
    close_window(w)


def test_selecting_the_back_office_unit_of_huge_revenues_shows_them(window: MainWindow, qtbot) -> None:
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=card_centre(window, "it"))
    qtbot.waitUntil(lambda: "revenue at risk" in window.statusBar().currentMessage())
    digits = "".join(ch for ch in window.statusBar().currentMessage().split("revenue at risk:")[1] if ch.isdigit())
    assert digits == str(2 * HUGE)


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_an_export_over_a_read_only_picture_says_so_and_keeps_it(window: MainWindow, tmp_path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.canvas.export import ExportOptions

    target = tmp_path / f"picture.{kind}"
    target.write_bytes(b"the previous picture")
    target.chmod(0o444)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert window.export_to(str(target), ExportOptions()) is False
    assert shown == [f"cannot save {target}: the file is read-only"]
    assert target.read_bytes() == b"the previous picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_a_cancelled_png_export_keeps_the_previous_picture(window: MainWindow, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.window.import_export as import_export
    from ui.canvas.export import ExportOptions

    target = tmp_path / "picture.png"
    target.write_bytes(b"the previous picture")
    monkeypatch.setattr(import_export, "compute_with_progress", lambda parent, work, label: None)  # Cancel pressed
    assert window.export_to(str(target), ExportOptions()) is False
    assert target.read_bytes() == b"the previous picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
