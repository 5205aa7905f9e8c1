"""File › Import… in the editor: the sheet of a workbook is chosen like ``--sheet``, and what
the importer noticed (a CSV file's encoding, cells that did not decode) reaches the person."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from canvas_driving import when_dialog
from conftest import SAMPLES
from orgmodel.formats.spreadsheet import read_rows
from ui.dialogs.import_summary import ImportSummaryDialog
from ui.dialogs.sheet_dialog import SheetDialog
from ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    w = MainWindow()
    w.open_sample(str(SAMPLES / "example_co.orgmodel"))
    w.show()
    qtbot.waitExposed(w)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)  # no question may wait for a click
    monkeypatch.setattr(w, "run_mapping_dialog", lambda dialog: True)  # the guessed columns (tested elsewhere)
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def workbook(path: Path, active: int) -> Path:
    """Old (hidden, first), Units and Other; ``active`` the sheet Excel would open at, even
    the hidden one (openpyxl refuses to save that, so the state is set after)."""
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    for number, (title, unit) in enumerate((("Old", "Stale unit"), ("Units", "Sales"), ("Other", "Web"))):
        sheet = book.active if number == 0 else book.create_sheet()
        sheet.title = title
        sheet.append(["name", "office"])
        sheet.append([unit, "front"])
    book.active = 1
    book.save(path)
    book = load_workbook(path)
    book.active = active
    book["Old"].sheet_state = "hidden"
    book.save(path)
    return path


def answer_sheet_dialog(qtbot, seen: dict, choose: str | None = None, button=QDialogButtonBox.StandardButton.Ok) -> None:
    """Once the sheet dialog is up: note its sheets and the one offered, pick ``choose`` in
    its list as a person would, and press ``button``."""

    def act(dialog: SheetDialog) -> None:
        seen["sheets"] = [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())]
        seen["offered"] = dialog.sheet.currentText()
        if choose is not None:
            dialog.sheet.setFocus()
            while dialog.sheet.currentText() != choose and dialog.sheet.currentIndex() < dialog.sheet.count() - 1:
                qtbot.keyClick(dialog.sheet, Qt.Key.Key_Down)
        qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)

    when_dialog(act, lambda dialog: isinstance(dialog, SheetDialog))


def summary_of_next_import(qtbot, seen: dict) -> None:
    """Once the import summary is up: note what it shows, then close it."""

    def act(dialog: ImportSummaryDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["headline"] = dialog.headline.text()
        seen["source"] = dialog.source.text()
        seen["list"] = dialog.list.toPlainText() if dialog.list.isVisible() else ""
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)

    when_dialog(act, lambda dialog: isinstance(dialog, ImportSummaryDialog))


@pytest.mark.parametrize(("active", "offered"), [(0, "Units"), (2, "Other")])
def test_a_workbook_asks_for_its_sheet_offering_the_one_the_command_line_reads(
        window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, active: int, offered: str) -> None:
    path = workbook(tmp_path / "units.xlsx", active)
    choose_file(monkeypatch, path)
    seen: dict = {}
    answer_sheet_dialog(qtbot, seen)
    monkeypatch.setattr(window, "run_summary_dialog", lambda dialog: None)
    window.import_action.trigger()
    assert seen["sheets"] == ["Old (hidden)", "Units", "Other"]  # every sheet, the hidden one marked
    assert seen["offered"] == offered
    expected = read_rows(path)[1][0][0]  # what `orgmodel convert` reads without --sheet
    assert [unit.name for unit in window.document.model.units()] == [expected]


def test_the_sheet_chosen_is_the_one_imported(window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "units.xlsx", 1)
    choose_file(monkeypatch, path)
    seen: dict = {}
    answer_sheet_dialog(qtbot, seen, choose="Other")
    monkeypatch.setattr(window, "run_summary_dialog", lambda dialog: seen.setdefault("source", dialog.source.text()))
    window.import_action.trigger()
    assert seen["offered"] == "Units"
    assert [unit.name for unit in window.document.model.units()] == ["Web"]
    assert seen["source"] == "File: units.xlsx, sheet “Other”"


def test_cancel_on_the_sheet_question_changes_nothing(window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "units.xlsx", 1)
    choose_file(monkeypatch, path)
    mapped: list = []
    monkeypatch.setattr(window, "run_mapping_dialog", lambda dialog: mapped.append(dialog) or True)
    before, units, title = window.document.model, window.document.model.units(), window.windowTitle()
    seen: dict = {}
    answer_sheet_dialog(qtbot, seen, choose="Other", button=QDialogButtonBox.StandardButton.Cancel)
    window.import_action.trigger()
    assert seen["sheets"]  # it was asked
    assert window.document.model is before and before.units() == units and window.windowTitle() == title
    assert not mapped and window.document.undo_stack.count() == 0
    assert window.statusBar().currentMessage() == "Import cancelled; nothing changed"


def test_a_one_sheet_workbook_asks_nothing(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["name", "office"])
    book.active.append(["Payroll", "back"])
    book.save(tmp_path / "one.xlsx")
    choose_file(monkeypatch, tmp_path / "one.xlsx")
    asked: list = []
    monkeypatch.setattr(window, "run_sheet_dialog", lambda dialog: asked.append(dialog) or False)
    shown: list = []
    monkeypatch.setattr(window, "run_summary_dialog", lambda dialog: shown.append(dialog.source.text()))
    window.import_action.trigger()
    assert not asked
    assert [unit.name for unit in window.document.model.units()] == ["Payroll"]
    assert shown == ["File: one.xlsx"]


def test_a_windows_1254_csv_shows_how_it_was_read_and_the_cell_that_did_not_decode(
        window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "birimler.csv"
    # Turkish Excel's CSV, and one byte Windows-1254 has no letter for (0x81) in row 3's name
    path.write_bytes("Ad;Ofis\nMüşteri Hizmetleri;ön ofis\n".encode("cp1254") + b"Bilgi \x81\xdd\xfelem;arka ofis\n")
    choose_file(monkeypatch, path)
    seen: dict = {}
    summary_of_next_import(qtbot, seen)
    window.import_action.trigger()
    assert seen["title"] == "Imported birimler.csv" and seen["source"] == "File: birimler.csv"
    assert seen["headline"] == "2 added, 0 updated, 0 unchanged, 0 rejected"
    lines = seen["list"].splitlines()
    assert "read as Windows-1254: the file is not UTF-8" in lines
    assert "bytes that are not Windows-1254 were replaced by \ufffd in one cell: row 3, Ad" in lines
    assert [unit.name for unit in window.document.model.units()] == ["Müşteri Hizmetleri", "Bilgi \ufffdİşlem"]


def test_a_latin_1_csv_says_so(window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "staff.csv"
    path.write_bytes("name,office\nÞórunn Guðmundsdóttir,back\nÁsta Sigurðardóttir,front\n".encode("latin-1"))
    choose_file(monkeypatch, path)
    seen: dict = {}
    summary_of_next_import(qtbot, seen)
    window.import_action.trigger()
    assert "read as Latin-1: the file is not UTF-8" in seen["list"].splitlines()
    assert [unit.name for unit in window.document.model.units()][0] == "Þórunn Guðmundsdóttir"


@pytest.mark.parametrize(("file_name", "data", "message"), [
    ("nul.csv", b"name,office\nA\x00,back\n", "{path}: not a text file (NUL byte at offset 13)"),
    ("broken.xlsx", b"PK\x03\x04 not really a zip", "{path}: not a readable .xlsx workbook (BadZipFile)"),
])
def test_a_refused_file_says_why_in_one_line_and_changes_nothing(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file_name: str, data: bytes, message: str) -> None:
    path = tmp_path / file_name
    path.write_bytes(data)
    choose_file(monkeypatch, path)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    before, units = window.document.model, window.document.model.units()
    window.import_action.trigger()
    assert shown == [("Cannot import", message.format(path=path))]
    assert window.document.model is before and before.units() == units and window.document.undo_stack.count() == 0
