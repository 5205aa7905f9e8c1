"""Every writer replaces its file atomically: a failed write keeps the old file byte for byte."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from orgmodel.errors import ModelFileError
from orgmodel.formats import atomic, write_any
from orgmodel.formats.atomic import SaveError
from orgmodel.formats.drawio import write_drawio
from orgmodel.formats.graphml import write_graphml
from orgmodel.formats.spreadsheet import write_csv, write_xlsx
from orgmodel.model import OrgModel, Unit

WRITERS = {".csv": write_csv, ".xlsx": write_xlsx, ".graphml": write_graphml, ".drawio": write_drawio}


def _model(name: str) -> OrgModel:
    model = OrgModel(name)
    model.add_unit(Unit("sales", f"Sales {name}", "front", cost=1.5e6, x=10, y=20))
    model.add_unit(Unit("it", "IT", "back"))
    model.set_parent("it", "sales")
    model.add_dependency("sales", "it", 2, "CRM")
    return model


def _fail(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.EIO, "Input/output error")


@pytest.fixture(params=sorted(WRITERS))
def previous(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, bytes]:
    """A file written by the writer of the extension, and its bytes."""
    path = tmp_path / f"chart{request.param}"
    WRITERS[request.param](_model("Old"), path)
    return path, path.read_bytes()


@pytest.mark.parametrize("step", ["replace", "fsync"])
def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(
    previous: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path, before = previous
    monkeypatch.setattr(atomic.os, step, _fail)
    with pytest.raises(SaveError) as caught:
        WRITERS[path.suffix](_model("New"), path)
    monkeypatch.undo()
    assert str(caught.value) == f"cannot save {path}: Input/output error"
    assert path.read_bytes() == before
    assert os.listdir(path.parent) == [path.name]


def test_write_any_names_the_file_and_keeps_the_previous_one(previous: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    path, before = previous
    monkeypatch.setattr(atomic.os, "replace", _fail)
    with pytest.raises((SaveError, ModelFileError)) as caught:
        write_any(_model("New"), str(path))
    monkeypatch.undo()
    expected = f"cannot save {path}: " if path.suffix in (".csv", ".xlsx") else f"{path}: cannot write: "
    assert str(caught.value) == expected + "Input/output error"
    assert path.read_bytes() == before
    assert os.listdir(path.parent) == [path.name]


def test_a_write_keeps_the_file_mode_and_replaces_a_links_target(previous: tuple[Path, bytes]) -> None:
    path, before = previous
    path.chmod(0o640)
    link = path.with_name("link" + path.suffix)
    link.symlink_to(path.name)
    WRITERS[path.suffix](_model("New"), link)
    assert link.is_symlink()
    assert path.read_bytes() != before
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(os.listdir(path.parent)) == sorted([path.name, link.name])


def test_an_old_stray_temporary_is_cleaned_up(previous: tuple[Path, bytes]) -> None:
    path, _ = previous
    stray = path.with_name(f".{path.name}.abc123.tmp")
    stray.write_bytes(b"half a file")
    os.utime(stray, (1, 1))
    WRITERS[path.suffix](_model("New"), path)
    assert os.listdir(path.parent) == [path.name]
