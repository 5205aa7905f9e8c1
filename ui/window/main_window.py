"""The main window: menus, toolbar, canvas, docks, files and the live analysis highlight."""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEventLoop, QFileSystemWatcher, QPointF, QProcess, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressDialog, QWidget
from typing_extensions import override

from orgmodel import __version__
from orgmodel.analysis import highlight
from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
from orgmodel.errors import ModelFileError, OrgModelError
from orgmodel.layout.placement import card_centred_at
from orgmodel.lock import current_owner as lock_owner

from ui import i18n, style
from ui.docks.analysis_dock import AnalysisDock
from ui.editing.document import Document
from ui.canvas.legend import Legend
from ui.docks.outline_dock import OutlineDock
from ui.docks.properties_dock import PropertiesDock
from ui.editing.autosave import Autosaver
from ui.window.safety_prompts import SafetyMixin
from ui.canvas.scene import OrgScene
from ui.editing.selection import Selection
from ui.window.import_export import TransferMixin
from ui.restart import restart_command
from ui.canvas.view import OrgView

MAX_RECENT = 8


class MainWindow(TransferMixin, SafetyMixin, QMainWindow):
    """One window, one document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = Document(self)
        self.selection = Selection(self)
        self.scene = OrgScene(self.selection, self)
        self.view = OrgView(self.scene, self)
        self.setCentralWidget(self.view)
        self.legend = Legend(self.view)
        self.properties = PropertiesDock(self.document, self.selection, self)
        self.outline = OutlineDock(self.document, self.selection, self)
        self.analysis_dock = AnalysisDock(self.document, self.selection, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.properties)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.analysis_dock)
        # The canvas is the work: docks start narrow, the person widens them if wanted.
        self.resizeDocks([self.outline, self.properties], [210, 370], Qt.Orientation.Horizontal)
        self.resizeDocks([self.properties, self.analysis_dock], [430, 300], Qt.Orientation.Vertical)
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self._emphasis_timer = QTimer(self, singleShot=True, interval=0, timeout=self._update_emphasis)

        self._make_actions()
        self._make_menus()
        self._make_toolbar()

        # Autosave: to the recovery folder, never the person's file; after a pause in editing,
        # at most a minute after the first unsaved change, and right after bulk operations.
        self.autosaver = Autosaver()
        self._first_unsaved: float | None = None
        self._autosave_timer = QTimer(self, singleShot=True, interval=int(os.environ.get("ORGMODEL_AUTOSAVE_MS", "5000")))
        self._autosave_timer.timeout.connect(self.autosave_now)
        # Bound methods, not lambdas: Qt drops them with the window, so a stack emptied while
        # the window is destroyed cannot call into a deleted object.
        self.document.undo_stack.indexChanged.connect(self._edited)
        self.document.undo_stack.cleanChanged.connect(self._edited)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed_on_disk)
        self.document.pathChanged.connect(lambda _: self._watch())
        self.document.undo_stack.cleanChanged.connect(lambda _: self._watch())
        self.document.modelReplaced.connect(self._model_replaced)
        self.document.pathChanged.connect(lambda _: self._update_title())
        self.document.undo_stack.cleanChanged.connect(lambda _: self._update_title())
        self.scene.moveRequested.connect(lambda moves: self._attempt(self.document.move_units, moves))
        self.scene.connectRequested.connect(lambda a, b: self._attempt(self.document.add_dependency, a, b))
        self.scene.parentRequested.connect(lambda a, b: self._attempt(self.document.set_parent, a, b))
        self.scene.addUnitRequested.connect(self._add_unit_at)
        self.scene.renameRequested.connect(self.view.start_rename)
        self.scene.deleteRequested.connect(self.delete_selection)
        self.scene.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.view.renameCommitted.connect(lambda uid, name: self._attempt(self.document.rename_unit, uid, name))
        self.view.zoomChanged.connect(lambda z: self.zoom_label.setText(self.tr("Zoom %1%").replace("%1", str(round(z * 100)))))
        self.selection.changed.connect(self._emphasis_timer.start)
        self.selection.revealRequested.connect(self.view.reveal)
        self._model_replaced()

    # -- actions and menus -----------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New"), self.new_document, S.New)
        self.open_action = self._action(self.tr("&Open…"), self.open_dialog, S.Open)
        self.save_action = self._action(self.tr("&Save"), self.save, S.Save)
        self.save_as_action = self._action(self.tr("Save &As…"), self.save_as, S.SaveAs)
        self.close_action = self._action(self.tr("&Close"), self.close_document, S.Close)
        self.export_action = self._action(self.tr("&Export…"), self.export_dialog, QKeySequence("Ctrl+E"))
        self.import_action = self._action(self.tr("&Import…"), self.import_dialog, QKeySequence("Ctrl+I"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, S.Quit)
        self.undo_action = self.document.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(S.Undo))
        self.redo_action = self.document.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence(S.Redo))
        self.delete_action = self._action(self.tr("&Delete"), self.delete_selection, S.Delete)
        self.rename_action = self._action(self.tr("Re&name"), self.rename_selected, QKeySequence(Qt.Key.Key_F2))
        self.select_all_action = self._action(self.tr("Select &All"), self.select_all, S.SelectAll)
        self.zoom_in_action = self._action(self.tr("Zoom &In"), self.view.zoom_in, QKeySequence("Ctrl+="))
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(S.ZoomIn)])
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), self.view.zoom_out, S.ZoomOut)
        self.fit_action = self._action(self.tr("&Fit to Content"), self.view.fit_to_content, QKeySequence("Ctrl+0"))
        self.find_action = self._action(self.tr("&Find Unit…"), self.outline.focus_filter, S.Find)
        # Whole sentences per office: word order and case endings differ between languages.
        add_texts = {
            "front": (self.tr("Add front-office unit"), self.tr("Add a front-office unit in the middle of the view")),
            "middle": (self.tr("Add middle-office unit"), self.tr("Add a middle-office unit in the middle of the view")),
            "back": (self.tr("Add back-office unit"), self.tr("Add a back-office unit in the middle of the view")),
        }
        self.add_actions = {
            office: self._action(text, lambda o=office: self._add_unit_at(o, None), tip=tip)
            for office, (text, tip) in add_texts.items()
        }
        for office, action in self.add_actions.items():
            action.setIcon(style.add_unit_icon(office))
            action.setIconText(style.office_title(office))
        self.connect_action = self._action(
            self.tr("&Dependency Between Selected Units"),
            self.connect_selected,
            QKeySequence("Ctrl+D"),
            tip=self.tr("The first selected unit depends on the second (or drag with Alt held)"),
        )
        self.report_action = self._action(
            self.tr("&Reporting Line Between Selected Units"),
            self.report_selected,
            QKeySequence("Ctrl+R"),
            tip=self.tr("The first selected unit reports to the second (or drag with Shift+Alt held)"),
        )
        self.orgchart_action = self._action(self.tr("&Org Chart"), lambda: self.apply_layout("orgchart"),
                                            tip=self.tr("Lay out the reporting lines as a tidy org chart"))
        self.bands_action = self._action(self.tr("Office &Bands"), lambda: self.apply_layout("bands"),
                                         tip=self.tr("Front, middle and back office in bands, ordered to reduce crossings"))
        self.relayout_action = self._action(self.tr("&Re-apply Last Layout"), lambda: self.apply_layout(self._last_layout),
                                            QKeySequence("Ctrl+L"))
        self.selection_only_action = QAction(self.tr("Layout &Selection Only"), self)
        self.selection_only_action.setCheckable(True)
        self._last_layout = "orgchart"
        self.clear_highlight_action = self._action(self.tr("&Clear Highlight"), self.selection.clear)
        self.about_action = self._action(self.tr("&About OrgModel"), self.about)
        self.language_actions = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            action = self.language_actions.addAction(name)  # each language named in itself
            action.setCheckable(True)
            action.setChecked(code == i18n.current_language())
            action.setData(code)
        self.language_actions.triggered.connect(lambda action: self.choose_language(action.data()))

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for action in (self.new_action, self.open_action):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        for action in (self.save_action, self.save_as_action, self.import_action, self.export_action, self.close_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action, None, self.rename_action, self.delete_action, self.select_all_action, None, self.find_action):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        for dock in (self.outline, self.properties, self.analysis_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self.language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_menu.addActions(self.language_actions.actions())
        insert_menu = bar.addMenu(self.tr("&Insert"))
        for action in self.add_actions.values():
            insert_menu.addAction(action)
        insert_menu.addSeparator()
        insert_menu.addAction(self.connect_action)
        insert_menu.addAction(self.report_action)
        layout_menu = bar.addMenu(self.tr("&Layout"))
        for action in (self.orgchart_action, self.bands_action, self.relayout_action, None, self.selection_only_action):
            layout_menu.addSeparator() if action is None else layout_menu.addAction(action)
        analysis_menu = bar.addMenu(self.tr("&Analysis"))
        analysis_menu.addAction(self.clear_highlight_action)
        analysis_menu.addAction(self.analysis_dock.toggleViewAction())
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _make_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.open_action, self.save_action, None, self.undo_action, self.redo_action, None):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        for action in self.add_actions.values():
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.orgchart_action, self.bands_action, None, self.zoom_out_action, self.zoom_in_action, self.fit_action):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)

    # -- document life ---------------------------------------------------------------------

    def _model_replaced(self) -> None:
        self.selection.clear()
        self.scene.set_model(self.document.model, self.document.signals)
        self.document.analysis.add_change_callback(self._analysis_changed)
        self._update_title()
        QTimer.singleShot(0, self.view.fit_to_content)

    def _update_title(self) -> None:
        marker = self.tr(" (read-only)") if self.document.read_only else ""
        self.setWindowTitle(f"{self.document.display_name}{marker}[*] — OrgModel")
        self.setWindowModified(self.document.is_modified)

    def ask_unsaved_changes(self) -> QMessageBox.StandardButton:
        """Save / Discard / Cancel for a modified document (tests replace this)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Save the changes to “%1” before closing it?").replace("%1", self.document.display_name))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    def maybe_keep_changes(self) -> bool:
        """True when it is fine to drop the current document."""
        if not self.document.is_modified:
            return True
        answer = self.ask_unsaved_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_document(self) -> None:
        if self.maybe_keep_changes():
            self.document.new()

    def close_document(self) -> None:
        self.new_document()

    def file_filter(self) -> str:
        return self.tr("OrgModel models (*.orgmodel);;JSON (*.json)")

    def open_dialog(self) -> None:
        if not self.maybe_keep_changes():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Model"), self._last_folder(), self.file_filter())
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        """Open a file; on failure show every problem and keep the current document."""
        if ask and not self.maybe_keep_changes():
            return False
        owner = lock_owner(path)
        read_only = False
        if owner is not None:
            answer = self.ask_locked(path, i18n.localize(owner.describe()))
            if answer == "cancel":
                return False
            read_only = answer == "read-only"
        try:
            self.document.open(path)
        except ModelFileError as error:
            self.show_problems(path, error)
            return False
        self.document.read_only = self.document.read_only or read_only
        self._remember_recent(self.document.path)
        self._update_title()
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", self.document.display_name), 4000)
        return True

    def open_sample(self, path: str) -> None:
        self.document.open_as_untitled(path)

    def show_problems(self, path: str, error: ModelFileError) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Cannot open model"))
        count = len(error.problems)
        box.setText(self.tr("“%1” cannot be opened: %Ln problem(s).", "", count).replace("%1", os.path.basename(path)))
        shown = [i18n.localize(problem.text()) for problem in error.problems[:15]]
        if count > 15:
            shown.append(self.tr("… and %Ln more (see details)", "", count - 15))
        box.setInformativeText("\n".join(shown))
        box.setDetailedText(i18n.describe(error))
        box.exec()

    def save(self) -> bool:
        if self.document.path is None or self.document.read_only:
            return self.save_as()
        if self.document.changed_on_disk():
            answer = self.ask_conflict()
            if answer == "save-as":
                return self.save_as()
            if answer == "reload":
                self.document.reload()
                self.statusBar().showMessage(self.tr("Reloaded %1 from disk").replace("%1", self.document.display_name), 6000)
                return False
            if answer != "overwrite":
                return False
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = self.document.path or os.path.join(self._last_folder(), (self.document.model.name or self.tr("Untitled")) + ".orgmodel")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Model As"), suggested, self.file_filter())
        if not path:
            return False
        if not os.path.splitext(path)[1]:
            path += ".orgmodel"
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        try:
            self.document.save(path)
        except OrgModelError as error:
            QMessageBox.critical(self, self.tr("Cannot save"), self.tr("The model was not saved; the file on disk is unchanged.\n\n%1").replace("%1", i18n.describe(error)))
            return False
        self._remember_recent(self.document.path)
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", self.document.display_name), 4000)
        return True

    # -- recent files ----------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = QSettings().value("recentFiles", [])
        files = [value] if isinstance(value, str) else list(value or [])
        return [f for f in files if isinstance(f, str)]

    def _remember_recent(self, path: str | None) -> None:
        if not path:
            return
        files = [path] + [f for f in self.recent_files() if f != path]
        QSettings().setValue("recentFiles", files[:MAX_RECENT])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for path in files:
            action = self.recent_menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not files:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _last_folder(self) -> str:
        files = self.recent_files()
        return os.path.dirname(files[0]) if files else os.path.expanduser("~")

    # -- editing ---------------------------------------------------------------------------

    def _attempt(self, intent, *args) -> bool:
        """Run an intent; a refusal is shown in the status bar and changes nothing."""
        try:
            intent(*args)
        except OrgModelError as error:
            self.statusBar().showMessage(i18n.describe(error), 10000)
            return False
        return True

    def _add_unit_at(self, office: str, top_left: QPointF | None) -> None:
        if top_left is None:
            center = self.view.mapToScene(self.view.viewport().rect().center())
            top_left = QPointF(*card_centred_at(center.x(), center.y(), CARD_WIDTH, CARD_HEIGHT))
        unit_id = self.document.add_unit(office, top_left.x(), top_left.y())
        self.selection.set([unit_id])
        self.view.start_rename(unit_id)

    def delete_selection(self) -> None:
        if self.view.is_renaming():
            return
        bulk = len(self.selection.units()) + len(self.selection.dependencies()) > 1
        if self._attempt(self.document.delete, self.selection.units(), self.selection.dependencies()) and bulk:
            self.autosave_now()

    def rename_selected(self) -> None:
        if self.selection.units():
            self.view.start_rename(self.selection.units()[0])

    def _two_selected(self) -> tuple[str, str] | None:
        units = self.selection.units()
        if len(units) != 2:
            self.statusBar().showMessage(self.tr("Select exactly two units: first the one that depends or reports, then the other"), 8000)
            return None
        return units[0], units[1]

    def connect_selected(self) -> None:
        pair = self._two_selected()
        if pair:
            self._attempt(self.document.add_dependency, *pair)

    def report_selected(self) -> None:
        pair = self._two_selected()
        if pair:
            self._attempt(self.document.set_parent, *pair)

    def apply_layout(self, style: str) -> None:
        """One undo step; with "selection only", the other units stay where they are."""
        self._last_layout = style
        only = self.selection.units() if self.selection_only_action.isChecked() else None
        if only is not None and not only:
            self.statusBar().showMessage(self.tr("Select the units to lay out (Layout › Layout Selection Only is on)"), 8000)
            return
        positions = self._compute_with_progress(lambda: self.document.layout_positions(style, only), self.tr("Laying out…"))
        if positions is None:
            self.statusBar().showMessage(self.tr("Layout cancelled; nothing moved"), 6000)
            return
        if self._attempt(self.document.apply_positions, style, positions):
            self.autosave_now()
        self.scene.update_bands()  # now, not after the event loop: fitting needs them
        self.scene.fit_scene_rect()  # the drawing may have grown or moved
        if only is None:
            self.view.fit_to_content()

    def _compute_with_progress(self, work, label: str):
        """Run ``work`` in a thread; after half a second show ``label`` and a busy bar with
        Cancel. Returns its result, or None when cancelled (the result is then dropped:
        nothing changes)."""
        result: list = []
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
            dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self)
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

    def select_all(self) -> None:
        self.selection.set(self.document.model.unit_ids())

    # -- the analysis highlight ------------------------------------------------------------

    def _analysis_changed(self, changed: set[str]) -> None:
        """After an edit changed the answers of ``changed`` units (called inside the edit:
        only start the timer). The highlight can have changed only if the selected unit is
        among them, or a unit the highlight shows is (the chains to a supporter gained or
        lost are those of a unit whose answer changed); an empty set says only the cycles
        changed, which can add a line to the chains shown."""
        uid = self.selection.single_unit()
        if uid is not None and (not changed or uid in changed or not changed.isdisjoint(self.scene.emphasized_units())):
            self._emphasis_timer.start()

    def _update_emphasis(self) -> None:
        uid = self.selection.single_unit()
        model, analysis = self.document.model, self.document.analysis
        if uid is None or uid not in model:
            self.scene.set_emphasis(None, None, None)
            self._analysis_message = ""
            return
        unit = model.unit(uid)
        shown = highlight(model, analysis, uid)  # the same rule exports use
        if shown is None:
            self.scene.set_emphasis(None, None, None)
            self._show_analysis_message(self.tr("%1 is neither revenue-generating nor back office").replace("%1", unit.name))
            return
        if unit.is_revenue_generating:
            self._show_analysis_message(
                self.tr("%1 is supported by %Ln back-office unit(s)", "", analysis.support_count(uid)).replace("%1", unit.name)
            )
        else:
            self._show_analysis_message(
                self.tr("%1 supports %Ln revenue-generating unit(s); revenue at risk: %2", "", analysis.impact_count(uid))
                .replace("%1", unit.name)
                .replace("%2", i18n.format_amount(analysis.revenue_at_risk(uid), 0, self.locale()))
            )
        self.scene.set_emphasis(uid, *shown)

    _analysis_message = ""

    def _show_analysis_message(self, text: str) -> None:
        """Say what the highlight shows, but only when that changed: a refresh after an
        unrelated edit must not hide the message about that edit."""
        if text != self._analysis_message:
            self._analysis_message = text
            self.statusBar().showMessage(text)

    # -- window events ---------------------------------------------------------------------

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_keep_changes():
            self.document.close()
            self.autosaver.remove()  # saved or knowingly discarded
            event.accept()
        else:
            event.ignore()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_legend()

    def _place_legend(self) -> None:
        self.legend.resize(self.legend.sizeHint())
        self.legend.move(12, self.view.height() - self.legend.height() - 12 - (self.view.horizontalScrollBar().height() if self.view.horizontalScrollBar().isVisible() else 0))

    @override
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._place_legend()

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.toLocalFile().lower().endswith((".orgmodel", ".json")) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            if path.lower().endswith((".orgmodel", ".json")):
                event.acceptProposedAction()
                QTimer.singleShot(0, lambda p=path: self.open_path(p))
                return

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
        for translate_with in (lambda text: self.tr(text), lambda text: chosen.translate("MainWindow", text) or text):
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

