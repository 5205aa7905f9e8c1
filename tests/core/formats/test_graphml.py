"""GraphML export/import: round trip, networkx, yEd and Gephi files, odd edges, hostile XML."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from orgmodel.formats import native as fileformat
from orgmodel.formats.graphml import GraphMLError, read_graphml, write_graphml
from orgmodel.model import OrgModel, Unit, is_unclassified

from conftest import ROOT, SAMPLES

HELPER = ROOT / "tests" / "core" / "formats" / "hostile_xml.py"
GRAPHML_HEAD = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'


def _full_model() -> OrgModel:
    model = OrgModel("Örnek A.Ş. <&> \"test\"")
    model.add_unit(Unit("yk", "Yönetim Kurulu", "middle", revenue_generating=False, headcount=7, cost=1_250_000,
                        revenue=0, automation_potential=0.05, automation_ease=0.9, notes="Çok satırlı\nnot; & <ok>", tags=("yönetim", "çekirdek"),
                        x=10.5, y=-20.25, color="#8e44ad"))
    model.add_unit(Unit("satis", "Satış & Pazarlama", "front", revenue_generating=True, headcount=120, cost=9.5e6,
                        revenue=4.2e7, automation_potential=0.3, tags=("çekirdek",), x=0, y=200))
    model.add_unit(Unit("it", "Bilgi İşlem", "back", headcount=0, automation_potential=1.0, x=400.0, y=200.0))
    model.add_unit(Unit("ik", "İnsan Kaynakları", "back"))  # no optional fields at all
    model.set_parent("satis", "yk")
    model.set_parent("it", "yk")
    model.set_parent("ik", "it")
    model.add_dependency("satis", "it", weight=2.5, label="CRM & ERP <destek>")
    model.add_dependency("yk", "satis")
    model.add_dependency("ik", "satis", weight=1, label="işe alım")
    model.add_dependency("it", "ik", group="destek")
    model.add_dependency("it", "satis", group="destek")
    return model


def test_round_trip_keeps_everything(tmp_path):
    model = _full_model()
    path = tmp_path / "model.graphml"
    write_graphml(model, path)
    loaded, warnings = read_graphml(path)
    assert warnings == []
    assert loaded.name == model.name
    assert loaded.units() == model.units()
    assert list(loaded.reporting_lines()) == list(model.reporting_lines())
    assert loaded.dependencies() == model.dependencies()
    assert fileformat.dumps(loaded) == fileformat.dumps(model)


@pytest.mark.parametrize("sample", ["example_co.orgmodel", "ornek_as.orgmodel"])
def test_round_trip_samples(tmp_path, sample):
    model = fileformat.load(SAMPLES / sample)
    path = tmp_path / "sample.graphml"
    write_graphml(model, path)
    loaded, warnings = read_graphml(path)
    assert warnings == []
    assert fileformat.dumps(loaded) == fileformat.dumps(model)


def test_networkx_reads_every_field(tmp_path):
    model = _full_model()
    path = tmp_path / "model.graphml"
    write_graphml(model, path)
    graph = nx.read_graphml(path)
    assert graph.is_directed()
    assert graph.graph["name"] == model.name
    assert list(graph.nodes) == model.unit_ids()
    yk = graph.nodes["yk"]
    assert yk["name"] == "Yönetim Kurulu" and yk["office"] == "middle"
    assert yk["revenue_generating"] is False and yk["headcount"] == 7
    assert yk["cost"] == 1_250_000 and yk["revenue"] == 0 and yk["automation_potential"] == 0.05 and yk["automation_ease"] == 0.9
    assert yk["notes"] == "Çok satırlı\nnot; & <ok>" and yk["tags"] == "yönetim; çekirdek"
    assert yk["x"] == 10.5 and yk["y"] == -20.25 and yk["color"] == "#8e44ad"
    assert "parent" not in yk
    satis = graph.nodes["satis"]
    assert satis["parent"] == "yk" and satis["revenue_generating"] is True and satis["revenue"] == 4.2e7
    assert isinstance(satis["headcount"], int) and isinstance(satis["cost"], float)
    reports = {(s, t) for s, t, d in graph.edges(data=True) if d["kind"] == "reports_to"}
    assert reports == {("satis", "yk"), ("it", "yk"), ("ik", "it")}
    deps = {(s, t): d for s, t, d in graph.edges(data=True) if d["kind"] == "dependency"}
    assert set(deps) == {("satis", "it"), ("yk", "satis"), ("ik", "satis"), ("it", "ik"), ("it", "satis")}
    assert deps[("satis", "it")] == {"id": "dep-1", "kind": "dependency", "weight": 2.5, "label": "CRM & ERP <destek>"}
    assert "weight" not in deps[("yk", "satis")] and "group" not in deps[("yk", "satis")]
    assert deps[("it", "ik")]["group"] == deps[("it", "satis")]["group"] == "destek"


def test_yed_graphics(tmp_path):
    model = _full_model()
    path = tmp_path / "model.graphml"
    write_graphml(model, path)
    text = path.read_text("utf-8")
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>")
    assert 'xmlns:y="http://www.yworks.com/xml/graphml"' in text
    assert 'yfiles.type="nodegraphics"' in text and 'yfiles.type="edgegraphics"' in text
    assert '<y:Geometry x="10.5" y="-20.25" width="180.0" height="64.0" />' in text
    assert '<y:Fill color="#8e44ad"' in text  # own colour
    assert '<y:Fill color="#FBE3B0"' in text and '<y:BorderStyle color="#E69F00"' in text
    assert ">Satış &amp; Pazarlama</y:NodeLabel>" in text
    assert '<y:LineStyle color="#555555" type="dashed"' in text
    assert '<y:Arrows source="none" target="standard" />' in text
    assert '<y:Arrows source="none" target="none" />' in text


YED_SAMPLE = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml"
         xmlns:yed="http://www.yworks.com/xml/yed/3">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <graph edgedefault="directed" id="G">
    <node id="n0">
      <data key="d5"/>
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="120.0" x="100.0" y="50.0"/>
          <y:Fill color="#FFCC00" transparent="false"/>
          <y:BorderStyle color="#000000" raised="false" type="line" width="1.0"/>
          <y:NodeLabel alignment="center" autoSizePolicy="content">Genel Müdürlük</y:NodeLabel>
          <y:Shape type="rectangle"/>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n1">
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="120.0" x="-40.5" y="150.0"/>
          <y:NodeLabel>Muhasebe</y:NodeLabel>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n2"/>
    <edge id="e0" source="n1" target="n0">
      <data key="d10">
        <y:PolyLineEdge><y:EdgeLabel>kapanış</y:EdgeLabel></y:PolyLineEdge>
      </data>
    </edge>
  </graph>
</graphml>
"""


def test_yed_file(tmp_path):
    path = tmp_path / "yed.graphml"
    path.write_text(YED_SAMPLE, "utf-8")
    model, warnings = read_graphml(path)
    assert [(u.id, u.name, u.office, u.x, u.y) for u in model.units()] == [
        # yEd's 120×30 boxes spread by 64/30 so that 180×64 cards keep their distances
        ("n0", "Genel Müdürlük", None, 251.33, 106.67),
        ("n1", "Muhasebe", None, -48.4, 320.0),
        ("n2", "n2", None, None, None),
    ]
    # No office in the file: unclassified, neither guessed nor tagged.
    assert all(is_unclassified(unit) and unit.tags == () for unit in model.units())
    assert any(w.startswith("3 units have no office and are not classified") for w in warnings), warnings
    assert [(d.source, d.target, d.label) for d in model.dependencies()] == [("n1", "n0", "kapanış")]
    assert model.name == "yed"


GEPHI_SAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key attr.name="label" attr.type="string" for="node" id="label"/>
<key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
<key attr.name="weight" attr.type="double" for="edge" id="weight"/>
<key attr.name="Modularity Class" attr.type="int" for="node" id="modularity_class"/>
<key attr.name="office" attr.type="string" for="node" id="office"/>
<key attr.name="headcount" attr.type="int" for="node" id="headcount"/>
<key attr.name="r" attr.type="int" for="node" id="r"/>
<key attr.name="x" attr.type="float" for="node" id="x"/>
<key attr.name="y" attr.type="float" for="node" id="y"/>
<graph edgedefault="directed">
<node id="0"><data key="label">Satış</data><data key="modularity_class">2</data><data key="office">ön</data>
  <data key="headcount">-4</data><data key="x">12.5</data><data key="y">-3.0</data></node>
<node id="1"><data key="label">Operasyon</data><data key="modularity_class">1</data><data key="office">Orta</data>
  <data key="headcount">12</data></node>
<node id="2"><data key="label">Destek</data><data key="office">arka</data><data key="headcount">many</data></node>
<edge id="0" source="0" target="1"><data key="weight">3.0</data></edge>
<edge id="1" source="1" target="2"><data key="weight">-1</data></edge>
</graph>
</graphml>
"""


def test_gephi_file(tmp_path):
    path = tmp_path / "gephi.graphml"
    path.write_text(GEPHI_SAMPLE, "utf-8")
    model, warnings = read_graphml(path)
    units = {u.id: u for u in model.units()}
    assert [u.name for u in model.units()] == ["Satış", "Operasyon", "Destek"]
    assert [u.office for u in model.units()] == ["front", "middle", "back"]
    assert units["0"].headcount is None and units["1"].headcount == 12 and units["2"].headcount is None
    assert (units["0"].x, units["0"].y) == (12.5, -3.0)
    assert units["0"].notes == "Modularity Class: 2"
    assert units["1"].notes == "Modularity Class: 1"
    assert units["0"].tags == ()
    assert any(w.startswith("node 0: headcount:") for w in warnings), warnings
    assert any(w.startswith("node 2: headcount:") for w in warnings), warnings
    assert any("kept in notes" in w and "Modularity Class" in w and "r" in w.split(": ", 1)[1] for w in warnings)
    assert not any("not classified" in w for w in warnings)
    assert [(d.source, d.target, d.weight) for d in model.dependencies()] == [("0", "1", 3.0), ("1", "2", None)]
    assert any("weight" in w and "1 → 2" in w for w in warnings), warnings


def test_networkx_written_file(tmp_path):
    graph = nx.DiGraph()
    graph.add_node("a", name="Ops", office="middle", headcount=3, tags="x; y")
    graph.add_node("b", label="Legal", office="back", cost=10.5)
    graph.add_edge("a", "b", weight=2.0, label="contracts")
    graph.add_edge("b", "a", kind="reports_to")
    path = tmp_path / "nx.graphml"
    nx.write_graphml(graph, path)
    model, warnings = read_graphml(path)
    assert warnings == []
    assert [(u.id, u.name, u.office, u.headcount, u.tags, u.cost) for u in model.units()] == [
        ("a", "Ops", "middle", 3, ("x", "y"), None),
        ("b", "Legal", "back", None, (), 10.5),
    ]
    assert model.parent("b") == "a"
    assert [(d.source, d.target, d.weight, d.label) for d in model.dependencies()] == [("a", "b", 2.0, "contracts")]


EDGE_CASES = f"""<?xml version="1.0" encoding="UTF-8"?>
{GRAPHML_HEAD}
<key attr.name="kind" attr.type="string" for="edge" id="k"/>
<key attr.name="office" attr.type="string" for="node" id="o"/>
<graph edgedefault="directed">
<node id="a"><data key="o">front</data></node>
<node id="b"><data key="o">back</data></node>
<node id="c"><data key="o">middle</data></node>
<node id="a"><data key="o">back</data></node>
<edge source="a" target="a"/>
<edge source="a" target="b"/>
<edge source="a" target="b"/>
<edge source="a" target="zzz"/>
<edge source="a" target="b"><data key="k">reports_to</data></edge>
<edge source="b" target="c"><data key="k">reports_to</data></edge>
<edge source="c" target="a"><data key="k">reports_to</data></edge>
<edge source="c" target="c"><data key="k">reports_to</data></edge>
</graph>
</graphml>
"""


def test_edge_cases_become_warnings(tmp_path):
    path = tmp_path / "edges.graphml"
    path.write_text(EDGE_CASES, "utf-8")
    model, warnings = read_graphml(path)
    assert model.unit_ids() == ["a", "b", "c"]
    assert model.unit("a").office == "front"
    assert [(d.source, d.target) for d in model.dependencies()] == [("a", "b")]
    assert list(model.reporting_lines()) == [("a", "b"), ("b", "c")]
    text = "\n".join(warnings)
    assert "node a: the id is used twice" in text
    assert "cannot depend on itself" in text
    assert "duplicate dependency" in text
    assert "unknown node 'zzz'" in text
    assert "cannot report to" in text  # the cycle c -> a
    assert "cannot report to itself" in text
    assert len(warnings) == 6, warnings


def test_positions_moved_in_yed_win(tmp_path):
    model = _full_model()
    path = tmp_path / "moved.graphml"
    write_graphml(model, path)
    text = path.read_text("utf-8").replace('<y:Geometry x="10.5" y="-20.25"', '<y:Geometry x="99.0" y="77.0"')
    path.write_text(text, "utf-8")
    loaded, _ = read_graphml(path)
    assert (loaded.unit("yk").x, loaded.unit("yk").y) == (99.0, 77.0)
    assert (loaded.unit("ik").x, loaded.unit("ik").y) == (None, None)  # never placed: stays unplaced


def test_missing_file_is_one_line(tmp_path):
    with pytest.raises(GraphMLError) as info:
        read_graphml(tmp_path / "missing.graphml")
    assert str(info.value) == f"{tmp_path / 'missing.graphml'}: no such file"


# -- hostile XML, each in its own process ---------------------------------------------------

def _write(text: str | bytes):
    def make(path: Path) -> None:
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return make


def _deep(path: Path) -> None:
    path.write_text(GRAPHML_HEAD + "<graph>" + "<a>" * 100_000 + "</a>" * 100_000 + "</graph></graphml>")


def _huge_token(path: Path) -> None:
    chunk = b"A" * (1 << 20)
    with open(path, "wb") as handle:
        handle.write(f'{GRAPHML_HEAD}<graph><node id="'.encode())
        for _ in range(100):
            handle.write(chunk)
        handle.write(b'"/></graph></graphml>')


def _pi_spam(path: Path) -> None:
    path.write_text('<?xml version="1.0"?>\n' + "<?spam lots of instructions?>\n" * 200_000
                    + GRAPHML_HEAD + "<graph/></graphml>")


LAUGHS = "".join(f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10}">' for i in range(1, 10))
HOSTILE = {
    "billion_laughs": _write(f'<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY lol0 "lol">{LAUGHS}]>'
                             f'{GRAPHML_HEAD}<graph><node id="&lol9;"/></graph></graphml>'),
    "quadratic_blowup": _write(f'<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY a "{"x" * 50_000}">]>'
                               f'{GRAPHML_HEAD}<graph><node id="{"&a;" * 50_000}"/></graph></graphml>'),
    "external_entity": _write('<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                              f'{GRAPHML_HEAD}<graph><node id="&xxe;"/></graph></graphml>'),
    "external_dtd": _write('<?xml version="1.0"?><!DOCTYPE graphml SYSTEM "http://example.invalid/evil.dtd">'
                           f'{GRAPHML_HEAD}<graph/></graphml>'),
    "parameter_entities": _write('<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY % p SYSTEM "file:///etc/passwd">'
                                 '<!ENTITY % q "<!ENTITY r \'%p;\'>">%q;]>'
                                 f'{GRAPHML_HEAD}<graph><node id="&r;"/></graph></graphml>'),
    "deep_nesting": _deep,
    "unknown_encoding": _write(f'<?xml version="1.0" encoding="x-unknown"?>{GRAPHML_HEAD}<graph/></graphml>'),
    "utf16_without_bom": _write(f'<?xml version="1.0"?>{GRAPHML_HEAD}<graph><node id="ğ"/></graph></graphml>'
                                .encode("utf-16-le") + b"\xd8\x00garbage"),
    "truncated": _write(f'<?xml version="1.0"?>{GRAPHML_HEAD}<graph><node id="a"><data key="d0">Sal'),
    "huge_token": _huge_token,
    "binary": _write(bytes(range(256)) * 64),
    "empty": _write(b""),
    "no_graphml_root": _write('<?xml version="1.0"?><html><body>not a graph</body></html>'),
    "wrong_namespace": _write('<?xml version="1.0"?><graphml xmlns="http://example.com/not-graphml"><graph/></graphml>'),
    "pi_spam": _pi_spam,
    "xml_declaration_only": _write('<?xml version="1.0" encoding="utf-8"?>\n'),
    "two_roots": _write(f"{GRAPHML_HEAD}<graph/></graphml>{GRAPHML_HEAD}<graph/></graphml>"),
    "no_graph_element": _write(f'<?xml version="1.0"?>{GRAPHML_HEAD}</graphml>'),
}


@pytest.fixture(scope="module")
def refusals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int, str]]:
    """Every hostile file imported by one process of its own (a blow-up cannot reach the test
    run): name -> (file, exit code, output), as the helper gives them one file at a time."""
    folder = tmp_path_factory.mktemp("hostile")
    paths = {name: folder / f"{name}.graphml" for name in HOSTILE}
    for name, path in paths.items():
        HOSTILE[name](path)
    # The timeout only stops a hang; how fast a refusal is is benchmarks/hostile_files.py.
    result = subprocess.run([sys.executable, str(HELPER), "--each", *map(str, paths.values())], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(path) for path in paths.values()], result.stderr[-2000:]
    return {name: (paths[name], line["code"], line["output"]) for name, line in zip(paths, lines)}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused(refusals, name):
    path, code, output = refusals[name]
    assert code == 1, output
    assert "Traceback" not in output
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith(f"{path}: ")
    if name == "huge_token":
        assert "too large" in lines[0]


def test_helper_loads_a_good_file(tmp_path):
    path = tmp_path / "good.graphml"
    write_graphml(_full_model(), path)
    result = subprocess.run([sys.executable, str(HELPER), str(path)], capture_output=True, text=True, timeout=20)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("loaded 4 units")


def test_utf16_with_bom_and_unknown_office(tmp_path):
    text = ('<?xml version="1.0" encoding="UTF-16"?>' + GRAPHML_HEAD
            + '<key id="o" for="node" attr.name="office" attr.type="string"/><graph>'
            + '<node id="ğ"><data key="o">sideways</data></node><node id="b"><data key="o">ARKA</data></node>'
            + "</graph></graphml>")
    path = tmp_path / "utf16.graphml"
    path.write_bytes(text.encode("utf-16"))  # with a byte order mark
    model, warnings = read_graphml(path)
    assert [(u.id, u.office, u.tags) for u in model.units()] == [("ğ", None, ()), ("b", "back", ())]
    assert warnings[0] == "node ğ: office: unknown office 'sideways'"
    assert warnings[1] == "1 unit has no office and is not classified: ğ"
