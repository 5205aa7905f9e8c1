"""Hostile or unlucky inputs to every reader (issue 19): each refused with its exit code and
one line, never a traceback, in bounded memory and CPU time (the child runs under
address-space and CPU-time limits; a hang ends in the subprocess timeout, which fails the
test; no assertion on time).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

import hostile_inputs as hostile
from conftest import ROOT

MEMORY_LIMIT = 1024 * 1024 * 1024  # address space: Python + openpyxl fit well inside
CPU_SECONDS = 10  # starting Python and openpyxl takes about one


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``orgmodel ARGS`` in a child limited in memory; a hang fails by the timeout."""
    return subprocess.run(
        [sys.executable, "-m", "orgmodel", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT, timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT)}, preexec_fn=_limited,
    )


def refusal(result: subprocess.CompletedProcess[str], out: Path | None = None) -> str:
    """The one line saying why the input was refused (``convert`` may add ``OUT: not written``)."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.strip().splitlines() if line != f"{out}: not written"]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("name", ["units.csv", "units.xlsx", "model.graphml", "page.drawio", "model.archimate",
                                  "any.xml", "model.orgmodel"])
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    out = tmp_path / "out.orgmodel"
    result = run_cli("convert", str(fifo), str(out), timeout=30)
    assert refusal(result, out) == f"{fifo}: not a regular file"
    assert not out.exists()


@pytest.mark.parametrize("name", ["units.csv", "model.graphml", "model.orgmodel"])
def test_a_symlink_to_dev_zero_is_refused_not_read_forever(tmp_path: Path, name: str) -> None:
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    out = tmp_path / "out.csv"
    result = run_cli("convert", str(link), str(out), timeout=30)
    assert refusal(result, out) == f"{link}: not a regular file"


def test_check_refuses_a_fifo_model(tmp_path: Path) -> None:
    fifo = tmp_path / "model.orgmodel"
    os.mkfifo(fifo)
    assert refusal(run_cli("check", str(fifo), timeout=30)) == f"{fifo}: not a regular file"


def test_a_line_of_quotes_does_not_stall_delimiter_detection(tmp_path: Path) -> None:
    # csv.Sniffer's quote pattern took 22 s on 64 KB of ',"' (it now sees the first 4 KB)
    source = tmp_path / "quotes.csv"
    hostile.quotes_csv(source)
    result = run_cli("convert", str(source), str(tmp_path / "out.orgmodel"))
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1), result.stderr


@pytest.mark.parametrize("bottom_up", [False, True])
def test_a_long_reporting_chain_imports_in_linear_time(tmp_path: Path, bottom_up: bool) -> None:
    # 3,000 rows took 4.4 s; 20,000 would take minutes: checking each line for a loop
    # walked the whole chain above it
    source, out = tmp_path / "chain.csv", tmp_path / "chain.orgmodel"
    hostile.chain_csv(source, 20_000, bottom_up)
    result = run_cli("convert", str(source), str(out))
    assert result.returncode == 0, result.stderr
    from orgmodel.formats.native import load

    model = load(out)
    assert len(model) == 20_000 and len(model.ancestors("u19999")) == 19_999


def test_a_long_graphml_chain_imports_in_linear_time(tmp_path: Path) -> None:
    source, out = tmp_path / "chain.graphml", tmp_path / "chain.orgmodel"
    hostile.chain_graphml(source, 20_000)
    result = run_cli("convert", str(source), str(out))  # 18 s before
    assert result.returncode == 0, result.stderr
    from orgmodel.formats.native import load

    assert len(load(out).ancestors("n19999")) == 19_999


@pytest.mark.parametrize(("maker", "problem"), [
    (hostile.far_row_xlsx, "row 10,000,000 is beyond the last row a workbook may have (1,048,576)"),
    (hostile.column_bomb_xlsx, "row 3 has a cell in column 16,384; the limit is 1,000 columns"),
    (hostile.zip_bomb_xlsx, "xl/media/padding.bin unpacks to "),
    (hostile.shared_strings_xlsx, "its shared strings unpack to 9 MB; the limit is 4 MB"),
    (hostile.long_cell_xlsx, "row 3, column 1: a cell of 40,000 characters; the limit is 32,767"),
])
def test_a_hostile_workbook_is_refused_within_its_limits(tmp_path: Path, maker, problem: str) -> None:
    source, out = tmp_path / "units.xlsx", tmp_path / "out.orgmodel"
    maker(source)
    assert source.stat().st_size < 400 * 1024
    line = refusal(run_cli("convert", str(source), str(out)), out)
    assert line.startswith(f"orgmodel: {source}: {problem}")


def test_a_workbook_far_down_but_within_the_limits_is_read(tmp_path: Path) -> None:
    source, out = tmp_path / "units.xlsx", tmp_path / "out.csv"
    hostile.xlsx(source, f'<row r="1000000">{hostile.inline("A1000000", "Far")}</row>')
    result = run_cli("convert", str(source), str(out))
    assert result.returncode == 0, result.stderr
    assert "Far" in out.read_text(encoding="utf-8-sig")


def _workbook_with_a_hidden_first_sheet(path: Path, active: int = 1) -> None:
    from openpyxl import Workbook

    book = Workbook()
    old = book.active
    old.title = "Old"
    old.append(["name", "office"])
    old.append(["Stale unit", "back"])
    old.sheet_state = "hidden"
    for title, unit in (("Units", "Sales"), ("Other", "Web")):
        sheet = book.create_sheet(title)
        sheet.append(["name", "office"])
        sheet.append([unit, "front"])
    book.active = active
    book.save(path)


def _names(path: Path) -> list[str]:
    from orgmodel.formats.native import load

    return [unit.name for unit in load(path).units()]


@pytest.mark.parametrize(("active", "expected"), [(1, ["Sales"]), (2, ["Web"]), (0, ["Sales"])])
def test_a_hidden_first_sheet_is_not_imported(tmp_path: Path, active: int, expected: list[str]) -> None:
    # the active sheet when visible, else the first visible one
    source, out = tmp_path / "units.xlsx", tmp_path / "out.orgmodel"
    _workbook_with_a_hidden_first_sheet(source, active)
    if active == 0:  # a hidden active sheet: openpyxl refuses to save one, so mark it after
        from openpyxl import load_workbook

        book = load_workbook(source)
        book.active = 1
        book["Old"].sheet_state = "visible"
        book.active = 0
        book["Old"].sheet_state = "hidden"
        book.save(source)
    result = run_cli("convert", str(source), str(out))
    assert result.returncode == 0, result.stderr
    assert _names(out) == expected


@pytest.mark.parametrize(("sheet", "expected"), [("Other", ["Web"]), ("other", ["Web"]), ("1", ["Stale unit"]), ("3", ["Web"])])
def test_convert_imports_the_sheet_asked_for(tmp_path: Path, sheet: str, expected: list[str]) -> None:
    source, out = tmp_path / "units.xlsx", tmp_path / "out.orgmodel"
    _workbook_with_a_hidden_first_sheet(source)
    result = run_cli("convert", str(source), str(out), "--sheet", sheet)
    assert result.returncode == 0, result.stderr
    assert _names(out) == expected


def test_convert_names_the_sheets_when_the_one_asked_for_is_missing(tmp_path: Path) -> None:
    source, out = tmp_path / "units.xlsx", tmp_path / "out.orgmodel"
    _workbook_with_a_hidden_first_sheet(source)
    line = refusal(run_cli("convert", str(source), str(out), "--sheet", "Nope"), out)
    assert line == f"orgmodel: {source}: no sheet 'Nope'; its sheets are: Old, Units, Other"


def test_a_graphml_default_copied_into_every_node_is_capped(tmp_path: Path) -> None:
    # before: a 500 MB model (every unit's notes the 500 KB default) and its output written
    source, out = tmp_path / "bomb.graphml", tmp_path / "out.orgmodel"
    hostile.default_bomb_graphml(source)
    line = refusal(run_cli("convert", str(source), str(out)), out)
    assert line == (f"orgmodel: {source}: the default of key 'notes' (500,000 characters), copied into every node, comes to more "
                    "than 16,000,000 characters")
    assert not out.exists()


def _convert_csv(tmp_path: Path, data: bytes) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    source, out = tmp_path / "units.csv", tmp_path / "out.orgmodel"
    source.write_bytes(data)
    result = run_cli("convert", str(source), str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result, _names(out)


def test_one_stray_byte_in_a_utf8_csv_garbles_only_its_cell(tmp_path: Path) -> None:
    # before: the whole file read as Windows-1254, every Turkish name garbled, no word said
    data = "name,office\nMüşteri Hizmetleri,front\nİnsan Kaynakları,back\n".encode() + b"Bozuk \xff ad,back\n"
    result, names = _convert_csv(tmp_path, data)
    assert names == ["Müşteri Hizmetleri", "İnsan Kaynakları", "Bozuk \ufffd ad"]
    assert "bytes that are not UTF-8 were replaced by \ufffd in one cell: row 4, name" in result.stdout + result.stderr


def test_a_windows_1254_csv_says_how_it_was_read(tmp_path: Path) -> None:
    data = "name;office\nMüşteri Hizmetleri;ön ofis\nBilgi İşlem;arka ofis\n".encode("cp1254")
    result, names = _convert_csv(tmp_path, data)
    assert names == ["Müşteri Hizmetleri", "Bilgi İşlem"]
    assert "read as Windows-1254: the file is not UTF-8" in result.stdout + result.stderr


def test_a_latin1_csv_is_read_as_latin1_and_says_so(tmp_path: Path) -> None:
    data = "name,office\nÞórunn Guðmundsdóttir,front\nÁsta Sigurðardóttir,back\n".encode("latin-1")
    result, names = _convert_csv(tmp_path, data)
    assert names == ["Þórunn Guðmundsdóttir", "Ásta Sigurðardóttir"]
    assert "read as Latin-1: the file is not UTF-8" in result.stdout + result.stderr


def test_check_and_convert_read_a_saves_backup_as_it_is(tmp_path) -> None:
    """The .bak a save keeps is the model before that save: a person checks or recovers it
    without renaming it first (it was refused as "not an OrgModel file")."""
    import shutil

    from conftest import ROOT, run_orgmodel

    backup = tmp_path / "company.orgmodel.bak"
    shutil.copyfile(ROOT / "resources" / "samples" / "example_co.orgmodel", backup)
    checked = run_orgmodel("check", str(backup))
    assert checked.returncode == 0 and "valid model" in checked.stdout, checked.stderr
    out = tmp_path / "recovered.orgmodel"
    assert run_orgmodel("convert", str(backup), str(out)).returncode == 0
    assert out.read_bytes() and backup.exists()
