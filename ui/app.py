"""Start the editor: ``orgmodel [FILE]``."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from orgmodel.model import OrgModel

APP_NAME = "OrgModel"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    return app  # type: ignore[return-value]


def run(model: OrgModel, path: str | None) -> int:
    """Show ``model`` (read from ``path``, or a new untitled document when ``path`` is None)
    and run until the window closes."""
    app = make_application()
    from . import crash
    from .mainwindow import MainWindow

    window = MainWindow()
    crash.install(autosave=window.autosave_now)
    window.document.replace_model(model, path)
    window.show()
    window.offer_recovery()
    return app.exec()
