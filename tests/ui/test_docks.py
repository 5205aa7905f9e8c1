"""The three docks as a user sees them: the properties form, the outline and the analysis."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from orgmodel.collate import fold_turkish
from orgmodel.model import OrgModel, Unit
from ui.docks.analysis_dock import AnalysisDock
from ui.editing.document import Document
from ui.docks.outline_dock import OutlineDock
from ui.docks.properties_dock import PropertiesDock
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


@pytest.fixture
def properties(qtbot, document, selection):
    dock = PropertiesDock(document, selection)
    qtbot.addWidget(dock)
    dock.resize(360, 640)
    dock.show()
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


# -- properties --------------------------------------------------------------------------------


def test_properties_shows_the_selected_unit(properties):
    assert properties.name_edit.text() == "Satış"
    assert properties.office_combo.currentText() == "Front office"
    assert properties.parent_combo.currentText() == "Genel Müdürlük"
    assert properties.revenue_edit.text() == "1,000"
    assert properties.headcount_edit.text() == "4"


def test_headcount_edit_is_one_undo_step_and_undo_restores(qtbot, properties, document):
    steps = document.undo_stack.count()
    type_into(qtbot, properties.headcount_edit, "12")
    assert document.model.unit("satis").headcount == 12
    assert document.undo_stack.count() == steps + 1
    assert properties.error_message("headcount") == ""
    document.undo_stack.undo()
    settle(qtbot)
    assert document.model.unit("satis").headcount == 4
    assert properties.headcount_edit.text() == "4"


def test_negative_headcount_is_refused_in_place_and_esc_reverts(qtbot, properties, document):
    steps = document.undo_stack.count()
    type_into(qtbot, properties.headcount_edit, "-3")
    assert properties.error_message("headcount") == "Headcount must be a whole number ≥ 0"
    assert "border" in properties.headcount_edit.styleSheet()
    assert properties.headcount_edit.text() == "-3"  # kept for the user to fix, not clamped
    assert document.model.unit("satis").headcount == 4
    assert document.undo_stack.count() == steps
    qtbot.keyClick(properties.headcount_edit, Qt.Key.Key_Escape)
    assert properties.headcount_edit.text() == "4"
    assert properties.error_message("headcount") == ""
    assert properties.headcount_edit.styleSheet() == ""


def test_automation_potential_is_a_percentage(qtbot, properties, document):
    type_into(qtbot, properties.automation_edit, "150")
    assert "between 0 and 100" in properties.error_message("automation_potential")
    assert document.model.unit("satis").automation_potential is None
    type_into(qtbot, properties.automation_edit, "35 %")
    assert document.model.unit("satis").automation_potential == pytest.approx(0.35)
    assert properties.error_message("automation_potential") == ""
    assert properties.automation_edit.text() == "35"


def test_ease_of_automation_is_a_percentage_edited_with_undo(qtbot, properties, document):
    steps = document.undo_stack.count()
    type_into(qtbot, properties.ease_edit, "120")
    assert properties.error_message("automation_ease") == "Ease of automation must be between 0 and 100 %"
    assert document.model.unit("satis").automation_ease is None
    assert document.undo_stack.count() == steps
    type_into(qtbot, properties.ease_edit, "70 %")
    assert document.model.unit("satis").automation_ease == pytest.approx(0.7)
    assert properties.error_message("automation_ease") == ""
    assert properties.ease_edit.text() == "70"
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    settle(qtbot)
    assert document.model.unit("satis").automation_ease is None
    assert properties.ease_edit.text() == ""
    document.undo_stack.redo()
    settle(qtbot)
    assert properties.ease_edit.text() == "70"


def test_amounts_accept_the_locale_decimal_comma(qtbot, properties, document):
    type_into(qtbot, properties.cost_edit, "1234.5")
    assert document.model.unit("satis").cost == 1234.5
    previous = QLocale()
    QLocale.setDefault(QLocale("tr_TR"))
    try:
        type_into(qtbot, properties.cost_edit, "99,25")
        assert document.model.unit("satis").cost == 99.25
        type_into(qtbot, properties.revenue_edit, "abc")
        assert properties.error_message("revenue") == "Revenue must be a number ≥ 0"
        assert document.model.unit("satis").revenue == 1000.0
    finally:
        QLocale.setDefault(previous)


def test_empty_name_shows_the_model_reason(qtbot, properties, document):
    type_into(qtbot, properties.name_edit, "")
    assert properties.error_message("name") == "Name: must not be empty"
    assert document.model.unit("satis").name == "Satış"


def test_reporting_to_a_descendant_is_refused_with_both_names(qtbot, properties, document, selection):
    selection.set(["genel"])
    settle(qtbot)
    assert properties.parent_combo.currentText() == "— no one —"
    steps = document.undo_stack.count()
    combo = properties.parent_combo
    row = combo.findText("Çağrı Merkezi")
    combo.setCurrentIndex(row)
    combo.activated.emit(row)
    message = properties.error_message("parent")
    assert "Genel Müdürlük" in message and "Çağrı Merkezi" in message
    assert document.model.parent("genel") is None
    assert document.undo_stack.count() == steps
    assert combo.findText("Genel Müdürlük") == -1  # a unit never reports to itself


def choose_parent_by_typing(qtbot, properties, text: str) -> None:
    # setText, not key clicks: the completion popup cannot open offscreen without warnings.
    line = properties.parent_combo.lineEdit()
    line.setFocus()
    line.setText(text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_reports_to_by_typing_a_name(qtbot, properties, document):
    completer = properties.parent_combo.completer()
    completer.setCompletionPrefix("LOJİ")  # any part of the name, any case, any i
    assert completer.completionCount() == 1 and completer.currentCompletion() == "Işık Lojistik"
    completer.setCompletionPrefix("is")  # Satış itself is no choice
    names = {completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())}
    assert names == {"Risk Yönetimi", "Bilgi İşlem", "Işık Lojistik"}
    choose_parent_by_typing(qtbot, properties, "pazarlama")
    assert document.model.parent("satis") == "pazarlama"
    assert properties.parent_combo.currentText() == "Pazarlama"
    choose_parent_by_typing(qtbot, properties, "Nobody Here")
    assert "Nobody Here" in properties.error_message("parent")
    assert document.model.parent("satis") == "pazarlama"


def test_office_and_tags_and_colour_are_single_steps(qtbot, properties, document):
    steps = document.undo_stack.count()
    properties.office_combo.setCurrentIndex(2)
    properties.office_combo.activated.emit(2)
    assert document.model.unit("satis").office == "back"
    type_into(qtbot, properties.tags_edit, "vip, , core")
    assert document.model.unit("satis").tags == ("vip", "core")
    document.update_unit("satis", color="#112233")
    settle(qtbot)
    assert properties.color_button.text() == "#112233"
    qtbot.mouseClick(properties.clear_color_button, Qt.MouseButton.LeftButton)
    assert document.model.unit("satis").color is None
    assert document.undo_stack.count() == steps + 4


def test_notes_commit_on_focus_out(qtbot, properties, document):
    properties.notes_edit.setFocus()
    properties.notes_edit.setPlainText("Ana satış kanalı")
    properties.name_edit.setFocus()
    properties.notes_edit.clearFocus()
    settle(qtbot)
    assert document.model.unit("satis").notes == "Ana satış kanalı"


def test_dependency_weight_zero_is_refused(qtbot, properties, document, selection):
    selection.set([], [("satis", "risk")])
    settle(qtbot)
    assert properties.ends_label.text() == "Satış → Risk Yönetimi"
    steps = document.undo_stack.count()
    type_into(qtbot, properties.weight_edit, "0")
    assert properties.error_message("weight") == "Weight must be a number > 0"
    assert document.model.dependency("satis", "risk").weight is None
    assert document.undo_stack.count() == steps
    type_into(qtbot, properties.weight_edit, "2.5")
    assert document.model.dependency("satis", "risk").weight == 2.5


def test_several_or_nothing_selected_shows_a_note(qtbot, properties, selection):
    selection.set(["satis", "cagri", "ik"])
    settle(qtbot)
    assert properties._note.isVisible()
    assert properties._note.text() == "3 units selected"
    selection.clear()
    settle(qtbot)
    assert properties._note.text() == "Select a unit or a dependency to see its properties"


def test_fields_follow_undo_but_not_over_a_refused_value(qtbot, properties, document):
    type_into(qtbot, properties.cost_edit, "-1")
    document.update_unit("satis", headcount=7, cost=3.0)
    settle(qtbot)
    assert properties.headcount_edit.text() == "7"
    assert properties.cost_edit.text() == "-1"  # the user's refused text stays until fixed


# -- outline -----------------------------------------------------------------------------------


@pytest.fixture
def outline(qtbot, document, selection):
    dock = OutlineDock(document, selection)
    qtbot.addWidget(dock)
    dock.resize(300, 500)
    dock.show()
    settle(qtbot)
    return dock


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


@pytest.fixture
def analysis(qtbot, document, selection):
    dock = AnalysisDock(document, selection)
    qtbot.addWidget(dock)
    dock.resize(520, 360)
    dock.show()
    settle(qtbot)
    return dock


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


def test_reports_to_list_follows_a_rename_in_place(qtbot, properties, document):
    """A rename moves its one entry of the "Reports to" list; twins are told apart by id."""
    choices = properties.parent_choices

    def entries() -> list[str]:
        return [choices.index(row).data() for row in range(1, choices.rowCount())]

    document.rename_unit("muhasebe", "Bilgi İşlem")
    settle(qtbot)
    shown = entries()
    assert "Bilgi İşlem (bilgi)" in shown and "Bilgi İşlem (muhasebe)" in shown and "Muhasebe" not in shown
    assert shown == sorted(shown, key=lambda n: fold_turkish(n))  # still in name order
    document.rename_unit("muhasebe", "Ödemeler")
    settle(qtbot)
    shown = entries()
    assert "Bilgi İşlem" in shown and "Ödemeler" in shown and "Bilgi İşlem (bilgi)" not in shown
    assert shown.index("Ödemeler") > shown.index("Işık Lojistik")  # Ö after O in Turkish order
    assert choices.row_of("muhasebe") == shown.index("Ödemeler") + 1


def test_dependency_group_is_edited_with_undo_and_completes_the_units_groups(qtbot, properties, document, selection):
    document.update_dependency("satis", "muhasebe", group="back office")
    selection.set([], [("satis", "risk")])
    settle(qtbot)
    assert properties.group_edit.placeholderText() == "None — required"
    assert "at least one" in properties.group_edit.toolTip()
    assert properties.group_edit.completer().model().stringList() == ["back office"]
    properties.group_edit.setFocus()
    properties.group_edit.setText("back office")  # as if chosen from the completer's list
    qtbot.keyClick(properties.group_edit, Qt.Key.Key_Return)
    assert document.model.dependency("satis", "risk").group == "back office"
    document.undo_stack.undo()
    settle(qtbot)
    assert document.model.dependency("satis", "risk").group is None and properties.group_edit.text() == ""
    document.undo_stack.redo()
    settle(qtbot)
    assert properties.group_edit.text() == "back office"
    type_into(qtbot, properties.group_edit, "")
    assert document.model.dependency("satis", "risk").group is None


def test_dependency_group_with_a_separator_is_refused_in_place(qtbot, properties, document, selection):
    selection.set([], [("satis", "risk")])
    settle(qtbot)
    steps = document.undo_stack.count()
    type_into(qtbot, properties.group_edit, "a;b")
    assert properties.error_message("group").startswith("Group (alternatives): ")
    assert document.model.dependency("satis", "risk").group is None and document.undo_stack.count() == steps
