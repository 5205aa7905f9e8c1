"""``orgmodel classify`` and ``orgmodel convert --classify``: a table of suggestions (unit,
suggested office, reason), only the confident ones written, atomically; --dry-run writes
nothing; person names stay unclassified; a user lexicon is taken with --lexicon."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_orgmodel as run
from orgmodel.formats.native import load, save
from orgmodel.model import OrgModel, Unit, unclassified_unit


@pytest.fixture
def org(tmp_path: Path) -> Path:
    model = OrgModel("Org")
    model.add_unit(unclassified_unit("s", "Satış Müdürlüğü"))
    model.add_unit(unclassified_unit("m", "Muhasebe Departmanı"))
    model.add_unit(unclassified_unit("z", "Zeynep Arslan"))
    model.add_unit(unclassified_unit("fr", "Finance and Risk"))
    model.add_unit(Unit("hr", "Human Resources", "front"))  # classified (wrongly) by a person
    path = tmp_path / "org.orgmodel"
    save(model, path)
    return path


def test_classify_prints_the_table_and_writes_the_confident_ones(org: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.orgmodel"
    result = run("classify", str(org), str(out), "--only-unclassified")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Unit", "Office", "Suggested", "office", "Reason", "Confidence", "Action"]
    assert any(line.startswith("Satış Müdürlüğü") and '"Satış"' in line and line.endswith("set") for line in lines)
    assert any(line.startswith("Finance and Risk") and line.endswith("kept: not sure") for line in lines)
    assert any(line.startswith("Zeynep Arslan") and "none: no office word" in line for line in lines)
    assert "Human Resources" not in result.stdout  # --only-unclassified
    model = load(out)
    assert {u.id: u.office for u in model.units()} == {"s": "front", "m": "back", "z": None, "fr": None, "hr": "front"}


def test_classify_every_unit_corrects_a_confidently_wrong_office(org: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.orgmodel"
    assert run("classify", str(org), str(out)).returncode == 0
    assert load(out).unit("hr").office == "back"


def test_dry_run_writes_nothing_and_out_is_needed_otherwise(org: Path, tmp_path: Path) -> None:
    before = org.read_bytes()
    result = run("classify", str(org), "--dry-run")
    assert result.returncode == 0 and "nothing written" in result.stdout
    assert org.read_bytes() == before and list(tmp_path.iterdir()) == [org]
    missing = run("classify", str(org))
    assert missing.returncode == 2 and "needs OUT.orgmodel" in missing.stderr


def test_convert_classify_sets_offices_on_import(tmp_path: Path) -> None:
    source = tmp_path / "org.csv"
    source.write_text("name,notes\nÇağrı Merkezi,\nBilgi İşlem Daire Başkanlığı,\nTrabzon,\n", "utf-8")
    out = tmp_path / "org.orgmodel"
    result = run("convert", str(source), str(out), "--classify")
    assert result.returncode == 0, result.stderr
    assert [(u.name, u.office) for u in load(out).units()] == [
        ("Çağrı Merkezi", "front"), ("Bilgi İşlem Daire Başkanlığı", "back"), ("Trabzon", None)]
    plain = tmp_path / "plain.orgmodel"
    assert run("convert", str(source), str(plain)).returncode == 0
    assert all(u.office is None for u in load(plain).units())  # no --classify: nothing guessed


def test_convert_classify_says_what_was_read_before_its_suggestions(tmp_path: Path) -> None:
    """The import's summary came after the table of suggestions it had made possible."""
    source = tmp_path / "org.csv"
    source.write_text("name,headcount\nÇağrı Merkezi,\nBilgi İşlem,\nSatış,many\n", "utf-8")
    result = subprocess.run([sys.executable, "-m", "orgmodel", "convert", str(source), str(tmp_path / "org.orgmodel"), "--classify"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8", cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    summary = lines.index(f"{source}: 2 added, 0 updated, 0 unchanged, 1 rejected")
    table = next(i for i, line in enumerate(lines) if line.split()[:1] == ["Unit"])
    assert summary < table
    assert f'{source}: row 4: headcount: expected a number, got "many"' in lines[summary:table]


def test_a_user_lexicon_and_a_bad_one(org: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps({"offices": {"front": {"strong": ["Zeynep Arslan"]}}}), "utf-8")
    out = tmp_path / "out.orgmodel"
    assert run("classify", str(org), str(out), "--lexicon", str(mine)).returncode == 0
    assert load(out).unit("z").office == "front"  # the user said so
    bad = tmp_path / "bad.json"
    bad.write_text("[", "utf-8")
    result = run("classify", str(org), "--dry-run", "--lexicon", str(bad))
    assert result.returncode == 1 and result.stderr.strip() == f"orgmodel: {bad}: not a lexicon: invalid JSON at line 1"
