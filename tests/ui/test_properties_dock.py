"""The properties dock as a user sees it: every field of a unit and a dependency, edited with
undo, refused in place when wrong."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from dock_fixtures import document, properties, selection, settle, type_into  # noqa: F401  (fixtures)
from orgmodel.collate import fold_turkish


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
