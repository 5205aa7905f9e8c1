"""Writing and reading back: nothing is lost, nothing moves, and saving never eats the old file."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel.formats import atomic
from orgmodel.formats import native as fileformat
from orgmodel.errors import FieldError, ModelFileError
from orgmodel.fields import COORDINATE_LIMIT
from orgmodel.formats.native import SaveError, dumps, load, loads, save
from orgmodel.model import OrgModel, Unit

# -- strategies ----------------------------------------------------------------------------

TURKISH_AND_EMOJI = "çğıöşüÇĞİÖŞÜâî€😀🏦🤖👩‍💼"

_char = st.one_of(
    # Any character but controls and lone surrogates (the format refuses the former and
    # UTF-8 cannot carry the latter) ...
    st.characters(blacklist_categories=("Cc", "Cs")),
    # ... plus the letters and symbols real Turkish org charts use, and tab/newline.
    st.sampled_from(TURKISH_AND_EMOJI + "\t\n"),
)
texts = st.text(_char, max_size=12)
non_blank = st.text(_char, min_size=1, max_size=12).filter(lambda s: s.strip() != "")

finite = st.floats(allow_nan=False, allow_infinity=False)
amounts = st.one_of(st.none(), st.integers(0, 10**15), st.floats(min_value=0, max_value=1e15, allow_nan=False))
shares = st.one_of(st.none(), st.sampled_from([0, 1]), st.floats(min_value=0, max_value=1))
coordinates = st.one_of(st.none(), st.integers(-(10**6), 10**6), st.floats(min_value=-COORDINATE_LIMIT, max_value=COORDINATE_LIMIT))
colors = st.one_of(st.none(), st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True))

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), finite, texts),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(texts, inner, max_size=3)),
    max_leaves=8,
)


def extras(reserved: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(texts.filter(lambda k: k not in reserved), json_values, max_size=3)


# The keys version 1 of the format defines; any other key is an "unknown extra" to keep.
TOP_KEYS = ("format", "version", "name", "units", "dependencies")
UNIT_KEYS = ("id", "name", "office", "revenue_generating", "parent", "headcount", "cost", "revenue",
             "automation_potential", "automation_ease", "notes", "tags", "x", "y", "color")
DEPENDENCY_KEYS = ("from", "to", "weight", "label")

TOP_EXTRAS = extras(TOP_KEYS)
UNIT_EXTRAS = extras(UNIT_KEYS)
DEPENDENCY_EXTRAS = extras(DEPENDENCY_KEYS)


@st.composite
def units(draw: st.DrawFn, uid: str) -> Unit:
    return Unit(
        id=uid,
        name=draw(non_blank),
        office=draw(st.sampled_from(["front", "middle", "back"])),
        revenue_generating=draw(st.one_of(st.none(), st.booleans())),
        headcount=draw(st.one_of(st.none(), st.integers(0, 10**6))),
        cost=draw(amounts),
        revenue=draw(amounts),
        automation_potential=draw(shares),
        automation_ease=draw(shares),
        notes=draw(st.one_of(st.none(), texts)),
        tags=tuple(draw(st.lists(non_blank, max_size=4, unique=True))),
        x=draw(coordinates),
        y=draw(coordinates),
        color=draw(colors),
        extra=MappingProxyType(draw(UNIT_EXTRAS)),
    )


@st.composite
def models(draw: st.DrawFn) -> OrgModel:
    model = OrgModel(draw(texts), draw(TOP_EXTRAS))
    ids = draw(st.lists(non_blank, min_size=1, max_size=25, unique=True))
    for uid in ids:
        model.add_unit(draw(units(uid)))
    # A random forest: each unit reports to no one or to an earlier unit.
    for index, uid in enumerate(ids[1:], start=1):
        parent = draw(st.one_of(st.none(), st.integers(0, index - 1)))
        if parent is not None:
            model.set_parent(uid, ids[parent])
    if len(ids) > 1:
        pairs = draw(
            st.lists(
                st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1]),
                max_size=30,
                unique=True,
            )
        )
        for source, target in pairs:  # cycles between dependencies are allowed
            model.add_dependency(
                source,
                target,
                weight=draw(st.one_of(st.none(), st.integers(1, 100), st.floats(min_value=0, exclude_min=True, allow_infinity=False))),
                label=draw(st.one_of(st.none(), texts)),
                extra=draw(DEPENDENCY_EXTRAS),
            )
    return model


def assert_same_model(loaded: OrgModel, model: OrgModel) -> None:
    assert loaded.name == model.name
    assert loaded.units() == model.units()
    assert [loaded.parent(uid) for uid in loaded.unit_ids()] == [model.parent(uid) for uid in model.unit_ids()]
    assert loaded.dependencies() == model.dependencies()
    for uid in model.unit_ids():
        assert loaded.children(uid) == model.children(uid)
        assert loaded.dependencies_of(uid) == model.dependencies_of(uid)
        assert loaded.dependents_of(uid) == model.dependents_of(uid)
    assert loaded.roots() == model.roots()
    assert dict(loaded.extra) == dict(model.extra)
    for unit in model.units():
        assert dict(loaded.unit(unit.id).extra) == dict(unit.extra)


# -- (a) property: any valid model survives a round trip -----------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(models())
def test_any_valid_model_round_trips(model: OrgModel) -> None:
    text = dumps(model)
    loaded = loads(text)
    assert_same_model(loaded, model)
    assert dumps(loaded) == text


# -- (b) order ---------------------------------------------------------------------------


def ordered_model() -> OrgModel:
    model = OrgModel("Order")
    for uid, name, office in [("zeta", "Zeta", "back"), ("alpha", "Alpha", "front"), ("mu", "Mu", "middle"), ("beta", "Beta", "back")]:
        model.add_unit(Unit(uid, name, office))
    model.add_dependency("mu", "zeta")
    model.add_dependency("alpha", "beta")
    model.add_dependency("zeta", "alpha")
    model.add_dependency("alpha", "mu")
    model.add_dependency("beta", "alpha")
    return model


def test_unit_order_is_kept_not_sorted() -> None:
    loaded = loads(dumps(ordered_model()))
    assert loaded.unit_ids() == ["zeta", "alpha", "mu", "beta"]


def test_dependency_order_is_kept_not_sorted() -> None:
    loaded = loads(dumps(ordered_model()))
    pairs = [(d.source, d.target) for d in loaded.dependencies()]
    assert pairs == [("mu", "zeta"), ("alpha", "beta"), ("zeta", "alpha"), ("alpha", "mu"), ("beta", "alpha")]


def test_unit_inserted_in_the_middle_is_saved_in_the_middle() -> None:
    model = ordered_model()
    model.add_unit(Unit("new", "New", "front"), index=1)
    assert loads(dumps(model)).unit_ids() == ["zeta", "new", "alpha", "mu", "beta"]


def test_file_order_becomes_model_order_and_parents_may_come_later() -> None:
    text = json.dumps(
        {
            "format": "orgmodel",
            "version": 1,
            "units": [
                {"id": "team", "name": "Team", "office": "back", "parent": "dept"},
                {"id": "dept", "name": "Department", "office": "back", "parent": "division"},
                {"id": "division", "name": "Division", "office": "front"},
            ],
            "dependencies": [{"from": "team", "to": "division"}, {"from": "dept", "to": "team"}],
        }
    )
    model = loads(text)
    assert model.unit_ids() == ["team", "dept", "division"]
    assert model.ancestors("team") == ["dept", "division"]
    again = loads(dumps(model))
    assert again.unit_ids() == ["team", "dept", "division"]
    assert again.ancestors("team") == ["dept", "division"]


def test_each_dependency_is_written_on_its_own_line() -> None:
    text = dumps(ordered_model())
    dependency_lines = [line for line in text.splitlines() if '"from":' in line]
    assert len(dependency_lines) == 5
    assert [json.loads(line.strip().rstrip(","))["from"] for line in dependency_lines] == ["mu", "alpha", "zeta", "alpha", "beta"]


# -- (c) saving --------------------------------------------------------------------------


def sample_model(name: str = "Acme Türkiye") -> OrgModel:
    model = OrgModel(name, {"layout": {"zoom": 1.25, "grid": [10, 20]}})
    model.add_unit(Unit("satis", "Satış", "front", headcount=40, cost=1.5e6, revenue=9e6, tags=("çekirdek", "müşteri"), x=10, y=-20.5, color="#ff8800"))
    model.add_unit(Unit("ik", "İnsan Kaynakları", "back", automation_potential=0.35, automation_ease=0.8, notes="Bordro\tve özlük işleri\nİstanbul 🏢"))
    model.add_unit(Unit("bt", "Bilgi Teknolojileri", "back", revenue_generating=False, extra=MappingProxyType({"owner": "Ayşe"})))
    model.set_parent("bt", "ik")
    model.add_dependency("satis", "bt", 3, "CRM", {"sla": "99.9%"})
    model.add_dependency("satis", "ik")
    return model


def test_save_then_load_gives_the_same_model(tmp_path: Path) -> None:
    model = sample_model()
    path = tmp_path / "acme.orgmodel"
    save(model, path)
    assert_same_model(load(path), model)
    assert path.read_text(encoding="utf-8") == dumps(model)


def test_save_over_an_existing_file_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "acme.orgmodel"
    save(sample_model("Old"), path)
    save(sample_model("New"), path)
    assert load(path).name == "New"
    # The previous version is kept, once, beside it.
    assert sorted(os.listdir(tmp_path)) == ["acme.orgmodel", "acme.orgmodel.bak"]
    assert load_text_model(tmp_path / "acme.orgmodel.bak").name == "Old"
    save(sample_model("Newer"), path)
    assert load_text_model(tmp_path / "acme.orgmodel.bak").name == "New"


def load_text_model(path: Path):
    from orgmodel.formats.native import loads

    return loads(path.read_text(encoding="utf-8"))


def test_stray_temporaries_of_an_interrupted_save_are_cleaned_up(tmp_path: Path) -> None:
    path = tmp_path / "acme.orgmodel"
    save(sample_model("Old"), path)
    stray = tmp_path / ".acme.orgmodel.x1y2.tmp"
    stray.write_bytes(b"{half a fi")
    os.utime(stray, (0, 0))  # left by a save killed long ago
    recent = tmp_path / ".acme.orgmodel.z9.tmp"
    recent.write_bytes(b"{")  # maybe another process saving right now: left alone
    save(sample_model("New"), path)
    assert not stray.exists() and recent.exists()


def _existing_file(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "acme.orgmodel"
    save(sample_model("Old version"), path)
    return path, path.read_bytes()


def _fail(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.EIO, "Input/output error")


@pytest.mark.parametrize("step", ["fsync", "replace", "chmod"])
def test_failed_save_leaves_the_old_file_intact_and_no_temp_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    path, before = _existing_file(tmp_path)
    monkeypatch.setattr(fileformat.os, step, _fail)
    with pytest.raises(SaveError) as caught:
        save(sample_model("New version"), path)
    monkeypatch.undo()
    message = str(caught.value)
    assert str(path) in message
    assert "Input/output error" in message
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["acme.orgmodel"]
    assert load(path).name == "Old version"


class _DiskFullAfterHalf:
    """A file object that writes half of what it is given, then fails like a full disk."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _DiskFullAfterHalf:
        return self

    def __exit__(self, *exc: Any) -> None:
        self._handle.close()


def test_disk_full_halfway_through_the_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, before = _existing_file(tmp_path)
    real_fdopen = os.fdopen
    monkeypatch.setattr(fileformat.os, "fdopen", lambda fd, *a, **k: _DiskFullAfterHalf(real_fdopen(fd, *a, **k)))
    with pytest.raises(SaveError) as caught:
        save(sample_model("New version"), path)
    monkeypatch.undo()
    assert str(path) in str(caught.value)
    assert "No space left on device" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["acme.orgmodel"]


def test_save_into_an_unwritable_folder_is_a_save_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated, because root (as in CI containers) may write into read-only folders."""
    path, before = _existing_file(tmp_path)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError) as caught:
        save(sample_model("New version"), path)
    monkeypatch.undo()
    assert str(caught.value) == f"cannot save {path}: Permission denied"
    assert path.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions")
def test_save_into_a_read_only_folder_is_a_save_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "acme.orgmodel"
    save(sample_model("Old version"), path)
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError) as caught:
            save(sample_model("New version"), path)
        assert str(path) in str(caught.value)
        assert path.read_bytes() == before
        assert os.listdir(folder) == ["acme.orgmodel"]
    finally:
        folder.chmod(0o755)


def test_save_into_a_missing_folder_is_a_save_error(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "folder" / "acme.orgmodel"
    with pytest.raises(SaveError) as caught:
        save(sample_model(), path)
    assert str(path) in str(caught.value)
    assert not path.exists()


def test_save_over_a_folder_is_a_save_error(tmp_path: Path) -> None:
    path = tmp_path / "folder.orgmodel"
    path.mkdir()
    with pytest.raises(SaveError) as caught:
        save(sample_model(), path)
    assert str(path) in str(caught.value)
    assert path.is_dir()
    assert sorted(os.listdir(tmp_path)) == ["folder.orgmodel"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_saving_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    target = real_folder / "acme.orgmodel"
    save(sample_model("Old version"), target)
    link = tmp_path / "link.orgmodel"
    link.symlink_to(target)

    save(sample_model("New version"), link)

    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert load(target).name == "New version"
    assert load(link).name == "New version"
    assert sorted(os.listdir(real_folder)) == ["acme.orgmodel", "acme.orgmodel.bak"]  # beside the real file
    assert sorted(os.listdir(tmp_path)) == ["link.orgmodel", "real"]


def test_file_mode_of_an_existing_file_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "acme.orgmodel"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o640)
    save(sample_model(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    path.chmod(0o604)
    save(sample_model("Again"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


def test_new_file_gets_the_usual_mode_not_a_private_temp_file_mode(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        path = tmp_path / "acme.orgmodel"
        save(sample_model(), path)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


# -- (d) what the file looks like --------------------------------------------------------


def test_written_text_is_plain_utf8_with_turkish_letters_unescaped(tmp_path: Path) -> None:
    path = tmp_path / "acme.orgmodel"
    save(sample_model(), path)
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    for word in ("Acme Türkiye", "Satış", "İnsan Kaynakları", "çekirdek", "müşteri", "Ayşe", "🏢"):
        assert word in text
    assert "\\u" not in text


def test_written_text_ends_with_exactly_one_newline(tmp_path: Path) -> None:
    path = tmp_path / "acme.orgmodel"
    save(sample_model(), path)
    data = path.read_bytes()
    assert data.endswith(b"}\n")
    assert not data.endswith(b"\n\n")
    assert b"\r" not in data


def test_written_text_starts_with_format_and_version() -> None:
    document = json.loads(dumps(sample_model()))
    assert list(document)[:2] == ["format", "version"]
    assert document["format"] == "orgmodel"
    assert document["version"] == 1


def test_model_without_name_writes_no_name_key(tmp_path: Path) -> None:
    model = OrgModel()
    model.add_unit(Unit("a", "A", "front"))
    path = tmp_path / "anon.orgmodel"
    save(model, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert "name" not in document
    assert "name" in document["units"][0]  # units still carry their own name
    assert load(path).name == ""


def test_empty_model_round_trips() -> None:
    text = dumps(OrgModel())
    assert json.loads(text) == {"format": "orgmodel", "version": 1, "units": [], "dependencies": []}
    loaded = loads(text)
    assert len(loaded) == 0 and loaded.dependency_count == 0
    assert dumps(loaded) == text


def test_unknown_keys_survive_load_and_save(tmp_path: Path) -> None:
    text = json.dumps(
        {
            "format": "orgmodel",
            "version": 1,
            "theme": {"dark": True, "accent": [1, 2.5, None]},
            "units": [{"id": "a", "name": "A", "office": "front", "future": {"kpi": [1, {"x": "ğ"}]}}, {"id": "b", "name": "B", "office": "back"}],
            "dependencies": [{"from": "a", "to": "b", "sla": {"hours": 4}}],
        },
        ensure_ascii=False,
    )
    source = tmp_path / "in.orgmodel"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.orgmodel"
    save(load(source), out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["theme"] == {"dark": True, "accent": [1, 2.5, None]}
    assert document["units"][0]["future"] == {"kpi": [1, {"x": "ğ"}]}
    assert document["dependencies"][0]["sla"] == {"hours": 4}


# -- text that UTF-8 cannot carry -------------------------------------------------------


def test_file_with_a_lone_surrogate_escape_is_refused() -> None:
    text = '{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "Sat\\ud800is", "office": "front"}]}'
    with pytest.raises(ModelFileError) as caught:
        loads(text)
    assert [p.path for p in caught.value.problems] == ["units[0].name"]


def test_saving_text_utf8_cannot_carry_is_a_save_error_and_keeps_the_old_file(tmp_path: Path) -> None:
    path, before = _existing_file(tmp_path)
    model = sample_model("New version")
    try:
        model.update_unit("satis", notes="half a pair: \ud800")
    except FieldError:
        return  # refusing it at the edit is as good: it can never reach the file
    with pytest.raises(SaveError) as caught:
        save(model, path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["acme.orgmodel"]
