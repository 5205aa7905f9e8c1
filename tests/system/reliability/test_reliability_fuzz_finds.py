"""What ``benchmarks/fuzz_readers.py`` found (issue 19), each as the smallest file that shows
it: every import ends in messages of one line each that name the file, say what is wrong and
where, and quote no more of a value than a person can read; never a traceback, a warning of
a library, or a raw control character sent to the terminal."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

import hostile_inputs as hostile
from test_reliability_readers import run_cli

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _messages(result, out: Path) -> list[str]:
    """The stderr lines but the ``OUT: not written`` verdict; each checked to be a message."""
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.split("\n") if line and line != f"{out}: not written"]
    for line in lines:
        assert not CONTROL.search(line), repr(line)
        assert len(line) < 500, line[:300]
    return lines


@pytest.mark.parametrize("value", ["\x1b[31mred", "u1\x7f", "a\rb", "a\nb"])
def test_a_control_character_quoted_from_a_csv_is_shown_as_an_escape(tmp_path: Path, value: str) -> None:
    # An escape sequence in a cell reached the terminal as it was (red text, a line break,
    # a carriage return that hid the start of the message).
    source, out = tmp_path / "units.csv", tmp_path / "out.orgmodel"
    cell = '"' + value + '"'
    source.write_text(f"id,name,office,reports_to\nu1,Sales,front,\nu2,IT,back,{cell}\n", encoding="utf-8")
    result = run_cli("convert", str(source), str(out))
    assert result.returncode == 0, result.stderr
    lines = _messages(result, out)
    escaped = value.translate({c: f"\\x{c:02x}" for c in range(0, 32)} | {0x7F: "\\x7f"})
    assert f'{source}: row 3: reports_to: unknown unit "{escaped}"; reporting line left out' in lines


def test_a_value_of_70000_characters_is_quoted_in_part(tmp_path: Path) -> None:
    source, out = tmp_path / "model.orgmodel", tmp_path / "out.orgmodel"
    source.write_text(json.dumps({"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "A"}],
                                  "dependencies": [{"from": "x" * 70_000, "to": "a"}]}), encoding="utf-8")
    result = run_cli("convert", str(source), str(out))
    assert result.returncode == 1
    (line,) = _messages(result, out)  # a line of 70,086 characters before
    assert line.startswith(f"{source}: dependencies[0].from: unknown unit 'xxx") and line.endswith("x…'")


def test_unknown_graphml_keys_are_listed_in_part(tmp_path: Path) -> None:
    source, out = tmp_path / "model.graphml", tmp_path / "out.orgmodel"
    keys = "".join(f'<key id="k{i}" for="node" attr.name="{"field" * 40}{i}" attr.type="string"/>' for i in range(50))
    data = "".join(f'<data key="k{i}">v</data>' for i in range(50))
    source.write_text('<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                      f'{keys}<graph edgedefault="directed"><node id="n1">{data}</node></graph></graphml>', encoding="utf-8")
    result = run_cli("convert", str(source), str(out))
    assert result.returncode == 0, result.stderr
    notes = [line for line in _messages(result, out) if "keys OrgModel does not know" in line]
    assert notes and notes[0].startswith(f"{source}: ") and notes[0].endswith("…")


def _drawio_page(tmp_path: Path, label: str) -> Path:
    source = tmp_path / "page.drawio"
    source.write_text('<mxfile><diagram name="P"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>'
                      f'<mxCell id="sales" value="{label}" vertex="1" parent="1"><mxGeometry x="0" y="0" width="120" height="60" as="geometry"/></mxCell>'
                      '<mxCell id="it" value="IT" vertex="1" parent="1"><mxGeometry x="200" y="0" width="120" height="60" as="geometry"/></mxCell>'
                      "</root></mxGraphModel></diagram></mxfile>", encoding="utf-8")
    return source


def test_a_control_character_in_a_drawing_label_becomes_a_space(tmp_path: Path) -> None:
    # One invisible character in one label refused the whole drawing.
    source, out = _drawio_page(tmp_path, "Sal&#x7f;es&#x80;&lt;br&gt;Istanbul&#x9f;office"), tmp_path / "out.orgmodel"
    result = run_cli("convert", str(source), str(out))
    assert result.returncode == 0, result.stderr
    assert f"{source}: labels with control characters (invisible), each replaced by a space: 1" in _messages(result, out)
    from orgmodel.formats.native import load

    model = load(out)
    assert [unit.name for unit in model.units()] == ["Sal es", "IT"]
    assert model.unit(model.unit_ids()[0]).notes == "Istanbul office"


def test_a_name_the_model_refuses_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "orgmodel: unit 'sales', name: control character U+0080 at position 6": which file?
    import orgmodel.formats.drawio_read as drawio_read
    from orgmodel.errors import ModelFileError
    from orgmodel.formats import read_any

    monkeypatch.setattr(drawio_read, "spaced_out", lambda text: text)  # a name the model refuses reaches it
    monkeypatch.setattr(drawio_read, "control_character", lambda text: None)
    source = _drawio_page(tmp_path, "Sales&#x80;")
    with pytest.raises(ModelFileError) as caught:
        read_any(str(source))
    assert str(caught.value) == f"{source}: unit 'sales', name: control character U+0080 at position 6"


def test_a_model_with_hundreds_of_problems_is_a_summary_in_convert_too(tmp_path: Path) -> None:
    # check printed 20 problems and a count; convert printed all 300
    source, out = tmp_path / "model.orgmodel", tmp_path / "out.orgmodel"
    units = [{"id": "b", "name": "B", "office": "true"} for _ in range(150)]
    source.write_text(json.dumps({"format": "orgmodel", "version": 1, "units": units}), encoding="utf-8")
    result = run_cli("convert", str(source), str(out))
    assert result.returncode == 1
    lines = _messages(result, out)
    assert len(lines) == 21 and all(line.startswith(f"{source}: units[") for line in lines[:20])
    assert re.fullmatch(r"… and [\d,]+ more problems \([\d,]+ in all\)", lines[20])


def test_a_workbook_openpyxl_warns_about_prints_no_warning(tmp_path: Path) -> None:
    # openpyxl's "UserWarning: File contains an invalid specification for 0" reached the
    # terminal with a line of its source code
    source, out = tmp_path / "units.xlsx", tmp_path / "out.orgmodel"
    hostile.xlsx(source)
    with zipfile.ZipFile(source) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"</sheets>", b'<sheet name="Ghost" sheetId="9"/></sheets>')
    with zipfile.ZipFile(source, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    result = run_cli("convert", str(source), str(out))
    assert result.returncode == 0, result.stderr
    assert _messages(result, out) == [f"{source}: 1 added, 0 updated, 0 unchanged, 0 rejected"]
