"""Connection handles say what they do (pointer and tooltip); the legend lists the custom
colours in use and can be hidden from the View menu, which is remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from canvas_driving import LEFT, OFFSCREEN_NOTICES, card_centre, close_window, open_window, send_mouse, viewport_at

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_NOTICES)


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    yield w
    close_window(w)


def _hover(window, pos: QPoint) -> None:
    send_mouse(window, QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton, button=Qt.MouseButton.NoButton)
    QApplication.processEvents()


def _tooltip_at(window, pos: QPoint) -> str:
    viewport = window.view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    return QToolTip.text()


def test_a_handle_changes_the_pointer_and_explains_itself(window) -> None:
    card = window.scene.cards["shop"]
    depends = viewport_at(window, card.scenePos() + card.connect_handle_center())
    reports = viewport_at(window, card.scenePos() + card.report_handle_center())
    middle = card_centre(window, "shop")
    _hover(window, middle)
    assert window.view.viewport().cursor().shape() != Qt.CursorShape.CrossCursor
    _hover(window, depends)
    assert window.view.viewport().cursor().shape() == Qt.CursorShape.CrossCursor
    assert "“Shop” depends on it" in _tooltip_at(window, depends)
    _hover(window, reports)
    assert window.view.viewport().cursor().shape() == Qt.CursorShape.CrossCursor
    assert "“Shop” reports to it" in _tooltip_at(window, reports)
    _hover(window, middle)
    assert window.view.viewport().cursor().shape() != Qt.CursorShape.CrossCursor
    assert "Shop" in _tooltip_at(window, middle) and "depends on it" not in QToolTip.text()


def test_the_legend_lists_custom_colours_as_they_change(window) -> None:
    legend = window.legend
    height = legend.height()
    window.document.update_unit("it", color="#8844aa")
    window.document.update_unit("payroll", color="#8844aa")
    window.document.update_unit("audit", color="#22aa22")
    QApplication.processEvents()
    assert legend.custom_rows() == [("#8844aa", "IT, Payroll"), ("#22aa22", "Audit")]
    assert legend.height() > height  # two more rows, still in the corner
    assert legend.geometry().bottom() < window.view.height() and legend.x() == 12
    window.document.undo_stack.undo()
    window.document.rename_unit("it", "Infrastructure")
    QApplication.processEvents()
    assert legend.custom_rows() == [("#8844aa", "Infrastructure, Payroll")]
    window.document.delete(["payroll", "it"])
    QApplication.processEvents()
    assert legend.custom_rows() == []


def test_the_legend_can_be_hidden_and_stays_hidden(window, qtbot) -> None:
    assert window.legend.isVisible() and window.legend_action.isChecked()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.legend_action in view_menu.actions()
    window.legend_action.trigger()
    assert not window.legend.isVisible()
    assert QSettings().value("view/legend") in (False, "false")
    second = open_window(qtbot)
    try:
        assert not second.legend.isVisible() and not second.legend_action.isChecked()
    finally:
        close_window(second)


def test_alternatives_are_labelled_on_their_lines_and_explained_in_the_legend(window) -> None:
    legend, lines, doc = window.legend, window.scene.dependencies, window.document
    key = next(k for k in lines.keys() if doc.model.dependency(*k).label is None and doc.model.dependency(*k).weight is None)
    height = legend.height()
    assert lines.label(key) is None and not legend.alternatives
    doc.update_dependency(*key, group="IT site")
    QApplication.processEvents()
    assert lines.label(key)[0] == "OR: IT site"
    assert legend.alternatives and legend.height() > height
    doc.undo_stack.undo()
    QApplication.processEvents()
    assert lines.label(key) is None
    assert not legend.alternatives and legend.height() == height
