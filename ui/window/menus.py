"""The window's actions, menus and toolbar: what each command is called, its keys and tip.

A mixin of :class:`ui.window.main_window.MainWindow` (it uses the window's document, view,
selection and docks, and connects to the window's commands), kept apart so the window stays
about documents, editing and the highlight. Strings keep the "MainWindow" context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from ui.dialogs.shortcuts import ShortcutsDialog, shortcut_rows
from ui.dialogs.classify_dialog import open_classify_dialog

from ui import i18n, style
from ui.canvas.zoom import zoom_to_selection
from ui.i18n import translate


class MenusMixin:
    """Actions, menus and the toolbar of the main window."""

    def _action(self, text: str, slot: Callable[[], object], shortcut: object = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def _toggle(self, text: str, key: str, apply: Callable[[bool], object], tip: str = "") -> QAction:
        """A View menu switch, on unless the settings remember it off; ``apply`` hears
        its state now and at each change, and the settings remember it."""
        action = QAction(text, self)
        action.setCheckable(True)
        action.setChecked(QSettings().value(key, True) not in (False, "false"))
        if tip:
            action.setStatusTip(tip)
        action.toggled.connect(lambda on: (QSettings().setValue(key, on), apply(on)))
        apply(action.isChecked())
        return action

    def _make_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.new_action = self._action(translate("MainWindow", "&New"), self.new_document, S.New)
        self.open_action = self._action(translate("MainWindow", "&Open…"), self.open_dialog, S.Open)
        self.save_action = self._action(translate("MainWindow", "&Save"), self.save, S.Save)
        self.save_as_action = self._action(translate("MainWindow", "Save &As…"), self.save_as, S.SaveAs)
        self.close_action = self._action(translate("MainWindow", "&Close"), self.close_document, S.Close)
        self.export_action = self._action(translate("MainWindow", "&Export…"), self.export_dialog, QKeySequence("Ctrl+E"))
        self.import_action = self._action(translate("MainWindow", "&Import…"), self.import_dialog, QKeySequence("Ctrl+I"))
        self.quit_action = self._action(translate("MainWindow", "&Quit"), self.close, S.Quit)
        self.undo_action = self.document.undo_stack.createUndoAction(self, translate("MainWindow", "&Undo"))
        self.undo_action.setShortcut(QKeySequence(S.Undo))
        self.redo_action = self.document.undo_stack.createRedoAction(self, translate("MainWindow", "&Redo"))
        self.redo_action.setShortcut(QKeySequence(S.Redo))
        # The menus say what would be undone; the toolbar buttons keep one short word (the
        # whole text is their tooltip), so they neither change width nor move the others.
        self.undo_action.setIconText(translate("MainWindow", "Undo"))
        self.redo_action.setIconText(translate("MainWindow", "Redo"))
        self.model_properties_action = self._action(translate("MainWindow", "&Model Properties…"), self.show_model_properties,
                                                    tip=translate("MainWindow", "The model's name (used in exports) and description"))
        self.delete_action = self._action(translate("MainWindow", "&Delete"), self.delete_selection, S.Delete)
        self.rename_action = self._action(translate("MainWindow", "Re&name"), self.rename_selected, QKeySequence(Qt.Key.Key_F2))
        self.select_all_action = self._action(translate("MainWindow", "Select &All"), self.select_all, S.SelectAll)
        self.zoom_in_action = self._action(translate("MainWindow", "Zoom &In"), self.view.zoom_in, QKeySequence("Ctrl+="))
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(S.ZoomIn)])
        self.zoom_out_action = self._action(translate("MainWindow", "Zoom &Out"), self.view.zoom_out, S.ZoomOut)
        self.fit_action = self._action(translate("MainWindow", "&Fit to Content"), self.view.fit_to_content, QKeySequence("Ctrl+0"))
        self.zoom_selection_action = self._action(
            translate("MainWindow", "Zoom to &Selection"), self.zoom_to_selection, QKeySequence(Qt.Key.Key_F),
            tip=translate("MainWindow", "Show the selected units (or the ends of the selected line) as large as fits"),
        )
        self.highlight_action = self._toggle(
            translate("MainWindow", "&Highlight Support"), "view/highlight", self.scene.highlight.set_enabled,
            tip=translate("MainWindow", "Show the chains between the selected unit and the units it counts, fading the rest"),
        )
        self.legend_action = self._toggle(translate("MainWindow", "Show Le&gend"), "view/legend", self.legend.setVisible)
        self.find_action = self._action(translate("MainWindow", "&Find Unit…"), self.outline.focus_filter, S.Find)
        # Whole sentences per office: word order and case endings differ between languages.
        add_texts = {
            "front": (translate("MainWindow", "Add front-office unit"), translate("MainWindow", "Add a front-office unit in the middle of the view")),
            "middle": (translate("MainWindow", "Add middle-office unit"), translate("MainWindow", "Add a middle-office unit in the middle of the view")),
            "back": (translate("MainWindow", "Add back-office unit"), translate("MainWindow", "Add a back-office unit in the middle of the view")),
        }
        # Ctrl+Shift and the office's English initial: free in Qt's standard keys and here.
        add_keys = {"front": "Ctrl+Shift+F", "middle": "Ctrl+Shift+M", "back": "Ctrl+Shift+B"}
        self.add_actions = {
            office: self._action(text, lambda o=office: self._add_unit_at(o, None), QKeySequence(add_keys[office]), tip=tip)
            for office, (text, tip) in add_texts.items()
        }
        for office, action in self.add_actions.items():
            action.setIcon(style.add_unit_icon(office))
            action.setIconText(style.office_title(office))
        self.connect_action = self._action(
            translate("MainWindow", "&Dependency Between Selected Units"),
            self.connect_selected,
            QKeySequence("Ctrl+D"),
            tip=translate("MainWindow", "The first selected unit depends on the second (or drag with Alt held)"),
        )
        self.report_action = self._action(
            translate("MainWindow", "&Reporting Line Between Selected Units"),
            self.report_selected,
            QKeySequence("Ctrl+R"),
            tip=translate("MainWindow", "The first selected unit reports to the second (or drag with Shift+Alt held)"),
        )
        self.orgchart_action = self._action(translate("MainWindow", "&Org Chart"), lambda: self.apply_layout("orgchart"),
                                            tip=translate("MainWindow", "Lay out the reporting lines as a tidy org chart"))
        self.bands_action = self._action(translate("MainWindow", "Office &Bands"), lambda: self.apply_layout("bands"),
                                         tip=translate("MainWindow", "Front, middle and back office in bands, ordered to reduce crossings"))
        self.relayout_action = self._action(translate("MainWindow", "&Re-apply Last Layout"), lambda: self.apply_layout(self._last_layout),
                                            QKeySequence("Ctrl+L"))
        self.selection_only_action = QAction(translate("MainWindow", "Layout &Selection Only"), self)
        self.selection_only_action.setCheckable(True)
        self._last_layout = "orgchart"
        self.clear_highlight_action = self._action(translate("MainWindow", "&Clear Highlight"), self.selection.clear)
        self.classify_action = self._action(translate("MainWindow", "Classify &Offices…"), self.classify_offices,
                                            tip=translate("MainWindow", "Suggest an office for each unit from its name, with the reason"))
        self.about_action = self._action(translate("MainWindow", "&About OrgModel"), self.about)
        self.shortcuts_action = self._action(translate("MainWindow", "&Keyboard Shortcuts"), self.show_shortcuts)
        self.language_actions = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            action = self.language_actions.addAction(name)  # each language named in itself
            action.setCheckable(True)
            action.setChecked(code == i18n.current_language())
            action.setData(code)
        self.language_actions.triggered.connect(lambda action: self.choose_language(action.data()))

    def classify_offices(self) -> None:
        """Analysis › Classify Offices…: the suggestions, applied as one undo step."""
        dialog = open_classify_dialog(self, self.document)
        if dialog is not None:
            dialog.exec()

    def zoom_to_selection(self) -> None:
        """View › Zoom to Selection: the selected units, or the ends of the selected lines."""
        units = self.selection.units() or [uid for key in self.selection.dependencies() for uid in key]
        if not zoom_to_selection(self.view, units):
            self.statusBar().showMessage(translate("MainWindow", "Select the units to zoom to"), 6000)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        for action in (self.new_action, self.open_action):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        for action in (self.save_action, self.save_as_action, self.import_action, self.export_action, self.model_properties_action, self.close_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        for action in (self.undo_action, self.redo_action, None, self.rename_action, self.delete_action, self.select_all_action, None, self.find_action):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action, self.zoom_selection_action, None, self.highlight_action, self.legend_action):
            view_menu.addSeparator() if action is None else view_menu.addAction(action)
        view_menu.addSeparator()
        for dock in (self.outline, self.properties, self.analysis_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self.language_menu = view_menu.addMenu(translate("MainWindow", "&Language"))
        self.language_menu.addActions(self.language_actions.actions())
        insert_menu = bar.addMenu(translate("MainWindow", "&Insert"))
        for action in self.add_actions.values():
            insert_menu.addAction(action)
        insert_menu.addSeparator()
        insert_menu.addAction(self.connect_action)
        insert_menu.addAction(self.report_action)
        layout_menu = bar.addMenu(translate("MainWindow", "&Layout"))
        for action in (self.orgchart_action, self.bands_action, self.relayout_action, None, self.selection_only_action):
            layout_menu.addSeparator() if action is None else layout_menu.addAction(action)
        analysis_menu = bar.addMenu(translate("MainWindow", "&Analysis"))
        analysis_menu.addAction(self.clear_highlight_action)
        analysis_menu.addAction(self.analysis_dock.toggleViewAction())
        analysis_menu.addAction(self.classify_action)
        analysis_menu.addSeparator()
        analysis_menu.addAction(self.simulate_action)
        analysis_menu.addAction(self.end_simulation_action)
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _make_toolbar(self) -> None:
        toolbar = self.addToolBar(translate("MainWindow", "Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.open_action, self.save_action, None, self.undo_action, self.redo_action, None):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        for action in self.add_actions.values():
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.orgchart_action, self.bands_action, None, self.zoom_out_action, self.zoom_in_action, self.fit_action):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)

    def show_shortcuts(self) -> None:
        """Help › Keyboard Shortcuts, read from the actions themselves."""
        rows = shortcut_rows(self.menuBar(), self.actions())
        dialog = ShortcutsDialog(rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.show()

    def show_model_properties(self) -> None:
        """File › Model Properties…: the model's fields are in the properties panel when
        nothing is selected."""
        self.selection.clear()
        self.properties.show()
        self.properties.raise_()
        self.properties.schedule_refresh()
        QTimer.singleShot(0, self.properties.model_page.focus_name)
