"""The core never loads Qt: scripts, servers and the console commands stay light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES


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
