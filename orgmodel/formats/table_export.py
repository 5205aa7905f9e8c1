"""A table as the person sees it, written to a CSV or an xlsx file.

The editor's analysis pages hand over their columns (headers in the interface's language),
their rows in the order shown, and what kind each column holds; this module knows nothing of
where they come from. The file's extension decides the format:

* **.xlsx**: one sheet per table, bold headers, numbers as numeric cells with a number format
  (amounts grouped, fractions as percentages: the cell holds 0.35 and shows 35.0%), text
  always as text (never run as a formula).
* **.csv**: as the model's spreadsheet export writes it (UTF-8 with a BOM so that Excel reads
  Turkish letters right, commas, CRLF): numbers machine-readable with a ``.`` decimal point and
  no grouping, fractions as fractions (0.35), text that a spreadsheet would run as a formula
  with a leading apostrophe. Further tables follow the first after an empty line, each with
  its own header row.

Everything is made in memory and written atomically (:func:`orgmodel.formats.atomic.write_file`):
on any failure the previous file is untouched and :class:`~orgmodel.formats.atomic.SaveError`
names the file.

>>> table = Table("Units", ("Name", "Cost", "Potential"), ("text", "amount", "fraction"),
...               [("Payroll", 1250.5, 0.35), ("=cmd", None, None)])
>>> csv_bytes([table]).decode("utf-8-sig").splitlines()
['Name,Cost,Potential', 'Payroll,1250.5,0.35', "'=cmd,,"]
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass

from orgmodel.formats.atomic import SaveError, write_file
from orgmodel.formats.spreadsheet.values import number_text
from orgmodel.formats.spreadsheet.write import neutralise, workbook_bytes
from orgmodel.i18n import tr

#: What a column holds: text, an amount of money, a fraction (0–1, shown as a percentage),
#: a count (a rank, a number of units).
KINDS = ("text", "amount", "fraction", "count")
#: The xlsx number format of each kind of number (the amounts as the editor shows them;
#: the cell keeps the cents).
NUMBER_FORMATS = {"amount": "#,##0", "fraction": "0.0%", "count": "0"}
EXTENSIONS = (".csv", ".xlsx")

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """One table: its ``title`` (the sheet's name in a workbook), ``headers``, the ``kinds``
    of its columns (:data:`KINDS`) and its ``rows`` (a number in a text column, or text in a
    number column, is written as what it is)."""

    title: str
    headers: Sequence[str]
    kinds: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def _is_number(value: Cell) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def csv_bytes(tables: Sequence[Table]) -> bytes:
    """``tables`` one after another (an empty line between two), UTF-8 with BOM."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for i, table in enumerate(tables):
        if i:
            writer.writerow([])
        writer.writerow([neutralise(h) for h in table.headers])
        for row in table.rows:
            writer.writerow(["" if v is None else number_text(v) if _is_number(v) else neutralise(str(v)) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def sheet_title(title: str, taken: set[str]) -> str:
    """``title`` as Excel allows a sheet name (31 characters, none of ``[]:*?/\\``), unique
    among ``taken`` (case-insensitively), which it joins.

    >>> taken = set(); sheet_title("Cost: to serve", taken), sheet_title("cost_ to serve", taken)
    ('Cost_ to serve', 'cost_ to serve 2')
    """
    base = title.translate(str.maketrans("[]:*?/\\", "_______")).strip("' ")[:31] or "Sheet"
    name, number = base, 1
    while name.casefold() in taken:
        number += 1
        suffix = f" {number}"
        name = base[: 31 - len(suffix)] + suffix
    taken.add(name.casefold())
    return name


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    """One sheet per table: bold headers frozen at the top, numbers as numbers with the
    number format of their column's kind, text as text."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(sheet_title(table.title, taken))
        widths = [len(h) for h in table.headers]
        for column, header in enumerate(table.headers, start=1):
            cell = sheet.cell(row=1, column=column, value=ILLEGAL_CHARACTERS_RE.sub("", header))
            cell.data_type, cell.font = "s", bold
        for number, row in enumerate(table.rows, start=2):
            for column, (value, kind) in enumerate(zip(row, table.kinds), start=1):
                if value is None or value == "":
                    continue
                if _is_number(value):
                    cell = sheet.cell(row=number, column=column, value=value)
                    cell.number_format = NUMBER_FORMATS.get(kind, "General")
                    widths[column - 1] = max(widths[column - 1], len(f"{value:,.0f}") + 2)
                else:
                    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
                    cell = sheet.cell(row=number, column=column, value=text)
                    cell.data_type = "s"  # never a formula
                    widths[column - 1] = max(widths[column - 1], len(text))
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = min(60, width + 2)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_bytes(path: str | os.PathLike[str], tables: Sequence[Table]) -> bytes:
    """The bytes of ``tables`` in the format of ``path``'s extension; :class:`SaveError`
    naming the file for any other extension."""
    extension = os.path.splitext(os.fspath(path))[1].lower()
    if extension == ".csv":
        return csv_bytes(tables)
    if extension == ".xlsx":
        return workbook_bytes(path, lambda: xlsx_bytes(tables))
    raise SaveError(tr("cannot save {file}: a table is saved as {extensions}", file=os.fspath(path), extensions=", ".join(EXTENSIONS)))


def write_tables(path: str | os.PathLike[str], tables: Sequence[Table]) -> None:
    """Write ``tables`` to ``path`` (CSV or xlsx by its extension), atomically; on any
    failure :class:`SaveError` names the file and the previous file is untouched."""
    write_file(path, table_bytes(path, tables))
