"""The main window: canvas, docks, documents and files, editing and the live analysis highlight.

Its menus (``menus``), import and export (``import_export``), safety questions
(``safety_prompts``), remembered size and docks (``window_state``), language, restart and
About (``program``), recent files and the progress of long work live beside it in ``ui.window``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QPointF, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox, QWidget
from typing_extensions import override

from orgmodel import lock
from orgmodel.analysis import highlight
from orgmodel.errors import ModelFileError, OrgModelError
from orgmodel.model import is_unclassified

from ui import i18n
from ui.canvas.adding import UnitAdder
from ui.canvas.background_routing import BACKGROUND_FROM
from ui.canvas.context_menus import CanvasMenus
from ui.canvas.legend import Legend
from ui.canvas.scene import OrgScene
from ui.canvas.view import OrgView
from ui.canvas.zoom import show_readably, zoom_text
from ui.dialogs.unit_chooser import choose_parent
from ui.docks.analysis_dock import AnalysisDock
from ui.docks.outline_dock import OutlineDock
from ui.docks.properties_dock import PropertiesDock
from ui.editing.autosave import Autosaver
from ui.editing.document import Document
from ui.editing.model_signals import ModelFollower
from ui.editing.selection import Selection
from ui.window import recent_files as recent
from ui.window.import_export import TransferMixin
from ui.window.menus import MenusMixin
from ui.window.program import ProgramMixin
from ui.window.progress import RoutingStatus, compute_with_progress
from ui.window.safety_prompts import SafetyMixin
from ui.window.simulation_mode import SimulationMixin
from ui.window.window_state import WindowStateMixin, app_icon


class MainWindow(MenusMixin, SimulationMixin, TransferMixin, SafetyMixin, WindowStateMixin, ProgramMixin, QMainWindow):
    """One window, one document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = Document(self)
        self.selection = Selection(self)
        self.scene = OrgScene(self.selection, self)
        self.scene.background_from = BACKGROUND_FROM  # a big model's lines: routed off this thread
        self.scene.lines.set_defer_searches(True)  # an edit's hard lines: routed just after it
        self.view = OrgView(self.scene, self)
        self.setCentralWidget(self._make_simulation())  # the what-if banner above the canvas
        self.legend = Legend(self.view, self.document)
        self.view.covers.append(self.legend)
        self.adder = UnitAdder(self.scene, self.view, self.document, self.selection)
        self.properties = PropertiesDock(self.document, self.selection, self)
        self.outline = OutlineDock(self.document, self.selection, self)
        self.analysis_dock = AnalysisDock(self.document, self.selection, self, self.simulation)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.properties)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.analysis_dock)
        # The canvas is the work: docks start narrow, the person widens them if wanted.
        self.resizeDocks([self.outline, self.properties], [210, 370], Qt.Orientation.Horizontal)
        self.resizeDocks([self.properties, self.analysis_dock], [430, 300], Qt.Orientation.Vertical)
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.routing_status = RoutingStatus(self.scene, self.statusBar())
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self._emphasis_timer = QTimer(self, singleShot=True, interval=0, timeout=self._update_emphasis)

        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.setWindowIcon(app_icon())
        self.canvas_menus = CanvasMenus(self.scene, self.view, self.document, self.selection, {
            "rename": self.rename_action, "delete": self.delete_action, "select_all": self.select_all_action, "fit": self.fit_action,
            "zoom_selection": self.zoom_selection_action,
        }, lambda unit_id: choose_parent(self.document.model, unit_id, self), self.simulation)  # a searchable list, not a 50,000-entry box
        self._make_find_actions()
        self._restore_window_state()

        # Autosave: to the recovery folder, never the person's file; after a pause in editing,
        # at most a minute after the first unsaved change, and right after bulk operations.
        self.autosaver = Autosaver()
        self._first_unsaved: float | None = None
        self._autosave_timer = QTimer(self, singleShot=True, interval=int(os.environ.get("ORGMODEL_AUTOSAVE_MS", "5000")))
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._autosave_watch = QTimer(self, interval=100, timeout=self._autosave_progress)
        self.recovered_windows: list[MainWindow] = []  # documents restored at start, each in its window
        # Bound methods, not lambdas: Qt drops them with the window, so a stack emptied while
        # the window is destroyed cannot call into a deleted object.
        self.document.undo_stack.indexChanged.connect(self._edited)
        self.document.undo_stack.cleanChanged.connect(self._edited)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed_on_disk)
        # Every slot on the document and its stack is a bound method of the window (never a
        # lambda, which Qt cannot tie to the window): the stack, a child, is destroyed after
        # the window and emits cleanChanged as it empties; a lambda would then call into a
        # deleted window (the crash dialog after Quit › Discard).
        self.document.pathChanged.connect(self._file_state_changed)
        self.document.undo_stack.cleanChanged.connect(self._file_state_changed)
        self.document.modelReplaced.connect(self._model_replaced)
        self.scene.moveRequested.connect(self._move_requested)
        self.scene.connectRequested.connect(self._connect_requested)
        self.scene.parentRequested.connect(self._parent_requested)
        self.scene.addUnitRequested.connect(self._add_unit_at)
        self.scene.renameRequested.connect(self.view.start_rename)
        self.scene.deleteRequested.connect(self.delete_selection)
        self.scene.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.view.renameCommitted.connect(self._rename_committed)
        self.view.zoomChanged.connect(self._zoom_changed)
        self.selection.changed.connect(self._emphasis_timer.start)
        ModelFollower(self.document, {"unitChanged": self._unit_changed}, self)
        self.selection.revealRequested.connect(self.view.reveal)
        self._model_replaced()

    def _make_find_actions(self) -> None:
        """F3 and Shift+F3, after Find Unit… in the Edit menu: the outline's next and
        previous match, from wherever the focus is."""
        find = self.outline.find
        self.find_next_action = self._action(self.tr("Find &Next"), lambda: find.find_next(True), QKeySequence(Qt.Key.Key_F3))
        self.find_previous_action = self._action(self.tr("Find Pre&vious"), lambda: find.find_next(False), QKeySequence("Shift+F3"))
        for menu in self.find_action.associatedObjects():
            if isinstance(menu, QMenu):
                menu.addActions([self.find_next_action, self.find_previous_action])

    # -- document life ---------------------------------------------------------------------

    def _model_replaced(self) -> None:
        self.selection.clear()
        self.scene.set_model(self.document.model, self.document.signals)
        self.document.analysis.add_change_callback(self._analysis_changed)
        self._update_title()
        QTimer.singleShot(0, self.view, self.view.show_opening)  # the view as context: dropped with it

    def _file_state_changed(self, *_: object) -> None:
        """The path or the saved state changed: watch the right file, say it in the title."""
        self._watch()
        self._update_title()

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
        # Taken now, atomically: of two editors opening the file at once, one is warned.
        owner = lock.claim(path)
        read_only = False
        if owner is not None:
            answer = self.ask_locked(path, i18n.localize(owner.describe()))
            if answer == "cancel":
                return False
            read_only = answer == "read-only"
        try:
            self.document.open(path)
        except ModelFileError as error:
            current = self.document.path
            if owner is None and (current is None or os.path.realpath(current) != os.path.realpath(path)):
                lock.release(path)  # taken for a file that did not open
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
        return recent.recent_files()

    def _remember_recent(self, path: str | None) -> None:
        recent.remember(path)

    def _fill_recent_menu(self) -> None:
        recent.fill_menu(self.recent_menu, self.open_path)

    def _last_folder(self) -> str:
        return recent.last_folder()

    # -- editing ---------------------------------------------------------------------------

    def _attempt(self, intent, *args) -> bool:
        """Run an intent; a refusal is shown in the status bar and changes nothing."""
        try:
            intent(*args)
        except OrgModelError as error:
            self.statusBar().showMessage(i18n.describe(error), 10000)
            return False
        return True

    def _move_requested(self, moves: dict) -> None:
        self._attempt(self.document.move_units, moves)

    def _connect_requested(self, source: str, target: str) -> None:
        self._attempt(self.document.add_dependency, source, target)

    def _parent_requested(self, child: str, parent: str) -> None:
        self._attempt(self.document.set_parent, child, parent)

    def _zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(zoom_text(zoom, self.locale()))

    def _rename_committed(self, unit_id: str, name: str) -> None:
        self._attempt(self.document.rename_unit, unit_id, name)

    def _add_unit_at(self, office: str, top_left: QPointF | None) -> None:
        self.adder.add(office, top_left)  # a free spot near top_left, the selection or the centre

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
        positions = compute_with_progress(self, lambda: self.document.layout_positions(style, only), self.tr("Laying out…"))
        if positions is None:
            self.statusBar().showMessage(self.tr("Layout cancelled; nothing moved"), 6000)
            return
        if self._attempt(self.document.apply_positions, style, positions):
            self.autosave_now()
        self.scene.update_bands()  # now, not after the event loop: fitting needs them
        self.scene.fit_scene_rect()  # the drawing may have grown or moved
        if only is None:  # the whole drawing if readable, else readable around the selection or top
            show_readably(self.view, style, self.selection.units())

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

    def _unit_changed(self, unit_id: str, fields: frozenset[str]) -> None:
        """The analysis message names the selected unit: a new name is said at once."""
        if "name" in fields and unit_id == self.selection.single_unit():
            self._emphasis_timer.start()

    def _update_emphasis(self) -> None:
        if self._show_simulation():  # a what-if running takes the highlight's place
            return
        uid = self.selection.single_unit()
        model, analysis = self.document.model, self.document.analysis
        if uid is None or uid not in model:
            self.scene.set_emphasis(None, None, None)
            self._show_analysis_message("")
            return
        unit = model.unit(uid)
        shown = highlight(model, analysis, uid)  # the same rule exports use
        if shown is None:
            self.scene.set_emphasis(None, None, None)
            text = (self.tr("%1 is not classified: choose its office in Properties, or Analysis › Classify Offices…")
                    if is_unclassified(unit) else self.tr("%1 is neither revenue-generating nor back office"))
            self._show_analysis_message(text.replace("%1", unit.name))
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
        counted = analysis.support(uid) if unit.is_revenue_generating else analysis.impact(uid)
        self.scene.set_emphasis(uid, *shown, counted)

    _analysis_message = ""

    def _show_analysis_message(self, text: str) -> None:
        """Say what the highlight shows, but only when that changed: a refresh after an
        unrelated edit must not hide the message about that edit."""
        if text != self._analysis_message:
            if text:
                self.statusBar().showMessage(text)
            elif self.statusBar().currentMessage() == self._analysis_message:
                self.statusBar().clearMessage()  # about a unit no longer selected (or there)
            self._analysis_message = text

    # -- window events ---------------------------------------------------------------------

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_window_state()
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
        self.legend.place()

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
