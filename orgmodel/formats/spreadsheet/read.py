"""The rows of a CSV or ``.xlsx`` file, every cell as text."""

from __future__ import annotations

import csv
import io
import os
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from orgmodel.errors import OrgModelError
from orgmodel.formats.file_errors import read_problem, special_file
from orgmodel.formats.spreadsheet.encoding import REPLACEMENT, decode
from orgmodel.formats.spreadsheet.xlsx_read import check_archive, sheet_rows
from orgmodel.i18n import joined, tr

CSV_EXTENSIONS = (".csv", ".tsv", ".txt")
XLSX_EXTENSIONS = (".xlsx", ".xlsm")


class SpreadsheetError(OrgModelError):
    """A file that cannot be read as a spreadsheet; the message names the file.

    (Writing goes through :func:`orgmodel.formats.atomic.write_file`, whose
    :class:`~orgmodel.formats.atomic.SaveError` says ``cannot save <file>: <reason>``.)
    """


def file_error(source: str, problem: str) -> SpreadsheetError:
    """A :class:`SpreadsheetError` naming the file ``source``."""
    return SpreadsheetError(tr("{file}: {problem}", file=source, problem=problem))


class Row(list):
    """The cells of one row as text, with ``number``: its row number in the spreadsheet."""

    __slots__ = ("number",)

    def __init__(self, cells: Sequence[str], number: int) -> None:
        super().__init__(cells)
        self.number = number


def read_rows(path: str | os.PathLike[str], sheet: str | None = None,
              notices: list[str] | None = None) -> tuple[list[str], list[Row]]:
    """The header and the non-blank rows of a CSV or ``.xlsx`` file, every cell as text.

    ``sheet``: a workbook's sheet by name or number from 1; without it the active sheet
    when it is visible, else the first visible one (a hidden first sheet is no one's data).

    Each row is a :class:`Row` (a list) whose ``number`` is the spreadsheet row number
    (the header is row 1 when it is the first row); blank rows are skipped but counted.
    ``notices`` receives what the person should know about a CSV file's encoding (which
    one when not UTF-8, the cells where bytes did not decode).
    """
    file = Path(path)
    source = str(path)
    suffix = file.suffix.lower()
    if suffix == ".xls":
        raise file_error(source, tr("old Excel .xls files are not supported; save it as .xlsx or CSV"))
    if suffix not in CSV_EXTENSIONS + XLSX_EXTENSIONS:
        if suffix:
            raise file_error(source, tr("not a spreadsheet: expected .csv or .xlsx, got {extension}", extension=suffix))
        raise file_error(source, tr("not a spreadsheet: expected .csv or .xlsx, got no extension"))
    data = _file_bytes(file, source)
    if suffix in XLSX_EXTENSIONS:
        records = _xlsx_records(data, source, sheet)
    else:
        decoded: list[tuple[str, bool]] = []
        records = enumerate(_csv_records(data, source, decoded), start=1)
    header: list[str] | None = None
    rows: list[Row] = []
    header_row = Row([], 1)
    for number, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [cell.strip() for cell in cells]
            header_row = Row(cells, number)
        else:
            rows.append(Row(cells, number))
    if header is None:
        raise file_error(source, tr("no header row (the file is empty)"))
    if suffix not in XLSX_EXTENSIONS and notices is not None:
        (encoding, exact), = decoded
        notices += _encoding_notices(encoding, exact, header, [header_row, *rows])
    return header, rows


def _file_bytes(file: Path, source: str) -> bytes:
    special = special_file(file)
    if special:
        raise file_error(source, special)
    try:
        return file.read_bytes()
    except OSError as error:
        raise file_error(source, read_problem(error, tr("is a folder, not a spreadsheet"))) from None


def _decode(data: bytes, source: str) -> tuple[str, str, bool]:
    if b"\x00" in data:
        raise file_error(source, tr("not a text file (NUL byte at offset {offset})", offset=data.index(0)))
    return decode(data)


def _encoding_notices(encoding: str, exact: bool, header: list[str], rows: list[Row]) -> list[str]:
    """What a person should know about how a CSV file was decoded: the encoding unless it is
    UTF-8, and the first cells where bytes did not decode (``row 5, name``)."""
    notices = [] if encoding == "UTF-8" else [tr("read as {encoding}: the file is not UTF-8", encoding=encoding)]
    if exact:
        return notices
    places = []
    for row in rows:
        for index, cell in enumerate(row):
            if REPLACEMENT in cell:
                column = header[index] if index < len(header) and header[index] else str(index + 1)
                places.append(tr("row {row}, {column}", row=row.number, column=column))
    if places:
        # joined, not ", ".join: each "row 5, name" stays a Text the editor translates
        shown = joined([*places[:5], *(["…"] if len(places) > 5 else [])],
                       lambda first, second: tr("{first}, {second}", first=first, second=second))
        if len(places) == 1:
            notices.append(tr("bytes that are not {encoding} were replaced by \ufffd in one cell: {places}",
                              encoding=encoding, places=shown))
        else:
            notices.append(tr("bytes that are not {encoding} were replaced by \ufffd in {count} cells: {places}",
                              encoding=encoding, count=len(places), places=shown))
    return notices


#: How much of a CSV file csv.Sniffer looks at: its quote pattern takes time growing with the
#: square of the sample (22 s for 64 KB of ``,"``), and the first lines tell the delimiter.
SNIFF_SAMPLE = 4096


def _delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one the header line uses, else what csv.Sniffer says
    about the first :data:`SNIFF_SAMPLE` characters."""
    first_line = text[:SNIFF_SAMPLE].split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in (";", "\t", ",")}
    used = [d for d, n in counts.items() if n]
    if len(used) == 1:
        return used[0]
    try:
        return csv.Sniffer().sniff(text[:SNIFF_SAMPLE], delimiters=",;\t").delimiter
    except csv.Error:
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def _skip_drawio_settings(text: str) -> str:
    """The CSV after the ``## comment`` and ``# key: value`` lines that draw.io's CSV import
    puts above the data (its org-chart example starts so); other text as it is."""
    if not text.startswith("#"):
        return text
    lines = text.splitlines(keepends=True)
    first = 0
    while first < len(lines) and (lines[first].startswith(("##", "# ")) or not lines[first].strip()):
        first += 1
    return "".join(lines[first:])


def _csv_records(data: bytes, source: str, decoded: list[tuple[str, bool]]) -> list[list[str]]:
    """The records of a CSV file; ``decoded`` receives the encoding and whether every byte decoded."""
    text, encoding, exact = _decode(data, source)
    decoded.append((encoding, exact))
    text = _skip_drawio_settings(text)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    except csv.Error as error:
        raise file_error(source, tr("not a readable CSV file: {reason}", reason=str(error))) from None

def _xlsx_records(data: bytes, source: str, sheet: str | None) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells)`` of the chosen sheet (see :func:`read_rows`), streamed within the limits of
    :mod:`~orgmodel.formats.spreadsheet.xlsx_read`."""
    def refuse(problem: str) -> SpreadsheetError:
        return file_error(source, problem)

    workbook = _open_workbook(data, source)
    try:
        yield from sheet_rows(workbook, _sheet(workbook, sheet, refuse), refuse)
    except SpreadsheetError:
        raise
    except Exception as error:
        raise file_error(source, tr("not a readable .xlsx workbook ({error})", error=type(error).__name__)) from None
    finally:
        workbook.close()


def _open_workbook(data: bytes, source: str):
    """The workbook in ``data`` opened read-only (nothing but its list of sheets read yet),
    within the limits of :func:`~orgmodel.formats.spreadsheet.xlsx_read.check_archive`."""
    from openpyxl import load_workbook

    # openpyxl warns about parts it drops (a defined name it cannot parse, an unknown
    # extension): printed, that is a line of its source code on the terminal, about nothing
    # the person can act on; what matters is said by the import's own messages.
    warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl(\.|$)")
    check_archive(data, lambda problem: file_error(source, problem))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zipfile, KeyError, XML errors...
        raise file_error(source, tr("not a readable .xlsx workbook ({error})", error=type(error).__name__)) from None
    if not workbook.worksheets:
        workbook.close()
        raise file_error(source, tr("the workbook has no sheets"))
    return workbook


def workbook_sheets(path: str | os.PathLike[str]) -> tuple[list[tuple[str, bool]], int]:
    """The sheets of an ``.xlsx`` workbook in their order, each ``(name, hidden)``, and the
    index of the one :func:`read_rows` reads when no sheet is named (the active sheet when
    it is visible, else the first visible one), for an importer that lets the person choose.
    """
    source = str(path)
    data = _file_bytes(Path(path), source)
    workbook = _open_workbook(data, source)
    try:
        sheets = workbook.worksheets
        default = sheets.index(_default_sheet(workbook))
        return [(sheet.title, sheet.sheet_state != "visible") for sheet in sheets], default
    except Exception as error:
        raise file_error(source, tr("not a readable .xlsx workbook ({error})", error=type(error).__name__)) from None
    finally:
        workbook.close()


def _sheet(workbook, wanted: str | None, refuse: Callable[[str], SpreadsheetError]):
    """The sheet named or numbered ``wanted``; without it the active sheet if visible, else
    the first visible one."""
    sheets = workbook.worksheets
    if wanted is None:
        return _default_sheet(workbook)
    for sheet in sheets:
        if sheet.title == wanted:
            return sheet
    folded = [sheet for sheet in sheets if sheet.title.casefold() == wanted.strip().casefold()]
    if len(folded) == 1:
        return folded[0]
    if wanted.strip().isdigit() and 1 <= int(wanted) <= len(sheets):
        return sheets[int(wanted) - 1]
    raise refuse(tr("no sheet {sheet!r}; its sheets are: {names}", sheet=wanted, names=", ".join(s.title for s in sheets)))


def _default_sheet(workbook):
    """The sheet read when none is named: the active one if visible, else the first visible
    one (a hidden first sheet is no one's data), else the first."""
    sheets = workbook.worksheets
    active = workbook.active
    if active is not None and active.sheet_state == "visible":
        return active
    return next((sheet for sheet in sheets if sheet.sheet_state == "visible"), sheets[0])
