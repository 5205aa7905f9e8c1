"""A shown table written as CSV or xlsx: headers as given, rows in the order given, numbers as
numbers (machine-readable in CSV, numeric cells with a format in xlsx), text never a formula,
and the old file kept whole when the write fails."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from orgmodel.formats import atomic
from orgmodel.formats.atomic import SaveError
from orgmodel.formats.table_export import Table, csv_bytes, write_tables

UNITS = Table(
    "Maliyet: hizmet",
    ("Ad", "Ofis", "Maliyet", "Potansiyel", "Sıra"),
    ("text", "text", "amount", "fraction", "count"),
    [("Bordro İşleri", "Arka Ofis", 1234567.89, 0.35, 1), ("=HYPERLINK(1)", "Ön Ofis", -2500.0, None, 2), ("Ağ", "", None, 1.0, None)],
)
TOTALS = Table("Toplamlar", ("Toplam", "Tutar"), ("text", "amount"), [("Yöntem", "Karşılıklı"), ("Dağıtılmamış", 12.5)])


def test_csv_is_utf8_with_bom_and_plain_numbers_with_a_decimal_point(tmp_path: Path) -> None:
    path = tmp_path / "tablo.csv"
    write_tables(path, [UNITS, TOTALS])
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[:4] == [
        ["Ad", "Ofis", "Maliyet", "Potansiyel", "Sıra"],
        ["Bordro İşleri", "Arka Ofis", "1234567.89", "0.35", "1"],
        ["'=HYPERLINK(1)", "Ön Ofis", "-2500", "", "2"],  # a formula stays text; a negative number stays a number
        ["Ağ", "", "", "1", ""],
    ]
    # The totals follow after an empty line, with their own header.
    assert rows[4:] == [[], ["Toplam", "Tutar"], ["Yöntem", "Karşılıklı"], ["Dağıtılmamış", "12.5"]]
    assert csv_bytes([UNITS]) == data[: len(csv_bytes([UNITS]))]


def test_xlsx_has_a_sheet_per_table_with_numeric_cells_and_number_formats(tmp_path: Path) -> None:
    path = tmp_path / "tablo.xlsx"
    write_tables(path, [UNITS, TOTALS])
    book = load_workbook(path)
    assert book.sheetnames == ["Maliyet_ hizmet", "Toplamlar"]
    sheet = book["Maliyet_ hizmet"]
    assert [c.value for c in sheet[1]] == ["Ad", "Ofis", "Maliyet", "Potansiyel", "Sıra"] and sheet["A1"].font.b
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=2)] == [
        ["Bordro İşleri", "Arka Ofis", 1234567.89, 0.35, 1],
        ["=HYPERLINK(1)", "Ön Ofis", -2500, None, 2],
        ["Ağ", None, None, 1, None],
    ]
    assert sheet["A3"].data_type == "s"  # text, never run as a formula
    assert sheet["C2"].data_type == "n" and sheet["C2"].number_format == "#,##0"
    assert sheet["D2"].number_format == "0.0%" and sheet["E2"].number_format == "0"
    assert sheet.freeze_panes == "A2"
    assert [[c.value for c in row] for row in book["Toplamlar"].iter_rows()] == [["Toplam", "Tutar"], ["Yöntem", "Karşılıklı"], ["Dağıtılmamış", 12.5]]


@pytest.mark.parametrize("name", ["tablo.csv", "tablo.xlsx"])
def test_a_failed_write_names_the_file_and_keeps_the_old_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"old")

    def refuse(*_args) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(SaveError) as caught:
        write_tables(path, [UNITS])
    assert str(path) in str(caught.value) and "Permission denied" in str(caught.value)
    monkeypatch.undo()
    assert path.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_an_unknown_extension_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "tablo.txt"
    path.write_bytes(b"old")
    with pytest.raises(SaveError) as caught:
        write_tables(path, [UNITS])
    assert str(path) in str(caught.value) and ".csv, .xlsx" in str(caught.value)
    assert path.read_bytes() == b"old"

