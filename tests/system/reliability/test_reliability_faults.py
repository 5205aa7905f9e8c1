"""Fault injection (issue 19): every writer killed (SIGKILL, SIGINT, SIGTERM) at a random
point while it writes, and the disk filled (``RLIMIT_FSIZE``): the previous file always
survives whole, an interrupted command exits 130 or 143 (never 139, a crash), and no
temporary is left behind except by SIGKILL, which nothing can clean up after.

One kill point per writer and signal here, all children at once, to stay quick; the longer
run with many points is ``benchmarks/fault_injection.py``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orgmodel.formats import read_any

CHILD = Path(__file__).with_name("fault_child.py")
MODEL_FILES = (".csv", ".xlsx", ".graphml", ".orgmodel")
PICTURES = (".png", ".svg", ".pdf")
EXPECTED = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGKILL: -signal.SIGKILL}
TRAILERS = {".png": b"IEND\xaeB`\x82", ".svg": b"</svg>\n", ".pdf": b"%%EOF\n"}


def start(out: Path, units: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), "loop", str(out), str(units)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def whole(path: Path, units: int) -> bool:
    """The file is one of the two versions the child writes, complete."""
    if path.suffix in PICTURES:
        return path.read_bytes().endswith(TRAILERS[path.suffix])
    if path.suffix == ".drawio":
        return path.read_bytes().rstrip().endswith(b"</mxfile>")
    model, _ = read_any(str(path))
    return len(model) == units and model.unit("u0").name in ("Alpha 0", "Beta 0")


def kill_all(runs: list[tuple[Path, signal.Signals, int]], rng: random.Random) -> list[str]:
    """Start every child, kill each at a random moment after its first whole write, and
    return what went wrong (nothing, when all is well)."""
    children = [(out, signum, units, start(out, units)) for out, signum, units in runs]
    wrong = []
    for out, signum, units, child in children:
        line = "first"
        while line and line.strip() != "ready":  # past the command's own "written" lines
            line = child.stdout.readline()
        if not line:
            child.kill()
            wrong.append(f"{out.name}: did not start: {child.communicate()[1][-500:]}")
            continue
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signum)
    for out, signum, units, child in children:
        if child.returncode is not None and not out.exists():
            continue
        _, err = child.communicate(timeout=120)
        err = "\n".join(line for line in err.splitlines() if not line.startswith("note: "))
        if child.returncode != EXPECTED[signum]:
            wrong.append(f"{out.name} {signum.name}: exit {child.returncode}: {err[-300:]}")
        if "Traceback" in err:
            wrong.append(f"{out.name} {signum.name}: traceback: {err[-300:]}")
        if not whole(out, units):
            wrong.append(f"{out.name} {signum.name}: the file is not whole")
        left = [name for name in os.listdir(out.parent) if name.endswith(".tmp")]
        if left and signum != signal.SIGKILL:
            wrong.append(f"{out.name} {signum.name}: temporaries left: {left}")
    return wrong


def test_model_writers_killed_anywhere_leave_a_whole_file(tmp_path: Path) -> None:
    # Each writer once, the signals in turn (every writer with every signal, many times:
    # benchmarks/fault_injection.py).
    runs = []
    signals = list(EXPECTED)
    for index, extension in enumerate((*MODEL_FILES, ".drawio", ".csv")):
        signum = signals[index % 3]
        folder = tmp_path / f"{extension[1:]}-{signum.name}"
        folder.mkdir()
        runs.append((folder / f"units{extension}", signum, 40))
    assert kill_all(runs, random.Random(19)) == []


def test_picture_exports_killed_while_qt_draws_leave_a_whole_file(tmp_path: Path) -> None:
    runs = []
    for extension, signum in zip(PICTURES, (signal.SIGKILL, signal.SIGINT, signal.SIGTERM)):
        folder = tmp_path / f"{extension[1:]}-{signum.name}"
        folder.mkdir()
        runs.append((folder / f"diagram{extension}", signum, 60))
    assert kill_all(runs, random.Random(19)) == []


@pytest.mark.parametrize("pictures", [False, True], ids=["model files", "pictures"])
def test_a_full_disk_keeps_every_previous_file(tmp_path: Path, pictures: bool) -> None:
    names = [f"diagram{e}" for e in PICTURES] if pictures else [*(f"units{e}" for e in (*MODEL_FILES, ".drawio")), "table.csv", "table.xlsx"]
    for name in names:
        (tmp_path / name).write_bytes(b"the previous version")
    result = subprocess.run(
        [sys.executable, str(CHILD), "full", str(tmp_path), "4096", *(str(tmp_path / n) for n in names)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for name in names:
        assert (tmp_path / name).read_bytes() == b"the previous version", name
    if pictures:
        assert sorted(line for line in result.stdout.splitlines() if ": exit" in line) == sorted(f"{n}: exit 1" for n in names)
        assert sorted(result.stderr.splitlines()) == sorted(f"{tmp_path / n}: cannot save {tmp_path / n}: File too large" for n in names)
    else:
        assert sorted(result.stdout.splitlines()) == sorted(
            f"{n}: {'cannot save ' + str(tmp_path / n) if n.endswith(('.csv', '.xlsx', '.orgmodel')) else str(tmp_path / n) + ': cannot write'}: File too large"
            for n in names
        )
    assert [n for n in os.listdir(tmp_path) if n.endswith(".tmp")] == []
