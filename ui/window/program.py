"""The program itself, from the window: its language (remembered, with a restart offered),
starting it again on the same file, and About. A mixin of
:class:`ui.window.main_window.MainWindow`; the restart notice keeps the window's translation
context, which the chosen language's catalogue is asked in.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QProcess
from PySide6.QtWidgets import QMessageBox

from orgmodel import __version__

from ui import i18n
from ui.restart import restart_command


class ProgramMixin:
    """View › Language, the restart it offers, and Help › About."""

    def choose_language(self, code: str) -> None:
        """View › Language: remember ``code``; the interface speaks it from the next start,
        or at once when the person restarts OrgModel from the notice."""
        i18n.choose_language(code)
        if code != i18n.current_language() and self.ask_restart_for_language(code):
            self.restart()

    def ask_restart_for_language(self, code: str) -> bool:
        """True for "Restart Now" (tests replace this). The notice is given in the current
        language and in the chosen one: who picks Türkçe may not read English."""
        notices = [
            QT_TRANSLATE_NOOP("MainWindow", "OrgModel will use %1 the next time you start it."),
            QT_TRANSLATE_NOOP("MainWindow", "Restart now? The open model is reopened; you are asked about unsaved changes first."),
        ]
        chosen = i18n.translator_for(code)
        name = i18n.LANGUAGES[code]
        paragraphs = []
        for translate_with in (lambda text: QCoreApplication.translate("MainWindow", text), lambda text: chosen.translate("MainWindow", text) or text):
            paragraph = " ".join(translate_with(text) for text in notices).replace("%1", name)
            if paragraph not in paragraphs:
                paragraphs.append(paragraph)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(name)
        box.setText("\n\n".join(paragraphs))
        restart = box.addButton(self.tr("Restart Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        box.exec()
        return box.clickedButton() is restart

    def restart(self) -> bool:
        """Close this window (asking about unsaved changes, releasing the file) and start
        OrgModel again on the same file; False when the person kept the window open."""
        path = self.document.path
        if not self.close():
            return False
        program, arguments = restart_command(path)
        started = QProcess.startDetached(program, arguments)
        if not (started[0] if isinstance(started, tuple) else started):
            QMessageBox.critical(None, "OrgModel", self.tr("OrgModel could not start again; please start it yourself."))
            return False
        return True

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About OrgModel"),
            self.tr("<b>OrgModel %1</b><p>Model your organisation: front, middle and back office, reporting lines and "
                    "dependencies, and see which back-office functions support each revenue-generating unit.</p>").replace("%1", __version__),
        )

