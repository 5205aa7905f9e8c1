"""The Turkish interface at work: the language choice, Qt's own dialogs, numbers, sorting,
domain messages, the canvas and exports, and the command line that stays English."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox

from orgmodel.formats.native import load, loads
from orgmodel.errors import ModelFileError
from orgmodel.i18n import Text
from ui import i18n

from tests.system.catalogues import ROOT, SAMPLE, catalogue_patterns, known, qt_button_words, strip


# -- language choice -----------------------------------------------------------------------


def test_language_follows_the_environment_then_the_choice_then_the_system(qapp, monkeypatch):
    monkeypatch.delenv(i18n.ENVIRONMENT_KEY, raising=False)
    QSettings().remove(i18n.SETTINGS_KEY)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey)))
    assert i18n.startup_language() == "tr"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German, QLocale.Country.Germany)))
    assert i18n.startup_language() == "en"
    i18n.choose_language("tr")
    assert i18n.startup_language() == "tr"
    monkeypatch.setenv(i18n.ENVIRONMENT_KEY, "en")
    assert i18n.startup_language() == "en"
    QSettings().remove(i18n.SETTINGS_KEY)
    with pytest.raises(ValueError):
        i18n.choose_language("xx")


def test_view_language_remembers_the_choice_and_says_so_in_both_languages(qapp, qtbot, monkeypatch):
    from ui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), [b.text() for b in box.buttons()])) or 0)
    actions = {action.data(): action for action in window.language_menu.actions()}
    assert [a.text() for a in window.language_menu.actions()] == ["English", "Türkçe"]
    assert actions["en"].isChecked() and not actions["tr"].isChecked()
    try:
        actions["tr"].trigger()
        assert QSettings().value(i18n.SETTINGS_KEY) == "tr"
        assert actions["tr"].isChecked()
        text, buttons = shown[0]
        assert "OrgModel will use Türkçe the next time you start it." in text
        assert "OrgModel bir sonraki açılışta Türkçe dilini kullanacak." in text
        assert buttons == ["Restart Now", "Later"]
        assert i18n.current_language() == "en" and window.isVisible()  # "Later": nothing else changes
    finally:
        QSettings().remove(i18n.SETTINGS_KEY)


def test_restart_now_closes_and_starts_orgmodel_again_on_the_same_file(qapp, qtbot, monkeypatch, tmp_path):
    from PySide6.QtCore import QProcess

    from ui.window.main_window import MainWindow

    path = tmp_path / "model.orgmodel"
    shutil.copyfile(SAMPLE, path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(str(path))
    started = []
    monkeypatch.setattr(QProcess, "startDetached", lambda program, arguments: started.append((program, arguments)) or (True, 1))
    monkeypatch.setattr(window, "ask_restart_for_language", lambda code: True)
    try:
        window.choose_language("tr")
    finally:
        QSettings().remove(i18n.SETTINGS_KEY)
    assert not window.isVisible()
    (program, arguments), = started
    assert program == sys.executable and arguments[-1] == str(path)


def test_the_restart_command_runs_this_orgmodel(tmp_path):
    """The command is a working launcher: with ``check`` in place of a file it validates."""
    from ui.restart import restart_command

    program, arguments = restart_command(None)
    result = subprocess.run([program, *arguments, "check", str(SAMPLE)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "valid model 'Örnek A.Ş.'" in result.stdout


def test_qt_own_buttons_and_dialogs_are_turkish(qapp, turkish):
    from PySide6.QtWidgets import QColorDialog, QFileDialog, QPushButton

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
    texts = {box.button(b).text().replace("&", "") for b in (QDialogButtonBox.StandardButton.Cancel, QDialogButtonBox.StandardButton.Yes, QDialogButtonBox.StandardButton.No)}
    assert texts == {"İptal", "Evet", "Hayır"}
    # Qt's own file dialog (used where the desktop offers none): qtbase_tr, and
    # qt_extra_tr for the two labels qtbase_tr leaves in English.
    files = QFileDialog(None, "", "", "*.orgmodel")
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = {strip(label.text()) for label in files.findChildren(QLabel)}
    assert {"Konum:", "Dosya adı:", "Dosya türü:"} <= labels, labels
    assert {"Aç", "İptal"} <= {strip(b.text()) for b in files.findChildren(QPushButton)}
    colours = QColorDialog()
    colours.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog, True)
    assert {"Temel renkler", "Kırmızı:"} <= {strip(label.text()) for label in colours.findChildren(QLabel)}


# -- numbers, sorting, messages, canvas ------------------------------------------------------


def test_numbers_follow_the_turkish_locale(qapp, turkish):
    from ui.docks.property_fields import parse_amount
    from ui.i18n import format_number

    assert QLocale().toString(1234567.89, "f", 2) == "1.234.567,89"
    assert format_number(1234567.89) == "1.234.567,89"
    assert parse_amount("1.234.567,89", "cost") == pytest.approx(1234567.89)
    from ui.canvas.items.unit_card import compact_amount

    assert compact_amount(46_500_000, QLocale()) == "46,5 Mn"


def test_numbers_follow_the_english_locale(qapp):
    from ui.i18n import format_number

    assert format_number(1234567.89) == "1,234,567.89"


def test_names_sort_in_turkish_alphabet_order_in_the_outline(qapp, qtbot, turkish):
    from orgmodel.model import OrgModel, Unit
    from ui.window.main_window import MainWindow

    model = OrgModel("Sıralama")
    for i, name in enumerate(["Zeytin", "Çağrı Merkezi", "Cari Hesaplar", "İnsan Kaynakları", "Işık", "Ödeme", "Ortak", "Ilgaz"]):
        model.add_unit(Unit(f"u{i}", name, "back"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.document.replace_model(model, None)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: window.outline.rows.rowCount() > 0)
    proxy = window.outline.rows
    group = next(proxy.index(r, 0) for r in range(proxy.rowCount()) if proxy.rowCount(proxy.index(r, 0)))
    names = [proxy.index(r, 0, group).data() for r in range(proxy.rowCount(group))]
    expected = ["Cari Hesaplar", "Çağrı Merkezi", "Ilgaz", "Işık", "İnsan Kaynakları", "Ortak", "Ödeme", "Zeytin"]
    assert names == expected
    # The analysis tables sort names the same way (here: every unit in the back office).
    table = window.analysis_dock.back_office_model
    table.sort(0, Qt.SortOrder.AscendingOrder)
    assert [table.index(row, 0).data() for row in range(table.rowCount())] == expected
    window.document.undo_stack.setClean()


def test_domain_messages_are_shown_in_turkish(qapp, turkish):
    with pytest.raises(ModelFileError) as caught:
        loads('{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "Satış", "office": "ön"}]}', "bozuk.orgmodel")
    english = "\n".join(caught.value.lines())
    shown = i18n.describe(caught.value)
    assert shown != english and "bozuk.orgmodel" in shown and '"ön"' in shown
    assert "expected" not in shown and "got" not in shown, shown


def test_a_broken_file_is_reported_in_turkish_in_the_editor(qapp, qtbot, monkeypatch, tmp_path, turkish):
    from ui.window.main_window import MainWindow

    path = tmp_path / "bozuk.orgmodel"
    path.write_text('{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "Satış", "office": "front", "headcount": -3}]}', encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text(), box.informativeText())) or 0)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(str(path))
    assert shown, "no message shown"
    title, text, details = shown[0]
    assert title == "Model açılamıyor"
    assert "bozuk.orgmodel" in text and "açılamıyor: 1 sorun" in text
    assert "units[0].headcount" in details and "must" not in details and "got" not in details


def test_canvas_words_and_exports_are_turkish(qapp, tmp_path, turkish):
    from ui.canvas.export import ExportOptions, export_scene
    from ui.canvas.legend import legend_entries
    from ui.canvas.scene import OrgScene
    from ui.editing.selection import Selection
    from ui.editing.model_signals import ModelSignals

    assert legend_entries()[:3] == ["Ön Ofis", "Orta Ofis", "Arka Ofis"]
    model = load(SAMPLE)
    scene = OrgScene(Selection())
    scene.set_model(model, ModelSignals(model))
    out = tmp_path / "diyagram.svg"
    export_scene(scene, str(out), ExportOptions(legend=True))
    svg = out.read_text(encoding="utf-8")
    assert "Ön Ofis" in svg and "Arka Ofis" in svg and "gelir getiren" in svg
    assert "Front office" not in svg


def test_plural_forms_in_both_languages(qapp):
    from orgmodel.model import OrgModel, Unit
    from ui.editing.commands import MoveUnitsCommand

    model = OrgModel()
    for uid in "abc":
        model.add_unit(Unit(uid, uid.upper(), "front", x=0, y=0))
    one = {"a": ((0, 0), (5, 5))}
    three = {uid: ((0, 0), (5, 5)) for uid in "abc"}
    assert MoveUnitsCommand(model, three).text() == "Move 3 units"
    assert MoveUnitsCommand(model, {**one, "b": ((0, 0), (1, 1))}).text() == "Move 2 units"
    i18n.install("tr")
    try:
        assert MoveUnitsCommand(model, three).text() == "3 birimi taşı"
    finally:
        i18n.install("en")


def test_the_command_line_stays_english_and_passes_names_through(tmp_path):
    broken = tmp_path / "bozuk.orgmodel"
    broken.write_text('{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "Satış", "office": "ön"}]}', encoding="utf-8")
    env = {"ORGMODEL_LANGUAGE": "tr", "LANG": "tr_TR.UTF-8", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "orgmodel", "check", str(broken)], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode != 0
    assert "expected" in result.stderr + result.stdout
    result = subprocess.run([sys.executable, "-m", "orgmodel", "support", str(SAMPLE)], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert "Bireysel Satış" in result.stdout


def test_the_domain_message_of_an_unknown_template_falls_back_to_english(qapp, turkish):
    text = Text("no such template {x}", {"x": 1})
    assert i18n.localize(text) == "no such template 1"
    assert i18n.localize("Satış") == "Satış"


def test_every_message_box_speaks_turkish(qapp, qtbot, monkeypatch, tmp_path, turkish):
    """The dialogs that only appear when something happens: a file open elsewhere, work to
    recover, a file changed on disk, unsaved changes, a broken file, a crash, About."""
    import time

    from orgmodel.lock import LockOwner
    from ui import crash
    from ui.window.main_window import MainWindow

    boxes: list[list[str]] = []

    def capture(box: QMessageBox) -> int:
        boxes.append([box.windowTitle(), box.text(), box.informativeText(), *(b.text() for b in box.buttons())])
        return 0

    monkeypatch.setattr(QMessageBox, "exec", capture)
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: boxes.append([title, text]))
    window = MainWindow()
    qtbot.addWidget(window)
    window.ask_locked(str(tmp_path / "a.orgmodel"), i18n.localize(LockOwner(4242, "ofis-pc", time.time()).describe()))
    window.ask_conflict()
    window.ask_unsaved_changes()
    window.about()
    broken = tmp_path / "bozuk.orgmodel"
    broken.write_text("{", encoding="utf-8")
    window.open_path(str(broken))
    crash.show_error("RuntimeError: boom", "Traceback …")
    assert len(boxes) == 6  # work to recover has a dialog of its own: tests/ui/test_recovery.py
    patterns = catalogue_patterns("translation")
    data = {"a.orgmodel", "bozuk.orgmodel", "OrgModel", "ofis-pc", "RuntimeError: boom", "Adsız"} | qt_button_words()
    english = [text for box in boxes for text in box if text and not known(re.sub(r"<[^>]+>", " ", text), data, patterns)]
    assert not english, english


def test_an_import_reports_in_turkish(qapp, qtbot, monkeypatch, tmp_path, turkish):
    """The summary of a spreadsheet import, with the reason a row was left out, in Turkish."""
    from ui.window.main_window import MainWindow

    path = tmp_path / "birimler.csv"
    path.write_text("Ad;Ofis;Çalışan sayısı\nSatış;ön ofis;12\nMuhasebe;arka ofis;çok\n", encoding="utf-8")
    shown = []
    window = MainWindow()
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "run_mapping_dialog", lambda dialog: True)
    monkeypatch.setattr(window, "run_summary_dialog", lambda dialog: shown.append((dialog.headline.text(), dialog.notices)))
    assert window.import_path(str(path))
    text, details = shown[0]
    assert text.startswith("1 eklendi"), text
    assert '3. satır: çalışan sayısı: sayı bekleniyordu, "çok" bulundu' in details, details
    assert [unit.name for unit in window.document.model.units()] == ["Satış"]
    window.document.undo_stack.setClean()
