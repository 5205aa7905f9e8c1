"""Spreadsheet import/export: encodings, delimiters, Turkish headers, merges, rejections, round trips."""

from __future__ import annotations

import csv
from dataclasses import replace

import pytest
from openpyxl import Workbook, load_workbook

from orgmodel.model import OrgModel, Unit, is_unclassified
from orgmodel.formats.spreadsheet import (
    FIELDS,
    SpreadsheetError,
    apply_plan,
    guess_mapping,
    import_model,
    plan_import,
    read_rows,
    write_csv,
    write_xlsx,
)


def _write_csv(path, rows, delimiter=",", encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def test_semicolon_windows_1254_turkish_headers(tmp_path):
    text = (
        "Ad;Ofis;Bağlı olduğu;Bağımlılıklar;Çalışan sayısı;Maliyet;Gelir\r\n"
        "Genel Müdürlük;arka ofis;;;3;1.000,5;\r\n"
        "Satış;ön ofis;genel müdürlük;Bilgi İşlem;12;1.234.567,89;2.000.000\r\n"
        "Bilgi İşlem;ARKA;Genel Müdürlük;;7;250000;\r\n"
        "Operasyon;Orta Ofis;Genel Müdürlük;satış, bilgi işlem;40;1234,5;0\r\n"
    )
    path = tmp_path / "birimler.csv"
    path.write_bytes(text.encode("cp1254"))
    headers, rows = read_rows(path)
    assert headers[0] == "Ad" and headers[2] == "Bağlı olduğu"
    assert [row.number for row in rows] == [2, 3, 4, 5]
    model, plan = import_model(path)
    assert plan.summary() == "4 added, 0 updated, 0 unchanged, 0 rejected"
    sales = model.unit("satis")
    assert (sales.name, sales.office, sales.headcount) == ("Satış", "front", 12)
    assert sales.cost == pytest.approx(1234567.89) and sales.revenue == 2000000
    assert model.unit("genel-mudurluk").cost == 1000.5
    assert model.unit("operasyon").office == "middle" and model.unit("operasyon").cost == 1234.5
    assert model.unit("bilgi-islem").office == "back"
    assert model.parent("satis") == "genel-mudurluk"
    assert set(model.dependencies_of("operasyon")) == {"satis", "bilgi-islem"}
    assert model.dependencies_of("satis") == ["bilgi-islem"]


def test_utf8_bom_comma_file(tmp_path):
    path = tmp_path / "units.csv"
    path.write_bytes(
        "\ufeffUnit Name,Office,Revenue-generating,Automation potential,Tags\r\n"
        "Çağrı Merkezi,front,evet,40%,a; b\r\nFinance,back,no,0.25,\r\n".encode("utf-8")
    )
    headers, _ = read_rows(path)
    assert headers[0] == "Unit Name"
    model, plan = import_model(path)
    assert plan.rejected == []
    call = model.unit("cagri-merkezi")
    assert call.revenue_generating is True and call.automation_potential == 0.4 and call.tags == ("a", "b")
    assert model.unit("finance").revenue_generating is False
    assert model.unit("finance").automation_potential == 0.25


def test_tab_separated_file(tmp_path):
    path = _write_csv(tmp_path / "units.tsv", [["id", "name", "office", "parent"], ["hq", "HQ", "back", ""],
                                               ["s", "Sales, North", "front", "hq"]], delimiter="\t")
    model, plan = import_model(path)
    assert plan.summary() == "2 added, 0 updated, 0 unchanged, 0 rejected"
    assert model.unit("s").name == "Sales, North" and model.parent("s") == "hq"


def test_xlsx_with_extra_columns_and_blank_rows(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Comment", "Name", "Office", "Headcount", "Cost", "Automation", "Whatever"])
    sheet.append(["x", "Sales", "front", 12, 1500.5, 0.4, "ignored"])
    sheet.append([None, None, None, None])
    sheet.append([])
    sheet.append(["", "IT", "back", 3.0, 2000, None, 1])
    path = tmp_path / "units.xlsx"
    workbook.save(path)
    headers, rows = read_rows(path)
    assert headers == ["Comment", "Name", "Office", "Headcount", "Cost", "Automation", "Whatever"]
    assert [row.number for row in rows] == [2, 5]
    assert rows[1][3] == "3" and rows[1][4] == "2000"
    model, plan = import_model(path)
    assert plan.summary() == "2 added, 0 updated, 0 unchanged, 0 rejected"
    assert model.unit("it").headcount == 3 and model.unit("sales").cost == 1500.5
    assert model.unit("sales").automation_potential == 0.4


def test_quotes_and_newlines_inside_cells(tmp_path):
    path = _write_csv(tmp_path / "q.csv", [["name", "office", "notes"],
                                           ['The "Best" Team', "front", "line one\nline two"],
                                           ["Second", "back", 'say "hi"; ok']])
    headers, rows = read_rows(path)
    assert [row.number for row in rows] == [2, 3]
    model, _ = import_model(path)
    first = model.units()[0]
    assert first.name == 'The "Best" Team' and first.notes == "line one\nline two"
    assert model.units()[1].notes == 'say "hi"; ok'


def _existing() -> OrgModel:
    model = OrgModel("Existing")
    model.add_unit(Unit("hq", "HQ", "back", headcount=5))
    model.add_unit(Unit("sales", "Sales", "front", headcount=10))
    model.add_unit(Unit("it", "IT", "back", headcount=4, notes="keep me"))
    model.set_parent("sales", "hq")
    model.add_dependency("sales", "it")
    return model


def test_merge_by_id_into_existing_model(tmp_path):
    model = _existing()
    rows = [
        ["hq", "", "", "", "", "5"],  # unchanged: only an equal headcount
        ["sales", "Sales", "front", "hq", "IT", "12"],  # updated: headcount
        ["it", "", "", "hq", "", ""],  # updated: new reporting line, notes kept
        ["", "Legal", "back", "HQ", "sales", "2"],  # added, references by name
        ["", "Sales", "", "", "", "99"],  # no id, name of a unit already claimed: a new unit
    ]
    headers = ["id", "name", "office", "reports_to", "depends_on", "headcount"]
    plan = plan_import(headers, rows, guess_mapping(headers), model)
    # The last row names an existing unit already updated on row 3: it becomes a new unit
    # "sales-2", unclassified (no office in the sheet), never rejected.
    assert plan.summary() == "2 added, 2 updated, 1 unchanged, 0 rejected"
    assert plan.unclassified == ["sales-2"]
    assert [(u.id, u.office) for u in plan.added] == [("legal", "back"), ("sales-2", None)]
    assert dict(plan.updated) == {"sales": {"headcount": 12}, "it": {"reports_to": "hq"}}
    assert plan.unchanged == ["hq"]
    assert plan.parents == {"it": "hq", "legal": "hq"}
    assert plan.dependencies == [("legal", "sales")]
    assert model.unit("sales").headcount == 10  # planning changes nothing
    apply_plan(model, plan)
    assert model.unit("sales").headcount == 12 and model.unit("it").notes == "keep me"
    assert model.parent("it") == "hq" and model.parent("legal") == "hq"
    assert model.has_dependency("legal", "sales") and model.has_dependency("sales", "it")
    assert len(model) == 5 and is_unclassified(model.unit("sales-2"))


def test_row_without_id_matches_existing_unit_by_name():
    model = _existing()
    headers = ["Ad", "Çalışan sayısı"]
    plan = plan_import(headers, [["SALES", "11"], ["Yeni Birim", "1"]], guess_mapping(headers), model)
    assert dict(plan.updated) == {"sales": {"headcount": 11, "name": "SALES"}}  # matched, then renamed
    assert plan.rejected == [] and [(u.id, u.name, u.office) for u in plan.added] == [("yeni-birim", "Yeni Birim", None)]
    assert plan.unclassified == ["yeni-birim"]


def test_same_name_twice_gets_suffix():
    headers = ["name", "office"]
    rows = [["Sales", "front"], ["Sales", "front"], ["Sales 2", "front"]]
    plan = plan_import(headers, rows, guess_mapping(headers), None)
    assert [u.id for u in plan.added] == ["sales", "sales-2", "sales-2-2"]
    again = plan_import(headers, rows, guess_mapping(headers), None)
    assert [u.id for u in again.added] == [u.id for u in plan.added]


def test_every_rejection_reason_with_row_number():
    headers = ["id", "name", "office", "reports_to", "depends_on", "headcount", "automation_potential", "automation_ease"]
    rows = [
        ["a", "A", "front", "", "", "1", "0.5", "0.2"],  # row 2 ok
        ["b", "B", "sideways", "", "", "", "", ""],  # row 3 bad office
        ["c", "", "front", "", "", "", "", ""],  # row 4 missing name
        ["d", "D", "back", "nobody", "", "", "", ""],  # row 5 unknown reports-to
        ["e", "E", "back", "f", "", "", "", ""],  # row 6 reports to f, which row 7 loses
        ["f", "F", "back", "e", "", "", "", ""],  # row 7 closes a cycle
        ["g", "G", "back", "", "g", "", "", ""],  # row 8 self dependency
        ["h", "H", "back", "", "", "-3", "", ""],  # row 9 negative headcount
        ["i", "I", "back", "", "", "", "150", ""],  # row 10 automation 150
        ["j", "J", "back", "", "", "", "150%", ""],  # row 11 automation 150%
        ["k", "K", "back", "d", "", "", "", ""],  # row 12 points at a rejected row
        ["l", "L", "back", "", "", "", "", "2"],  # row 13 ease 2
        ["m", "M", "back", "", "", "", "", "-5%"],  # row 14 ease -5%
    ]
    plan = plan_import(headers, rows, guess_mapping(headers), None)
    assert plan.rejected == [
        (3, 'office: expected "front", "middle" or "back", got "sideways"'),
        (4, "name: must not be empty"),
        (7, "reports_to: F cannot report to E: E already reports (directly or indirectly) to F"),
        (8, "depends_on: G cannot depend on itself"),
        (9, "headcount: must be >= 0, got -3"),
        (10, "automation_potential: expected a share between 0 and 1 or a percentage like 40%, got 150"),
        (11, "automation_potential: expected a percentage between 0% and 100%, got 150%"),
        (13, "automation_ease: expected a share between 0 and 1 or a percentage like 40%, got 2"),
        (14, "automation_ease: expected a percentage between 0% and 100%, got -5%"),
    ]
    # A manager who is not in the list (or whose row was rejected) costs the reporting line,
    # not the row: the unit and everyone under it are imported.
    assert plan.without_manager == [(5, 'reports_to: unknown unit "nobody"'), (6, 'reports_to: "f" is on a rejected row (row 7)')]
    assert [u.id for u in plan.added] == ["a", "d", "e", "k"]
    assert plan.summary().startswith("4 added, 0 updated, 0 unchanged, 9 rejected (row 3: office: expected")
    assert 'row 5: reports_to: unknown unit "nobody"; reporting line left out' in plan.messages()
    model = OrgModel()
    apply_plan(model, plan)
    assert model.unit_ids() == ["a", "d", "e", "k"]
    assert model.parent("d") is None and model.parent("e") is None and model.parent("k") == "d"


def test_self_report_ambiguous_name_and_cycle_with_existing():
    model = _existing()
    model.add_unit(Unit("sales2", "Sales", "front"))
    headers = ["id", "name", "office", "reports_to"]
    rows = [["x", "X", "back", "x"], ["y", "Y", "back", "sales"], ["z", "Z", "back", "Sales"],
            ["hq", "", "", "sales"]]
    plan = plan_import(headers, rows, guess_mapping(headers), model)
    assert plan.rejected == [
        (2, "reports_to: X cannot report to itself"),
        (4, 'reports_to: "Sales" is ambiguous (ids sales, sales2); use the id'),
        (5, "reports_to: HQ cannot report to Sales: Sales already reports (directly or indirectly) to HQ"),
    ]


def test_bad_values_messages():
    headers = ["name", "office", "cost", "revenue_generating", "headcount"]
    rows = [["A", "front", "abc", "", ""], ["B", "front", "", "maybe", ""], ["C", "front", "", "", "1.5"]]
    plan = plan_import(headers, rows, guess_mapping(headers), None)
    assert plan.rejected == [
        (2, 'cost: expected a number, got "abc"'),
        (3, 'revenue_generating: expected yes or no, got "maybe"'),
        (4, "headcount: expected a whole number, got 1.5"),
    ]


def _rich_model() -> OrgModel:
    model = OrgModel("Rich")
    model.add_unit(Unit("hq", "Genel Müdürlük", "back", True, 3, 1000.5, None, 0.0, 0.25, "top\nline", ("a", "b"),
                        x=10, y=20, color="#ff0000"))
    model.add_unit(Unit("sales", 'Satış "Ön"', "front", None, 12, 1234567.89, 2e6, 0.4, None, None, ()))
    model.add_unit(Unit("it", "Bilgi İşlem, Destek", "back", False, 0, 0.1, 1e-5, 1.0, 1.0, "x", ("çağrı",)))
    model.add_unit(Unit("ops", "Operasyon", "middle"))
    model.set_parent("sales", "hq")
    model.set_parent("it", "hq")
    model.set_parent("ops", "sales")
    model.add_dependency("sales", "it")
    model.add_dependency("ops", "it")
    model.add_dependency("ops", "sales")
    model.add_dependency("it", "ops")
    return model


def _same(original: OrgModel, loaded: OrgModel) -> None:
    def plain(unit):
        return replace(unit, x=None, y=None, color=None, extra={})

    assert [plain(u) for u in loaded.units()] == [plain(u) for u in original.units()]
    assert dict(loaded.reporting_lines()) == dict(original.reporting_lines())
    assert {(d.source, d.target) for d in loaded.dependencies()} == {
        (d.source, d.target) for d in original.dependencies()
    }


@pytest.mark.parametrize("writer, suffix", [(write_csv, ".csv"), (write_xlsx, ".xlsx")])
def test_round_trip(tmp_path, writer, suffix):
    original = _rich_model()
    path = tmp_path / f"model{suffix}"
    writer(original, path)
    loaded, plan = import_model(path)
    assert plan.rejected == []
    _same(original, loaded)


def test_csv_format(tmp_path):
    path = tmp_path / "out.csv"
    write_csv(_rich_model(), path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,name,office,")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == list(FIELDS)
    assert rows[1][:4] == ["hq", "Genel Müdürlük", "back", "yes"]
    assert rows[-1][4:6] == ["sales", "it; sales"]


def test_xlsx_header_bold_and_numbers(tmp_path):
    path = tmp_path / "out.xlsx"
    write_xlsx(_rich_model(), path)
    sheet = load_workbook(path).worksheets[0]
    assert [c.value for c in sheet[1]] == list(FIELDS)
    assert sheet["A1"].font.bold
    assert sheet["H3"].value == 12 and sheet["I3"].value == 1234567.89  # headcount, cost


def test_formula_injection_neutralised(tmp_path):
    model = OrgModel()
    names = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)"]
    for index, name in enumerate(names):
        model.add_unit(Unit(f"u{index}", name, "front", notes=name))
    csv_path, xlsx_path = tmp_path / "f.csv", tmp_path / "f.xlsx"
    write_csv(model, csv_path)
    write_xlsx(model, xlsx_path)
    text = csv_path.read_bytes().decode("utf-8-sig")
    for name in names:
        assert "'" + name.replace('"', '""') in text
    sheet = load_workbook(xlsx_path).worksheets[0]
    assert [sheet.cell(row=r, column=2).value for r in range(2, 6)] == ["'" + n for n in names]
    assert all(sheet.cell(row=r, column=2).data_type == "s" for r in range(2, 6))
    for path in (csv_path, xlsx_path):
        loaded, plan = import_model(path)
        assert plan.rejected == []
        assert [u.name for u in loaded.units()] == ["'" + n for n in names]
        assert [u.notes for u in loaded.units()] == ["'" + n for n in names]


def test_read_errors_name_the_file(tmp_path):
    missing = tmp_path / "missing.csv"
    with pytest.raises(SpreadsheetError, match="missing.csv: no such file"):
        read_rows(missing)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(SpreadsheetError, match="bad.xlsx: not a readable .xlsx workbook"):
        read_rows(bad)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\r\n , \r\n")
    with pytest.raises(SpreadsheetError, match="empty.csv: no header row"):
        read_rows(empty)
    other = tmp_path / "model.pdf"
    other.write_bytes(b"%PDF")
    with pytest.raises(SpreadsheetError, match="model.pdf: not a spreadsheet"):
        read_rows(other)
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"a,b\x00")
    with pytest.raises(SpreadsheetError, match="not a text file"):
        read_rows(binary)
    nameless = _write_csv(tmp_path / "nameless.csv", [["office"], ["front"]])
    with pytest.raises(SpreadsheetError, match="no column for unit names"):
        import_model(nameless)


def test_guess_mapping_aliases():
    headers = ["Birim Kodu", "DEPARTMAN", "Büro", "Gelir getirici", "Üst birim", "Destek alır", "Alternatif bağımlılıklar",
               "Personel sayısı", "Gider", "Ciro", "Otomasyon Potansiyeli", "Otomasyon kolaylığı", "Etiketler", "Açıklama"]
    assert guess_mapping(headers) == {name: index for index, name in enumerate(FIELDS)}
    assert guess_mapping(list(FIELDS)) == {name: index for index, name in enumerate(FIELDS)}
    assert guess_mapping(["ID", "Name", "name"]) == {"id": 0, "name": 1}


def _alternatives_model() -> OrgModel:
    model = OrgModel("alternatives")
    for uid, office in (("sales", "front"), ("it-ist", "back"), ("it-ank", "back"), ("payroll", "back"), ("bureau", "back"), ("hr", "back")):
        model.add_unit(Unit(uid, uid.upper(), office))
    model.add_dependency("sales", "hr")
    model.add_dependency("sales", "it-ist", group="IT site")
    model.add_dependency("sales", "it-ank", group="IT site")
    model.add_dependency("sales", "payroll", group="payroll")
    model.add_dependency("sales", "bureau", group="payroll")
    return model


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_alternative_groups_round_trip(tmp_path, extension):
    path = tmp_path / f"units.{extension}"
    (write_csv if extension == "csv" else write_xlsx)(_alternatives_model(), path)
    headers, rows = read_rows(path)
    assert "alternatives" in headers
    sales = rows[[r[0] for r in rows].index("sales")]
    assert sales[headers.index("depends_on")] == "hr"
    assert sales[headers.index("alternatives")] == "IT site = it-ist | it-ank; payroll = payroll | bureau"
    model, plan = import_model(path)
    assert plan.rejected == []
    assert sorted((d.source, d.target, d.group) for d in model.dependencies()) == sorted(
        (d.source, d.target, d.group) for d in _alternatives_model().dependencies())


def test_alternatives_by_name_in_turkish_and_their_problems(tmp_path):
    path = _write_csv(tmp_path / "birimler.csv", [
        ["Birim adı", "Ofis", "Alternatifler"],
        ["Satış", "ön", "BT = BT İstanbul | BT Ankara"],
        ["BT İstanbul", "arka", ""],
        ["BT Ankara", "arka", ""],
        ["Pazarlama", "ön", "BT İstanbul | Yok Böyle"],
        ["Destek", "ön", "a|b = BT Ankara"],
        ["Muhasebe", "arka", "BT = BT Ankara; BT = BT İstanbul"],
    ])
    model, plan = import_model(path)
    groups = {(d.source, d.target): d.group for d in model.dependencies()}
    assert groups == {("satis", "bt-istanbul"): "BT", ("satis", "bt-ankara"): "BT"}
    reasons = dict((row, str(reason)) for row, reason in plan.rejected)
    assert reasons[5] == 'alternatives: unknown unit "Yok Böyle"'
    assert reasons[6].startswith("alternatives:")
    assert reasons[7] == "alternatives: group 'BT' is written twice"
