"""``orgmodel convert`` as an import: nothing written when nothing comes in, --map, --page."""

from __future__ import annotations

from pathlib import Path

from orgmodel.cli import main


def test_convert_that_imports_nothing_exits_1_and_keeps_the_old_output(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text("name,headcount\n" + "".join(f"P{n},many\n" for n in range(30)), "utf-8")
    out = tmp_path / "model.orgmodel"
    out.write_text("the model of yesterday", "utf-8")
    assert main(["convert", str(sheet), str(out)]) == 1
    assert out.read_text("utf-8") == "the model of yesterday"
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{sheet}: 0 added, 0 updated, 0 unchanged, 30 rejected"
    assert err[21] == f"{sheet}: … and 10 more"
    assert err[-2:] == [f"{sheet}: no unit could be imported", f"{out}: not written"]


def test_convert_with_map(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "odd.csv"
    sheet.write_text("Who,Boss,Team\na,,Board\nb,a,Sales\n", "utf-8")
    out = tmp_path / "odd.graphml"
    assert main(["convert", str(sheet), str(out), "--map", "id=Who,name=Team,reports_to=Boss"]) == 0
    assert "2 units" in capsys.readouterr().out
    assert main(["convert", str(sheet), str(out), "--map", "name"]) == 1
    assert "--map: expected FIELD=COLUMN" in capsys.readouterr().err
