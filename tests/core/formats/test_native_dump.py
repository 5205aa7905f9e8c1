"""The file text is made a line at a time: the same bytes as the whole-document text,
whatever the model holds, and a save never builds the whole document."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.formats import native_dump
from orgmodel.formats.native import dump_bytes, dumps, load, save
from orgmodel.model import OrgModel, Unit
from orgmodel.synthetic import generate_model

SAMPLES = sorted((Path(__file__).resolve().parents[3] / "resources" / "samples").glob("*.orgmodel"))


def odd_model() -> OrgModel:
    """Unicode, extra keys at every level, lists and objects in units, labels and groups."""
    model = OrgModel("Örnek A.Ş.", extra={"x-tool": {"v": [1, 2]}})
    model.add_unit(Unit("a", "Satış \"ön\"", "front", tags=("ş", "ğ"), extra={"n": {"k": [1]}}))
    model.add_unit(Unit("b", "Muhasebe", "back", cost=2.5, x=1.0, y=-3.5))
    model.add_unit(Unit("c", "Yeni", None))
    model.add_dependency("a", "b", weight=2.0, label="veri", group="g")
    model.add_dependency("b", "c")
    return model


def whole_document_text(model: OrgModel) -> str:
    """The text as it was made before: from the whole document."""
    document = native_dump.to_document(model)
    units, dependencies = document.pop("units"), document.pop("dependencies")
    lines = ["{"]
    for key, value in document.items():
        lines.append(f"  {native_dump.json.dumps(key, ensure_ascii=False)}: "
                     f"{native_dump._indent(native_dump.json.dumps(value, ensure_ascii=False, indent=2))},")
    lines.append('  "units": [' if units else '  "units": [],')
    lines.extend(f"    {native_dump._unit_text(unit)}," for unit in units)
    if units:
        lines[-1] = lines[-1][:-1]
        lines.append("  ],")
    lines.append('  "dependencies": [' if dependencies else '  "dependencies": []')
    lines.extend(f"    {native_dump._dependency_text(dep)}," for dep in dependencies)
    if dependencies:
        lines[-1] = lines[-1][:-1]
        lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


MODELS = [OrgModel(), OrgModel("Only a name"), odd_model(), generate_model(300, seed=2)] + [load(path) for path in SAMPLES]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("chunk", [1, 2, 4096])
def test_the_bytes_are_the_whole_document_text(model: OrgModel, chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = whole_document_text(model)
    monkeypatch.setattr(native_dump, "CHUNK_LINES", chunk)
    assert dumps(model) == expected
    assert dump_bytes(model) == expected.encode("utf-8")


def test_a_save_never_builds_the_whole_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = odd_model()
    expected = dumps(model).encode("utf-8")

    def whole_document(model):
        raise AssertionError("the whole document was built")

    monkeypatch.setattr(native_dump, "to_document", whole_document)
    save(model, tmp_path / "m.orgmodel")
    assert (tmp_path / "m.orgmodel").read_bytes() == expected
    assert dumps(model).encode("utf-8") == expected
