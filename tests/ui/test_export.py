"""Exports as a person checks them: size, colours, transparency, text, pages, notices."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own output; no DTDs or entities involved
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QColor, QFontMetricsF, QImage

from conftest import ROOT, SAMPLES
from orgmodel.formats.native import load, save
from orgmodel.model import OrgModel, Unit
from ui import style
from ui.editing.model_signals import ModelSignals
from ui.canvas.export import LONG_SIDE_BUDGET, PIXEL_BUDGET, ExportOptions, export_scene, pixel_size
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


# -- issue 14: what a newcomer hits ------------------------------------------------------------


def spread(width: float, height: float, name: str = "Spread") -> OrgModel:
    """Two cards at opposite corners of a ``width`` × ``height`` drawing: big, but cheap to draw."""
    model = OrgModel(name)
    model.add_unit(Unit("a", "Payroll", "back", x=0.0, y=0.0))
    model.add_unit(Unit("b", "Sales", "front", x=width, y=height))
    return model


def test_default_png_stays_within_the_pixel_budget_and_says_how_to_get_more(tmp_path: Path) -> None:
    """At 2× this drawing would be 153 megapixels, too big for most viewers to open."""
    model_path, out = tmp_path / "big.orgmodel", tmp_path / "big.png"
    save(spread(6000.0, 6000.0), model_path)
    result = run("export", str(model_path), str(out))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull() and image.width() * image.height() <= PIXEL_BUDGET
    assert image.width() > 5000  # scaled down to the budget, not further
    assert "scaled down to" in result.stderr and "--scale" in result.stderr and "--dpi" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_wide_chart_scaled_to_specks_says_what_reads_instead(qapp, tmp_path: Path) -> None:
    """A 10,000-unit org chart is 900,000 units wide: as a PNG its cards are specks at any
    scale an image can hold; the note says so and names the formats that stay readable."""
    from ui.launcher import scaled_down_note

    wide = ExportOptions()
    export_scene(scene_of(spread(200_000.0, 0.0)), str(tmp_path / "wide.png"), wide)
    assert wide.scaled_down is not None
    note = scaled_down_note(wide)
    assert "too small to read at any scale" in note and ".svg or .pdf" in note and "--selection-of" in note
    square = ExportOptions()  # scaled down, and still readable: no such advice
    export_scene(scene_of(spread(6000.0, 6000.0)), str(tmp_path / "square.png"), square)
    assert square.scaled_down is not None and "too small" not in scaled_down_note(square)


def test_pixel_budget_applies_to_the_automatic_scale_only(qapp) -> None:
    scene = scene_of(spread(1000.0, 400.0))
    automatic = pixel_size(scene, ExportOptions(pixel_budget=200_000))
    assert automatic.width() * automatic.height() <= 200_000
    long_side = pixel_size(scene, ExportOptions(long_side_budget=500))
    assert max(long_side.width(), long_side.height()) <= 500
    asked = pixel_size(scene, ExportOptions(scale=2.0, pixel_budget=200_000))
    assert asked.width() == math.ceil((1000 + 180 + 80) * 2)  # an explicit scale is honoured


def test_long_picture_is_capped_on_its_long_side_with_a_notice(qapp, tmp_path: Path) -> None:
    path, result = export(qapp, tmp_path, "long.png", spread(20000.0, 0.0))
    image = QImage(str(path))
    assert image.width() <= LONG_SIDE_BUDGET and result.scaled_down is not None
    assert result.notices and "scaled down" in result.notices[0]


def test_export_dialog_shows_the_budgeted_size(qtbot) -> None:
    from ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(scene_of(spread(6000.0, 6000.0)), "png", False, False)
    qtbot.addWidget(dialog)
    dialog.scale.setValue(dialog.scale.minimum())  # "Automatic"
    assert dialog.options([], "t").scale is None
    assert "32" in dialog.size_label.text() and "scaled down" in dialog.size_label.text()
    dialog.scale.setValue(1.0)
    assert "scaled down" not in dialog.size_label.text()


def pdf_size(path: Path) -> tuple[int, int]:
    box = pypdf.PdfReader(str(path)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_landscape_without_a_page_keeps_the_long_side_across(qapp, tmp_path: Path) -> None:
    """A wide diagram is already landscape: the same page, not a tall strip."""
    plain, _ = export(qapp, tmp_path, "plain.pdf", spread(2000.0, 100.0))
    wide, _ = export(qapp, tmp_path, "wide.pdf", spread(2000.0, 100.0), landscape=True)
    assert pdf_size(wide) == pdf_size(plain)
    assert pdf_size(wide)[0] > pdf_size(wide)[1]
    upright, _ = export(qapp, tmp_path, "upright.pdf", spread(100.0, 2000.0))
    turned, _ = export(qapp, tmp_path, "turned.pdf", spread(100.0, 2000.0), landscape=True)
    assert pdf_size(turned) == pdf_size(upright)[::-1] and pdf_size(turned)[0] > pdf_size(turned)[1]


def test_title_is_not_cut_off_on_a_narrow_picture(qapp, tmp_path: Path) -> None:
    from ui.canvas.export import _title_font

    model = OrgModel("Northwind Regional Shared Services Centre")
    model.add_unit(Unit("a", "Payroll", "back", x=0.0, y=0.0))
    title = "Northwind Regional Shared Services Centre — 2026-12-02"
    path, _ = export(qapp, tmp_path, "narrow.png", model, scale=1.0, title=title, legend=True)
    image = QImage(str(path))
    assert image.width() >= QFontMetricsF(_title_font()).horizontalAdvance(title) + 40
    # ... and the title's last letters are drawn: dark pixels in the right half of its band.
    band = [QColor(image.pixel(x, y)).lightness() for x in range(image.width() // 2, image.width()) for y in range(10, 50)]
    assert min(band) < 100


def test_options_that_do_not_apply_are_named_not_silently_dropped(tmp_path: Path) -> None:
    sample = str(SAMPLES / "example_co.orgmodel")
    png = run("export", sample, str(tmp_path / "a.png"), "--scale", "1", "--page", "a4", "--landscape", "--transparent")
    assert png.returncode == 0, png.stderr
    assert "note: --page applies to PDF only; ignored" in png.stderr
    assert "note: --landscape applies to PDF only; ignored" in png.stderr
    assert "--transparent" not in png.stderr and "--scale" not in png.stderr
    pdf = run("export", sample, str(tmp_path / "a.pdf"), "--transparent", "--dpi", "150")
    assert pdf.returncode == 0, pdf.stderr
    assert "note: --transparent applies to PNG and SVG only; ignored" in pdf.stderr
    assert "note: --dpi applies to PNG only; ignored" in pdf.stderr
    svg = run("export", sample, str(tmp_path / "a.svg"), "--transparent")
    assert svg.returncode == 0 and svg.stderr.strip() == ""
    assert run("export", sample, str(tmp_path / "a.svg"), "--scale").returncode == 2  # a usage error


LONG_NAME = "Regional Accounts Payable and Receivable Reconciliation Office"


def test_long_names_wrap_to_two_lines_at_the_normal_size(qapp, tmp_path: Path) -> None:
    from ui.canvas.items.unit_card import NAME_WIDTH, UnitCard

    model = OrgModel("Long")
    model.add_unit(Unit("long", LONG_NAME, "back", x=0.0, y=0.0, headcount=12))
    model.add_unit(Unit("short", "HR", "back", x=0.0, y=120.0))
    card = UnitCard("long")
    card.set_unit(LONG_NAME, "back", False, 12, None, None)
    font, _, metrics = card._fonts()
    lines = card.name_text().split("\n")
    assert len(lines) == 2 and LONG_NAME.startswith(lines[0]) and lines[1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= NAME_WIDTH for line in lines)  # the text fits the card
    assert LONG_NAME in card.tool_tip()  # the full name stays in the tooltip
    path, _ = export(qapp, tmp_path, "long.svg", model)
    sizes = {}
    for group in ET.parse(path).getroot().iter():
        for node in group:
            text = "".join(node.itertext()).strip() if node.tag.endswith("text") else ""
            if text in (lines[0], "HR"):
                sizes[text] = float(group.get("font-size"))
    assert set(sizes) == {lines[0], "HR"}, sizes  # the first line drawn whole, as a line of its own
    assert sizes[lines[0]] >= 0.95 * sizes["HR"]  # not shrunk


def test_custom_colour_fills_but_the_office_keeps_its_stripe(qapp, tmp_path: Path) -> None:
    """A back-office unit painted front-office orange still reads as back office."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    model = OrgModel("Colours")
    model.add_unit(Unit("it", "IT", "back", x=0.0, y=0.0, color=style.OFFICE_COLORS["front"].name()))
    path, _ = export(qapp, tmp_path, "custom.png", model, scale=1.0, margin=0.0)
    image = QImage(str(path))
    assert QColor(image.pixel(3, 32)).name() == style.OFFICE_COLORS["back"].name()  # the stripe
    assert QColor(image.pixel(120, 60)).name() != style.OFFICE_FILLS["back"].name()  # the custom fill
    # Zoomed far out, the canvas draws blocks: the office shows there too.
    scene = scene_of(model)
    far = QImage(36, 13, QImage.Format.Format_RGB32)
    painter = QPainter(far)
    scene.render(painter, QRectF(0, 0, 36, 12.8), QRectF(0, 0, 180, 64))
    painter.end()
    assert QColor(far.pixel(2, 6)).name() == style.OFFICE_COLORS["back"].name()
    assert QColor(far.pixel(30, 6)).name() == style.OFFICE_COLORS["front"].name()


def unnamed_coloured(tmp_path: Path) -> Path:
    """A model with no name, saved as "Northwind plan.orgmodel": three units painted teal
    (one legend row "Ads, IT + 1 more"), one purple."""
    model = OrgModel("")
    for i, (uid, name, office, colour) in enumerate([("ads", "Ads", "front", "#008080"), ("it", "IT", "back", "#008080"),
                                                     ("pay", "Payroll", "back", "#008080"), ("risk", "Risk", "middle", "#800080")]):
        model.add_unit(Unit(uid, name, office, x=i * 240.0, y=0.0, color=colour))
    model.add_dependency("ads", "it")
    path = tmp_path / "Northwind plan.orgmodel"
    save(model, path)
    return path


def test_editor_export_legend_explains_custom_colours_and_an_unnamed_model_takes_its_file_name(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(str(unnamed_coloured(tmp_path)), ask=False)
    picture = tmp_path / "picture.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(picture), ""))

    def legend_and_title(dialog) -> bool:
        dialog.legend.setChecked(True)
        dialog.title.setChecked(True)
        return True

    monkeypatch.setattr(window, "run_export_dialog", legend_and_title)
    window.export_action.trigger()
    texts = ["".join(node.itertext()).strip() for node in ET.parse(picture).iter() if node.tag.endswith("text")]
    assert "Ads, IT + 1 more" in texts and "Risk" in texts  # the custom colours' rows, as on the canvas
    assert any(text.startswith("Northwind plan — ") for text in texts), texts  # not "Untitled — date"
    assert not any("Untitled" in text for text in texts)


def test_command_line_export_legend_shows_custom_colours_and_the_title_names_the_file(tmp_path: Path) -> None:
    source = unnamed_coloured(tmp_path)
    drawing, picture = tmp_path / "out.svg", tmp_path / "out.png"
    assert run("export", str(source), str(drawing), "--legend", "--title").returncode == 0
    text = drawing.read_text(encoding="utf-8")
    assert "Ads, IT + 1 more" in text and "Northwind plan — " in text and "Untitled" not in text
    plain = tmp_path / "plain.png"
    assert run("export", str(source), str(plain), "--scale", "1").returncode == 0
    result = run("export", str(source), str(picture), "--legend", "--scale", "1")
    assert result.returncode == 0, result.stderr
    image = QImage(str(picture))
    # The legend below the diagram has a swatch of each custom colour, filled as a card is.
    below = image.copy(0, QImage(str(plain)).height(), image.width(), image.height() - QImage(str(plain)).height())
    found = colours(below, step=1)
    assert QColor("#008080").lighter(170).name() in found and QColor("#800080").lighter(170).name() in found


def test_the_export_command_leaves_its_drawing_to_the_system_at_exit(tmp_path: Path) -> None:
    # Python's last collection at exit visited every object a 10,000-unit export leaves (about
    # 1 s of CPU after the file was written); the command's own process skips it.
    out = tmp_path / "chart.png"
    script = ("import gc, sys; sys.argv = ['orgmodel', 'export', sys.argv[1], sys.argv[2], '--scale', '1']; "
              "from ui.launcher import main; code = main(); print(code, gc.get_freeze_count() > 0)")
    result = subprocess.run([sys.executable, "-c", script, str(SAMPLES / "example_co.orgmodel"), str(out)],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.split()[-2:] == ["0", "True"] and QImage(str(out)).width() > 100
    # Called with its arguments (as a caller in a longer-lived process does), nothing is frozen.
    import gc

    from ui.launcher import main

    frozen = gc.get_freeze_count()
    assert main(["check", str(SAMPLES / "example_co.orgmodel")]) == 0
    assert gc.get_freeze_count() == frozen
