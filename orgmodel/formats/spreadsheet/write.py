"""A model as a spreadsheet: one row per unit, English headers, formulas neutralised."""

from __future__ import annotations

import csv
import io
import os
from typing import Any

from orgmodel.formats.atomic import write_file
from orgmodel.formats.spreadsheet.columns import FIELDS
from orgmodel.formats.spreadsheet.values import number_text
from orgmodel.model import OrgModel

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text that a spreadsheet program would run as a formula gets a leading apostrophe.

    >>> neutralise("=HYPERLINK(1)"), neutralise("Sales")
    ("'=HYPERLINK(1)", 'Sales')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def alternatives_text(groups: dict[str, list[str]]) -> str:
    """A unit's alternative groups as its alternatives cell: ``group = id | id; …``.

    >>> alternatives_text({"it": ["it-istanbul", "it-ankara"], "payroll": ["payroll", "bureau"]})
    'it = it-istanbul | it-ankara; payroll = payroll | bureau'
    """
    return "; ".join(f"{group} = {' | '.join(ids)}" for group, ids in groups.items())


def _rows_for(model: OrgModel) -> list[list[Any]]:
    targets: dict[str, list[str]] = {}
    groups: dict[str, dict[str, list[str]]] = {}
    for dep in model.dependencies():
        if dep.group is None:
            targets.setdefault(dep.source, []).append(dep.target)
        else:
            groups.setdefault(dep.source, {}).setdefault(dep.group, []).append(dep.target)
    rows = []
    for unit in model.units():
        flag = "" if unit.revenue_generating is None else ("yes" if unit.revenue_generating else "no")
        rows.append([
            neutralise(unit.id),
            neutralise(unit.name),
            unit.office or "",  # empty: not classified
            flag,
            neutralise(model.parent(unit.id) or ""),
            neutralise("; ".join(targets.get(unit.id, ()))),
            neutralise(alternatives_text(groups.get(unit.id, {}))),
            unit.headcount,
            unit.cost,
            unit.revenue,
            unit.automation_potential,
            unit.automation_ease,
            neutralise("; ".join(unit.tags)),
            neutralise(unit.notes or ""),
        ])
    return rows


def csv_bytes(model: OrgModel) -> bytes:
    """UTF-8 with BOM (Excel opens it right), comma-separated, English headers."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for row in _rows_for(model):
        writer.writerow(["" if v is None else (number_text(v) if isinstance(v, (int, float)) else v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(model: OrgModel, path: str | os.PathLike[str]) -> None:
    """Write :func:`csv_bytes` to ``path`` atomically; :class:`~orgmodel.formats.atomic.SaveError` names the file."""
    write_file(path, csv_bytes(model))


def xlsx_bytes(model: OrgModel) -> bytes:
    """One sheet, bold English headers, numbers as numbers and text always as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (model.name or "Units")[:31].translate(str.maketrans("[]:*?/\\", "_______")) or "Units"
    sheet.append(list(FIELDS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(_rows_for(model), start=2):
        for column, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            cell = sheet.cell(row=number, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(model: OrgModel, path: str | os.PathLike[str]) -> None:
    """Write :func:`xlsx_bytes` to ``path`` atomically; :class:`~orgmodel.formats.atomic.SaveError` names the file."""
    write_file(path, xlsx_bytes(model))
