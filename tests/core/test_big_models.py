"""Big models on the command line: what got faster must still give the very same answers.

(Speed itself is proven by ``benchmarks/file_io.py``, ``benchmarks/layout.py`` and
``benchmarks/cli_support.py``, never here.)
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from orgmodel import cli_reports
from orgmodel.analysis import analyse
from orgmodel.analysis.kernel import Roster
from orgmodel.formats.native import dumps, load, loads, save, to_document
from orgmodel.layout import bands_layout, bands_order
from orgmodel.model import OrgModel, Unit
from orgmodel.synthetic import generate_model


def reference_text(model: OrgModel) -> str:
    """The file text as the plain JSON encoder with ``indent=2`` writes each unit."""
    document = to_document(model)
    units, dependencies = document.pop("units"), document.pop("dependencies")
    lines = ["{"]
    for key, value in document.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, indent=2).replace(chr(10), chr(10) + '  ')},")
    lines.append('  "units": [' if units else '  "units": [],')
    lines += ["    " + json.dumps(u, ensure_ascii=False, indent=2).replace("\n", "\n    ") + "," for u in units]
    if units:
        lines[-1] = lines[-1][:-1]
        lines.append("  ],")
    lines.append('  "dependencies": [' if dependencies else '  "dependencies": []')
    lines += ["    " + json.dumps(d, ensure_ascii=False) + "," for d in dependencies]
    if dependencies:
        lines[-1] = lines[-1][:-1]
        lines.append("  ]")
    return "\n".join(lines + ["}"]) + "\n"


def varied_model() -> OrgModel:
    model = OrgModel("Şirket \"Ö\"", {"meta": {"owner": "ç", "n": [1, 2.5, None]}})
    model.add_unit(Unit("s", "Satış \\ \"EMEA\"", "front", revenue=1e21, cost=0.1, x=-3.0, y=1e-7))
    model.add_unit(Unit("it", "IT", "back", tags=("core", "ağ"), notes="line\nbreak\ttab", color="#aabbcc"))
    model.add_unit(Unit("e", "Empty extras", "middle", revenue_generating=False, extra={"k": {}, "l": [], "z": "✓"}))
    model.add_unit(Unit("h", "Headcount", "back", headcount=12, automation_potential=0.35, extra={"flag": True}))
    model.set_parent("it", "h")
    model.add_dependency("s", "it")
    model.add_dependency("s", "e", weight=2.5, label="ödeme")
    model.add_dependency("e", "h", extra={"note": [1, {"a": "b"}]})
    model.add_dependency("h", "it", weight=3)
    return model


@pytest.mark.parametrize("model", [varied_model(), OrgModel(), generate_model(300, seed=4)], ids=["varied", "empty", "generated"])
def test_saved_text_is_exactly_what_the_json_encoder_writes(model: OrgModel) -> None:
    assert dumps(model) == reference_text(model)
    assert dumps(loads(dumps(model))) == dumps(model)


def test_saving_a_model_with_weights_labels_and_extras_opens_with_everything(tmp_path: Path) -> None:
    path = tmp_path / "m.orgmodel"
    save(varied_model(), path)
    model = load(path)
    assert model.dependency("s", "e").weight == 2.5 and model.dependency("s", "e").label == "ödeme"
    assert model.dependency("e", "h").extra == {"note": [1, {"a": "b"}]}
    assert model.unit("h").extra == {"flag": True} and model.unit("it").tags == ("core", "ağ")
    assert path.read_text(encoding="utf-8") == reference_text(varied_model())


@pytest.mark.parametrize(
    ("dependency", "message"),
    [
        ('{"from": "a", "to": "b", "weight": 0}', "dependencies[0].weight: must be > 0, got 0"),
        ('{"from": "a", "to": "b", "label": 3}', "dependencies[0].label: expected a string, got a number"),
        ('{"from": "a", "to": "b", "weight": 1, "weight": 2}', "dependencies[0].weight: key appears more than once"),
        ('{"from": "a", "to": "b", "label": "x"}, {"from": "a", "to": "b", "weight": 2}',
         "dependencies[1]: duplicate dependency 'a' → 'b' (also dependencies[0])"),
    ],
)
def test_dependencies_with_weight_or_label_are_still_checked(dependency: str, message: str) -> None:
    from orgmodel.errors import ModelFileError

    text = (
        '{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "A", "office": "front"},'
        ' {"id": "b", "name": "B", "office": "back"}], "dependencies": [' + dependency + "]}"
    )
    with pytest.raises(ModelFileError) as error:
        loads(text)
    assert str(error.value) == message


#: sha1 of each unit's x and row in ``bands_layout(...)``, and ``repr(bands_order(...))``, as
#: the layout made them before it worked on unit numbers (commit f142770): the same model,
#: the same places (since the gaps between rows grow with their lines, rows, not their y).
BANDS_BEFORE = {
    (200, True, 3): "dbd0e0e6b05f",
    (1000, True, 21): "04b9043a64f9",
    (1000, False, 5): "06c978dc7853",
}


@pytest.mark.parametrize(("units", "dense", "seed"), list(BANDS_BEFORE))
def test_office_bands_place_every_unit_where_they_did_before(units: int, dense: bool, seed: int) -> None:
    model = generate_model(units, dense=dense, seed=seed)
    some = [uid for i, uid in enumerate(model.unit_ids()) if i % 3]
    positions = bands_layout(model, 180, 64)
    rows = {y: i for i, y in enumerate(sorted({y for _, y in positions.values()}))}
    made = repr({uid: (x, rows[y]) for uid, (x, y) in positions.items()}) + repr(bands_order(model, some, passes=3))
    assert hashlib.sha1(made.encode()).hexdigest()[:12] == BANDS_BEFORE[(units, dense, seed)]


def test_json_map_in_pieces_is_the_whole_map() -> None:
    roster = Roster(["b1", "b2", "b3"])
    bits = {"f3": 0b111, "f1": 0b101, "f2": 0b111, "f4": 0}
    pieces = list(roster.json_pieces(bits))
    assert len(pieces) == 6
    assert "".join(pieces) == json.dumps(roster.decode_map(bits), sort_keys=True, ensure_ascii=False)


class ShortWrites(io.RawIOBase):
    """A file that takes at most ``limit`` bytes per write, as Linux does beyond 2 GiB."""

    def __init__(self, limit: int) -> None:
        self.limit, self.data = limit, bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        taken = bytes(data[: self.limit])
        self.data += taken
        return len(taken)


def test_support_json_is_written_whole_even_when_the_file_takes_less_per_write(monkeypatch: pytest.MonkeyPatch) -> None:
    model = generate_model(400, seed=2)
    target = ShortWrites(limit=1000)
    monkeypatch.setattr(sys, "stdout", SimpleNamespace(buffer=target, flush=lambda: None))
    cli_reports.support(model, as_json=True)
    assert json.loads(bytes(target.data)) == analyse(model).support_map()
    assert bytes(target.data) == (analyse(model).support_map_json() + "\n").encode()
