"""Makers of hostile or unlucky input files (issue 19), shared by the reliability tests and
``benchmarks/hostile_readers.py``. Each writes a small file at ``path``."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path


def chain_csv(path: Path, count: int, bottom_up: bool = False) -> None:
    """``count`` units each reporting to the one before (rows in that order, or reversed)."""
    rows = [f"u{i},Unit {i},front,{f'u{i - 1}' if i else ''}" for i in range(count)]
    path.write_text("id,name,office,reports_to\n" + "\n".join(reversed(rows) if bottom_up else rows), encoding="utf-8")


def chain_graphml(path: Path, count: int) -> None:
    """``count`` nodes each reporting to the one before, by ``kind`` edges."""
    nodes = "".join(f'<node id="n{i}"/>' for i in range(count))
    edges = "".join(f'<edge source="n{i}" target="n{i - 1}"><data key="k">reports_to</data></edge>' for i in range(1, count))
    path.write_text('<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                    '<key id="k" for="edge" attr.name="kind" attr.type="string"/>'
                    f'<graph edgedefault="directed">{nodes}{edges}</graph></graphml>', encoding="utf-8")


def quotes_csv(path: Path) -> None:
    """64 KB of ``,"`` after a header with two delimiters: csv.Sniffer's slowest input."""
    path.write_text("id,name;office\n" + ',"' * 32_000, encoding="utf-8")


def xlsx(path: Path, rows: str = "", extra: dict[str, bytes] | None = None, sheet: Callable[[str], str] | None = None,
         types: str = "") -> None:
    """A workbook of a header and one unit, the sheet XML's rows followed by ``rows`` (XML)
    and changed by ``sheet``, with the ``extra`` parts added (``types``: their content types)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["name", "office"])
    book.active.append(["Sales", "front"])
    book.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml = re.sub(r"<dimension[^>]*/>", "", xml).replace("</sheetData>", rows + "</sheetData>")
    parts["xl/worksheets/sheet1.xml"] = (sheet(xml) if sheet else xml).encode()
    parts.update(extra or {})
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", types.encode() + b"</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def inline(ref: str, text: str) -> str:
    """One cell of inline text at ``ref`` ("A3")."""
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def far_row_xlsx(path: Path) -> None:
    """A 2 KB workbook whose third row is numbered 10,000,000 (750 MB when gaps were filled)."""
    xlsx(path, f'<row r="10000000">{inline("A10000000", "Far")}</row>')


def column_bomb_xlsx(path: Path) -> None:
    """Rows with one cell each in column XFD (16,384), the last Excel has."""
    xlsx(path, "".join(f'<row r="{n}">{inline(f"XFD{n}", "x")}</row>' for n in range(3, 3_000)))


def zip_bomb_xlsx(path: Path) -> None:
    """A part of 64 MB of zeros, compressed some thousand to one."""
    xlsx(path, extra={"xl/media/padding.bin": bytes(64 * 1024 * 1024)})


def shared_strings_xlsx(path: Path) -> None:
    """Shared strings of 9 MB: 700,000 empty strings (3 million took 26 s)."""
    count = 700_000
    table = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
             f' count="{count}" uniqueCount="{count}">' + "<si><t/></si>" * count + "</sst>")
    xlsx(path, extra={"xl/sharedStrings.xml": table.encode()},
         types='<Override PartName="/xl/sharedStrings.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')


def long_cell_xlsx(path: Path) -> None:
    """A cell of 40,000 characters, beyond Excel's 32,767."""
    xlsx(path, f'<row r="3">{inline("A3", "x" * 40_000)}</row>')


def default_bomb_graphml(path: Path) -> None:
    """A 1 MB GraphML file whose 500 KB ``notes`` default would be copied into 1,000 nodes."""
    nodes = "".join(f'<node id="n{i}"/>' for i in range(1_000))
    path.write_text('<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                    f'<key id="d" for="node" attr.name="notes" attr.type="string"><default>{"x" * 500_000}</default></key>'
                    f'<graph edgedefault="directed">{nodes}</graph></graphml>', encoding="utf-8")
