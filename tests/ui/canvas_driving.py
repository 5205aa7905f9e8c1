"""Driving the canvas as a person does, for the canvas tests: a window on a small company,
mouse events on the view's viewport, right clicks and the popup menus they open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QToolButton, QWidget

from orgmodel.model import OrgModel, Unit
from ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier
#: What the offscreen platform says when a menu or dialog pops up (it cannot raise windows
#: or grab the keyboard): its own notices, for ``pytest.mark.qt_log_ignore``.
OFFSCREEN_NOTICES = ("This plugin does not support raise", "This plugin does not support grabbing the keyboard")


def company() -> OrgModel:
    """Shop (front) → Pricing (middle) → IT (back) → Payroll (back); Ads (front) → IT; Audit
    (back) alone. In a row, 240 apart, but Ads one row lower (its line to IT crosses no other)."""
    model = OrgModel("Canvas Co")
    for i, (uid, name, office) in enumerate(
        [("shop", "Shop", "front"), ("ads", "Ads", "front"), ("pricing", "Pricing", "middle"),
         ("it", "IT", "back"), ("payroll", "Payroll", "back"), ("audit", "Audit", "back")]
    ):
        model.add_unit(Unit(uid, name, office, x=i * 240.0, y=300.0 if uid == "ads" else 0.0))
    for a, b in [("shop", "pricing"), ("pricing", "it"), ("it", "payroll"), ("ads", "it")]:
        model.add_dependency(a, b)
    return model


def open_window(qtbot, model: OrgModel | None = None, zoom: float | None = 0.6) -> MainWindow:
    window = MainWindow()
    window.document.replace_model(model if model is not None else company(), None)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    if zoom is not None:
        window.view.set_zoom(zoom)
        window.view.centerOn(window.scene.cards_bounding_rect().center())
    QApplication.processEvents()
    return window


def toolbar_button(window: MainWindow, action) -> QToolButton:
    """The main toolbar's button for ``action``, to click as a person does."""
    return window.findChild(QToolBar, "mainToolbar").widgetForAction(action)


def close_window(window: MainWindow) -> None:
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def viewport_at(window: MainWindow, scene_point: QPointF) -> QPoint:
    return window.view.mapFromScene(scene_point)


def card_centre(window: MainWindow, unit_id: str) -> QPoint:
    return window.view.mapFromScene(window.scene.cards[unit_id].sceneBoundingRect().center())


def send_mouse(window: MainWindow, kind: QEvent.Type, pos: QPoint, buttons, modifiers=NO_MOD, button=LEFT) -> None:
    viewport = window.view.viewport()
    event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(viewport, event)


def right_click(window: MainWindow, pos: QPoint, act: Callable[[QMenu], None]) -> None:
    """Press the right button at ``pos`` and, once the menu is up, ``act`` on it (then it
    closes if ``act`` did not trigger anything)."""
    seen: list[QMenu] = []
    tries = [0]

    def on_menu() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.append(menu)
            try:
                act(menu)
            finally:  # a failed check must not leave the menu waiting for a click
                if menu.isVisible():
                    menu.close()
        elif not seen and tries[0] < 300:
            # Fired before the menu was up (events processed during the press): look again,
            # rather than leave a menu open that nobody closes and the test waits on.
            tries[0] += 1
            QTimer.singleShot(10, on_menu)

    QTimer.singleShot(0, on_menu)
    viewport = window.view.viewport()
    send_mouse(window, QEvent.Type.MouseButtonPress, pos, Qt.MouseButton.RightButton, button=Qt.MouseButton.RightButton)
    send_mouse(window, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton, button=Qt.MouseButton.RightButton)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)))
    QApplication.processEvents()
    assert seen, "no menu opened"


def menu_texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def choose(menu: QMenu, *path: str) -> None:
    """Trigger the entry ``path`` (through submenus) by its text."""
    for i, text in enumerate(path):
        action = next(a for a in menu.actions() if a.text() == text)
        if i == len(path) - 1:
            action.trigger()
            menu.close()
        else:
            menu = action.menu()


def when_dialog(act: Callable[[QApplication], None], ready: Callable[[QWidget], bool] = lambda dialog: True) -> None:
    """Once a modal dialog is up and ``ready`` says so (e.g. its focus is where it goes:
    on a loaded machine the dialog can be found before its focus-in has been processed),
    ``act`` on it like a person would. If ``act`` fails, the dialog is rejected so that
    the test fails instead of waiting on a dialog nobody answers."""
    tries = [0]

    def on_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (not ready(dialog) and tries[0] < 300):
            tries[0] += 1
            QTimer.singleShot(10, on_dialog)
            return
        try:
            act(dialog)
        except BaseException:
            dialog.reject()
            raise

    QTimer.singleShot(0, on_dialog)
