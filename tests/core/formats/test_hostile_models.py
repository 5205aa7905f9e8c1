"""Hostile model files: every one is refused cleanly, by the command line and by the editor.

``orgmodel check`` must exit 1 with one problem per stderr line, each prefixed by the file
name, no traceback and no hang; opening the file in the editor's Document must raise
ModelFileError and leave the open model exactly as it was. The files live in
tests/core/formats/hostile_models/ (see its README.txt); the two big ones are generated here.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from orgmodel.errors import ModelFileError
from orgmodel.model import OrgModel, Unit

ROOT = Path(__file__).resolve().parents[3]
FOLDER = Path(__file__).resolve().parent / "hostile_models"
HOSTILE = sorted(FOLDER.glob("*.orgmodel"))
VALID_BUT_ODD = sorted((FOLDER / "valid_but_odd").glob("*.orgmodel"))
TIME_LIMIT = 5.0  # seconds a refusal may take (the 50 MB file gets more)


def check(path: Path, timeout: float = 20.0) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "orgmodel", "check", str(path)],
        cwd=ROOT,
        capture_output=True,
        timeout=timeout,
    )
    return result, time.monotonic() - start


def assert_refused(path: Path, limit: float = TIME_LIMIT) -> None:
    result, elapsed = check(path)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr[-3000:]
    assert result.returncode == 1, (result.returncode, stderr[-2000:])
    assert stderr.strip(), "no problem reported"
    for line in stderr.splitlines():
        assert line.startswith(f"{path}: "), line[:300]
    assert elapsed < limit, f"took {elapsed:.1f} s"


def test_the_folder_is_complete() -> None:
    assert len(HOSTILE) >= 40
    readme = (FOLDER / "README.txt").read_text(encoding="utf-8")
    for path in [*HOSTILE, *VALID_BUT_ODD]:
        assert f"{path.name}:" in readme, f"{path.name} is not described in README.txt"


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.stem)
def test_check_refuses_hostile_file(path: Path) -> None:
    assert_refused(path)


@pytest.mark.parametrize("path", VALID_BUT_ODD, ids=lambda p: p.stem)
def test_check_accepts_valid_but_odd_file(path: Path) -> None:
    result, _ = check(path)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stdout.decode("utf-8").startswith(f"{path}: valid model")


def test_rtl_override_is_kept_verbatim() -> None:
    from orgmodel.formats.native import load

    model = load(FOLDER / "valid_but_odd" / "rtl_override.orgmodel")
    assert model.unit("a").name == "Sales \u202eevil\u202c"


def test_check_refuses_one_megabyte_name(tmp_path: Path) -> None:
    path = tmp_path / "long_name.orgmodel"
    name = "N" * (1 << 20) + "\u0007"
    path.write_text(
        '{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "%s", "office": "back"}]}' % name.replace("\u0007", "\\u0007"),
        encoding="utf-8",
    )
    assert_refused(path)


def test_check_refuses_fifty_megabyte_file(tmp_path: Path) -> None:
    """About 50 MB of good units and dependencies, with one bad unit at the very end."""
    path = tmp_path / "huge.orgmodel"
    unit = '{"id": "u%07d", "name": "Operations unit number %07d", "office": "back", "headcount": 12, "cost": 150000, "notes": "%s"}'
    pad = "x" * 100
    parts = []
    size = 0
    i = 0
    while size < 50_000_000:
        text = unit % (i, i, pad)
        parts.append(text)
        size += len(text) + 2
        i += 1
    parts.append('{"id": "bad", "name": "Bad", "office": "back", "headcount": -1}')
    deps = ",".join('{"from": "u%07d", "to": "u%07d"}' % (k, k + 1) for k in range(0, min(i - 1, 50_000)))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('{"format": "orgmodel", "version": 1, "name": "Huge", "units": [')
        handle.write(",\n".join(parts))
        handle.write('], "dependencies": [' + deps + "]}")
    assert path.stat().st_size >= 50_000_000
    assert_refused(path, limit=15.0)


def test_document_open_refuses_and_keeps_current_model(qapp) -> None:
    from ui.editing.document import Document

    model = OrgModel("Kept")
    model.add_unit(Unit("s", "Sales", "front", x=0.0, y=0.0))
    model.add_unit(Unit("o", "Ops", "back", x=300.0, y=0.0))
    model.add_dependency("s", "o")
    document = Document()
    document.replace_model(model, "/nowhere/kept.orgmodel")
    document.rename_unit("s", "Sales EMEA")  # one undoable edit, so the stack is not empty
    before = (document.model.name, document.model.units(), document.model.dependencies(), list(document.model.reporting_lines()))
    for path in HOSTILE:
        with pytest.raises(ModelFileError) as caught:
            document.open(str(path))
        assert caught.value.problems, path.name
        assert document.model is model, path.name
        after = (document.model.name, document.model.units(), document.model.dependencies(), list(document.model.reporting_lines()))
        assert after == before, path.name
        assert document.path == "/nowhere/kept.orgmodel"
        assert document.undo_stack.count() == 1 and document.is_modified
