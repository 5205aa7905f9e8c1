"""File › Import… and data exports in the editor; `orgmodel convert` on the command line."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from conftest import ROOT, SAMPLES
from orgmodel.formats.native import load
from ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    w = MainWindow()
    w.open_sample(str(SAMPLES / "example_co.orgmodel"))
    w.show()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)  # questions would wait for a click
    w.summaries = []  # what each import summary said: (headline, notices), it would wait for a click too
    monkeypatch.setattr(w, "run_summary_dialog", lambda dialog: w.summaries.append((dialog.headline.text(), dialog.notices)))
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def sheet(path: Path, rows: list[list[str]], delimiter: str = ";", encoding: str = "cp1254") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def test_merge_a_spreadsheet_into_the_open_model_is_one_undo_step(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sheet(tmp_path / "ik.csv", [
        ["Kod", "Ad", "Ofis", "Bağlı olduğu", "Bağımlılıklar", "Çalışan sayısı"],
        ["hr", "Human Resources", "arka ofis", "", "", "31"],
        ["bordro", "Bordro Birimi", "arka", "hr", "it", "4"],
        ["", "Satış Ekibi", "ön ofis", "sales-emea", "bordro", "12"],
        ["bad", "Broken", "frnt", "", "", ""],
    ])
    monkeypatch.setattr(window, "run_mapping_dialog", lambda dialog: setattr(dialog, "choice", "merge") or True)
    model = window.document.model
    before = (model.units(), model.dependencies(), list(model.reporting_lines()))
    count = len(model)
    assert window.import_path(str(path))
    assert len(model) == count + 2 and model.unit("hr").headcount == 31
    assert model.parent("bordro") == "hr" and model.has_dependency("bordro", "it")
    message = window.statusBar().currentMessage()
    assert "2 added" in message and "1 updated" in message and "1 rejected" in message
    headline, notices = window.summaries[-1]
    assert headline == message and notices[-1].startswith("row 5: office: ")  # one line a rejected row, under the counts
    assert window.document.undo_stack.count() == 1
    window.undo_action.trigger()
    assert (model.units(), model.dependencies(), list(model.reporting_lines())) == before


def test_import_as_a_new_model_lays_it_out(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sheet(tmp_path / "new.csv", [["Name", "Office", "Reports to"], ["Boss", "back", ""], ["Shop", "front", "Boss"]], ",", "utf-8-sig")
    monkeypatch.setattr(window, "run_mapping_dialog", lambda dialog: True)
    assert window.import_path(str(path))
    model = window.document.model
    assert [u.name for u in model.units()] == ["Boss", "Shop"] and window.windowTitle().startswith("Untitled")
    assert all(u.x is not None for u in model.units()) and model.unit_ids()[1] in window.scene.cards


@pytest.mark.parametrize("extension", ["csv", "xlsx", "graphml", "drawio"])
def test_export_data_formats_from_the_file_menu(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extension: str) -> None:
    target = tmp_path / f"company.{extension}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_action.trigger()
    assert target.exists() and target.stat().st_size > 500


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgmodel", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_convert_round_trips_through_graphml_and_spreadsheets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``orgmodel convert`` in this process (orgmodel.cli.main, what ``python -m orgmodel``
    runs; the process itself is test_convert_merge_into_reports_the_summary's)."""
    from orgmodel.cli import main

    sample = str(SAMPLES / "ornek_as.orgmodel")
    original = load(sample)
    for extension in ("graphml", "csv", "xlsx"):
        middle, back = tmp_path / f"m.{extension}", tmp_path / f"back-{extension}.orgmodel"
        assert main(["convert", sample, str(middle)]) == 0
        capsys.readouterr()
        assert main(["convert", str(middle), str(back)]) == 0, capsys.readouterr().err
        again = load(back)
        assert [(u.id, u.name, u.office, u.headcount) for u in again.units()] == [(u.id, u.name, u.office, u.headcount) for u in original.units()]
        assert set(again.reporting_lines()) == set(original.reporting_lines())
        assert {(d.source, d.target) for d in again.dependencies()} == {(d.source, d.target) for d in original.dependencies()}
    assert main(["convert", sample, str(tmp_path / "x.drawio")]) == 0
    assert main(["convert", sample, str(tmp_path / "x.pdf")]) == 1


def test_convert_merge_into_reports_the_summary(tmp_path: Path) -> None:
    path = sheet(tmp_path / "merge.csv", [["id", "name", "office"], ["it", "Information Technology", "back"], ["lab", "Lab", "middle"], ["x", "", "back"]], ",", "utf-8")
    out = tmp_path / "merged.orgmodel"
    result = run("convert", str(path), str(out), "--merge-into", str(SAMPLES / "example_co.orgmodel"))
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stderr and "row 4" in result.stderr
    assert "lab" in load(out)


def test_preview_follows_the_mapping(qtbot) -> None:
    from ui.dialogs.import_dialog import MappingDialog

    rows = [["Zeynep Arslan", "Genel Müdür", ""], ["Ali Kaya", "Satış Müdürü", "Zeynep Arslan"]]
    dialog = MappingDialog("staff.csv", ["Ad Soyad", "Unvan", "Yönetici"], {"name": 0, "reports_to": 2, "title": 1}, 2, False,
                           rows=rows)
    qtbot.addWidget(dialog)
    assert dialog.preview_cells() == [["Zeynep Arslan", "", "Genel Müdür"], ["Ali Kaya", "Zeynep Arslan", "Satış Müdürü"]]
    dialog.combos["reports_to"].setCurrentIndex(0)  # not imported: its column leaves the preview
    assert dialog.preview_cells() == [["Zeynep Arslan", "Genel Müdür"], ["Ali Kaya", "Satış Müdürü"]]


def test_an_import_that_brings_nothing_keeps_the_open_model(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sheet(tmp_path / "bad.csv", [["Name", "Headcount"], ["A", "many"], ["B", "lots"]], ",", "utf-8")
    monkeypatch.setattr(window, "run_mapping_dialog", lambda dialog: True)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    before = window.document.model
    count = len(before)
    assert not window.import_path(str(path))
    assert window.document.model is before and len(before) == count
    assert shown and "no unit could be imported" in shown[0] and "row 2: headcount:" in shown[0]


def test_a_drawio_page_is_chosen_before_import(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cell = '<mxCell id="{0}" value="{0}" vertex="1" parent="1"><mxGeometry width="120" height="60" as="geometry"/></mxCell>'
    pages = "".join(f'<diagram name="{name}"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>{cell.format(unit)}'
                    "</root></mxGraphModel></diagram>" for name, unit in (("Org", "Board"), ("IT", "Servers")))
    path = tmp_path / "two.drawio"
    path.write_text(f"<mxfile>{pages}</mxfile>", "utf-8")
    asked: list[list[str]] = []

    def choose_second(dialog) -> bool:
        asked.append([dialog.page.itemText(i) for i in range(dialog.page.count())])
        dialog.page.setCurrentIndex(1)
        return True

    monkeypatch.setattr(window, "run_source_dialog", choose_second)
    monkeypatch.setattr(window, "maybe_keep_changes", lambda: True)
    assert window.import_path(str(path))
    assert asked == [["1. Org", "2. IT"]]
    assert [u.name for u in window.document.model.units()] == ["Servers"]


def test_a_long_import_reads_in_a_worker_and_cancel_changes_nothing(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.window.import_export as flows

    path = tmp_path / "big.graphml"
    path.write_text('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="a"/></graph></graphml>', "utf-8")
    labels: list[str] = []
    monkeypatch.setattr(flows, "compute_with_progress", lambda parent, work, label: labels.append(label))  # Cancel pressed
    before = window.document.model
    assert not window.import_path(str(path))
    assert labels == ["Importing big.graphml…"] and window.document.model is before
    assert window.statusBar().currentMessage() == "Import cancelled; nothing changed"


def test_undirected_graphml_edges_are_asked_about(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "friends.graphml"
    path.write_text('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">'
                    '<node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>', "utf-8")
    seen: list[tuple[int, int]] = []

    def one_way(dialog) -> bool:
        seen.append((dialog.page.count(), dialog.undirected.count()))
        dialog.undirected.setCurrentIndex(1)  # "The source depends on the target"
        return True

    monkeypatch.setattr(window, "run_source_dialog", one_way)
    monkeypatch.setattr(window, "maybe_keep_changes", lambda: True)
    assert window.import_path(str(path))
    assert seen == [(0, 2)]  # no page to choose, the two meanings of an undirected edge
    assert [(d.source, d.target) for d in window.document.model.dependencies()] == [("a", "b")]
