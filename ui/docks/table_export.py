"""*Export table…* on the analysis pages: the table as shown, to a CSV or an Excel file.

The columns are the table's, headed in the interface's language; the rows are in the order
shown (the person's sorting and the office filter kept); numbers go out as numbers and
percentages as fractions (:mod:`orgmodel.formats.table_export` writes them). The Cost to
serve page adds its totals and where cost stays unallocated (:func:`cost_totals`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QPushButton, QTableView, QWidget

from orgmodel.analysis.cost import CostAllocation
from orgmodel.errors import OrgModelError
from orgmodel.formats.table_export import Table, write_tables

from ui import i18n, style
from ui.editing.document import Document
from ui.i18n import translate

#: The export kind of each kind of column the record tables show.
_EXPORT_KIND = {"text": "text", "office": "text", "amount": "amount", "percent": "fraction"}


def shown_table(view: QTableView, title: str) -> Table:
    """The rows of ``view`` (a sortable proxy over a ``RecordTable``) in the order shown,
    filtered rows left out: offices and reasons in the interface's language, numbers as the
    records hold them."""
    proxy = view.model()
    records = proxy.sourceModel()
    columns = list(zip(records.FIELDS, records.KINDS))
    rows = []
    for r in range(proxy.rowCount()):
        record = records.rows[proxy.mapToSource(proxy.index(r, 0)).row()]
        row = []
        for field, kind in columns:
            value = getattr(record, field)
            if kind == "office":  # None: "Not classified"
                value = style.office_title(value)
            elif value is not None and kind == "text":
                value = i18n.localize(value)
            row.append(value)
        rows.append(row)
    return Table(title, records.headers(), [_EXPORT_KIND[kind] for _, kind in columns], rows)


def cost_totals(allocation: CostAllocation, method: str) -> list[Table]:
    """The Cost to serve page's totals (the method, service cost, allocated, unallocated) and
    the service units whose cost stays unallocated, largest first, with why."""
    totals = Table(
        translate("TableExport", "Totals"),
        [translate("TableExport", "Total"), translate("TableExport", "Amount")],
        ["text", "amount"],
        [
            [translate("TableExport", "Method"), method],
            [translate("TableExport", "Service cost"), allocation.total_service_cost],
            [translate("TableExport", "Allocated"), allocation.allocated],
            [translate("TableExport", "Unallocated"), allocation.unallocated],
        ],
    )
    stopped = sorted((s for s in allocation.service_units if s.unallocated), key=lambda s: (-s.unallocated, s.name.casefold(), s.id))
    unallocated = Table(
        translate("TableExport", "Unallocated"),
        [translate("TableExport", "Service unit"), translate("TableExport", "Office"), translate("TableExport", "Own cost"),
         translate("TableExport", "Unallocated"), translate("TableExport", "Why")],
        ["text", "text", "amount", "amount", "text"],
        [[s.name, style.office_title(s.office), s.own_cost, s.unallocated, i18n.localize(s.reason) if s.reason else None] for s in stopped],
    )
    return [totals, unallocated]


def ask_and_write(parent: QWidget, suggested: str, tables: Sequence[Table]) -> str | None:
    """Ask where (a CSV or an Excel file: the extension decides; none, the chosen filter's)
    and write ``tables`` there. A failure is told in a message box naming the file and why;
    the old file stays as it was. Returns the path written, else ``None``."""
    folder = str(QSettings().value("export/folder", os.path.expanduser("~")))
    filters = translate("TableExport", "Excel workbook (*.xlsx);;CSV spreadsheet (*.csv)")
    title = translate("TableExport", "Export Table")
    path, chosen = QFileDialog.getSaveFileName(parent, title, os.path.join(folder, suggested + ".xlsx"), filters)
    if not path:
        return None
    if not os.path.splitext(path)[1]:
        path += ".csv" if "*.csv" in chosen else ".xlsx"
    failure: OrgModelError | None = None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # 10,000 rows of xlsx: about a second
    try:
        write_tables(path, tables)
    except OrgModelError as error:
        failure = error
    finally:
        QApplication.restoreOverrideCursor()
    if failure is not None:
        QMessageBox.critical(parent, translate("TableExport", "Cannot export"), i18n.describe(failure))
        return None
    QSettings().setValue("export/folder", os.path.dirname(path))
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(translate("TableExport", "Exported %1").replace("%1", os.path.basename(path)), 8000)
    return path


def file_stem(document: Document, title: str) -> str:
    """The suggested file name: the model's name (or its file's) and the page's title."""
    name = document.model.name or (os.path.splitext(os.path.basename(document.path))[0] if document.path else "")
    stem = f"{name} - {title}" if name else title
    return stem.translate(str.maketrans('/\\:*?"<>|', "_________"))


def export_button(parent: QWidget, document: Document, title: Callable[[], str], tables: Callable[[], Sequence[Table]]) -> QPushButton:
    """An *Export table…* button: ``tables()`` (made when clicked, so as shown then) written
    where the person says, the file named after ``document``'s model and ``title()``."""
    button = QPushButton(translate("TableExport", "Export Table…"))
    button.setToolTip(translate("TableExport", "Save this table as shown (sorted and filtered) as an Excel workbook or a CSV file"))
    button.clicked.connect(lambda: ask_and_write(parent, file_stem(document, title()), tables()))
    return button
