"""Start the editor: ``orgmodel [FILE]``."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from orgmodel.cli import sample_path
from orgmodel.formats.native import load
from orgmodel.model import OrgModel

from ui import i18n

APP_NAME = "OrgModel"


def make_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The application object, speaking ``language`` (by default the one the person chose,
    or the system's; see ``ui.i18n``)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    i18n.install(language or i18n.startup_language())
    return app  # type: ignore[return-value]


def run(model: OrgModel | None, path: str | None) -> int:
    """Show ``model`` (read from ``path``, or a new untitled document when ``path`` is None)
    and run until the window closes. No model: the bundled sample of the interface's
    language, as a new untitled document."""
    app = make_application()
    if model is None:
        model = load(sample_path(i18n.current_language()))
    return show(app, model, path)


def show(app: QApplication, model: OrgModel, path: str | None) -> int:
    from ui import crash
    from ui.window.main_window import MainWindow

    window = MainWindow()
    crash.install(autosave=window.autosave_now)
    window.document.replace_model(model, path)
    window.show()
    window.offer_recovery()
    return app.exec()
