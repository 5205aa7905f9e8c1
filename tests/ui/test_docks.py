"""The outline and analysis docks as a user sees them, and all three docks after a model is replaced."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt

from dock_fixtures import analysis, document, outline, properties, selection, settle  # noqa: F401  (fixtures)
from orgmodel.collate import fold_turkish
from orgmodel.model import OrgModel, Unit
from ui.docks.analysis_dock import AnalysisDock
from ui.docks.outline_dock import OutlineDock
from ui.docks.properties_dock import PropertiesDock


# -- outline -----------------------------------------------------------------------------------


def names_of(dock: OutlineDock) -> list[str]:
    model = dock._document.model
    return [model.unit(uid).name for uid in dock.visible_unit_ids()]


def test_fold_turkish_matches_all_kinds_of_i():
    assert fold_turkish("İstanbul") == fold_turkish("istanbul") == "istanbul"
    assert fold_turkish("ISIK") in fold_turkish("Işık Lojistik")
    assert fold_turkish("ı") == fold_turkish("I") == fold_turkish("i") == fold_turkish("İ") == "i"
    assert fold_turkish("I\u0307") == "i"


def test_outline_groups_by_office_with_counts(outline):
    proxy = outline.rows
    titles = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert titles == ["Front office (3)", "Middle office (2)", "Back office (4)"]  # no unclassified unit: no group


def test_outline_filter_is_turkish_aware(qtbot, outline):
    qtbot.keyClicks(outline.filter_edit, "i")
    assert {"İnsan Kaynakları", "Bilgi İşlem", "Işık Lojistik", "Risk Yönetimi"} <= set(names_of(outline))
    outline.filter_edit.clear()
    qtbot.keyClicks(outline.filter_edit, "ISIK")
    assert names_of(outline) == ["Işık Lojistik"]
    outline.filter_edit.setText("insan")
    assert names_of(outline) == ["İnsan Kaynakları"]


def test_clicking_an_outline_row_selects_the_unit(qtbot, outline, selection):
    revealed = []
    selection.revealRequested.connect(revealed.append)
    index = outline.index_of_unit("bilgi")
    rect = outline.tree.visualRect(index)
    qtbot.mouseClick(outline.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selection.units() == ["bilgi"]
    assert revealed == ["bilgi"]
    selection.set(["ik", "satis"])
    selected = {i.data(Qt.ItemDataRole.UserRole + 1) for i in outline.tree.selectionModel().selectedRows()}
    assert selected == {"ik", "satis"}
    assert selection.units() == ["ik", "satis"]  # no echo rewrote the order


def test_reporting_tree_shows_children_under_parents_and_follows_edits(qtbot, outline, document):
    outline.set_mode(OutlineDock.REPORTING_TREE)
    cagri = outline.index_of_unit("cagri")
    assert cagri.parent().data() == "Satış"
    assert cagri.parent().parent().data() == "Genel Müdürlük"
    document.set_parent("cagri", "risk")
    settle(qtbot)
    assert outline.index_of_unit("cagri").parent().data() == "Risk Yönetimi"
    outline.filter_edit.setText("çağrı")
    assert names_of(outline) == ["Risk Yönetimi", "Çağrı Merkezi"]  # the ancestor stays


def test_outline_follows_add_rename_and_delete_with_undo(qtbot, outline, document):
    new_id = document.add_unit("back", 0, 0, "Hukuk")
    document.rename_unit("pazarlama", "Dijital Pazarlama")
    settle(qtbot)
    assert "Hukuk" in names_of(outline) and "Dijital Pazarlama" in names_of(outline)
    assert outline.rows.index(2, 0).data() == "Back office (5)"
    document.delete([new_id, "ik"])
    settle(qtbot)
    assert "Hukuk" not in names_of(outline) and "İnsan Kaynakları" not in names_of(outline)
    document.undo_stack.undo()
    settle(qtbot)
    assert "İnsan Kaynakları" in names_of(outline)


def test_moves_schedule_no_work_in_any_dock(qtbot, document, selection, outline):
    properties = PropertiesDock(document, selection)
    analysis = AnalysisDock(document, selection)
    qtbot.addWidget(properties)
    qtbot.addWidget(analysis)
    selection.set(["satis"])
    settle(qtbot)
    for uid in document.model.unit_ids():
        document.model.update_unit(uid, x=1.0, y=2.0)
    assert not properties._refresh_timer.isActive()
    assert not outline._update_timer.isActive()
    assert not analysis._refresh_timer.isActive()


# -- analysis ----------------------------------------------------------------------------------


def table_rows(model) -> list[list[str]]:
    return [[str(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_revenue_table_counts_and_sorting(qtbot, analysis):
    view, model = analysis.revenue_table, analysis.revenue_model
    rows = {row[0]: row for row in table_rows(model)}
    assert rows["Satış"][2] == "2" and rows["Satış"][3] == "Bilgi İşlem, Muhasebe"
    assert rows["Çağrı Merkezi"][2] == "1" and rows["Pazarlama"][2] == "0"
    view.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    assert [row[0] for row in table_rows(model)] == ["Satış", "Çağrı Merkezi", "Pazarlama"]
    view.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    assert [row[0] for row in table_rows(model)] == ["Pazarlama", "Çağrı Merkezi", "Satış"]


def test_back_office_table_shows_revenue_at_risk(qtbot, analysis, document):
    document.update_unit("ik", automation_potential=0.4)
    settle(qtbot)
    model = analysis.back_office_model
    rows = {row[0]: row for row in table_rows(model)}
    assert rows["Bilgi İşlem"][1:3] == ["1", QLocale().toString(1000.0, "f", 0)]
    assert rows["İnsan Kaynakları"][1:4] == ["1", "500", "40 %"]
    assert rows["Işık Lojistik"][1] == "0"
    analysis.back_office_table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    assert [row[0] for row in table_rows(model)][-1] == "Işık Lojistik"


def test_tables_follow_edits(qtbot, analysis, document):
    document.add_dependency("pazarlama", "lojistik")
    settle(qtbot)
    rows = {row[0]: row for row in table_rows(analysis.revenue_model)}
    assert rows["Pazarlama"][2] == "1"
    document.undo_stack.undo()
    settle(qtbot)
    rows = {row[0]: row for row in table_rows(analysis.revenue_model)}
    assert rows["Pazarlama"][2] == "0"


def test_clicking_a_table_row_selects_the_unit(qtbot, analysis, selection):
    view = analysis.revenue_table
    row = analysis.revenue_model.row_of("cagri")
    rect = view.visualRect(analysis.revenue_model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selection.units() == ["cagri"]


def test_findings_list_gaps_and_cycles_and_select_on_click(qtbot, analysis, selection):
    analysis.tabs.setCurrentWidget(analysis.findings)
    tree = analysis.findings
    sections = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [s.text(0) for s in sections] == [
        "Revenue units without back-office support (1)",
        "Back-office units that support nothing (1)",
        "Dependency cycles (1)",
    ]
    assert sections[0].child(0).text(0) == "Pazarlama"
    assert sections[1].child(0).text(0) == "Işık Lojistik"
    cycle = sections[2].child(0)
    assert cycle.text(0) == "Bilgi İşlem ⇄ Muhasebe"
    rect = tree.visualItemRect(cycle)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selection.units() == ["bilgi", "muhasebe"]
    rect = tree.visualItemRect(sections[0].child(0))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selection.units() == ["pazarlama"]


def test_docks_follow_a_replaced_model(qtbot, document, selection, properties, outline, analysis):
    model = OrgModel()
    model.add_unit(Unit("a", "Alfa", "front"))
    model.add_unit(Unit("b", "Beta", "back"))
    model.add_dependency("a", "b")
    document.replace_model(model, None)
    selection.set(["a"])
    settle(qtbot)
    assert properties.name_edit.text() == "Alfa"
    assert sorted(names_of(outline)) == ["Alfa", "Beta"]
    assert table_rows(analysis.revenue_model) == [["Alfa", "Front office", "1", "Beta"]]
    document.rename_unit("b", "Beta 2")
    settle(qtbot)
    assert table_rows(analysis.revenue_model)[0][3] == "Beta 2"
