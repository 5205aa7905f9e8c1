"""Long work off the interface thread, with a busy bar and Cancel when it takes a while.

Layouts of 10,000 units and large PNG exports run here: the window stays responsive, and
Cancel drops the result so nothing changes. The routing of a big model's lines, also off
the interface thread, is said in the status bar while it lasts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QStatusBar, QWidget

from ui.i18n import translate

if TYPE_CHECKING:
    from ui.canvas.scene import OrgScene

T = TypeVar("T")


def compute_with_progress(parent: QWidget, work: Callable[[], T], label: str) -> T | None:
    """Run ``work`` in a thread; after half a second show ``label`` and a busy bar with
    Cancel. Returns its result, or None when cancelled (the result is then dropped:
    nothing changes)."""
    result: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as error:  # handed back to this thread below
            failure.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(0.05)
    if worker.is_alive():
        dialog = QProgressDialog(label, translate("MainWindow", "Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        while worker.is_alive():
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
            if dialog.wasCanceled():
                dialog.close()
                return None
            worker.join(0.02)
        dialog.close()
    if failure:
        raise failure[0]
    return result[0]


class RoutingStatus(QObject):
    """Says in the status bar, for as long as it lasts, that a big model's dependency lines
    are being routed (they are not drawn meanwhile: see ``ui.canvas.background_routing``)."""

    def __init__(self, scene: OrgScene, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self._status_bar = status_bar
        self._text = self.tr("Routing the dependency lines…")
        scene.background.routingChanged.connect(self._routing_changed)

    def _routing_changed(self, routing: bool) -> None:
        if routing:
            self._status_bar.showMessage(self._text)
        elif self._status_bar.currentMessage() == self._text:
            self._status_bar.clearMessage()
