"""An import whose drawing puts cards on top of each other is laid out anew, and says so:
Archi's example model placed its units from several views (and nested shapes within one),
and the picture was a heap of cards with lines under them."""

from __future__ import annotations

from pathlib import Path

from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
from orgmodel.formats import read_any
from orgmodel.layout.placement import first_overlap, overlapping_cards

ARCHISURANCE = Path(__file__).resolve().parent / "archimate" / "Archisurance.archimate"

DRAWIO = """<mxfile><diagram name="Page-1"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="a" value="Sales" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="b" value="Payroll" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="10" y="5" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="c" value="IT" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="400" y="0" width="120" height="60" as="geometry"/></mxCell>
</root></mxGraphModel></diagram></mxfile>"""


def _positions(model) -> dict[str, tuple[float, float]]:
    return {unit.id: (unit.x, unit.y) for unit in model.units()}


def test_archisurance_comes_in_with_no_card_on_another(tmp_path: Path) -> None:
    model, messages = read_any(str(ARCHISURANCE))
    assert overlapping_cards(_positions(model), CARD_WIDTH, CARD_HEIGHT) == []
    assert any("laid out anew" in str(message) for message in messages)


def test_a_drawing_with_stacked_shapes_is_laid_out_anew(tmp_path: Path) -> None:
    path = tmp_path / "stacked.drawio"
    path.write_text(DRAWIO, "utf-8")
    model, messages = read_any(str(path))
    assert first_overlap(_positions(model), CARD_WIDTH, CARD_HEIGHT) is None
    said = [str(message) for message in messages if "laid out anew" in str(message)]
    assert said == ["positions in the file put cards on top of each other (“Sales” and “Payroll”): every unit laid out anew"]


def test_a_drawing_whose_cards_stand_apart_keeps_its_places(tmp_path: Path) -> None:
    path = tmp_path / "apart.drawio"
    path.write_text(DRAWIO.replace('x="10" y="5"', 'x="200" y="0"'), "utf-8")
    model, messages = read_any(str(path))
    xs = sorted(x for x, _ in _positions(model).values())
    assert xs[0] < xs[1] < xs[2] and not any("laid out anew" in str(m) for m in messages)


def test_first_overlap_is_linear_on_a_stack_of_thousands() -> None:
    # 20,000 cards on one spot: every pair overlaps (200 million pairs); the first is enough.
    stacked = {f"u{i}": (0.0, 0.0) for i in range(20_000)}
    assert first_overlap(stacked, CARD_WIDTH, CARD_HEIGHT) == ("u0", "u1")
    column = {f"u{i}": (0.0, i * CARD_HEIGHT) for i in range(20_000)}  # touching: no overlap
    assert first_overlap(column, CARD_WIDTH, CARD_HEIGHT) is None
