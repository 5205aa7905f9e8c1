"""Seed files for ``benchmarks/fuzz_readers.py``: one list of (name, bytes) per importer category.

Where they come from: the bundled samples (written out in every format OrgModel writes), a
small generated model, the documents written inline in the format tests
(``tests/core/formats/*.py``) and the reliability corpus (``tests/system/reliability/``),
the ArchiMate files under ``tests/core/formats/archimate`` and the hostile native models
under ``tests/core/formats/hostile_models``; plus a few made here (a yEd file, a compressed
draw.io page, an exchange-format file, CSVs in other dialects and encodings).
"""

from __future__ import annotations

import ast
import functools
import base64
import json
import sys
import tempfile
import urllib.parse
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ("csv", "xlsx", "graphml", "drawio", "archimate", "native")
#: The extension each category's inputs are written with (ArchiMate alternates with .xml).
EXTENSIONS = {"csv": ".csv", "xlsx": ".xlsx", "graphml": ".graphml", "drawio": ".drawio", "archimate": ".archimate",
              "native": ".orgmodel"}

YED = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml"
 xmlns:yed="http://www.yworks.com/xml/yed/3">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <key attr.name="office" attr.type="string" for="node" id="d1"/>
  <key attr.name="revenue" attr.type="double" for="node" id="d2"/>
  <graph edgedefault="directed" id="G">
    <node id="n0" yfiles.foldertype="group">
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode>
        <y:Geometry height="200.0" width="300.0" x="0.0" y="0.0"/><y:Fill color="#FFCC00"/><y:NodeLabel>Finance</y:NodeLabel>
      </y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n0:">
        <node id="n0::n0"><data key="d1">back</data><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="20.0" y="40.0"/>
          <y:Fill color="#E8EEF7"/><y:NodeLabel>Accounting</y:NodeLabel></y:ShapeNode></data></node>
        <node id="n0::n1"><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="80.0" y="40.0"/>
          <y:NodeLabel>Treasury</y:NodeLabel></y:ShapeNode></data></node>
        <edge id="n0::e0" source="n0::n0" target="n0::n1"/>
      </graph>
    </node>
    <node id="n1"><data key="d1">front</data><data key="d2">125000.5</data><data key="d6"><y:ShapeNode>
      <y:Geometry height="30.0" width="30.0" x="400.0" y="0.0"/><y:NodeLabel>Sales</y:NodeLabel></y:ShapeNode></data></node>
    <edge id="e0" source="n1" target="n0::n0"><data key="d10"><y:PolyLineEdge><y:Arrows source="none" target="standard"/>
      <y:EdgeLabel>needs</y:EdgeLabel></y:PolyLineEdge></data></edge>
    <edge id="e1" source="n0::n1" target="n0::n0"/>
  </graph>
</graphml>
"""

EXCHANGE = """<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
 identifier="id-m">
  <name xml:lang="en">Small</name>
  <elements>
    <element identifier="id-hq" xsi:type="BusinessActor"><name xml:lang="en">Head Office</name></element>
    <element identifier="id-sales" xsi:type="BusinessRole"><name xml:lang="en">Sales</name>
      <properties><property propertyDefinitionRef="pd-office"><value xml:lang="en">front</value></property></properties></element>
    <element identifier="id-it" xsi:type="BusinessActor"><name xml:lang="en">IT</name></element>
    <element identifier="id-app" xsi:type="ApplicationComponent"><name xml:lang="en">CRM</name></element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="id-hq" target="id-sales" xsi:type="Composition"/>
    <relationship identifier="r2" source="id-it" target="id-sales" xsi:type="Serving"/>
    <relationship identifier="r3" source="id-hq" target="id-it" xsi:type="Aggregation"/>
    <relationship identifier="r4" source="id-it" target="id-app" xsi:type="Assignment"/>
  </relationships>
  <propertyDefinitions><propertyDefinition identifier="pd-office" type="string"><name>office</name></propertyDefinition></propertyDefinitions>
</model>
"""

ARCHI = """<?xml version="1.0" encoding="UTF-8"?>
<archimate:model xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:archimate="http://www.archimatetool.com/archimate" name="Small" id="m1" version="5.0.0">
  <folder name="Business" id="f1" type="business">
    <element xsi:type="archimate:BusinessActor" name="Head Office" id="hq"/>
    <element xsi:type="archimate:BusinessRole" name="Sales" id="sales"><property key="office" value="front"/></element>
    <element xsi:type="archimate:BusinessActor" name="IT" id="it"/>
  </folder>
  <folder name="Relations" id="f2" type="relations">
    <element xsi:type="archimate:CompositionRelationship" id="r1" source="hq" target="sales"/>
    <element xsi:type="archimate:ServingRelationship" id="r2" source="it" target="sales"/>
  </folder>
</archimate:model>
"""


def _compressed(page_xml: str) -> str:
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    data = deflate.compress(urllib.parse.quote(page_xml, safe="").encode("ascii")) + deflate.flush()
    return base64.b64encode(data).decode("ascii")


def _kind_of(text: str) -> str | None:
    """The category an inline test document belongs to, if it is one."""
    head = text.lstrip()[:2000]
    if "<graphml" in head:
        return "graphml"
    if "<mxfile" in head or "<mxGraphModel" in head:
        return "drawio"
    if "archimate" in head.lower() and head.startswith("<"):
        return "archimate"
    if head.startswith("{") and '"format"' in head:
        return "native"
    first = head.split("\n", 1)[0].lower()
    if "\n" in head and "name" in first and ("," in first or ";" in first or "\t" in first) and "<" not in first:
        return "csv"
    return None


def _inline_documents() -> dict[str, list[tuple[str, bytes]]]:
    """Module-level string constants of the format and reliability tests that are whole documents."""
    found: dict[str, list[tuple[str, bytes]]] = {c: [] for c in CATEGORIES}
    files = sorted((ROOT / "tests" / "core" / "formats").glob("*.py")) + sorted((ROOT / "tests" / "system" / "reliability").glob("*.py"))
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 40:
                kind = _kind_of(node.value)
                if kind:
                    text = node.value
                    if kind == "drawio" and "<mxfile" not in text:
                        text = f'<mxfile><diagram name="P">{text}</diagram></mxfile>'
                    found[kind].append((f"{path.name}:{node.lineno}", text.encode("utf-8")))
    return found


def _written(model, extension: str) -> bytes:
    from orgmodel.formats import write_any

    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder, "seed" + extension))
        write_any(model, path)
        return Path(path).read_bytes()


@functools.cache
def seeds() -> dict[str, list[tuple[str, bytes]]]:
    """Every category's seed files, in a fixed order (the fuzzer's choices depend on it)."""
    sys.path.insert(0, str(ROOT))
    from orgmodel.formats.native import load
    from orgmodel.synthetic import generate_model

    out = _inline_documents()
    samples = sorted((ROOT / "resources" / "samples").glob("*.orgmodel"))
    models = [(p.stem, load(str(p))) for p in samples] + [("generated-12", generate_model(12, 2.0, seed=3))]
    for name, model in models:
        for category, extension in (("csv", ".csv"), ("xlsx", ".xlsx"), ("graphml", ".graphml"), ("drawio", ".drawio")):
            out[category].append((f"{name}{extension}", _written(model, extension)))
        out["native"].append((f"{name}.orgmodel", _written(model, ".orgmodel")))
    # CSV in other dialects and encodings
    text = out["csv"][-1][1].decode("utf-8")
    out["csv"] += [("semicolon.csv", text.replace(",", ";").encode("utf-8")),
                   ("tabs.tsv", text.replace(",", "\t").encode("utf-8")),
                   ("bom-crlf.csv", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")),
                   ("cp1254.csv", "id,name,office\nik,İnsan Kaynakları,back\nsat,Satış,front\n".encode("cp1254")),
                   ("utf16.csv", "id,name,office,reports_to\na,Ağ,back,\nb,Böl,front,a\n".encode("utf-16"))]
    reliability = ROOT / "tests" / "system" / "reliability"
    sys.path.insert(0, str(reliability))
    import hostile_inputs as hostile  # the reliability corpus' own makers, small sizes

    with tempfile.TemporaryDirectory() as folder:
        makers = [("csv", "chain.csv", lambda p: hostile.chain_csv(p, 30)), ("csv", "quotes.csv", hostile.quotes_csv),
                  ("graphml", "chain.graphml", lambda p: hostile.chain_graphml(p, 30)),
                  ("xlsx", "small.xlsx", hostile.xlsx),
                  ("xlsx", "far-row.xlsx", hostile.far_row_xlsx)]
        for category, name, make in makers:
            path = Path(folder, name)
            make(path)
            out[category].append((name, path.read_bytes()))
    out["graphml"].append(("yed.graphml", YED.encode("utf-8")))
    page = out["drawio"][0][1].decode("utf-8") if out["drawio"] else ""
    if "<mxGraphModel" in page:
        inner = page[page.index("<mxGraphModel"): page.index("</mxGraphModel>") + len("</mxGraphModel>")]
        out["drawio"].append(("compressed.drawio", f'<mxfile><diagram name="Z">{_compressed(inner)}</diagram></mxfile>'.encode()))
    archimate = ROOT / "tests" / "core" / "formats" / "archimate"
    out["archimate"] += [("exchange-small.xml", EXCHANGE.encode()), ("small.archimate", ARCHI.encode()),
                         ("insurer-exchange.xml", (archimate / "insurer-exchange.xml").read_bytes()),
                         ("Archisurance.archimate", (archimate / "Archisurance.archimate").read_bytes())]
    hostile_models = ROOT / "tests" / "core" / "formats" / "hostile_models"
    for path in sorted(hostile_models.rglob("*.orgmodel")):
        if path.stat().st_size < 64 * 1024:
            out["native"].append((("" if "valid_but_odd" in path.parts else "hostile/") + path.name, path.read_bytes()))
    out["native"].append(("tiny.orgmodel", json.dumps({"format": "orgmodel", "version": 1, "units": [
        {"id": "s", "name": "Sales", "office": "front", "revenue": 100},
        {"id": "it", "name": "IT", "office": "back", "parent": "s", "cost": 5}],
        "dependencies": [{"from": "s", "to": "it", "weight": 2}]}).encode()))
    return {category: [(name, data) for name, data in out[category] if data] for category in CATEGORIES}


if __name__ == "__main__":
    for category, items in seeds().items():
        print(category, len(items), ", ".join(name for name, _ in items)[:300])
