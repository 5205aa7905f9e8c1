"""The command line under odd but possible conditions (issue 19): a full stdout, an output
that is the input, an input changed while the command ran, absurd numbers. Each answer is
its exit code and one line, never a traceback, and an existing output is left byte for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from orgmodel import layout as layouts
from orgmodel.cli import main
from orgmodel.formats.native import load, save
from orgmodel.formats.spreadsheet import write_xlsx
from orgmodel.model import OrgModel, Unit


def _model(name: str = "Small", revenue: int | float = 100) -> OrgModel:
    model = OrgModel(name)
    model.add_unit(Unit("sales", "Sales", "front", revenue=revenue, x=0, y=0))
    model.add_unit(Unit("web", "Web", "front", revenue=revenue, x=240, y=0))
    model.add_unit(Unit("it", "IT", "back", x=480, y=0))
    model.add_dependency("sales", "it")
    model.add_dependency("web", "it")
    return model


def _run(*args: str, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orgmodel", *args], stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.orgmodel"
    save(_model(), path)
    return path


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def test_a_full_stdout_is_one_line_and_exit_1(model_file: Path) -> None:
    with open("/dev/full", "w") as full:
        result = _run("check", str(model_file), stdout=full.fileno())
    assert result.returncode == 1
    assert _one_line(result.stderr) == "orgmodel: cannot write the output: No space left on device"


def test_a_full_stdout_after_convert_wrote_its_file_says_so_and_exits_0(model_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "units.csv"
    with open("/dev/full", "w") as full:
        result = _run("convert", str(model_file), str(out), stdout=full.fileno())
    assert result.returncode == 0
    assert _one_line(result.stderr) == f"orgmodel: {out} was written, but this report of it could not be: No space left on device"
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,name")


@pytest.mark.parametrize("name", ["units.xlsx", "units.csv"])
def test_convert_onto_its_own_spreadsheet_is_refused(model_file: Path, tmp_path: Path, capsys, name: str) -> None:
    source = tmp_path / name
    assert main(["convert", str(model_file), str(source)]) == 0
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        book = load_workbook(source)
        book.create_sheet("Notes")["A1"] = "=SUM(1,2)"  # what OrgModel does not read
        book.save(source)
    before = source.read_bytes()
    alias = tmp_path / f"alias-{name}"
    alias.symlink_to(source)
    capsys.readouterr()
    for out in (source, alias):
        assert main(["convert", str(source), str(out)]) == 1
        message = _one_line(capsys.readouterr().err)
        assert message.startswith(f"{out}: not written: it is the input {source}, and writing over it would lose")
    assert source.read_bytes() == before


def test_layout_onto_its_own_model_file_is_allowed(model_file: Path, capsys) -> None:
    assert main(["layout", str(model_file), str(model_file)]) == 0
    assert len(load(model_file)) == 3


def test_layout_does_not_replace_a_model_saved_while_it_ran(model_file: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    arrange = layouts.orgchart_layout

    def someone_saves_meanwhile(model: OrgModel, *args):
        save(_model("Saved by the editor meanwhile"), model_file)
        return arrange(model, *args)

    monkeypatch.setattr(layouts, "orgchart_layout", someone_saves_meanwhile)
    before = None
    assert main(["layout", str(model_file), str(model_file)]) == 1
    message = _one_line(capsys.readouterr().err)
    assert message == f"{model_file}: not written: {model_file} changed on disk while this command ran; run it again"
    assert load(model_file).name == "Saved by the editor meanwhile"
    assert before is None


def test_layout_respects_a_read_only_output(model_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.orgmodel"
    save(_model("Old"), out)
    out.chmod(0o444)
    before = out.read_bytes()
    assert main(["layout", str(model_file), str(out)]) == 1
    assert _one_line(capsys.readouterr().err) == f"orgmodel: cannot save {out}: the file is read-only"
    assert out.read_bytes() == before


def test_writing_through_a_link_says_where_it_wrote(model_file: Path, tmp_path: Path, capsys) -> None:
    real = tmp_path / "real.csv"
    real.write_bytes(b"old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert main(["convert", str(model_file), str(link)]) == 0
    assert capsys.readouterr().out.startswith(f"{link}: written (a link to {real}) (3 units")
    assert link.is_symlink() and real.read_bytes().startswith(b"\xef\xbb\xbfid")


def test_impact_with_revenues_beyond_a_float_prints_them_exactly(tmp_path: Path, capsys) -> None:
    path = tmp_path / "big.orgmodel"
    save(_model(revenue=int(sys.float_info.max)), path)
    assert main(["impact", str(path)]) == 0
    row = capsys.readouterr().out.splitlines()[2]
    assert row.startswith("IT  ") and f"{2 * int(sys.float_info.max):,}" in row


@pytest.mark.parametrize("far", [3e9, -1e8 - 1])
def test_a_card_beyond_the_coordinate_limit_is_refused_at_load_naming_it(tmp_path: Path, capsys, far: float) -> None:
    path = tmp_path / "far.orgmodel"
    save(_model(), path)
    path.write_text(path.read_text("utf-8").replace('"x": 480.0', f'"x": {far!r}'), "utf-8")
    assert main(["check", str(path)]) == 1
    assert _one_line(capsys.readouterr().err) == f"{path}: units[2].x: must be between -1e+08 and 1e+08, got {far!r}"


def test_a_number_of_5000_digits_in_a_csv_is_a_rejected_row(tmp_path: Path, capsys) -> None:
    source = tmp_path / "digits.csv"
    source.write_text("id,name,office,revenue\na,A,front," + "9" * 5000 + "\n", "utf-8")
    assert main(["convert", str(source), str(tmp_path / "out.orgmodel")]) == 1
    err = capsys.readouterr().err
    assert "row 2: revenue: number too large" in err and "Traceback" not in err
    assert not (tmp_path / "out.orgmodel").exists()


def test_deeply_nested_lone_surrogates_are_problems_not_a_recursion_error(tmp_path: Path) -> None:
    depth = 985  # just inside what the JSON parser takes in a fresh process
    path = tmp_path / "deep.orgmodel"
    path.write_text(
        '{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "A", "office": "front", "zz": '
        + '["\\ud800", ' * depth + '"\\udc00"' + "]" * depth + '}], "dependencies": []}', "utf-8",
    )
    result = _run("check", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path}: ")
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr


def test_kept_unknown_keys_are_checked_without_recursion() -> None:
    from orgmodel.formats.native import _Reader

    value: object = "\udc00"
    for _ in range(5000):  # deeper than Python's recursion limit
        value = {"\ud800": value}
    reader = _Reader()
    reader.check_extra(value, "units[0].zz")
    assert len(reader.problems) == 5001
    assert str(reader.problems[0].message) == "invalid text: lone surrogate (half a UTF-16 pair, not a character)"


def test_xlsx_round_trip_still_writes_a_new_file(model_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "units.xlsx"
    write_xlsx(_model("Old"), out)
    assert main(["convert", str(model_file), str(out)]) == 0


def test_a_thousand_duplicate_dependencies_are_a_summary_not_a_thousand_lines(model_file: Path, capsys) -> None:
    text = model_file.read_text("utf-8")
    line = '{"from": "sales", "to": "it"}'
    model_file.write_text(text.replace('"dependencies": [', '"dependencies": [' + ", ".join([line] * 1000) + ", "), "utf-8")
    assert main(["check", str(model_file)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 21
    assert lines[0].startswith(f"{model_file}: dependencies[1]")
    assert lines[-1] == "… and 980 more problems (1,000 in all)"


@pytest.mark.parametrize("extension", [".graphml", ".drawio", ".csv"])
def test_a_refused_output_says_why_in_every_format(model_file: Path, tmp_path: Path, capsys, extension: str) -> None:
    out = tmp_path / f"out{extension}"
    out.write_bytes(b"keep")
    out.chmod(0o444)
    assert main(["convert", str(model_file), str(out)]) == 1
    assert _one_line(capsys.readouterr().err).endswith("the file is read-only")
    assert out.read_bytes() == b"keep"


#: What the ``orgmodel`` console script does (pip's wrapper), with Ctrl+C arriving while the
#: program's modules are still being imported (as networkx starts to load): deterministic,
#: where a real signal at a random moment would only sometimes land there.
_CTRL_C_WHILE_IMPORTING = """
import sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "orgmodel.analysis":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, CtrlC())
sys.argv = ["orgmodel", "check", sys.argv[1]]
from ui.launcher import main
sys.exit(main())
"""


def test_ctrl_c_while_the_program_starts_is_a_quiet_exit_130(tmp_path: Path) -> None:
    sample = ROOT / "resources" / "samples" / "example_co.orgmodel"
    done = subprocess.run([sys.executable, "-c", _CTRL_C_WHILE_IMPORTING, str(sample)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 130
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert done.stderr.strip() == "orgmodel: interrupted by SIGINT"
