"""Model files on disk: missing, a folder, binary, not UTF-8, the wrong extension, a BOM, a
backup; every problem names the file."""

from __future__ import annotations


import pytest

from orgmodel.errors import ModelFileError, Problem
from orgmodel.formats.native import load, read_text
from tests.core.formats.model_texts import doc, unit, with_unit


# -- reading files from disk -------------------------------------------------------------


GOOD = doc(name="Acme Türkiye", units=[unit("satis", "Satış", "front"), unit("ik", "İnsan Kaynakları")])


def only_problem(error: ModelFileError) -> Problem:
    assert len(error.problems) == 1, error.lines()
    return error.problems[0]


def test_missing_file(tmp_path) -> None:
    path = tmp_path / "gone.orgmodel"
    for reader in (read_text, load):
        with pytest.raises(ModelFileError) as caught:
            reader(path)
        assert only_problem(caught.value).message == "no such file"
        assert str(caught.value) == f"{path}: no such file"


def test_folder_instead_of_file(tmp_path) -> None:
    path = tmp_path / "folder.orgmodel"
    path.mkdir()
    for reader in (read_text, load):
        with pytest.raises(ModelFileError) as caught:
            reader(path)
        assert "is a folder" in only_problem(caught.value).message
        assert str(caught.value).startswith(str(path))


def test_binary_file_with_nul_bytes(tmp_path) -> None:
    path = tmp_path / "image.orgmodel"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    for reader in (read_text, load):
        with pytest.raises(ModelFileError) as caught:
            reader(path)
        message = only_problem(caught.value).message
        assert "not a text file" in message
        assert "offset 8" in message


def test_latin1_file_is_not_utf8(tmp_path) -> None:
    path = tmp_path / "latin1.orgmodel"
    path.write_bytes(GOOD.replace("Acme Türkiye", "Acme Büro").encode("latin-1", errors="replace"))
    for reader in (read_text, load):
        with pytest.raises(ModelFileError) as caught:
            reader(path)
        message = only_problem(caught.value).message
        assert "not UTF-8" in message
        assert "0xfc" in message  # the byte of "ü" in Latin-1


@pytest.mark.parametrize("name", ["model.xlsx", "model.txt", "model", "model.xlsx.bak"])
def test_wrong_extension_is_refused_even_if_the_content_is_good(tmp_path, name: str) -> None:
    path = tmp_path / name
    path.write_text(GOOD, encoding="utf-8")
    for reader in (read_text, load):
        with pytest.raises(ModelFileError) as caught:
            reader(path)
        message = only_problem(caught.value).message
        assert "not an OrgModel file" in message
        assert ".orgmodel" in message
    suffix = name.rpartition(".")[2] if "." in name else "no extension"
    assert suffix in str(caught.value)


@pytest.mark.parametrize("name", ["model.orgmodel", "model.json", "MODEL.ORGMODEL", "model.orgmodel.bak", "model.json.bak"])
def test_accepted_extensions(tmp_path, name: str) -> None:
    path = tmp_path / name
    path.write_text(GOOD, encoding="utf-8")
    assert load(path).name == "Acme Türkiye"


def test_utf8_bom_is_accepted(tmp_path) -> None:
    path = tmp_path / "bom.orgmodel"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert not read_text(path).startswith("\ufeff")
    model = load(path)
    assert model.name == "Acme Türkiye"
    assert [u.name for u in model.units()] == ["Satış", "İnsan Kaynakları"]


def test_problem_in_a_file_on_disk_names_the_file(tmp_path) -> None:
    path = tmp_path / "acme.orgmodel"
    path.write_text(doc(units=with_unit(1, office="nowhere")), encoding="utf-8")
    with pytest.raises(ModelFileError) as caught:
        load(path)
    assert caught.value.source == str(path)
    assert str(caught.value).startswith(f"{path}: units[1].office: ")


def test_a_backup_named_by_a_path_object_is_read_too(tmp_path) -> None:
    from orgmodel.formats import read_any

    path = tmp_path / "model.orgmodel.bak"
    path.write_text(GOOD, encoding="utf-8")
    assert read_any(path)[0].name == "Acme Türkiye"  # a Path, not a str (the editor passes those)
