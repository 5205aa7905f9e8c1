"""A valid model whose revenues are huge whole numbers (issue 19): ``spof`` and ``whatif``
printed ``inf`` (and ``Infinity``, which is not JSON) or ended in a traceback; they print the
exact amount. ``cost`` and ``automation``, which count in 64-bit cents, refuse in one line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from orgmodel.analysis.amounts import total
from orgmodel.cli import main
from orgmodel.formats.native import save
from orgmodel.model import OrgModel, Unit

BIG = int(sys.float_info.max)  # the largest whole revenue a model may hold


def _model(revenues: list[float | int]) -> OrgModel:
    model = OrgModel("Huge")
    model.add_unit(Unit("it", "IT", "back", x=0, y=0))
    for i, revenue in enumerate(revenues):
        model.add_unit(Unit(f"s{i}", f"Shop {i}", "front", revenue=revenue, x=240 * (i + 1), y=0))
        model.add_dependency(f"s{i}", "it")
    return model


def _strict(text: str) -> dict:
    """JSON as RFC 8259 has it: no Infinity, no NaN."""
    def refuse(word: str) -> None:
        raise AssertionError(f"not JSON: {word}")
    return json.loads(text, parse_constant=refuse)


# whole numbers as exact integers (JSON's 1797…) and as floats (JSON's 1.797e308)
CASES = {"ints": [BIG, BIG, BIG], "floats": [float(BIG), 1e308, 1e308], "mixed": [BIG, 1e308, 12.5]}


def _expected(revenues: list[float | int]) -> int:
    return sum(int(r) for r in revenues) + (round(sum(r - int(r) for r in revenues)))


@pytest.mark.parametrize("case", CASES)
def test_spof_prints_the_exact_sum_of_huge_revenues(tmp_path: Path, capsys, case: str) -> None:
    path = tmp_path / "huge.orgmodel"
    save(_model(CASES[case]), path)
    assert main(["spof", str(path)]) == 0
    captured = capsys.readouterr()
    assert "inf" not in captured.out and captured.err == ""  # no RuntimeWarning either
    it = next(line for line in captured.out.splitlines() if line.startswith("IT "))
    assert f"{_expected(CASES[case]):,}" in it
    assert main(["spof", str(path), "--json"]) == 0
    units = {row["id"]: row for row in _strict(capsys.readouterr().out)["units"]}
    assert units["it"]["revenue_at_risk"] == _expected(CASES[case])


@pytest.mark.parametrize("case", CASES)
def test_whatif_prints_the_exact_sum_of_huge_revenues(tmp_path: Path, capsys, case: str) -> None:
    path = tmp_path / "huge.orgmodel"
    save(_model(CASES[case]), path)
    assert main(["whatif", str(path), "--fail", "it"]) == 0  # an OverflowError before
    out = capsys.readouterr().out
    assert f"Revenue at risk {_expected(CASES[case]):,}:" in out and "inf" not in out
    assert main(["whatif", str(path), "--fail", "it", "--json"]) == 0
    assert _strict(capsys.readouterr().out)["revenue_at_risk"] == _expected(CASES[case])


@pytest.mark.parametrize("command", ["cost", "automation"])
def test_cost_refuses_amounts_beyond_its_cents_in_one_line(tmp_path: Path, capsys, command: str) -> None:
    path = tmp_path / "huge.orgmodel"
    save(_model([1e308, 5.0]), path)
    assert main([command, str(path), "--json"]) == 1  # OverflowError before
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"orgmodel: {path}: unit 's0', revenue: 100,000,000,000,000,… (309 digits) is more than")


def test_total_is_exact_for_whole_amounts_and_never_inf() -> None:
    assert total([BIG] * 3) == 3 * BIG and isinstance(total([BIG] * 3), int)
    assert total([1e308] * 3) == 3 * int(1e308)
    assert total([0.1, 0.2]) == 0.1 + 0.2 and total([]) == 0 and total([None, 2]) == 2
