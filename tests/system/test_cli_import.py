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


def test_convert_page_and_undirected(tmp_path: Path, capsys) -> None:
    drawing = tmp_path / "two.drawio"
    cell = '<mxCell id="{0}" value="{0}" vertex="1" parent="1"><mxGeometry x="0" y="0" width="120" height="60" as="geometry"/></mxCell>'
    pages = "".join(f'<diagram name="{name}"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>{cell.format(unit)}'
                    f"</root></mxGraphModel></diagram>" for name, unit in (("Org", "Board"), ("IT", "Servers")))
    drawing.write_text(f"<mxfile>{pages}</mxfile>", "utf-8")
    out = tmp_path / "it.orgmodel"
    assert main(["convert", str(drawing), str(out), "--page", "IT"]) == 0
    assert 'page "IT" imported; the file has 2 pages: 1. "Org", 2. "IT"' in capsys.readouterr().err
    assert '"Servers"' in out.read_text("utf-8")
    assert main(["convert", str(drawing), str(out), "--page", "9"]) == 1
    assert 'no page "9"' in capsys.readouterr().err

    graph = tmp_path / "g.graphml"
    graph.write_text('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">'
                     '<node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>', "utf-8")
    assert main(["convert", str(graph), str(out), "--undirected", "forward"]) == 0
    assert "1 dependency" in capsys.readouterr().out
    assert main(["convert", str(graph), str(out)]) == 0
    assert "2 dependencies" in capsys.readouterr().out
