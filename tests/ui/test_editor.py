"""The editor driven as a person drives it: real mouse and keyboard events on the viewport."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from canvas_driving import LEFT, NO_MOD, send_mouse
from editor_window import at, drag, snapshot, window  # noqa: F401  (window is a fixture)
from ui.canvas.items.unit_card import Emphasis
from ui.window.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier


def test_add_a_unit_and_name_it_inline(window: MainWindow, qtbot) -> None:
    before = len(window.document.model)
    window.add_actions["back"].trigger()
    model = window.document.model
    assert len(model) == before + 1
    new_id = window.selection.single_unit()
    assert new_id is not None and model.unit(new_id).office == "back"
    editor = window.view._editor
    assert editor is not None and editor.isVisible() and editor.hasFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Payroll")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert model.unit(new_id).name == "Payroll"
    assert window.undo_action.text() == "&Undo Rename “New back-office unit” to “Payroll”"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert new_id not in model and new_id not in window.scene.cards


def test_double_click_empty_canvas_adds_a_unit_where_asked(window: MainWindow, qtbot) -> None:
    spot = window.view.mapFromScene(QPointF(300, 600))
    qtbot.mouseDClick(window.view.viewport(), LEFT, pos=spot)
    new_id = window.selection.single_unit()
    unit = window.document.model.unit(new_id)
    assert abs(unit.x + 90 - 300) < 2 and abs(unit.y + 32 - 600) < 2
    assert window.view.is_renaming()


def test_rename_with_f2_and_escape_cancels(window: MainWindow, qtbot) -> None:
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "it"))
    assert window.selection.units() == ["it"]
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_F2)
    editor = window.view._editor
    qtbot.keyClicks(editor, "Nope")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.document.model.unit("it").name == "IT" and not window.view.is_renaming()
    qtbot.mouseDClick(window.view.viewport(), LEFT, pos=at(window, "it"))
    editor = window.view._editor
    editor.selectAll()
    editor.insert("Bilgi İşlem")  # QTest cannot type beyond Latin-1; an input method inserts text like this
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.model.unit("it").name == "Bilgi İşlem"
    assert window.scene.cards["it"].name == "Bilgi İşlem"


def test_drag_a_dependency_between_two_units(window: MainWindow) -> None:
    model = window.document.model
    drag(window, at(window, "web"), at(window, "legal"), ALT)
    assert model.has_dependency("web", "legal")
    assert ("web", "legal") in window.scene.dependencies.keys()
    assert window.undo_action.text() == "&Undo “Web Shop” depends on “Legal”"
    window.undo_action.trigger()
    assert not model.has_dependency("web", "legal")


def test_drag_from_the_connector_handle_and_cancel_on_empty_canvas(window: MainWindow, qtbot) -> None:
    model = window.document.model
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "web"))
    count = model.dependency_count
    drag(window, at(window, "web", 180, 32), at(window, "legal"))
    assert model.has_dependency("web", "legal") and model.dependency_count == count + 1
    qtbot.wait(10)  # the highlight of Web Shop refreshes after the edit
    empty = window.view.mapFromScene(QPointF(600, 900))
    drag(window, at(window, "sales"), empty, ALT)
    assert model.dependency_count == count + 1
    assert "Cancelled" in window.statusBar().currentMessage()
    assert not [i for i in window.scene.items() if type(i).__name__ == "QGraphicsLineItem"]


def test_self_and_duplicate_dependencies_are_refused_visibly(window: MainWindow) -> None:
    model = window.document.model
    count = model.dependency_count
    drag(window, at(window, "risk", 40, 20), at(window, "risk", 120, 40), ALT)
    assert "cannot depend on itself" in window.statusBar().currentMessage()
    drag(window, at(window, "risk"), at(window, "it"), ALT)
    assert "already depends on" in window.statusBar().currentMessage()
    assert model.dependency_count == count and window.document.undo_stack.count() == 0


def test_escape_cancels_a_connection_in_progress(window: MainWindow, qtbot) -> None:
    start, end = at(window, "web"), at(window, "legal")
    send_mouse(window, QEvent.Type.MouseButtonPress, start, LEFT, ALT)
    send_mouse(window, QEvent.Type.MouseMove, end, LEFT, ALT, Qt.MouseButton.NoButton)
    assert [i for i in window.scene.items() if type(i).__name__ == "QGraphicsLineItem"]
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    send_mouse(window, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, ALT)
    assert not window.document.model.has_dependency("web", "legal")
    assert not [i for i in window.scene.items() if type(i).__name__ == "QGraphicsLineItem"]


def test_reporting_line_gesture_and_a_refused_cycle(window: MainWindow) -> None:
    model = window.document.model
    drag(window, at(window, "legal"), at(window, "risk"), ALT | Qt.KeyboardModifier.ShiftModifier)
    assert model.parent("legal") == "risk"
    assert "legal" in window.scene.reporting.keys()
    before = snapshot(model)
    drag(window, at(window, "sales"), at(window, "legal"), ALT | Qt.KeyboardModifier.ShiftModifier)
    message = window.statusBar().currentMessage()
    assert "Sales cannot report to Legal" in message
    assert snapshot(model) == before


def test_moving_units_is_one_undo_step_and_lines_follow(window: MainWindow, qtbot) -> None:
    model = window.document.model
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "it"))
    qtbot.mouseClick(window.view.viewport(), LEFT, Qt.KeyboardModifier.ControlModifier, at(window, "fin"))
    assert set(window.selection.units()) == {"it", "fin"}
    old_it, old_fin = (model.unit("it").x, model.unit("it").y), (model.unit("fin").x, model.unit("fin").y)
    line_before = window.scene.dependencies.segments(("risk", "it"))[0]
    drag(window, at(window, "it"), at(window, "it") + QPoint(0, 150))
    moved = model.unit("it").y - old_it[1]
    assert moved > 100 and abs((model.unit("fin").y - old_fin[1]) - moved) < 1e-6
    assert window.scene.dependencies.segments(("risk", "it"))[0] != line_before
    assert window.document.undo_stack.count() == 1 and window.undo_action.text() == "&Undo Move 2 units"
    window.undo_action.trigger()
    assert (model.unit("it").x, model.unit("it").y) == old_it and (model.unit("fin").x, model.unit("fin").y) == old_fin
    assert window.scene.cards["it"].pos() == QPointF(*old_it)


def test_arrow_keys_nudge_the_selection(window: MainWindow, qtbot) -> None:
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "legal"))
    x = window.document.model.unit("legal").x
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Right)
    assert window.document.model.unit("legal").x == x + 10
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert window.document.model.unit("legal").x == x + 9


def test_delete_a_unit_with_lines_and_undo_restores_it_exactly(window: MainWindow, qtbot) -> None:
    model = window.document.model
    before = snapshot(model)
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "risk"))
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert "risk" not in model and not model.has_dependency("sales", "risk")
    assert "risk" not in window.scene.cards and ("risk", "it") not in window.scene.dependencies.keys()
    window.undo_action.trigger()
    assert snapshot(model) == before
    assert set(window.scene.cards) == set(model.unit_ids())
    assert set(window.scene.dependencies.keys()) == {(d.source, d.target) for d in model.dependencies()}
    window.redo_action.trigger()
    assert "risk" not in model


def test_rubber_band_select_all_and_delete_many(window: MainWindow, qtbot) -> None:
    model = window.document.model
    before = snapshot(model)
    window.select_all_action.trigger()
    assert set(window.scene.selectedItems()) == set(window.scene.cards.values())
    window.delete_action.trigger()
    assert len(model) == 0 and model.dependency_count == 0
    window.undo_action.trigger()
    assert snapshot(model) == before
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=window.view.mapFromScene(QPointF(-200, 900)))
    drag(window, window.view.mapFromScene(QPointF(700, 150)), window.view.mapFromScene(QPointF(1160, 300)))
    assert set(window.selection.units()) == {"it", "fin"}


def test_clicking_a_dependency_line_selects_it_and_del_removes_it(window: MainWindow, qtbot) -> None:
    model = window.document.model
    segment = window.scene.dependencies.segments(("risk", "it"))[0]
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=window.view.mapFromScene(segment.center()))
    assert window.selection.dependencies() == [("risk", "it")]
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert not model.has_dependency("risk", "it")
    window.undo_action.trigger()
    assert [(d.source, d.target) for d in model.dependencies()] == [("sales", "risk"), ("risk", "it"), ("it", "fin"), ("fin", "it")]


def test_selecting_a_revenue_unit_highlights_exactly_its_support(window: MainWindow, qtbot) -> None:
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "sales"))
    qtbot.waitUntil(lambda: window.scene.cards["sales"].emphasis == Emphasis.FOCUS)
    emphasis = {uid: card.emphasis for uid, card in window.scene.cards.items()}
    assert emphasis == {
        "sales": Emphasis.FOCUS,
        "risk": Emphasis.ON_CHAIN,  # middle office, only on the way: not a counted supporter
        "it": Emphasis.HIGHLIGHTED,
        "fin": Emphasis.HIGHLIGHTED,
        "web": Emphasis.DIMMED,
        "legal": Emphasis.DIMMED,
    }
    assert window.scene.dependencies.highlighted() == {("sales", "risk"), ("risk", "it"), ("it", "fin"), ("fin", "it")}
    assert "supported by 2 back-office unit" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: all(card.emphasis == Emphasis.NORMAL for card in window.scene.cards.values()))


def test_selecting_a_back_office_unit_shows_revenue_at_risk_and_follows_edits(window: MainWindow, qtbot) -> None:
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "fin"))
    qtbot.waitUntil(lambda: window.scene.cards["sales"].emphasis == Emphasis.HIGHLIGHTED)
    assert window.scene.cards["web"].emphasis == Emphasis.DIMMED
    assert "revenue at risk: 900" in window.statusBar().currentMessage()
    window.document.add_dependency("web", "fin")
    qtbot.waitUntil(lambda: window.scene.cards["web"].emphasis == Emphasis.HIGHLIGHTED)
    assert "revenue at risk: 1,000" in window.statusBar().currentMessage() or "revenue at risk: 1000" in window.statusBar().currentMessage()


def test_zoom_keys_and_fit(window: MainWindow, qtbot) -> None:
    window.view.set_zoom(1.0)
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom() == pytest.approx(1.25)
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom() == pytest.approx(1.0)
    assert window.zoom_label.text() == "Zoom 100%"
    window.fit_action.trigger()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert all(visible.contains(card.sceneBoundingRect()) for card in window.scene.cards.values())


def test_keyboard_only_dependency_and_reporting_line_between_selected_units(window: MainWindow, qtbot) -> None:
    model = window.document.model
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "web"))
    qtbot.mouseClick(window.view.viewport(), LEFT, Qt.KeyboardModifier.ControlModifier, at(window, "legal"))
    assert window.selection.units() == ["web", "legal"]
    window.connect_action.trigger()
    assert model.has_dependency("web", "legal")
    window.report_action.trigger()
    assert model.parent("web") == "legal"
    window.selection.set(["web"])
    window.connect_action.trigger()
    assert "exactly two units" in window.statusBar().currentMessage()


def test_a_large_drag_paints_over_a_picture_and_restores_every_card(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(type(window.scene), "FREEZE_FROM", 0)  # what happens from 1,500 cards on
    model = window.document.model
    start = at(window, "it")
    send_mouse(window, QEvent.Type.MouseButtonPress, start, LEFT)
    send_mouse(window, QEvent.Type.MouseMove, start + QPoint(20, 40), LEFT, NO_MOD, Qt.MouseButton.NoButton)
    QApplication.processEvents()
    hidden = {uid for uid, card in window.scene.cards.items() if not card.isVisible()}
    assert hidden == set(model.unit_ids()) - {"it"}  # only the dragged card is live
    assert window.scene.dependencies.showing == "moving"
    send_mouse(window, QEvent.Type.MouseMove, start + QPoint(40, 80), LEFT, NO_MOD, Qt.MouseButton.NoButton)
    send_mouse(window, QEvent.Type.MouseButtonRelease, start + QPoint(40, 80), Qt.MouseButton.NoButton)
    QApplication.processEvents()
    assert all(card.isVisible() for card in window.scene.cards.values())
    assert window.scene.dependencies.showing == "all" and window.scene.drag_freeze.picture is None
    assert model.unit("it").y > 200 and window.document.undo_stack.count() == 1


def test_a_layout_is_one_undo_step_and_undo_restores_every_position(window: MainWindow, qtbot) -> None:
    model = window.document.model
    before = {u.id: (u.x, u.y) for u in model.units()}
    window.bands_action.trigger()
    assert window.undo_action.text() == "&Undo Layout: office bands"
    assert set(window.scene.bands.bands()) == {"front", "middle", "back"}  # bands drawn
    assert {u.id: (u.x, u.y) for u in model.units()} != before
    window.undo_action.trigger()
    assert {u.id: (u.x, u.y) for u in model.units()} == before
    qtbot.waitUntil(lambda: window.scene.bands.bands() == {})
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # re-apply the last
    assert window.undo_action.text() == "&Undo Layout: office bands"


def test_layout_selection_only_moves_nothing_else(window: MainWindow) -> None:
    model = window.document.model
    window.selection.set(["it", "fin", "legal"])
    others = {u.id: (u.x, u.y) for u in model.units() if u.id not in ("it", "fin", "legal")}
    window.selection_only_action.setChecked(True)
    window.orgchart_action.trigger()
    assert {u.id: (u.x, u.y) for u in model.units() if u.id in others} == others
    assert window.document.undo_stack.count() == 1
    rects = [window.scene.cards[u].sceneBoundingRect().adjusted(8, 8, -8, -8) for u in model.unit_ids()]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_a_long_layout_can_be_cancelled_and_moves_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from PySide6.QtWidgets import QProgressDialog

    import ui.editing.document

    slow = ui.editing.document.orgchart_layout

    def slow_layout(*args, **kwargs):
        time.sleep(0.8)
        return slow(*args, **kwargs)

    monkeypatch.setattr(ui.editing.document, "orgchart_layout", slow_layout)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    model = window.document.model
    before = {u.id: (u.x, u.y) for u in model.units()}
    window.orgchart_action.trigger()
    assert {u.id: (u.x, u.y) for u in model.units()} == before
    assert window.document.undo_stack.count() == 0 and "cancelled" in window.statusBar().currentMessage()


def test_a_card_shows_each_new_name_and_colour_after_its_defaults(qtbot) -> None:
    # A card keeps its defaults on the class until set (memory at 50,000 cards): a rename
    # still shows the new name, and a custom colour can be taken away again.
    from ui.canvas.items.unit_card import UnitCard

    card, other = UnitCard("a"), UnitCard("b")
    assert card.name_text() == "" and card.custom_color is None and card.emphasis == Emphasis.NORMAL
    card.set_unit("Sales", "front", True, 3, None, "#ff0000")
    assert card.name_text() == "Sales" and card.custom_color.name() == "#ff0000" and "3" in card.details()
    card.set_unit("Sales and Marketing", "front", True, 4, None, None)
    assert card.name_text().replace("\n", " ").startswith("Sales and") and card.custom_color is None
    assert "4" in card.details()
    assert other.name == "" and other.custom_color is None and other.headcount is None
