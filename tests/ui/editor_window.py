"""The editor window on a small company, for the editor tests: Sales and Web (front), Risk
(middle), IT, Finance, Legal (back), and points on its cards to drive with the mouse."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from canvas_driving import LEFT, NO_MOD, send_mouse
from orgmodel.model import OrgModel, Unit
from ui.window.main_window import MainWindow


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


def shown_editor(qtbot, model: OrgModel, zoom: float, centre: str) -> Iterator[MainWindow]:
    """A 1400 x 900 editor window on *model* at *zoom*, centred on the card *centre*; closed
    after the test without asking about unsaved changes."""
    w = MainWindow()
    w.document.replace_model(model, None)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.view.set_zoom(zoom)
    w.view.centerOn(w.scene.cards[centre])
    QApplication.processEvents()
    yield w
    # Not qtbot.addWidget: it closes widgets before this runs, and a modified document
    # would then wait for an answer to the unsaved-changes prompt.
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    yield from shown_editor(qtbot, small_model(), 0.6, "risk")


def at(window: MainWindow, unit_id: str, dx: float = 90, dy: float = 32) -> QPoint:
    """Viewport position of a point inside a unit's card (default: its centre)."""
    card = window.scene.cards[unit_id]
    return window.view.mapFromScene(card.scenePos() + QPointF(dx, dy))


def drag(window: MainWindow, start: QPoint, end: QPoint, modifiers=NO_MOD, steps: int = 6) -> None:
    send_mouse(window, QEvent.Type.MouseButtonPress, start, LEFT, modifiers)
    for i in range(1, steps + 1):
        p = start + (end - start) * i / steps
        send_mouse(window, QEvent.Type.MouseMove, QPoint(round(p.x()), round(p.y())), LEFT, modifiers, Qt.MouseButton.NoButton)
    send_mouse(window, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, modifiers)
    QApplication.processEvents()
