"""The three docks on a small Turkish company, for the dock tests: the document and selection
they share, each dock shown at a usual size, and typing into a field as a person does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from orgmodel.model import OrgModel, Unit
from ui.docks.analysis_dock import AnalysisDock
from ui.docks.outline_dock import OutlineDock
from ui.docks.properties_dock import PropertiesDock
from ui.editing.document import Document
from ui.editing.selection import Selection


def sample_model() -> OrgModel:
    model = OrgModel("Örnek A.Ş.")
    for uid, name, office, revenue in [
        ("genel", "Genel Müdürlük", "middle", None),
        ("satis", "Satış", "front", 1000.0),
        ("cagri", "Çağrı Merkezi", "front", 500.0),
        ("pazarlama", "Pazarlama", "front", None),
        ("risk", "Risk Yönetimi", "middle", None),
        ("ik", "İnsan Kaynakları", "back", None),
        ("bilgi", "Bilgi İşlem", "back", None),
        ("muhasebe", "Muhasebe", "back", None),
        ("lojistik", "Işık Lojistik", "back", None),
    ]:
        model.add_unit(Unit(uid, name, office, revenue=revenue, headcount=4))
    for child, parent in [("satis", "genel"), ("cagri", "satis"), ("ik", "genel"), ("bilgi", "genel")]:
        model.set_parent(child, parent)
    for source, target in [
        ("satis", "risk"),
        ("risk", "bilgi"),
        ("satis", "muhasebe"),
        ("cagri", "ik"),
        ("bilgi", "muhasebe"),
        ("muhasebe", "bilgi"),
    ]:
        model.add_dependency(source, target)
    return model


@pytest.fixture
def document(qtbot):
    doc = Document()
    doc.replace_model(sample_model(), None)
    return doc


@pytest.fixture
def selection(qtbot):
    return Selection()


def settle(qtbot) -> None:
    """Let the 0-ms refresh timers run."""
    qtbot.wait(1)
    QApplication.processEvents()


def shown(qtbot, dock, width: int, height: int):
    """*dock* shown at width x height, its first refreshes done."""
    qtbot.addWidget(dock)
    dock.resize(width, height)
    dock.show()
    settle(qtbot)
    return dock


@pytest.fixture
def properties(qtbot, document, selection):
    dock = shown(qtbot, PropertiesDock(document, selection), 360, 640)
    selection.set(["satis"])
    settle(qtbot)
    return dock


def type_into(qtbot, editor, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    if text.isascii() and text:
        qtbot.keyClicks(editor, text)
    elif text:  # QTest only types ASCII (it asserts on anything else)
        editor.insert(text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


@pytest.fixture
def outline(qtbot, document, selection):
    return shown(qtbot, OutlineDock(document, selection), 300, 500)


@pytest.fixture
def analysis(qtbot, document, selection):
    return shown(qtbot, AnalysisDock(document, selection), 520, 360)
