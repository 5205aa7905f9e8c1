"""The layers hold: the core never loads Qt, no import cycle, each room imports only the rooms
below it (docs/architecture.md draws the same picture)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from conftest import ROOT, SAMPLES


# -- the import graph -----------------------------------------------------------------------------

#: (importer, imported, why): no module under the first may import one under the second.
#: A name stands for the module and everything below it.
FORBIDDEN = [
    ("orgmodel", "PySide6", "the core is pure Python: scripts, servers and the console commands never load Qt"),
    ("orgmodel", "shiboken6", "the core is pure Python"),
    ("orgmodel", "ui", "the UI depends on the core, never the reverse"),
    *[("ui.editing", room, "the document and its commands know nothing of what shows them")
      for room in ("ui.canvas", "ui.docks", "ui.dialogs", "ui.window")],
    ("ui.canvas.items", "orgmodel.model", "items are dumb drawings: setters in, signals out"),
    ("ui.canvas.items", "ui.editing", "items never make commands or read the document"),
    ("ui.docks", "ui.canvas", "panels and the canvas both follow the document, not each other"),
    *[("ui.canvas", room, "the canvas is shown by the window, it does not reach into it")
      for room in ("ui.docks", "ui.dialogs", "ui.window")],
    *[("ui.docks", room, "panels are shown by the window") for room in ("ui.dialogs", "ui.window")],
    ("ui.dialogs", "ui.window", "dialogs are opened by the window"),
]


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every module ``name`` imports when it runs: at the top or inside functions, but not
    under ``if TYPE_CHECKING:`` (never executed). ``from a import b`` names ``a.b`` when that
    is a module."""
    found: set[str] = set()
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for other in child.orelse:
                    visit_node(other)
                continue
            visit_node(child)

    def visit_node(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                full = f"{module}.{alias.name}"
                found.add(full if full in known else module)
        visit(node)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def import_graph(root: Path) -> nx.DiGraph:
    """Modules of ``orgmodel`` and ``ui`` below ``root`` → the modules they import (any)."""
    paths = {_module_name(root, path): path for top in ("orgmodel", "ui") for path in (root / top).rglob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(paths)
    for name, path in paths.items():
        graph.add_edges_from((name, imported) for imported in _imports(name, path, set(paths)))
    return graph


def _under(module: str, room: str) -> bool:
    return module == room or module.startswith(room + ".")


def layer_violations(graph: nx.DiGraph) -> list[str]:
    found = [
        f"{importer} imports {imported}: {why}"
        for importer, imported in graph.edges
        for above, below, why in FORBIDDEN
        if _under(importer, above) and _under(imported, below)
    ]
    own = graph.subgraph(n for n in graph if n.split(".")[0] in ("orgmodel", "ui"))
    for cycle in nx.strongly_connected_components(own):
        if len(cycle) > 1 or own.has_edge(*[next(iter(cycle))] * 2):
            found.append("import cycle: " + " ⇄ ".join(sorted(cycle)))
    return sorted(found)


def test_the_layers_hold_in_the_import_graph() -> None:
    graph = import_graph(ROOT)
    assert {"orgmodel.formats.native", "ui.window.main_window", "ui.canvas.items.unit_card"} <= set(graph)
    assert layer_violations(graph) == []


@pytest.mark.parametrize(
    "planted, expected",
    [
        ({"orgmodel/analysis/x.py": "def f():\n    from PySide6.QtCore import QObject\n"}, "orgmodel.analysis.x imports PySide6.QtCore"),
        ({"ui/editing/x.py": "from ui.window import main_window\n"}, "ui.editing.x imports ui.window.main_window"),
        ({"ui/canvas/items/x.py": "from orgmodel.model import Unit\n"}, "ui.canvas.items.x imports orgmodel.model"),
        ({"ui/docks/x.py": "from ..canvas import scene\n"}, "ui.docks.x imports ui.canvas.scene"),
        ({"ui/a.py": "import ui.b\n", "ui/b.py": "def f():\n    from . import a\n"}, "import cycle: ui.a ⇄ ui.b"),
    ],
    ids=["core-imports-qt-lazily", "editing-imports-window", "item-imports-model", "dock-imports-canvas", "cycle"],
)
def test_a_planted_violation_is_found(tmp_path: Path, planted: dict[str, str], expected: str) -> None:
    for folder in ("orgmodel", "ui/editing", "ui/canvas/items", "ui/docks", "ui/window", "orgmodel/analysis"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "ui" / "window" / "main_window.py").write_text("", encoding="utf-8")
    (tmp_path / "ui" / "canvas" / "scene.py").write_text("", encoding="utf-8")
    (tmp_path / "ui" / "docks" / "guarded.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ui.canvas.scene import OrgScene\n", encoding="utf-8"
    )
    for name, text in planted.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = layer_violations(import_graph(tmp_path))
    assert len(found) == 1 and found[0].startswith(expected), found


def test_no_module_of_the_core_imports_qt_or_the_ui() -> None:
    offenders = []
    for path in sorted((ROOT / "orgmodel").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("PySide6", "shiboken6", "ui")]
    assert offenders == []


def test_importing_orgmodel_and_running_support_never_loads_pyside6(tmp_path: Path) -> None:
    script = (
        "import sys, io, contextlib\n"
        "import orgmodel, orgmodel.analysis, orgmodel.formats.native, orgmodel.cli\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = orgmodel.cli.main(['support', {str(SAMPLES / 'example_co.orgmodel')!r}])\n"
        "    code += orgmodel.cli.main(['impact', " + repr(str(SAMPLES / "ornek_as.orgmodel")) + "])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print(code, loaded, len(out.getvalue()) > 100)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 [] True"


@pytest.mark.parametrize(
    "entry",
    [["-m", "orgmodel"], ["-c", "import sys; from ui.launcher import main; sys.exit(main())"]],
    ids=["python-m-orgmodel", "orgmodel-console-script"],
)
def test_the_console_command_support_never_loads_pyside6(entry: list[str]) -> None:
    # -X importtime lists every module the real command imports.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *entry, "support", str(SAMPLES / "example_co.orgmodel"), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")]
    assert "orgmodel.analysis" in imported
    assert not [m for m in imported if m.startswith(("PySide6", "shiboken6"))]
