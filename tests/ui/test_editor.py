"""The editor driven as a person drives it: real mouse and keyboard events on the viewport."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from orgmodel.formats.native import load, save
from orgmodel.model import OrgModel, Unit
from ui.canvas.items.unit_card import Emphasis
from ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier


def small_model() -> OrgModel:
    """Sales and Web (front), Risk (middle), IT, Finance, Legal (back) in a row."""
    model = OrgModel("Test Co")
    for i, (uid, name, office, extra) in enumerate(
        [
            ("sales", "Sales", "front", {"revenue": 900.0}),
            ("web", "Web Shop", "front", {"revenue": 100.0}),
            ("risk", "Risk", "middle", {}),
            ("it", "IT", "back", {}),
            ("fin", "Finance", "back", {}),
            ("legal", "Legal", "back", {}),
        ]
    ):
        model.add_unit(Unit(uid, name, office, x=i * 240.0, y=200.0 if i else 0.0, **extra))
    for a, b in [("sales", "risk"), ("risk", "it"), ("it", "fin"), ("fin", "it")]:
        model.add_dependency(a, b)
    model.set_parent("web", "sales")
    model.set_parent("risk", "sales")
    return model


def snapshot(model: OrgModel) -> tuple:
    """Everything a file would hold, field by field and in order."""
    return (model.units(), model.dependencies(), list(model.reporting_lines()), model.name)


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow()
    w.document.replace_model(small_model(), None)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.view.set_zoom(0.6)
    w.view.centerOn(w.scene.cards["risk"])
    QApplication.processEvents()
    yield w
    # Not qtbot.addWidget: it closes widgets before this runs, and a modified document
    # would then wait for an answer to the unsaved-changes prompt.
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def at(window: MainWindow, unit_id: str, dx: float = 90, dy: float = 32) -> QPoint:
    """Viewport position of a point inside a unit's card (default: its centre)."""
    card = window.scene.cards[unit_id]
    return window.view.mapFromScene(card.scenePos() + QPointF(dx, dy))


def send_mouse(window: MainWindow, kind: QEvent.Type, pos: QPoint, buttons, modifiers=NO_MOD, button=LEFT) -> None:
    viewport = window.view.viewport()
    event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(viewport, event)


def drag(window: MainWindow, start: QPoint, end: QPoint, modifiers=NO_MOD, steps: int = 6) -> None:
    send_mouse(window, QEvent.Type.MouseButtonPress, start, LEFT, modifiers)
    for i in range(1, steps + 1):
        p = start + (end - start) * i / steps
        send_mouse(window, QEvent.Type.MouseMove, QPoint(round(p.x()), round(p.y())), LEFT, modifiers, Qt.MouseButton.NoButton)
    send_mouse(window, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, modifiers)
    QApplication.processEvents()


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


def test_save_and_reopen_through_the_file_actions(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "company"
    window.document.add_unit("middle", 10, 500, name="Pricing")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.save_action.trigger()
    saved = tmp_path / "company.orgmodel"
    assert saved.exists() and not window.document.is_modified
    assert window.windowTitle().startswith("company.orgmodel")
    expected = snapshot(window.document.model)
    window.new_action.trigger()
    assert len(window.document.model) == 0 and window.windowTitle().startswith("Untitled")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    window.open_action.trigger()
    assert snapshot(window.document.model) == expected
    assert window.recent_files()[0] == str(saved)
    assert window.document.undo_stack.count() == 0


def test_modified_marker_follows_the_undo_stack(window: MainWindow) -> None:
    assert not window.isWindowModified()
    window.document.rename_unit("it", "Information Technology")
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()


def test_unsaved_changes_are_asked_about_on_close(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.document.rename_unit("it", "Information Technology")
    answers = []
    monkeypatch.setattr(window, "ask_unsaved_changes", lambda: answers.append("asked") or QMessageBox.StandardButton.Cancel)
    assert window.close() is False and window.isVisible() and answers == ["asked"]
    monkeypatch.setattr(window, "ask_unsaved_changes", lambda: QMessageBox.StandardButton.Discard)
    assert window.close() is True


def test_a_bad_file_shows_every_problem_and_keeps_the_document(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.orgmodel"
    bad.write_text('{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "", "office": "x"}]}', encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())) or 0)
    before = snapshot(window.document.model)
    assert window.open_path(str(bad), ask=False) is False
    (text, details), = shown
    assert "bad.orgmodel" in text and "2 problem" in text
    assert "units[0].name: must not be empty" in details and "units[0].office" in details
    assert snapshot(window.document.model) == before


def test_a_failed_save_says_why_and_stays_modified(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keep.orgmodel"
    save(small_model(), target)
    original = target.read_bytes()
    window.document.open(str(target))
    window.document.rename_unit("it", "Changed")
    monkeypatch.setattr("orgmodel.formats.native.os.replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    assert window.save() is False
    assert "No space left on device" in messages[0]
    assert window.document.is_modified and target.read_bytes() == original


def test_units_without_positions_are_arranged_without_overlap(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "plain.orgmodel"
    path.write_text(
        '{"format": "orgmodel", "version": 1, "units": ['
        + ",".join(f'{{"id": "u{i}", "name": "Unit {i}", "office": "{"back" if i % 2 else "front"}"}}' for i in range(12))
        + "]}",
        encoding="utf-8",
    )
    assert window.open_path(str(path), ask=False)
    rects = [card.sceneBoundingRect().adjusted(8, 8, -8, -8) for card in window.scene.cards.values()]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert not window.document.is_modified


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


def test_the_bundled_sample_opens_untitled_with_every_unit_drawn(qtbot) -> None:
    from conftest import SAMPLES

    w = MainWindow()
    qtbot.addWidget(w)
    w.open_sample(str(SAMPLES / "ornek_as.orgmodel"))
    assert w.windowTitle().startswith("Untitled") and not w.document.is_modified
    assert set(w.scene.cards) == set(load(SAMPLES / "ornek_as.orgmodel").unit_ids())


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


@pytest.mark.parametrize("kind", ["png", "svg", "pdf"])
def test_file_export_writes_the_diagram_and_keeps_the_canvas_as_it_was(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    target = tmp_path / f"picture.{kind}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(window, "run_export_dialog", lambda dialog: True)
    window.selection.set(["sales"])
    QApplication.processEvents()
    window.export_action.trigger()
    assert target.exists() and target.stat().st_size > 1000
    if kind == "png":  # written by ui.canvas.export.write_png: a picture any reader opens
        from PySide6.QtGui import QImage

        assert QImage(str(target)).width() > 100
    assert sorted(os.listdir(tmp_path)) == [target.name]  # no temporary left beside it
    assert "Exported picture" in window.statusBar().currentMessage()
    assert window.scene.cards["sales"].isSelected() and window.scene.cards["sales"].emphasis == Emphasis.FOCUS


def test_saving_over_a_file_changed_by_another_program_asks_first(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    import os
    import time

    path = tmp_path / "shared.orgmodel"
    save(small_model(), path)
    window.document.open(str(path))
    window.document.rename_unit("it", "Mine")
    theirs = small_model()
    theirs.update_unit("legal", name="Theirs")
    time.sleep(0.02)
    save(theirs, path)  # another program writes the file meanwhile
    os.utime(path, None)
    # A bound for a hang, not a speed target: on a loaded machine the watcher may take seconds.
    qtbot.waitUntil(lambda: "changed by another program" in window.statusBar().currentMessage(), timeout=30_000)
    answers = iter(["cancel", "reload"])
    monkeypatch.setattr(window, "ask_conflict", lambda: next(answers))
    assert window.save() is False and load(path).unit("legal").name == "Theirs"  # nothing overwritten
    assert window.save() is False  # reload
    assert window.document.model.unit("legal").name == "Theirs" and not window.document.is_modified
    window.document.rename_unit("it", "Mine again")
    monkeypatch.setattr(window, "ask_conflict", lambda: pytest.fail("no conflict: the file is as we read it"))
    assert window.save() is True and load(path).unit("it").name == "Mine again"
    from orgmodel.formats.native import loads

    backup = loads((tmp_path / "shared.orgmodel.bak").read_text(encoding="utf-8"))
    assert backup.unit("legal").name == "Theirs"  # the previous version is kept


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
