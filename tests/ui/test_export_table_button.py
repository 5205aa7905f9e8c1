"""Export table… on the Cost to serve and Automation pages, used as a person does: sort by a
column or filter by office, press the button, name a file, open it in a spreadsheet. The
columns are the page's (Turkish when the interface is), the rows in the order shown, numbers
numbers; a write that fails says so, naming the file, and leaves the old one alone."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from canvas_driving import when_dialog
from conftest import SAMPLES
from orgmodel.analysis.automation import rank_automation
from orgmodel.analysis.cost import allocate
from orgmodel.formats import atomic
from orgmodel.formats.native import load
from ui.docks import cost_view
from ui.docks.analysis_tables import ID_ROLE
from ui.i18n import format_amount
from ui.window.main_window import MainWindow


def open_window(qtbot, sample: str) -> MainWindow:
    w = MainWindow()
    w.document.replace_model(load(SAMPLES / sample), None)
    w.resize(1500, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = open_window(qtbot, "example_co.orgmodel")
    yield w
    w.close()
    w.deleteLater()


@pytest.fixture
def turkish_window(qtbot, turkish) -> MainWindow:
    w = open_window(qtbot, "ornek_as.orgmodel")
    yield w
    w.close()
    w.deleteLater()


def show(qtbot, window: MainWindow, page):
    dock = window.analysis_dock
    dock.tabs.setCurrentIndex(dock.tabs.indexOf(page))
    qtbot.waitUntil(lambda: not page._dirty)
    return page


def export_to(qtbot, page, path: Path, monkeypatch) -> list[tuple]:
    """Press Export Table… and answer the file dialog with ``path``; the dialog's arguments."""
    asked: list[tuple] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: asked.append(args) or (str(path), ""))
    qtbot.mouseClick(page.export, Qt.MouseButton.LeftButton)
    return asked


def click_header(qtbot, page, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def shown_ids(page) -> list[str]:
    return [page.proxy.index(r, 0).data(ID_ROLE) for r in range(page.proxy.rowCount())]


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the Turkish letters right
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_cost_table_goes_out_sorted_as_shown_with_its_totals(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    page = show(qtbot, window, window.analysis_dock.cost_view)
    click_header(qtbot, page, 6)  # by margin
    order = shown_ids(page)
    margins = [page.proxy.index(r, 6).data(cost_view.SORT_ROLE) for r in range(len(order))]
    assert margins in (sorted(margins), sorted(margins, reverse=True)) and order[0] != "call-centre"
    expected = {r.id: r for r in allocate(window.document.model).revenue_units}
    names = [expected[uid].name for uid in order]

    asked = export_to(qtbot, page, tmp_path / "cost.xlsx", monkeypatch)
    assert asked[0][1] == "Export Table" and asked[0][2].endswith("Example Co. - Cost to serve.xlsx")
    book = load_workbook(tmp_path / "cost.xlsx")
    assert book.sheetnames == ["Cost to serve", "Totals", "Unallocated"]
    sheet = book["Cost to serve"]
    assert [c.value for c in sheet[1]] == ["Name", "Office", "Own cost", "Allocated", "Fully loaded", "Revenue", "Margin"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[0] for row in rows] == names
    first = expected[order[0]]
    assert rows[0][1:] == [page.proxy.index(0, 1).data(), first.own_cost, first.allocated, first.fully_loaded, first.revenue, first.margin]
    assert sheet.cell(row=2, column=7).data_type == "n" and sheet.cell(row=2, column=7).number_format == "#,##0"
    totals = dict((row[0].value, row[1].value) for row in book["Totals"].iter_rows(min_row=2))
    allocation = page.allocation
    assert totals == {"Method": "Reciprocal", "Service cost": allocation.total_service_cost,
                      "Allocated": allocation.allocated, "Unallocated": allocation.unallocated}

    export_to(qtbot, page, tmp_path / "cost.csv", monkeypatch)
    table = read_csv(tmp_path / "cost.csv")
    assert table[0] == ["Name", "Office", "Own cost", "Allocated", "Fully loaded", "Revenue", "Margin"]
    assert [row[0] for row in table[1 : len(order) + 1]] == names
    assert [float(v) for v in table[1][2:]] == [first.own_cost, first.allocated, first.fully_loaded, first.revenue, first.margin]
    assert table[len(order) + 1] == [] and table[len(order) + 2] == ["Total", "Amount"]
    assert ["Unallocated", str(int(allocation.unallocated))] in table
    assert window.statusBar().currentMessage() == "Exported cost.csv"


def test_the_automation_table_goes_out_filtered_and_in_turkish(qtbot, turkish_window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    window = turkish_window
    page = show(qtbot, window, window.analysis_dock.automation_view)
    page.office.setCurrentIndex(page.office.findData("back"))
    ranking = {c.id: c for c in rank_automation(window.document.model, uplift=False)}
    order = shown_ids(page)
    assert {ranking[uid].office for uid in order} == {"back"} and len(order) < len(ranking)

    export_to(qtbot, page, tmp_path / "öncelik.xlsx", monkeypatch)
    sheet = load_workbook(tmp_path / "öncelik.xlsx")["Otomasyon önceliği"]
    headers = ["#", "Ad", "Ofis", "Maliyet", "Potansiyel", "Kolaylık", "Tasarruf potansiyeli", "Otomasyon önceliği",
               "Desteklenen gelir", "Neden sıralanmadı"]
    assert [c.value for c in sheet[1]] == headers
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[1] for row in rows] == [ranking[uid].name for uid in order]
    top = ranking[order[0]]
    assert rows[0][2:9] == ["Arka Ofis", top.cost, top.automation_potential, top.automation_ease, top.savings, top.priority, top.revenue_supported]
    assert isinstance(rows[0][0], int) and sheet.cell(row=2, column=5).number_format == "0.0%"  # 0.6 shown as 60.0%

    export_to(qtbot, page, tmp_path / "öncelik.csv", monkeypatch)
    table = read_csv(tmp_path / "öncelik.csv")
    assert table[0] == headers and len(table) == len(order) + 1
    # Machine-readable numbers: a '.' decimal point and no grouping, whatever the interface's language.
    assert table[1][3:9] == [repr(v) if not float(v).is_integer() else str(int(v))
                             for v in (top.cost, top.automation_potential, top.automation_ease, top.savings, top.priority, top.revenue_supported)]
    assert "." in table[1][4] and table[1][2] == "Arka Ofis"


def test_a_failed_export_says_why_naming_the_file_and_keeps_the_old_one(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    page = show(qtbot, window, window.analysis_dock.automation_view)
    path = tmp_path / "ranking.xlsx"
    path.write_bytes(b"old")

    def refuse(*_args) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    told: list[str] = []

    def read_and_close(box) -> None:
        told.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    when_dialog(read_and_close, lambda box: isinstance(box, QMessageBox))
    export_to(qtbot, page, path, monkeypatch)
    assert len(told) == 1 and str(path) in told[0] and "Permission denied" in told[0]
    monkeypatch.undo()
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["ranking.xlsx"]

    # A name the exporter does not know: said so, nothing written.
    other = tmp_path / "ranking.txt"
    other.write_bytes(b"old")
    when_dialog(read_and_close, lambda box: isinstance(box, QMessageBox))
    export_to(qtbot, page, other, monkeypatch)
    assert len(told) == 2 and str(other) in told[1] and ".csv, .xlsx" in told[1]
    assert other.read_bytes() == b"old"


def test_a_name_without_extension_takes_the_chosen_filters(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    page = show(qtbot, window, window.analysis_dock.cost_view)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "cost"), "CSV spreadsheet (*.csv)"))
    qtbot.mouseClick(page.export, Qt.MouseButton.LeftButton)
    assert [p.name for p in tmp_path.iterdir()] == ["cost.csv"]
    assert read_csv(tmp_path / "cost.csv")[0][0] == "Name"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "cost"), "Excel workbook (*.xlsx)"))
    qtbot.mouseClick(page.export, Qt.MouseButton.LeftButton)
    assert load_workbook(tmp_path / "cost.xlsx").sheetnames[0] == "Cost to serve"
    # Cancelled: nothing written, nothing said.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    qtbot.mouseClick(page.export, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cost.csv", "cost.xlsx"]


def test_an_export_right_after_an_edit_has_the_edit(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    page = show(qtbot, window, window.analysis_dock.automation_view)
    window.document.model.update_unit("payroll", cost=9_999_000.0)
    assert page._dirty  # the page waits for a quiet moment; the export does not
    export_to(qtbot, page, tmp_path / "ranking.csv", monkeypatch)
    rows = read_csv(tmp_path / "ranking.csv")
    payroll = next(row for row in rows[1:] if row[1] == "Payroll")
    assert payroll[3] == "9999000" and not page._dirty


def test_the_cost_export_names_the_service_units_whose_cost_stays_unallocated(qtbot, monkeypatch, tmp_path: Path) -> None:
    from orgmodel.model import OrgModel, Unit

    model = OrgModel()
    model.add_unit(Unit("shop", "Shop", "front", revenue=1000))
    model.add_unit(Unit("archive", "Archive", "back", cost=40))
    model.add_unit(Unit("audit", "Audit", "middle"))  # nobody depends on it: what reaches it stops there
    model.add_dependency("shop", "archive")
    model.add_dependency("audit", "archive")
    w = MainWindow()
    w.document.replace_model(model, None)
    w.show()
    qtbot.waitExposed(w)
    try:
        page = show(qtbot, w, w.analysis_dock.cost_view)
        export_to(qtbot, page, tmp_path / "cost.xlsx", monkeypatch)
        book = load_workbook(tmp_path / "cost.xlsx")
        totals = [[c.value for c in row] for row in book["Totals"].iter_rows(min_row=2)]
        assert totals == [["Method", "Reciprocal"], ["Service cost", 40], ["Allocated", 20], ["Unallocated", 20]]
        stopped = [[c.value for c in row] for row in book["Unallocated"].iter_rows(min_row=2)]
        reason = page.allocation.service_unit("archive").reason
        assert stopped == [["Archive", "Back office", 40, 20, str(reason)]] and reason
    finally:
        w.close()
        w.deleteLater()


def test_the_wait_cursor_is_shown_while_writing_and_gone_after_success_or_failure(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.docks import table_export

    page = show(qtbot, window, window.analysis_dock.automation_view)
    seen: list[object] = []
    real = table_export.write_tables

    def watched(path, tables) -> None:
        cursor = QApplication.overrideCursor()
        seen.append(cursor.shape() if cursor is not None else None)
        real(path, tables)

    monkeypatch.setattr(table_export, "write_tables", watched)
    export_to(qtbot, page, tmp_path / "ranking.xlsx", monkeypatch)
    assert seen == [Qt.CursorShape.WaitCursor] and QApplication.overrideCursor() is None
    when_dialog(lambda box: box.button(QMessageBox.StandardButton.Ok).click(), lambda box: isinstance(box, QMessageBox))
    export_to(qtbot, page, tmp_path / "ranking.txt", monkeypatch)
    assert len(seen) == 2 and QApplication.overrideCursor() is None


@pytest.mark.parametrize("language, sample", [("en", "example_co.orgmodel"), ("tr", "ornek_as.orgmodel")])
@pytest.mark.parametrize("which, column", [("cost_view", 5), ("automation_view", 3)])
def test_either_page_in_either_language_goes_out_as_the_person_sees_it(qtbot, monkeypatch, tmp_path: Path, language, sample, which, column) -> None:
    """Sorted by a money column (revenue, cost) with a header click: both files hold the
    headers the person reads, the rows in the order shown, the numbers the page shows."""
    from ui import i18n

    i18n.install(language)
    w = open_window(qtbot, sample)
    try:
        page = show(qtbot, w, getattr(w.analysis_dock, which))
        click_header(qtbot, page, column)
        proxy = page.proxy
        headers = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
        names = [proxy.index(r, 1 if which == "automation_view" else 0).data() for r in range(proxy.rowCount())]
        amounts = [proxy.index(r, column).data() for r in range(proxy.rowCount())]
        assert names != sorted(names) and len(set(amounts)) > 1
        assert ("Ad" in headers and "Ofis" in headers) == (language == "tr")
        export_to(qtbot, page, tmp_path / "t.xlsx", monkeypatch)
        export_to(qtbot, page, tmp_path / "t.csv", monkeypatch)
        sheet = load_workbook(tmp_path / "t.xlsx").worksheets[0]
        xlsx = [[c.value for c in row] for row in sheet.iter_rows()]
        table = read_csv(tmp_path / "t.csv")[: len(names) + 1]
        name_column = 1 if which == "automation_view" else 0
        for rows in (xlsx, table):
            assert rows[0] == headers
            assert [row[name_column] for row in rows[1:]] == names
        # The numbers are numbers: formatted the page's way, they read as the page shows them.
        assert [format_amount(row[column], 0) for row in xlsx[1:]] == amounts
        assert [format_amount(float(row[column]), 0) for row in table[1:]] == amounts
    finally:
        w.document.undo_stack.setClean()
        w.close()
        w.deleteLater()
        i18n.install("en")
