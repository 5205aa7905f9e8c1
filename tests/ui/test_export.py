"""Exports as a person checks them: size, colours, transparency, text, pages, notices."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own output; no DTDs or entities involved
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QColor, QImage

from conftest import ROOT, SAMPLES
from orgmodel.formats.native import load
from orgmodel.model import OrgModel, Unit
from ui import style
from ui.editing.model_signals import ModelSignals
from ui.canvas.export import ExportOptions, export_scene, pixel_size
from ui.canvas.scene import OrgScene
from ui.editing.selection import Selection

NAMES = ['Sales <EMEA> & "Partners"', "Satış & Pazarlama", "İnsan Kaynakları", "Bilgi İşlem 💻"]


def tricky_model() -> OrgModel:
    model = OrgModel("Tricky & <Co>")
    for i, (name, office) in enumerate(zip(NAMES, ["front", "front", "back", "back"])):
        model.add_unit(Unit(f"u{i}", name, office, x=i * 240.0, y=0.0 if i < 2 else 200.0, headcount=5))
    model.add_unit(Unit("m", "Risk", "middle", x=120.0, y=100.0))
    model.add_dependency("u0", "u3")
    model.add_dependency("u1", "m")
    model.add_dependency("m", "u2")
    return model


def scene_of(model: OrgModel) -> OrgScene:
    scene = OrgScene(Selection())
    scene.set_model(model, ModelSignals(model))
    return scene


def export(qapp, tmp_path: Path, name: str, model: OrgModel | None = None, **options) -> tuple[Path, ExportOptions]:
    scene = scene_of(model or load(SAMPLES / "example_co.orgmodel"))
    path = tmp_path / name
    result = export_scene(scene, str(path), ExportOptions(**options))
    return path, result


def colours(image: QImage, step: int = 3) -> set[str]:
    """The names ("#rrggbb") of the colours of every step-th pixel of every step-th row: the
    names of ``image.pixel(x, y)``, read as 32-bit ARGB words rather than pixel by pixel."""
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    words = memoryview(argb.constBits()).cast("I")
    per_row = argb.bytesPerLine() // 4
    found: set[int] = set()
    for y in range(0, argb.height(), step):
        found.update(words[y * per_row : y * per_row + argb.width() : step])
    return {f"#{word & 0xFFFFFF:06x}" for word in found}


def test_png_size_follows_the_scale_and_shows_every_office_colour(qapp, tmp_path: Path) -> None:
    one, _ = export(qapp, tmp_path, "one.png", scale=1.0)
    two, _ = export(qapp, tmp_path, "two.png", scale=2.0)
    a, b = QImage(str(one)), QImage(str(two))
    assert abs(b.width() - 2 * a.width()) <= 2 and abs(b.height() - 2 * a.height()) <= 2
    found = colours(a)
    for office in ("front", "middle", "back"):
        assert style.OFFICE_COLORS[office].name() in found, office


def test_transparent_png_has_clear_corners_and_the_default_is_opaque(qapp, tmp_path: Path) -> None:
    clear, _ = export(qapp, tmp_path, "clear.png", scale=1.0, transparent=True)
    solid, _ = export(qapp, tmp_path, "solid.png", scale=1.0)
    for path, alpha in ((clear, 0), (solid, 255)):
        image = QImage(str(path))
        for x, y in ((0, 0), (image.width() - 1, 0), (0, image.height() - 1), (image.width() - 1, image.height() - 1)):
            assert QColor.fromRgba(image.pixel(x, y)).alpha() == alpha


def test_svg_is_real_xml_with_every_name_as_text(qapp, tmp_path: Path) -> None:
    path, _ = export(qapp, tmp_path, "tricky.svg", tricky_model())
    root = ET.parse(path).getroot()
    assert root.get("viewBox")
    texts = " ".join("".join(node.itertext()) for node in root.iter() if node.tag.endswith("text"))
    for name in [*NAMES[:3], "Bilgi İşlem", "💻"]:
        assert name in texts, name
    assert not [node for node in root.iter() if node.tag.endswith("image")]  # nothing rasterised


def test_pdf_is_one_page_with_the_unit_names(qapp, tmp_path: Path) -> None:
    path, _ = export(qapp, tmp_path, "sample.pdf")
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for name in ("Sales – EMEA", "Call Centre", "Human Resources", "Treasury"):
        assert name in text
    a4, _ = export(qapp, tmp_path, "a4.pdf", page="a4", landscape=True)
    box = pypdf.PdfReader(str(a4)).pages[0].mediabox
    assert round(float(box.width)) == 842 and round(float(box.height)) == 595


def test_oversize_png_is_scaled_down_with_a_notice(qapp, tmp_path: Path) -> None:
    model = OrgModel("Wide")
    for i in range(2):
        model.add_unit(Unit(f"u{i}", f"U{i}", "back", x=i * 40000.0, y=0.0))
    path, result = export(qapp, tmp_path, "wide.png", model, scale=4.0)
    image = QImage(str(path))
    assert not image.isNull() and image.width() <= 32767
    assert result.notices and "scaled down" in result.notices[0]
    assert pixel_size(scene_of(model), ExportOptions(scale=4.0)).width() == image.width()


def test_export_does_not_depend_on_window_state(qtbot, tmp_path: Path) -> None:
    from ui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_sample(str(SAMPLES / "example_co.orgmodel"))
    window.show()
    first = tmp_path / "a.png"
    export_scene(window.scene, str(first), ExportOptions(scale=1.0))
    window.view.set_zoom(0.1)
    window.selection.set(["sales-emea", "it"])
    window.view.centerOn(0, 0)
    second = tmp_path / "b.png"
    export_scene(window.scene, str(second), ExportOptions(scale=1.0))
    assert QImage(str(first)) == QImage(str(second))
    assert window.selection.units() == ["sales-emea", "it"]  # the selection survives the export


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "main.py", *args], capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)


def test_headless_command_line_export_and_highlight(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain, lit = tmp_path / "plain.png", tmp_path / "lit.png"
    sample = str(SAMPLES / "example_co.orgmodel")
    assert run("export", sample, str(plain), "--scale", "1").returncode == 0
    result = run("export", sample, str(lit), "--scale", "1", "--highlight", "sales-emea", "--legend")
    assert result.returncode == 0, result.stderr
    assert QImage(str(plain)) != QImage(str(lit))
    assert style.HIGHLIGHT.name() in colours(QImage(str(lit)), step=2)
    assert run("export", sample, str(tmp_path / "x.gif")).returncode == 1
    # Refused before anything is drawn: the same main() as main.py, in this process.
    from ui.launcher import main

    capsys.readouterr()
    assert main(["export", sample, str(tmp_path / "x.png"), "--highlight", "nobody"]) == 1
    stderr = capsys.readouterr().err
    assert "no unit with id 'nobody'" in stderr and "Traceback" not in stderr
    for usage_error in (["export", sample, str(tmp_path / "x.png"), "--scale", "9"], ["export", sample]):
        with pytest.raises(SystemExit) as usage:
            main(usage_error)
        assert usage.value.code == 2
    assert not (tmp_path / "x.png").exists()


def test_command_line_export_draws_words_in_the_chosen_language(tmp_path: Path) -> None:
    """Office names, legend and title follow --language; the default is English whatever
    the machine's locale, so scripts get the same picture everywhere."""
    sample = str(SAMPLES / "ornek_as.orgmodel")
    turkish, english = tmp_path / "tr.svg", tmp_path / "en.svg"
    result = run("export", sample, str(turkish), "--legend", "--title", "--language", "tr")
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr
    assert result.stdout.strip() == f"{turkish}: exported"  # the command line itself stays English
    assert run("export", sample, str(english), "--legend").returncode == 0
    drawn_tr, drawn_en = turkish.read_text(encoding="utf-8"), english.read_text(encoding="utf-8")
    assert "Ön Ofis" in drawn_tr and "gelir getiren" in drawn_tr and "Bireysel Satış" in drawn_tr
    assert "Front office" in drawn_en and "Ön Ofis" not in drawn_en and "Bireysel Satış" in drawn_en


def test_selection_export_contains_only_those_units(qapp, tmp_path: Path) -> None:
    path, _ = export(qapp, tmp_path, "part.svg", tricky_model(), units=["u0", "u3"])
    texts = " ".join("".join(node.itertext()) for node in ET.parse(path).getroot().iter() if node.tag.endswith("text"))
    assert "Risk" not in texts and "İnsan Kaynakları" not in texts
