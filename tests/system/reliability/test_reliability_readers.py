"""Hostile or unlucky inputs to every reader (issue 19): each refused with its exit code and
one line, never a traceback, in bounded memory (the child runs under an address-space limit;
a hang ends in the subprocess timeout, which fails the test, never an assertion on time).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

MEMORY_LIMIT = 1024 * 1024 * 1024  # address space: Python + openpyxl fit well inside


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``orgmodel ARGS`` in a child limited in memory; a hang fails by the timeout."""
    return subprocess.run(
        [sys.executable, "-m", "orgmodel", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT, timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT)}, preexec_fn=_limited,
    )


def refusal(result: subprocess.CompletedProcess[str], out: Path | None = None) -> str:
    """The one line saying why the input was refused (``convert`` adds ``OUT: not written``)."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[1:] == ([f"{out}: not written"] if out else []), result.stderr
    return lines[0]


@pytest.mark.parametrize("name", ["units.csv", "units.xlsx", "model.graphml", "page.drawio", "model.archimate",
                                  "any.xml", "model.orgmodel"])
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    out = tmp_path / "out.orgmodel"
    result = run_cli("convert", str(fifo), str(out), timeout=30)
    assert refusal(result, out) == f"{fifo}: not a regular file"
    assert not out.exists()


@pytest.mark.parametrize("name", ["units.csv", "model.graphml", "model.orgmodel"])
def test_a_symlink_to_dev_zero_is_refused_not_read_forever(tmp_path: Path, name: str) -> None:
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    out = tmp_path / "out.csv"
    result = run_cli("convert", str(link), str(out), timeout=30)
    assert refusal(result, out) == f"{link}: not a regular file"


def test_check_refuses_a_fifo_model(tmp_path: Path) -> None:
    fifo = tmp_path / "model.orgmodel"
    os.mkfifo(fifo)
    assert refusal(run_cli("check", str(fifo), timeout=30)) == f"{fifo}: not a regular file"
