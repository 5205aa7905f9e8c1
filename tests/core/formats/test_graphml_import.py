"""GraphML as yEd Live, yEd with groups, Gephi and plain undirected graphs write it."""

from __future__ import annotations

from pathlib import Path

from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
from orgmodel.formats import read_any
from orgmodel.formats.graphml import read_graphml
from orgmodel.formats.importing import ImportOptions
from orgmodel.layout.placement import overlapping_cards

# Shaped like a file saved by yEd Live (yFiles for HTML): keys marked with y:attr.uri, labels
# in <y:Label.Text>, boxes as <y:RectD>, 30×30 nodes 45 apart.
YED_LIVE = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
 xmlns:y="http://www.yworks.com/xml/yfiles-common/3.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/3.0"
 xmlns:yjs="http://www.yworks.com/xml/yfiles-for-html/2.0/xaml">
  <key id="d0" for="node" attr.type="int" attr.name="zOrder" y:attr.uri="http://www.yworks.com/xml/yfiles-z-order/1.0/ZOrder"/>
  <key id="d1" for="node" attr.name="NodeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeLabels"/>
  <key id="d2" for="node" attr.name="NodeGeometry" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeGeometry"/>
  <key id="d3" for="edge" attr.name="EdgeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/EdgeLabels"/>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="d0">1</data>
      <data key="d1"><x:List><y:Label><y:Label.Text>Sales</y:Label.Text></y:Label></x:List></data>
      <data key="d2"><y:RectD X="0" Y="0" Width="30" Height="30"/></data></node>
    <node id="n1"><data key="d0">2</data>
      <data key="d1"><x:List><y:Label><y:Label.Text>IT</y:Label.Text></y:Label></x:List></data>
      <data key="d2"><y:RectD X="45" Y="0" Width="30" Height="30"/></data></node>
    <node id="n2"><data key="d0">3</data>
      <data key="d1"><x:List><y:Label Text="Payroll"/></x:List></data>
      <data key="d2"><y:RectD X="0" Y="45" Width="30" Height="30"/></data></node>
    <edge id="e0" source="n0" target="n1">
      <data key="d3"><x:List><y:Label><y:Label.Text>CRM</y:Label.Text></y:Label></x:List></data></edge>
  </graph>
</graphml>
"""

# Shaped like yEd desktop with a group node: the group holds a graph of its own.
YED_GROUPS = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0" yfiles.foldertype="group">
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode>
        <y:Geometry height="200.0" width="300.0" x="0.0" y="0.0"/><y:NodeLabel>Finance</y:NodeLabel>
      </y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n0:">
        <node id="n0::n0"><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="20.0" y="40.0"/>
          <y:NodeLabel>Accounting</y:NodeLabel></y:ShapeNode></data></node>
        <node id="n0::n1"><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="80.0" y="40.0"/>
          <y:NodeLabel>Treasury</y:NodeLabel></y:ShapeNode></data></node>
        <edge id="n0::e0" source="n0::n0" target="n0::n1"/>
      </graph>
    </node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="400.0" y="0.0"/>
      <y:NodeLabel>Sales</y:NodeLabel></y:ShapeNode></data></node>
  </graph>
</graphml>
"""

# A plain undirected graph with its keys inside <graph> and colours as text and as r, g, b.
UNDIRECTED = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph id="G" edgedefault="undirected">
    <key id="name" for="node" attr.name="name" attr.type="string"/>
    <key id="color" for="node" attr.name="color" attr.type="string"/>
    <key id="r" for="node" attr.name="r" attr.type="int"/>
    <key id="g" for="node" attr.name="g" attr.type="int"/>
    <key id="b" for="node" attr.name="b" attr.type="int"/>
    <node id="a"><data key="name">Sales</data><data key="color">red</data></node>
    <node id="b"><data key="name">IT</data><data key="color">#0a0</data></node>
    <node id="c"><data key="name">HR</data><data key="r">255</data><data key="g">128</data><data key="b">0</data></node>
    <edge source="a" target="b"/>
    <edge source="b" target="c" directed="true"/>
  </graph>
</graphml>
"""


def _names(model) -> dict[str, str]:
    return {unit.name: unit.id for unit in model.units()}


def test_yed_live_labels_and_positions_scaled(tmp_path: Path) -> None:
    path = tmp_path / "live.graphml"
    path.write_text(YED_LIVE, "utf-8")
    model, warnings = read_graphml(path)
    assert [u.name for u in model.units()] == ["Sales", "IT", "Payroll"]
    assert [(d.source, d.target, d.label) for d in model.dependencies()] == [("n0", "n1", "CRM")]
    positions = {u.id: (u.x, u.y) for u in model.units()}
    assert None not in positions["n0"] and overlapping_cards(positions, CARD_WIDTH, CARD_HEIGHT) == []
    assert positions["n1"][1] == positions["n0"][1] and positions["n2"][0] == positions["n0"][0]  # rows and columns kept
    assert not any("zOrder" in w or "NodeLabels" in w for w in warnings)


def test_yed_groups_become_reporting_lines(tmp_path: Path) -> None:
    path = tmp_path / "groups.graphml"
    path.write_text(YED_GROUPS, "utf-8")
    model, warnings = read_graphml(path)
    names = _names(model)
    assert sorted(names) == ["Accounting", "Finance", "Sales", "Treasury"]
    assert sorted(model.reporting_lines()) == [("n0::n0", "n0"), ("n0::n1", "n0")]
    assert [(d.source, d.target) for d in model.dependencies()] == [("n0::n0", "n0::n1")]
    assert "2 reporting lines from yEd groups: the nodes inside a group report to it" in warnings


def test_undirected_edges_keys_in_graph_and_colours(tmp_path: Path) -> None:
    path = tmp_path / "undirected.graphml"
    path.write_text(UNDIRECTED, "utf-8")
    model, warnings = read_any(str(path))
    assert [u.name for u in model.units()] == ["Sales", "IT", "HR"]  # keys declared inside <graph>
    assert sorted((d.source, d.target) for d in model.dependencies()) == [("a", "b"), ("b", "a"), ("b", "c")]
    assert "1 undirected edges read as a dependency each way" in warnings
    forward, warnings = read_any(str(path), ImportOptions(undirected="forward"))
    assert sorted((d.source, d.target) for d in forward.dependencies()) == [("a", "b"), ("b", "c")]
    assert "1 undirected edges read as one dependency each: the source depends on the target" in warnings
    assert model.unit("a").color is None and "colour: red" in model.unit("a").notes  # kept, not lost
    assert model.unit("b").color == "#00aa00" and model.unit("c").color == "#FF8000"
