"""draw.io files as people have them: org-chart templates (HTML labels, UserObjects),
compressed pages, several pages, swimlanes; and OrgModel → draw.io → OrgModel."""

from __future__ import annotations

import base64
import urllib.parse
import zlib
from pathlib import Path

import pytest

from orgmodel.formats import read_any, write_any
from orgmodel.formats.drawio_read import DrawioError, read_drawio
from orgmodel.formats.importing import ImportOptions
from orgmodel.errors import ModelFileError
from orgmodel.formats.native import load
from orgmodel.model import unclassified_unit

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "example_co.orgmodel"

# Shaped like draw.io's "Org chart" template: HTML labels, a tree drawn top-down with
# orthogonal connectors, a UserObject with placeholders.
ORG_CHART_PAGE = """<mxGraphModel dx="1000" dy="600" grid="1"><root>
<mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="ceo" value="&lt;b&gt;Evan Miller&lt;/b&gt;&lt;br&gt;CEO" style="rounded=1;whiteSpace=wrap;html=1;fillColor=#dae8fc;" vertex="1" parent="1">
  <mxGeometry x="300" y="20" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="s" value="Sales&amp;nbsp;" style="rounded=1;html=1;fillColor=#F8CECC;" vertex="1" parent="1">
  <mxGeometry x="100" y="160" width="120" height="60" as="geometry"/></mxCell>
<UserObject label="%name%&lt;br&gt;%position%" placeholders="1" name="Tessa Valet" position="HR Director" email="t@example.com" id="hr">
  <mxCell style="rounded=1;html=1;fillColor=#fff;" vertex="1" parent="1"><mxGeometry x="500" y="160" width="120" height="60" as="geometry"/></mxCell>
</UserObject>
<mxCell id="e1" style="edgeStyle=orthogonalEdgeStyle;html=1;" edge="1" parent="1" source="ceo" target="s"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" style="edgeStyle=orthogonalEdgeStyle;html=1;" edge="1" parent="1" source="ceo" target="hr"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="lbl" value="manages" style="edgeLabel;html=1;" vertex="1" parent="e1"><mxGeometry x="0.1" relative="1" as="geometry"/></mxCell>
</root></mxGraphModel>"""

# A flowchart-like page: arrows going sideways and up are dependencies; a swimlane holds two shapes.
FLOW_PAGE = """<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="lane" value="IT" style="swimlane;html=1;" vertex="1" parent="1"><mxGeometry x="0" y="300" width="400" height="200" as="geometry"/></mxCell>
<mxCell id="a" value="Helpdesk" style="rounded=1;" vertex="1" parent="lane"><mxGeometry x="20" y="40" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="b" value="Servers" style="rounded=1;" vertex="1" parent="lane"><mxGeometry x="200" y="40" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="c" value="Sales" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="d1" style="endArrow=classic;" edge="1" parent="1" source="c" target="a"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="d2" style="endArrow=classic;" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="d3" style="endArrow=classic;" edge="1" parent="1" source="b" target="c"><mxGeometry relative="1" as="geometry"/></mxCell>
</root></mxGraphModel>"""


def _compressed(page_xml: str) -> str:
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    data = deflate.compress(urllib.parse.quote(page_xml, safe="").encode("ascii")) + deflate.flush()
    return base64.b64encode(data).decode("ascii")


def _names(model) -> dict[str, str]:
    return {unit.name: unit.id for unit in model.units()}


def _lines(model) -> set[tuple[str, str]]:
    return {(model.unit(c).name, model.unit(p).name) for c, p in model.reporting_lines()}


def _dependencies(model) -> set[tuple[str, str]]:
    return {(model.unit(d.source).name, model.unit(d.target).name) for d in model.dependencies()}


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "compressed"])
def test_org_chart_template(tmp_path: Path, compressed: bool) -> None:
    page = _compressed(ORG_CHART_PAGE) if compressed else ORG_CHART_PAGE
    path = tmp_path / "orgchart.drawio"
    path.write_text(f'<mxfile host="app.diagrams.net"><diagram id="x" name="Org">{page}</diagram></mxfile>', "utf-8")
    model, messages = read_any(str(path))
    assert sorted(_names(model)) == ["Evan Miller", "Sales", "Tessa Valet"]
    assert _lines(model) == {("Sales", "Evan Miller"), ("Tessa Valet", "Evan Miller")}
    assert model.dependency_count == 0
    ceo = model.unit(_names(model)["Evan Miller"])
    assert ceo.notes == "CEO" and ceo.color == "#dae8fc" and ceo.office is None  # fill is no office
    hr = model.unit(_names(model)["Tessa Valet"])
    assert hr.notes == "HR Director\nname: Tessa Valet\nposition: HR Director\nemail: t@example.com"
    assert hr.color == "#ffffff"
    assert model.unit(_names(model)["Sales"]).y > ceo.y  # positions kept, the tree still top-down
    assert any("top-down tree" in m for m in messages)


def test_dependencies_and_swimlanes(tmp_path: Path) -> None:
    path = tmp_path / "flow.xml"
    path.write_text(FLOW_PAGE, "utf-8")
    model, _ = read_any(str(path))
    assert _dependencies(model) == {("Sales", "Helpdesk"), ("Helpdesk", "Servers"), ("Servers", "Sales")}
    assert _lines(model) == {("Helpdesk", "IT"), ("Servers", "IT")}
    helpdesk, servers = (model.unit(_names(model)[n]) for n in ("Helpdesk", "Servers"))
    assert helpdesk.y > model.unit(_names(model)["Sales"]).y and servers.x - helpdesk.x >= 180  # inside the lane, apart


def test_several_pages_choose_by_name_or_number(tmp_path: Path) -> None:
    path = tmp_path / "two.drawio"
    path.write_text(f'<mxfile><diagram name="Org">{_compressed(ORG_CHART_PAGE)}</diagram>'
                    f'<diagram name="IT flows">{FLOW_PAGE}</diagram></mxfile>', "utf-8")
    first, messages = read_drawio(path)
    assert "Evan Miller" in _names(first)
    assert messages[0] == 'page "Org" imported; the file has 2 pages: 1. "Org", 2. "IT flows"'
    by_name, _ = read_any(str(path), ImportOptions(page="it flows"))
    by_number, _ = read_drawio(path, "2")
    assert sorted(_names(by_name)) == sorted(_names(by_number)) == ["Helpdesk", "IT", "Sales", "Servers"]
    assert by_name.name == "IT flows"
    with pytest.raises(DrawioError, match='no page "3" \\(the pages are: 1. "Org", 2. "IT flows"\\)'):
        read_drawio(path, "3")


def test_round_trip_keeps_units_lines_and_names(tmp_path: Path) -> None:
    model = load(str(SAMPLE))
    model.add_unit(unclassified_unit("new-team", "New Team", x=-400.0, y=0.0))
    model.add_dependency("new-team", model.unit_ids()[0])
    path = tmp_path / "sample.drawio"
    write_any(model, str(path))
    back, _ = read_any(str(path))
    assert [(u.id, u.name, u.office) for u in back.units()] == [(u.id, u.name, u.office) for u in model.units()]
    assert sorted(back.reporting_lines()) == sorted(model.reporting_lines())
    assert {(d.source, d.target) for d in back.dependencies()} == {(d.source, d.target) for d in model.dependencies()}
    assert [(u.x, u.y) for u in back.units()] == [(u.x, u.y) for u in model.units()]
    assert [u.color for u in back.units()] == [u.color for u in model.units()]  # office fills are no colours


def test_a_drawing_without_text_is_no_model(tmp_path: Path) -> None:
    path = tmp_path / "shapes.drawio"
    path.write_text('<mxfile><diagram name="P"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>'
                    '<mxCell id="a" value="" vertex="1" parent="1"><mxGeometry width="10" height="10" as="geometry"/></mxCell>'
                    "</root></mxGraphModel></diagram></mxfile>", "utf-8")
    with pytest.raises(ModelFileError, match="no unit could be imported"):
        read_any(str(path))


def test_broken_files_say_why(tmp_path: Path) -> None:
    bad = tmp_path / "bad.drawio"
    bad.write_text('<mxfile><diagram name="P">not base64 deflate!!</diagram></mxfile>', "utf-8")
    with pytest.raises(DrawioError, match="the compressed page cannot be read"):
        read_drawio(bad)
    other = tmp_path / "other.drawio"
    other.write_text("<svg/>", "utf-8")
    with pytest.raises(DrawioError, match="unexpected root element <svg>"):
        read_drawio(other)


def test_a_page_that_inflates_beyond_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import orgmodel.formats.drawio_read as drawio_read

    monkeypatch.setattr(drawio_read, "MAX_BYTES", 10_000)  # the real limit is 50 MB; same code path
    path = tmp_path / "bomb.drawio"
    path.write_text(f'<mxfile><diagram name="P">{_compressed("<mxGraphModel>" + " " * 100_000 + "</mxGraphModel>")}</diagram></mxfile>',
                    "utf-8")
    with pytest.raises(DrawioError, match="the page is too large once uncompressed"):
        read_drawio(path)


def test_names_broken_to_fit_their_shape_are_whole_again(tmp_path: Path) -> None:
    # As draw.io's own "Org chart" template writes them (plain labels, broken with a newline).
    page = FLOW_PAGE.replace('value="Helpdesk"', 'value="Office of &#xa;Workplace Solutions"').replace(
        'value="Servers"', 'value="Regulatory &#xa;and Enforcement Division"').replace('value="Sales"', 'value="Evan Miller&#xa;CFO"')
    path = tmp_path / "wrapped.drawio"
    path.write_text(f'<mxfile><diagram name="P">{page}</diagram></mxfile>', "utf-8")
    model, _ = read_any(str(path))
    names = sorted(unit.name for unit in model.units())
    assert names == ["Evan Miller", "IT", "Office of Workplace Solutions", "Regulatory and Enforcement Division"]
    assert next(u for u in model.units() if u.name == "Evan Miller").notes == "CFO"
