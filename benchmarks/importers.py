"""Benchmark: importing files of 10,000 elements, format by format (issue 18).

Run: ``python3 benchmarks/importers.py [--elements 10000] [--repeat 3] [--base DIR]``.
Writes, in a temporary folder, files shaped like the ones people have, each with
``--elements`` units and about as many lines:

* ``csv``: id, name, office, reports to, title (every release reads it the same way);
* ``csv-parentid``: d3-org-chart shape: id, parentId, name, positionName, an ``office`` of
  places (only this release reads the reporting lines and keeps the rows);
* ``graphml-yed``: yEd desktop nodes (label, geometry 30×30) and edges;
* ``drawio``: one compressed page, the org-chart template shape (top-down tree);
* ``archimate``: the Open Group exchange format, functions in a composition tree with
  serving relations.

and prints, for each, the CPU-time median (``time.process_time``; the machine is shared,
wall-clock is noise) of :func:`orgmodel.formats.read_any` — read, build, place the units
without position — in seconds, and the units and lines it gave. With ``--base DIR`` (e.g.
``git archive main | tar -x -C /tmp/base-importers``) the same files are read by that
checkout in a child process, side by side, where it can read them.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zlib
from pathlib import Path

FAN_OUT = 6  # children per manager: a realistic org-chart depth (~6 levels at 10k)
WORDS = ("Sales", "Finance", "IT", "HR", "Risk", "Legal", "Payroll", "Marketing", "Procurement", "Support")


def _parent(index: int) -> int | None:
    return None if index == 0 else (index - 1) // FAN_OUT


def _name(index: int) -> str:
    return f"{WORDS[index % len(WORDS)]} {index}"


def write_files(folder: Path, n: int) -> dict[str, Path]:
    files = {}
    offices = ("front", "middle", "back")
    rows = ["id,name,office,reports to,title"]
    rows += [f"u{i},{_name(i)},{offices[i % 3]},{'' if _parent(i) is None else f'u{_parent(i)}'},Head" for i in range(n)]
    files["csv"] = folder / "units.csv"
    files["csv"].write_text("\n".join(rows) + "\n", "utf-8")

    rows = ["name,imageUrl,office,positionName,id,parentId"]
    rows += [f"{_name(i)},https://example.org/{i}.jpg,Istanbul,Manager,O-{i},{'' if _parent(i) is None else f'O-{_parent(i)}'}"
             for i in range(n)]
    files["csv-parentid"] = folder / "org.csv"
    files["csv-parentid"].write_text("\n".join(rows) + "\n", "utf-8")

    parts = ['<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
             'xmlns:y="http://www.yworks.com/xml/graphml"><key for="node" id="d6" yfiles.type="nodegraphics"/>'
             '<graph edgedefault="directed" id="G">']
    for i in range(n):
        parts.append(f'<node id="n{i}"><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="{(i % 100) * 45}" '
                     f'y="{(i // 100) * 45}"/><y:NodeLabel>{_name(i)}</y:NodeLabel></y:ShapeNode></data></node>')
    parts += [f'<edge id="e{i}" source="n{i}" target="n{_parent(i)}"/>' for i in range(1, n)]
    parts.append("</graph></graphml>")
    files["graphml-yed"] = folder / "yed.graphml"
    files["graphml-yed"].write_text("".join(parts), "utf-8")

    cells = ['<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>']
    depth_of = [0] * n
    for i in range(1, n):
        depth_of[i] = depth_of[_parent(i)] + 1  # type: ignore[index]
    for i in range(n):
        cells.append(f'<mxCell id="v{i}" value="&lt;b&gt;{_name(i)}&lt;/b&gt;&lt;br&gt;Manager" style="rounded=1;html=1;fillColor=#dae8fc;" '
                     f'vertex="1" parent="1"><mxGeometry x="{i * 130}" y="{depth_of[i] * 100}" width="120" height="60" as="geometry"/></mxCell>')
    cells += [f'<mxCell id="e{i}" style="edgeStyle=orthogonalEdgeStyle;" edge="1" parent="1" source="v{_parent(i)}" target="v{i}">'
              '<mxGeometry relative="1" as="geometry"/></mxCell>' for i in range(1, n)]
    cells.append("</root></mxGraphModel>")
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed = deflate.compress(urllib.parse.quote("".join(cells), safe="").encode("ascii")) + deflate.flush()
    files["drawio"] = folder / "org.drawio"
    files["drawio"].write_text(f'<mxfile host="app.diagrams.net"><diagram name="Org">{base64.b64encode(packed).decode()}</diagram></mxfile>', "utf-8")

    parts = ['<?xml version="1.0" encoding="UTF-8"?><model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m"><name>Big</name><elements>']
    parts += [f'<element identifier="e{i}" xsi:type="BusinessFunction"><name>{_name(i)}</name>'
              f'<documentation>Function {i}</documentation></element>' for i in range(n)]
    parts.append("</elements><relationships>")
    parts += [f'<relationship identifier="c{i}" source="e{_parent(i)}" target="e{i}" xsi:type="Composition"/>' for i in range(1, n)]
    parts += [f'<relationship identifier="s{i}" source="e{i}" target="e{(i * 7 + 3) % n}" xsi:type="Serving"/>'
              for i in range(0, n, 3) if (i * 7 + 3) % n != i]
    parts.append("</relationships></model>")
    files["archimate"] = folder / "big.xml"
    files["archimate"].write_text("".join(parts), "utf-8")
    return files


def measure(files: dict[str, str], repeat: int) -> dict[str, object]:
    """CPU-time median of read_any per file, with what it gave (or why it could not)."""
    import importlib

    from orgmodel.formats import read_any

    # Every reader imported before the clock starts: a child process per turn (the base) and
    # this process (imported once) must time the same work.
    for module in ("orgmodel.formats.spreadsheet", "orgmodel.formats.graphml", "orgmodel.formats.native",
                   "orgmodel.layout.placement", "orgmodel.formats.drawio_read", "orgmodel.formats.archimate"):
        try:
            importlib.import_module(module)
        except ImportError:
            pass  # the base has no draw.io or ArchiMate reader
    results: dict[str, object] = {}
    for kind, path in files.items():
        try:
            times = []
            for _ in range(repeat):
                start = time.process_time()
                model, _ = read_any(path)
                times.append(time.process_time() - start)
            lines = len(list(model.reporting_lines()))
            results[kind] = (statistics.median(times), len(model), lines, model.dependency_count)
        except Exception as error:  # the base cannot read every format: say so in the table
            results[kind] = f"cannot: {type(error).__name__}: {str(error)[:60]}"
    return results


def _medians(runs: list[dict]) -> dict[str, object]:
    """Per file: the median time of the runs with what the first run gave, or its failure."""
    result: dict[str, object] = {}
    for kind, first in runs[0].items():
        if isinstance(first, (list, tuple)):
            result[kind] = (statistics.median(run[kind][0] for run in runs), *first[1:])
        else:
            result[kind] = first
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--elements", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--base", help="a checkout of the base commit, read side by side")
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # child mode: JSON of files in, JSON out
    options = parser.parse_args()
    if options.measure:
        print(json.dumps(measure(json.loads(options.measure), options.repeat)))
        return
    with tempfile.TemporaryDirectory() as folder:
        files = {kind: str(path) for kind, path in write_files(Path(folder), options.elements).items()}
        # Base and this checkout take turns, one read of each file per turn, so that a busy
        # spell of the shared machine weighs on both columns alike.
        base_runs: list[dict] = []
        new_runs: list[dict] = []
        for _ in range(options.repeat):
            if options.base:
                child = subprocess.run([sys.executable, __file__, "--measure", json.dumps(files), "--repeat", "1"],
                                       env=dict(os.environ, PYTHONPATH=options.base), cwd=options.base, capture_output=True,
                                       text=True, check=True)
                base_runs.append(json.loads(child.stdout.strip().splitlines()[-1]))
            new_runs.append(measure(files, 1))
        base = _medians(base_runs) if base_runs else {}
        new = _medians(new_runs)
    print(f"{options.elements:,} elements, CPU-time medians of {options.repeat} reads, base and this checkout in turn "
          "(read_any: read, build, place)")
    print(f"{'format':<14} {'base':>34} {'this checkout':>40}")
    for kind in files:
        def shown(result: object) -> str:
            if isinstance(result, (list, tuple)):
                seconds, units, lines, deps = result
                return f"{seconds:6.2f} s  {units:>6} units {lines:>6} lines {deps:>6} deps"
            return str(result or "-")[:40]

        print(f"{kind:<14} {shown(base.get(kind)):>34} {shown(new[kind]):>40}")


if __name__ == "__main__":
    main()
