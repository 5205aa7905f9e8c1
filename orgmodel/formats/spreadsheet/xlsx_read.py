"""The rows of an ``.xlsx`` workbook, streamed, within limits a hostile file cannot stretch.

A 1.5 KB workbook may name row 2·10⁹, a cell in column 16,384 or a part that unpacks to
gigabytes; openpyxl fills every gap it sees with empty cells. Here the zip's declared sizes
are checked before anything is unpacked, the sheet is read row by row as written (a row
number is a number, not that many empty rows), and a row, a column or a cell beyond the
limits below stops the import with a message saying which.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator

from orgmodel.formats.spreadsheet.values import cell_text
from orgmodel.i18n import Text, tr

#: Excel's own limits on rows and on the text of a cell.
MAX_ROW = 1_048_576
MAX_CELL_CHARS = 32_767
#: No sheet of units needs more columns; a column bomb places one cell at column 16,384.
MAX_COLUMNS = 1_000
#: What the parts of a workbook may unpack to, together and as shared strings (held in
#: memory whole, about 9 µs each), and how much one part may be compressed.
MAX_UNPACKED = 256 * 1024 * 1024
MAX_SHARED_STRINGS = 4 * 1024 * 1024  # ~300,000 empty strings: 4 s
MAX_RATIO = 200

Refuse = Callable[[Text], Exception]


def check_archive(data: bytes, refuse: Refuse) -> None:
    """Refuse a workbook whose zip declares more than the limits, before unpacking it
    (zipfile then holds each part to its declared size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl says it is not a workbook
    total = 0
    for part in parts:
        total += part.file_size
        if part.filename.lower().endswith("sharedstrings.xml") and part.file_size > MAX_SHARED_STRINGS:
            raise refuse(tr("its shared strings unpack to {size:.0f} MB; the limit is {limit} MB",
                            size=part.file_size / 1024 / 1024, limit=MAX_SHARED_STRINGS // 1024 // 1024))
        if part.file_size > 1024 * 1024 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise refuse(tr("{part} unpacks to {ratio:,} times its size (a zip bomb?); the limit is {limit}",
                            part=part.filename, ratio=part.file_size // max(part.compress_size, 1), limit=MAX_RATIO))
    if total > MAX_UNPACKED:
        raise refuse(tr("it unpacks to {size:.0f} MB; the limit is {limit} MB",
                        size=total / 1024 / 1024, limit=MAX_UNPACKED // 1024 // 1024))


def sheet_rows(workbook, sheet, refuse: Refuse) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells as text)`` for each row the sheet writes, in order; trailing
    empty cells dropped. ``sheet`` is a read-only worksheet of ``workbook``."""
    from openpyxl.worksheet._reader import WorkSheetParser

    with sheet._get_source() as source:  # openpyxl's own streaming parser, without its gap filling
        parser = WorkSheetParser(source, sheet._shared_strings, data_only=True, epoch=workbook.epoch,
                                 date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats)
        for number, cells in parser.parse():
            if number > MAX_ROW:
                raise refuse(tr("row {row:,} is beyond the last row a workbook may have ({limit:,})", row=number, limit=MAX_ROW))
            texts: list[str] = []
            for cell in cells:
                column = cell["column"]
                if column > MAX_COLUMNS:
                    raise refuse(tr("row {row:,} has a cell in column {column:,}; the limit is {limit:,} columns",
                                    row=number, column=column, limit=MAX_COLUMNS))
                text = cell_text(cell["value"])
                if len(text) > MAX_CELL_CHARS:
                    raise refuse(tr("row {row:,}, column {column:,}: a cell of {size:,} characters; the limit is {limit:,}",
                                    row=number, column=column, size=len(text), limit=MAX_CELL_CHARS))
                if len(texts) < column:
                    texts.extend([""] * (column - len(texts)))
                texts[column - 1] = text
            while texts and texts[-1] == "":
                texts.pop()
            yield number, texts
