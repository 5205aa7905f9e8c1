"""Analysis › Classify Offices…: every suggestion with its reason and a checkbox (the sure
ones ticked), unclassified units without a suggestion listed too, Apply = one undo step;
offered after an import that brought unclassified units."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from canvas_driving import OFFSCREEN_NOTICES, close_window, open_window
from orgmodel.model import OrgModel, Unit, unclassified_unit
from ui.dialogs.classify_dialog import NOW, REASON, SUGGESTED, SURE, UNIT, ClassifyDialog
from orgmodel.analysis.classify import load_lexicon


def org() -> OrgModel:
    model = OrgModel("Org")
    for i, (uid, name) in enumerate([("s", "Satış Müdürlüğü"), ("m", "Muhasebesi"), ("z", "Zeynep Arslan"), ("fr", "Finance and Risk")]):
        model.add_unit(unclassified_unit(uid, name, x=i * 240.0, y=0.0))
    model.add_unit(Unit("hr", "Human Resources", "front", x=0.0, y=200.0))
    return model


@pytest.fixture
def window(qtbot):
    window = open_window(qtbot, org())
    yield window
    close_window(window)


def rows(dialog: ClassifyDialog) -> list[tuple[str, ...]]:
    table = dialog.table
    return [tuple(table.item(r, c).text() for c in (UNIT, NOW, SUGGESTED, REASON, SURE)) for r in range(table.rowCount())]


def ticked(dialog: ClassifyDialog) -> list[str]:
    table = dialog.table
    return [table.item(r, UNIT).text() for r in range(table.rowCount())
            if table.item(r, UNIT).flags() & Qt.ItemFlag.ItemIsUserCheckable and table.item(r, UNIT).checkState() == Qt.CheckState.Checked]


def test_the_dialog_lists_suggestions_with_reasons_and_units_without_one(window) -> None:
    dialog = ClassifyDialog(window.document, load_lexicon(environment=False), window)
    assert rows(dialog) == [
        ("Muhasebesi", "Not classified", "Back office", "“Muhasebesi” in the name", "95 %"),
        ("Satış Müdürlüğü", "Not classified", "Front office", "“Satış” in the name", "95 %"),
        ("Finance and Risk", "Not classified", "Middle office", "“Risk” in the name", "50 %"),
        ("Zeynep Arslan", "Not classified", "—", "no office word in the name", ""),
    ]
    assert ticked(dialog) == ["Muhasebesi", "Satış Müdürlüğü"]  # the unsure one is not ticked
    assert not dialog.table.item(3, UNIT).flags() & Qt.ItemFlag.ItemIsUserCheckable
    dialog.every_unit.setChecked(True)  # a unit that has an office, wrongly
    assert ("Human Resources", "Front office", "Back office", "“Human Resources” in the name", "95 %") in rows(dialog)
    dialog.close()


def test_apply_is_one_undo_step_for_the_ticked_rows(window, qtbot) -> None:
    document = window.document
    dialog = ClassifyDialog(document, load_lexicon(environment=False), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.item(2, UNIT).setCheckState(Qt.CheckState.Checked)  # the person ticks "Finance and Risk"
    dialog.table.item(0, UNIT).setCheckState(Qt.CheckState.Unchecked)  # and unticks "Muhasebesi"
    steps = document.undo_stack.count()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Apply), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    model = document.model
    assert {u.id: u.office for u in model.units()} == {"s": "front", "m": None, "z": None, "fr": "middle", "hr": "front"}
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Classify 2 units"
    document.undo_stack.undo()
    assert model.unit("s").office is None and model.unit("fr").office is None
    assert window.scene.cards["s"].office is None  # the canvas followed


def test_analysis_menu_has_the_action(window) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Analysis")
    assert window.classify_action in menu.actions() and window.classify_action.text() == "Classify &Offices…"


@pytest.mark.qt_log_ignore(*OFFSCREEN_NOTICES)
def test_offered_after_an_import_with_unclassified_units(window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "org.graphml"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="n" for="node" attr.name="name" attr.type="string"/><graph edgedefault="directed">'
        '<node id="a"><data key="n">Çağrı Merkezi</data></node><node id="b"><data key="n">Trabzon</data></node>'
        "</graph></graphml>", "utf-8")
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(ClassifyDialog, "exec", lambda dialog: dialog.apply())
    monkeypatch.setattr(window, "run_summary_dialog", lambda dialog: None)
    window.document.undo_stack.setClean()
    assert window.import_path(str(source))
    assert asked[-1] == "2 imported units have no office. Suggest offices from their names now?"
    model = window.document.model
    assert [(u.name, u.office) for u in model.units()] == [("Çağrı Merkezi", "front"), ("Trabzon", None)]
    window.document.undo_stack.undo()  # the classification is one step after the import
    assert model.unit("a").office is None


@pytest.mark.qt_log_ignore(*OFFSCREEN_NOTICES)
def test_after_a_merge_only_the_units_it_brought_are_offered(window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The open model has four unclassified units already; a merge that adds one was asked
    about "5 imported units", and the dialog listed them all."""
    source = tmp_path / "more.csv"
    source.write_text("id,name\ncc,Çağrı Merkezi\n", "utf-8")
    asked, shown = [], []
    monkeypatch.setattr(window, "run_mapping_dialog", lambda dialog: setattr(dialog, "choice", "merge") or True)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(ClassifyDialog, "exec", lambda dialog: shown.append(rows(dialog)) or dialog.apply())
    monkeypatch.setattr(window, "run_summary_dialog", lambda dialog: None)
    assert window.import_path(str(source))
    assert asked[-1] == "1 imported unit has no office. Suggest an office from its name now?"
    assert [row[0] for row in shown[-1]] == ["Çağrı Merkezi"]
    model = window.document.model
    assert model.unit("cc").office == "front" and model.unit("s").office is None  # the older ones are left as they were
