"""Spreadsheets shaped like the ones people have: org-chart library CSVs with parentId,
draw.io's org-chart CSV, Turkish exports in cp1254 and UTF-8 with BOM, employee lists, TSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.errors import ModelFileError
from orgmodel.formats import read_any
from orgmodel.formats.importing import ImportOptions
from orgmodel.formats.spreadsheet import SpreadsheetError

# Shaped like d3-org-chart's sample data: "office" holds places, parentId the manager's id.
D3_ORG_CSV = """name,imageUrl,area,profileUrl,office,tags,isLoggedUser,positionName,id,parentId,size
Ian Devling,https://example.org/1.jpg,Corporate,profile/1,CEO office,Ceo,false,Chief Executive Officer ,O-6066,,
Davolio Nancy,https://example.org/2.jpg,Corporate,profile/2,CTO office,Cto,false,CTO ,O-6067,O-6066,
Leverling Janet,https://example.org/3.jpg,Corporate,profile/3,Istanbul,Cfo,false,CFO ,O-6068,O-6066,
Fuller Andrew,https://example.org/4.jpg,Engineering,profile/4,Ankara,Dev,false,Linux Engineer ,O-6069,O-6067,
Peacock Margaret,https://example.org/5.jpg,Finance,profile/5,Istanbul,Acc,false,Accountant ,O-6070,O-6068,
"""

# Shaped like draw.io's Arrange › Insert › Advanced › CSV org-chart example.
DRAWIO_CSV = """## Hello World
# label: %name%<br><i style="color:gray;">%position%</i>
# style: label;image=%image%;whiteSpace=wrap;html=1;rounded=1;fillColor=%fill%;
# connect: {"from": "manager", "to": "name", "invert": true, "label": "manages"}
# width: auto
## CSV starts under this line
name,position,id,location,manager,email,fill,image
Evan Miller,CFO,emi,Office 1,,me@example.com,#dae8fc,https://example.org/a.png
Edward Morrison,Brand Manager,emo,Office 2,Evan Miller,me@example.com,#d5e8d4,https://example.org/b.png
Ron Donovan,System Admin,rdo,Office 3,Evan Miller,me@example.com,#d5e8d4,https://example.org/c.png
Tessa Valet,HR Director,tva,Office 4,Evan Miller,me@example.com,#d5e8d4,https://example.org/d.png
"""

TURKISH_CSV = """Birim Adı;Bağlı Olduğu Birim;Ofis;Çalışan Sayısı
Genel Müdürlük;;;3
Satış Müdürlüğü;Genel Müdürlük;Ön Ofis;40
Muhasebe Departmanı;Genel Müdürlük;arka ofis;12
İnsan Kaynakları;Genel Müdürlük;;6
Çağrı Merkezi;Satış Müdürlüğü;;80
"""


def _read(path: Path, **options) -> tuple:
    model, messages = read_any(str(path), ImportOptions(**options))
    return model, [str(m) for m in messages]


def _by_name(model) -> dict:
    return {unit.name: unit for unit in model.units()}


def _lines_by_name(model) -> set[tuple[str, str]]:
    return {(model.unit(child).name, model.unit(parent).name) for child, parent in model.reporting_lines()}


def test_parent_id_csv_with_places_in_office_column(tmp_path: Path) -> None:
    path = tmp_path / "org.csv"
    path.write_text(D3_ORG_CSV, "utf-8")
    model, messages = _read(path)
    assert len(model) == 5 and model.unit_ids()[:2] == ["O-6066", "O-6067"]
    assert _lines_by_name(model) == {
        ("Davolio Nancy", "Ian Devling"), ("Leverling Janet", "Ian Devling"),
        ("Fuller Andrew", "Davolio Nancy"), ("Peacock Margaret", "Leverling Janet"),
    }
    # "CEO office" and "Istanbul" are places: not one unit is rejected or guessed into an office.
    assert messages[0] == "5 added, 0 updated, 0 unchanged, 0 rejected"
    assert 'column "office" does not hold offices (front, middle, back): its values are kept in the notes' in messages
    units = _by_name(model)
    assert all(unit.office is None for unit in units.values())  # unclassified: no guess from "CEO office"
    assert units["Ian Devling"].tags == ("Ceo",)
    assert units["Ian Devling"].notes == "positionName: Chief Executive Officer\noffice: CEO office"
    assert "office: Istanbul" in units["Peacock Margaret"].notes


def test_drawio_org_chart_csv_manager_by_name(tmp_path: Path) -> None:
    path = tmp_path / "drawio-orgchart.csv"
    path.write_text(DRAWIO_CSV, "utf-8")
    model, messages = _read(path)
    assert sorted(_by_name(model)) == ["Edward Morrison", "Evan Miller", "Ron Donovan", "Tessa Valet"]
    assert _lines_by_name(model) == {(n, "Evan Miller") for n in ("Edward Morrison", "Ron Donovan", "Tessa Valet")}
    assert _by_name(model)["Tessa Valet"].notes == "position: HR Director"
    assert messages[0] == "4 added, 0 updated, 0 unchanged, 0 rejected"


@pytest.mark.parametrize("encoding", ["cp1254", "utf-8-sig"])
def test_turkish_headers_in_turkish_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "birimler.csv"
    path.write_bytes(TURKISH_CSV.encode(encoding))
    model, messages = _read(path)
    units = _by_name(model)
    assert sorted(units) == sorted(["Genel Müdürlük", "Satış Müdürlüğü", "Muhasebe Departmanı", "İnsan Kaynakları", "Çağrı Merkezi"])
    assert units["Satış Müdürlüğü"].office == "front" and units["Muhasebe Departmanı"].office == "back"
    assert units["Çağrı Merkezi"].headcount == 80
    assert units["Çağrı Merkezi"].office is None and units["İnsan Kaynakları"].office is None  # unclassified
    assert ("Çağrı Merkezi", "Satış Müdürlüğü") in _lines_by_name(model) and len(list(model.reporting_lines())) == 4
    assert "3 units have no office and are not classified: Genel Müdürlük, İnsan Kaynakları, Çağrı Merkezi" in messages


def test_employee_list_with_turkish_headers_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "personel.csv"
    path.write_bytes("Ad Soyad,Unvan,Yönetici\nZeynep Arslan,Genel Müdür,\nAli Kaya,Satış Müdürü,Zeynep Arslan\n"
                     "Ayşe Demir,Muhasebe Uzmanı,Zeynep Arslan\n".encode("utf-8-sig"))
    model, _ = _read(path)
    assert _lines_by_name(model) == {("Ali Kaya", "Zeynep Arslan"), ("Ayşe Demir", "Zeynep Arslan")}
    assert _by_name(model)["Ali Kaya"].notes == "Unvan: Satış Müdürü"


@pytest.mark.parametrize("suffix", [".tsv", ".txt"])
def test_tab_separated(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"units{suffix}"
    path.write_text("id\tname\tmanager_id\n1\tBoard\t\n2\tSales, EMEA\t1\n3\tIT\t1\n", "utf-8")
    model, _ = _read(path)
    assert _lines_by_name(model) == {("Sales, EMEA", "Board"), ("IT", "Board")}


def test_map_names_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Who,Boss,Team\na,,Board\nb,a,Sales\n", "utf-8")
    model, _ = _read(path, columns={"id": "Who", "name": "Team", "reports_to": "Boss"})
    assert _lines_by_name(model) == {("Sales", "Board")}
    with pytest.raises(SpreadsheetError, match='no column "Nope" for name'):
        _read(path, columns={"name": "Nope"})


def test_many_rejections_are_summarised_one_a_line(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("name,headcount\nKeep,1\n" + "".join(f"Unit {n},lots\n" for n in range(1516)), "utf-8")
    model, messages = _read(path)
    assert len(model) == 1
    assert messages[0] == "1 added, 0 updated, 0 unchanged, 1516 rejected"
    rows = [m for m in messages if m.startswith("row ")]
    assert len(rows) == 20 and rows[0] == 'row 3: headcount: expected a number, got "lots"'
    assert messages[-1] == "… and 1,496 more"
    assert max(len(m) for m in messages) < 200


def test_nothing_imported_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("name,headcount\nA,x\nB,y\n", "utf-8")
    with pytest.raises(ModelFileError) as caught:
        read_any(str(path))
    assert str(caught.value.lines()[-1]) == f"{path}: no unit could be imported"
    assert any(str(line).startswith(f"{path}: row 2: headcount:") for line in caught.value.lines())


def test_a_workbooks_sheets_are_listed_with_the_one_read_by_default(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from orgmodel.formats.spreadsheet import read_rows, workbook_sheets

    book = Workbook()
    book.active.title = "Old"
    book.active.append(["name"])
    book.active.append(["Stale"])
    for title in ("Units", "Notes"):
        sheet = book.create_sheet(title)
        sheet.append(["name"])
        sheet.append([title + " unit"])
    book.active = 2
    book["Old"].sheet_state = "hidden"
    book.save(tmp_path / "book.xlsx")
    sheets, default = workbook_sheets(tmp_path / "book.xlsx")
    assert sheets == [("Old", True), ("Units", False), ("Notes", False)] and default == 2
    assert read_rows(tmp_path / "book.xlsx")[1] == [["Notes unit"]]  # the same sheet
    with pytest.raises(SpreadsheetError, match="not a readable .xlsx workbook"):
        (tmp_path / "not.xlsx").write_bytes(b"plain text")
        workbook_sheets(tmp_path / "not.xlsx")


def test_the_cells_that_did_not_decode_are_named_in_words_that_translate(tmp_path: Path) -> None:
    from orgmodel.formats.spreadsheet import read_rows

    path = tmp_path / "birimler.csv"
    path.write_bytes("Ad;Ofis\n".encode("cp1254") + b"Bilgi \x81\xdd\xfelem;arka\n" + b"\x81;\x81\n")
    notices: list[str] = []
    read_rows(path, None, notices)
    assert notices[1] == "bytes that are not Windows-1254 were replaced by \ufffd in 3 cells: row 2, Ad, row 3, Ad, row 3, Ofis"
    places = notices[1].args["places"]  # row by row, each a message of its own (no English glued in)
    assert places.template == "{first}, {second}" and places.args["first"].template == "row {row}, {column}"
