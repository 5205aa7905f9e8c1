"""Every writer, one policy (issue 19): read-only files and dangling links refused, a link's
target replaced and said so, an interrupted or failed write leaving the old file byte for byte.

Each test builds its files in ``tmp_path``; none needs Qt except the picture exports.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel import interrupts
from orgmodel.formats import atomic
from orgmodel.formats.atomic import AtomicFile, SaveError
from orgmodel.formats.drawio import write_drawio
from orgmodel.formats.graphml import write_graphml
from orgmodel.formats.native import save
from orgmodel.formats.spreadsheet import neutralise, write_csv, write_xlsx
from orgmodel.formats.table_export import Table, write_tables
from orgmodel.model import OrgModel, Unit


def _model(name: str = "New") -> OrgModel:
    model = OrgModel(name)
    model.add_unit(Unit("sales", f"Sales {name}", "front", revenue=100, x=0, y=0))
    model.add_unit(Unit("it", "IT", "back", x=240, y=0))
    model.add_dependency("sales", "it")
    return model


def _table(path: Path) -> None:
    write_tables(path, [Table("Units", ["Name", "Cost"], ["text", "amount"], [["Sales", 1.5]])])


WRITERS: dict[str, Callable[[Path], None]] = {
    "units.csv": lambda path: write_csv(_model(), path),
    "units.xlsx": lambda path: write_xlsx(_model(), path),
    "units.graphml": lambda path: write_graphml(_model(), path),
    "units.drawio": lambda path: write_drawio(_model(), path),
    "model.orgmodel": lambda path: save(_model(), path),
    "table.csv": _table,
    "table.xlsx": _table,
}


@pytest.fixture(params=sorted(WRITERS))
def writer(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Callable[[Path], None]]:
    return tmp_path / request.param, WRITERS[request.param]


def test_a_read_only_file_is_refused_and_kept(writer: tuple[Path, Callable[[Path], None]]) -> None:
    path, write = writer
    path.write_bytes(b"keep me")
    path.chmod(0o444)
    with pytest.raises(SaveError) as caught:
        write(path)
    assert str(caught.value) == f"cannot save {path}: the file is read-only"
    assert path.read_bytes() == b"keep me"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert os.listdir(path.parent) == [path.name]


def test_a_dangling_link_is_refused_and_nothing_appears_where_it_points(writer: tuple[Path, Callable[[Path], None]]) -> None:
    path, write = writer
    elsewhere = path.parent / "elsewhere"
    elsewhere.mkdir()
    path.symlink_to(elsewhere / "missing.file")
    with pytest.raises(SaveError) as caught:
        write(path)
    assert str(caught.value).startswith(f"cannot save {path}: it is a symbolic link to a missing file (")
    assert os.listdir(elsewhere) == []
    assert path.is_symlink()


def test_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "units.csv"
    link.symlink_to("/dev/null")
    with pytest.raises(SaveError, match="it is not a regular file"):
        write_csv(_model(), link)


def test_an_interruption_before_the_replace_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_bytes(b"old")
    with pytest.raises(interrupts.Interrupted):
        with interrupts.deferred_signals():
            os.kill(os.getpid(), 2)  # noted, not raised: as while Qt draws
            write_csv(_model(), path)
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["units.csv"]


def test_a_streamed_write_that_fails_midway_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "picture.png"
    path.write_bytes(b"old picture")
    with pytest.raises(RuntimeError):
        with AtomicFile(path) as pending:
            pending.write(b"half a picture")
            raise RuntimeError("the encoder failed")
    assert path.read_bytes() == b"old picture"
    assert os.listdir(tmp_path) == ["picture.png"]


def test_a_full_disk_during_a_streamed_write_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "picture.png"
    path.write_bytes(b"old picture")
    pending = AtomicFile(path)

    class Full:
        def write(self, data: bytes) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self) -> None:
            pass

    pending.handle.close()
    pending.handle = Full()  # type: ignore[assignment]
    with pytest.raises(SaveError, match=f"cannot save {path}: No space left on device"):
        pending.write(b"x")
    assert path.read_bytes() == b"old picture"
    assert os.listdir(tmp_path) == ["picture.png"]


@pytest.mark.parametrize(
    "text",
    [" =1+1", "\u00a0=1+1", "\u3000+1", "\uff1dHYPERLINK(1)", "\uff0b1", "\uff0d1", "\uff20SUM(A1)", "\ufe661", "\t=1", " \t@x"],
)
def test_formulas_behind_spaces_and_in_full_width_are_neutralised(text: str, tmp_path: Path) -> None:
    assert neutralise(text) == "'" + text
    model = OrgModel()
    model.add_unit(Unit("a", text.strip() or "a", "front", notes=text))
    write_csv(model, tmp_path / "units.csv")
    assert ",'" + text.replace("\t", "\t") in (tmp_path / "units.csv").read_text("utf-8-sig")


def test_ordinary_text_is_left_alone() -> None:
    assert [neutralise(t) for t in ("Sales", " Sales", "a=b", "e-mail", "")] == ["Sales", " Sales", "a=b", "e-mail", ""]


def test_old_temporaries_of_a_killed_writer_are_removed_by_the_next_write(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    stray = tmp_path / ".units.csv.dead.tmp"
    stray.write_bytes(b"half")
    os.utime(stray, (1, 1))
    write_csv(_model(), path)
    assert os.listdir(tmp_path) == ["units.csv"]
    assert atomic.real_target(path) == path
