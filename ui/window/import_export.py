"""File › Import… and File › Export…: the flows between the window and the formats.

A mixin of the main window (it uses the window's document, scene, selection and status
bar), kept apart so the window stays about documents, editing and the highlight.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from orgmodel.formats import import_choices, read_any, write_any
from orgmodel.errors import OrgModelError
from orgmodel.formats.atomic import AtomicFile, SaveError
from orgmodel.model import OrgModel
from orgmodel.formats.importing import ImportOptions, require_units
from orgmodel.formats.spreadsheet import (
    CSV_EXTENSIONS, XLSX_EXTENSIONS, ImportPlan, apply_plan, guess_mapping, plan_import, read_rows, workbook_sheets,
)

from ui import i18n
from ui.canvas.export import ExportError, default_title, export_scene, export_state, render_png, write_png
from ui.dialogs.classify_dialog import offer_after_import
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.import_dialog import MappingDialog, SourceOptionsDialog
from ui.dialogs.import_summary import ImportSummaryDialog
from ui.dialogs.sheet_dialog import SheetDialog
from ui.window.progress import compute_with_progress


class TransferMixin:
    """Import and export for :class:`ui.window.main_window.MainWindow`."""

    # -- export ------------------------------------------------------------------------------

    def export_dialog(self) -> None:
        """File › Export…: format from the file name, options in a dialog, then export."""
        folder = QSettings().value("export/folder", self._last_folder())
        stem = os.path.splitext(os.path.basename(self.document.path))[0] if self.document.path else ""
        base = os.path.join(str(folder), self.document.model.name or stem or self.tr("diagram"))
        filters = self.tr(
            "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;CSV spreadsheet (*.csv);;"
            "Excel workbook (*.xlsx);;GraphML for yEd and Gephi (*.graphml);;draw.io diagram (*.drawio)"
        )
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export"), base + ".png", filters)
        if not path:
            return
        kind = os.path.splitext(path)[1].lower().lstrip(".")
        if kind in ("csv", "xlsx", "graphml", "drawio"):
            self.export_data(path)
            return
        if kind not in ("png", "svg", "pdf"):
            kind = "pdf" if "pdf" in chosen else "svg" if "svg" in chosen else "png"
            path += "." + kind
        dialog = ExportDialog(self.scene, kind, bool(self.selection.units()), self.selection.single_unit() is not None, self)
        if not self.run_export_dialog(dialog):
            return
        dialog.remember()
        QSettings().setValue("export/folder", os.path.dirname(path))
        options = dialog.options(self.selection.units(), default_title(self.document.model.name, self.document.path))
        self.export_to(path, options, as_shown=dialog.as_shown.isChecked())

    def export_data(self, path: str) -> bool:
        """The model as a spreadsheet, GraphML or draw.io file (what each keeps: see
        ``orgmodel.formats``)."""
        try:
            write_any(self.document.model, path)
        except OrgModelError as error:
            QMessageBox.critical(self, self.tr("Cannot export"), i18n.describe(error))
            return False
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", os.path.basename(path)), 8000)
        return True

    # -- import ------------------------------------------------------------------------------

    def import_dialog(self) -> None:
        filters = self.tr(
            "Everything OrgModel reads (*.csv *.tsv *.txt *.xlsx *.graphml *.drawio *.xml *.archimate *.orgmodel *.json);;"
            "Spreadsheets (*.csv *.tsv *.txt *.xlsx);;GraphML (*.graphml);;draw.io (*.drawio *.xml);;"
            "ArchiMate (*.archimate *.xml);;OrgModel (*.orgmodel *.json)"
        )
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import"), self._last_folder(), filters)
        if path:
            self.import_path(path)

    def run_mapping_dialog(self, dialog) -> bool:
        """Show the column mapping (tests replace this)."""
        return dialog.exec() == dialog.DialogCode.Accepted

    def run_source_dialog(self, dialog) -> bool:
        """Ask for the draw.io page or the undirected edges (tests replace this)."""
        return dialog.exec() == dialog.DialogCode.Accepted

    def run_sheet_dialog(self, dialog) -> bool:
        """Ask which sheet of a workbook to import (tests replace this)."""
        return dialog.exec() == dialog.DialogCode.Accepted

    def run_summary_dialog(self, dialog) -> None:
        """Show what an import did and noticed (tests replace this)."""
        dialog.exec()

    def import_path(self, path: str) -> bool:
        """Spreadsheets go through the column mapping (with a preview), then a new model or
        a one-step merge; other formats (a draw.io page, undirected GraphML edges chosen
        first) open as a new untitled model. An import that brings no unit changes nothing;
        what the importer noticed and the rows it rejected are listed after it."""
        name = os.path.basename(path)
        sheet = None
        try:
            if path.lower().endswith(CSV_EXTENSIONS + XLSX_EXTENSIONS):
                if path.lower().endswith(XLSX_EXTENSIONS):
                    sheets, default = workbook_sheets(path)
                    if len(sheets) > 1:
                        dialog = SheetDialog(name, sheets, default, self)
                        if not self.run_sheet_dialog(dialog):
                            return self._import_cancelled()
                        sheet = dialog.chosen_sheet()
                imported = self._import_spreadsheet(path, name, sheet)
                if imported is None:
                    return False
                messages, merged_unclassified = imported
            else:
                merged_unclassified = None  # a new model: every unit was imported
                pages, undirected = import_choices(path)
                options = ImportOptions()
                if len(pages) > 1 or undirected:
                    choices = SourceOptionsDialog(name, pages, undirected, self)
                    if not self.run_source_dialog(choices):
                        return False
                    options = ImportOptions(page=choices.chosen_page() if len(pages) > 1 else None,
                                            undirected=choices.chosen_undirected())
                read = compute_with_progress(self, lambda: read_any(path, options), self._importing(name))
                if read is None:
                    return self._import_cancelled()
                model, messages = read
                if not self.maybe_keep_changes():
                    return False
                self.document.replace_model(model, None)
        except OrgModelError as error:
            QMessageBox.critical(self, self.tr("Cannot import"), i18n.describe(error))
            return False
        self.show_import_summary(name, messages, sheet)
        offer_after_import(self, self.document, merged_unclassified)  # units without an office: suggest them now?
        return True

    def _import_spreadsheet(self, path: str, name: str, sheet: str | None) -> tuple[list[str], list[str] | None] | None:
        """The column mapping, then the plan (in a worker) applied as a new model or a merge:
        the importer's messages, with what reading the file noticed (its encoding, cells
        that did not decode), and the ids of the units a merge added without an office (None
        for a new model); or None when the person cancelled."""
        notices: list[str] = []
        headers, rows = read_rows(path, sheet, notices)
        title = f"{name} ({sheet})" if sheet else name
        dialog = MappingDialog(title, headers, guess_mapping(headers), len(rows), len(self.document.model) > 0, self,
                               rows=rows[:5])
        if not self.run_mapping_dialog(dialog):
            return None
        into = self.document.model if dialog.choice == "merge" else None
        mapping = dialog.mapping()
        plan = compute_with_progress(self, lambda: plan_import(headers, rows, mapping, into), self._importing(name))
        if plan is None:
            self._import_cancelled()
            return None
        plan.notices[:0] = notices
        messages = plan.messages()
        if not (plan.added or plan.updated or plan.unchanged):
            require_units(path, OrgModel(), messages)
        if into is not None:
            self._merge(plan, name)
            return messages, plan.unclassified
        if not self.maybe_keep_changes():
            return None
        model = OrgModel(os.path.splitext(name)[0])
        apply_plan(model, plan)
        self.document.replace_model(model, None)
        return messages, None

    def _importing(self, name: str) -> str:
        return self.tr("Importing %1…").replace("%1", name)

    def _import_cancelled(self) -> bool:
        """Cancel of a long import or of a question before it: nothing is changed."""
        self.statusBar().showMessage(self.tr("Import cancelled; nothing changed"), 6000)
        return False

    def show_import_summary(self, name: str, messages: list[str], sheet: str | None = None) -> None:
        """The counts in the status bar; the counts and every notice in a dialog."""
        dialog = ImportSummaryDialog(name, [i18n.localize(message) for message in messages], sheet, self)
        self.statusBar().showMessage(dialog.headline.text(), 10000)
        self.run_summary_dialog(dialog)
        dialog.deleteLater()

    def _merge(self, plan: ImportPlan, name: str) -> None:
        """Apply a spreadsheet merge as one undo step (see ``Document.merge_import``)."""
        if self.document.merge_import(plan, self.tr("Import %1").replace("%1", name)):
            self.autosave_now()

    def run_export_dialog(self, dialog) -> bool:
        """Show the options (tests replace this)."""
        return dialog.exec() == dialog.DialogCode.Accepted

    def export_to(self, path: str, options, as_shown: bool = False) -> bool:
        """Export; a PNG is encoded in a worker with progress and Cancel (nothing written).
        Lines being routed are waited for: an export shows every line."""
        self.scene.finish_routing()
        if not as_shown:
            self.scene.set_emphasis(None, None, None)
        try:
            if path.lower().endswith(".png"):
                with export_state(self.scene, options):
                    image = render_png(self.scene, options)
                pending = AtomicFile(path)  # the previous file stays until the image is whole
                try:
                    saved = compute_with_progress(self, lambda: write_png(image, pending) or True, self.tr("Writing the image…"))
                    if not saved:
                        self.statusBar().showMessage(self.tr("Export cancelled; nothing written"), 6000)
                        return False
                    pending.commit()
                finally:
                    pending.discard()
            else:
                export_scene(self.scene, path, options)
        except (ExportError, SaveError, OSError) as error:
            QMessageBox.critical(self, self.tr("Cannot export"), i18n.describe(error))
            return False
        finally:
            if not as_shown:
                self._update_emphasis()
        notes = " ".join(options.notices)
        self.statusBar().showMessage((self.tr("Exported %1").replace("%1", os.path.basename(path)) + " " + notes).strip(), 10000)
        return True
