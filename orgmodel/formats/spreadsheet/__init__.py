"""Units to and from spreadsheets (CSV and Excel ``.xlsx``): one row per unit.

The package: :mod:`.columns` (headers → fields), :mod:`.values` (one cell's value),
:mod:`.read` (the rows of a file), :mod:`.plan` (what an import changes, and applying it),
:mod:`.write` (a model as CSV or ``.xlsx``). Every name is importable from here.

Reading is *read → plan → apply*: :func:`read_rows` gives the header and the cells as text,
:func:`guess_mapping` finds the columns (English or Turkish headers), :func:`plan_import`
works out what would change without changing anything (every bad row is rejected with its
row number and column, never aborting the rest), and :func:`apply_plan` makes the changes
through the model's public API. :func:`import_model` does all of it for a new model.

Columns (:data:`FIELDS`): id, name, office, revenue_generating, reports_to, depends_on,
headcount, cost, revenue, automation_potential, automation_ease, tags, notes.

What a spreadsheet keeps: every unit's id, name, office, revenue-generating flag,
headcount, cost, revenue, automation potential and ease (written as shares, 0.4), tags (joined
with "; "), notes, its reporting line (parent id) and the units it depends on (ids joined
with "; "). What it drops: positions (x, y), colours, unknown ``extra`` keys of units and of
the model, dependency weights and labels, the model name (an import names the model after
the file), and the file order of dependencies (they come back grouped by unit). Text that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with a leading
apostrophe so that spreadsheet programs do not run it as a formula; it reads back *with*
the apostrophe. Names, ids and tags lose surrounding spaces; a tag cannot contain ";".

Numbers: "1234", "1234.5", "1.234.567,89", "1,234,567.89" and "1,5" (decimal comma) are
read; a single "." is a decimal point and a single "," a decimal comma, so "1.234" is one
point two three four (for a headcount that is refused as not a whole number). Automation
potential and ease are shares between 0 and 1, or percentages written with "%" ("40%").

>>> guess_mapping(["Birim Adı", "OFİS", "Bağlı olduğu", "Extra", "Çalışan sayısı"])
{'name': 0, 'office': 1, 'reports_to': 2, 'headcount': 4}
>>> parse_number("1.234.567,89"), parse_number("1,234,567.89"), parse_number("12%")
(1234567.89, 1234567.89, 0.12)
"""

from __future__ import annotations

from orgmodel.formats.spreadsheet.columns import FIELDS, guess_mapping, normalise_key
from orgmodel.formats.spreadsheet.plan import ImportPlan, apply_plan, import_model, plan_import
from orgmodel.formats.spreadsheet.read import CSV_EXTENSIONS, XLSX_EXTENSIONS, Row, SpreadsheetError, read_rows, workbook_sheets
from orgmodel.formats.spreadsheet.values import ValueProblem, parse_bool, parse_number, parse_office
from orgmodel.formats.spreadsheet.write import csv_bytes, neutralise, write_csv, write_xlsx, xlsx_bytes

__all__ = [
    "CSV_EXTENSIONS",
    "FIELDS",
    "XLSX_EXTENSIONS",
    "ImportPlan",
    "Row",
    "SpreadsheetError",
    "ValueProblem",
    "apply_plan",
    "csv_bytes",
    "guess_mapping",
    "import_model",
    "neutralise",
    "normalise_key",
    "parse_bool",
    "parse_number",
    "parse_office",
    "plan_import",
    "read_rows",
    "workbook_sheets",
    "write_csv",
    "write_xlsx",
    "xlsx_bytes",
]
