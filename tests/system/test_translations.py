"""The Turkish interface: the catalogues are complete and current, every visible string is
wrapped, and the Turkish window, numbers, sorting, messages and canvas words are Turkish."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from orgmodel.formats.native import load, loads
from orgmodel.errors import ModelFileError
from orgmodel.i18n import Text, fields_of
from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
SAMPLE = ROOT / "resources" / "samples" / "ornek_as.orgmodel"
CATALOGUES = ["orgmodel_tr", "orgmodel_en"]
COMPILED = [*CATALOGUES, "qt_extra_tr"]  # the last is kept by hand: no lupdate


def _update_module():
    spec = importlib.util.spec_from_file_location("translations_update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _update_module()


def messages(name: str) -> list[tuple[str, ET.Element]]:
    """``(context, <message>)`` of every entry of a catalogue."""
    root = ET.parse(TRANSLATIONS / f"{name}.ts").getroot()
    return [(context.findtext("name") or "", message) for context in root.iter("context") for message in context.iter("message")]


def translations(message: ET.Element) -> list[str]:
    element = message.find("translation")
    forms = element.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [element.text or ""]


# -- the catalogues ----------------------------------------------------------------------


@pytest.mark.parametrize("name", CATALOGUES)
def test_the_ts_file_holds_exactly_the_strings_of_the_code(name, tmp_path):
    """lupdate over the code adds nothing and drops nothing: no string is left out of the
    catalogue, none lingers after the code stopped using it."""
    copy = tmp_path / f"{name}.ts"
    shutil.copyfile(TRANSLATIONS / f"{name}.ts", copy)
    update.lupdate(copy, update.LANGUAGES[name.split("_")[1]])
    assert copy.read_text(encoding="utf-8") == (TRANSLATIONS / f"{name}.ts").read_text(encoding="utf-8"), (
        f"{name}.ts is out of date with the code: run python3 resources/translations/update.py"
    )


@pytest.mark.parametrize("name", COMPILED)
def test_the_shipped_qm_is_compiled_from_the_ts(name, tmp_path):
    compiled = tmp_path / f"{name}.qm"
    update.lrelease(TRANSLATIONS / f"{name}.ts", compiled)
    assert compiled.read_bytes() == (TRANSLATIONS / f"{name}.qm").read_bytes(), (
        f"{name}.qm is stale: run python3 resources/translations/update.py"
    )


@pytest.mark.parametrize("name", COMPILED)
def test_no_entry_is_unfinished(name):
    unfinished = [
        (context, message.findtext("source"))
        for context, message in messages(name)
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not all(text.strip() for text in translations(message))
    ]
    assert not unfinished, f"{len(unfinished)} unfinished in {name}.ts, first: {unfinished[:5]}"


def test_the_turkish_catalogue_covers_the_interface_and_the_domain():
    contexts = {context for context, _ in messages("orgmodel_tr")}
    assert "" in contexts, "the domain's messages (orgmodel.i18n.tr) are not in the catalogue"
    assert {"MainWindow", "Office", "PropertiesDock", "AnalysisDock", "SafetyMixin"} <= contexts
    assert len(messages("orgmodel_tr")) > 400


_QT_PLACEHOLDER = re.compile(r"%L?(?:\d|n)")


@pytest.mark.parametrize("name", CATALOGUES)
def test_translations_keep_every_placeholder(name):
    wrong = []
    for context, message in messages(name):
        source = message.findtext("source")
        for text in filter(None, translations(message)):  # empty ones: test_no_entry_is_unfinished
            if context == "":  # the domain's str.format templates
                if fields_of(text) != fields_of(source):
                    wrong.append((source, text))
            elif sorted(_QT_PLACEHOLDER.findall(text)) != sorted(_QT_PLACEHOLDER.findall(source)):
                wrong.append((source, text))
    assert not wrong, wrong[:5]


def test_turkish_menu_mnemonics_are_kept_and_unique_per_menu(qapp, turkish):
    """Every accelerator of the source has one in Turkish, and no two entries of one menu
    share a letter (Alt+letter would be ambiguous)."""
    for context, message in messages("orgmodel_tr"):
        source, (text,) = message.findtext("source"), translations(message)
        if re.search(r"&\w", source):
            assert len(re.findall(r"&\w", text)) == 1, (source, text)
    from ui.window.main_window import MainWindow

    window = MainWindow()
    try:
        menus = [window.menuBar()] + [action.menu() for action in window.menuBar().actions()]
        menus += [a.menu() for m in menus[1:] for a in m.actions() if a.menu() is not None]
        for menu in menus:
            keys = [re.search(r"&(\w)", a.text()) for a in menu.actions() if a.text()]
            letters = [k.group(1).lower() for k in keys if k]
            assert len(letters) == len(set(letters)), [a.text() for a in menu.actions()]
    finally:
        window.close()


# -- every call is one lupdate understands -----------------------------------------------


class _Calls(ast.NodeVisitor):
    """Walks one file, knowing the enclosing class (lupdate's context for ``self.tr``) and
    whether the code runs at import time (before any language is installed)."""

    def __init__(self, where) -> None:
        self.where, self.classes, self.depth = where, [], 0
        self.found: list[tuple[str, str, str, bool]] = []
        self.problems: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _function(self, node) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        owner = getattr(getattr(func, "value", None), "id", None)
        where = self.where(node)
        if name == "tr" and isinstance(func, ast.Name):
            self.problems.append(f"{where}: bare tr() files its string under no context; use self.tr or translate")
            return
        if name == "tr" and owner == "self":
            if not self.classes:
                self.problems.append(f"{where}: self.tr outside a class")
                return
            context, args = self.classes[-1], node.args
        elif name in ("translate", "QT_TRANSLATE_NOOP") and (isinstance(func, ast.Name) or owner == "QCoreApplication"):
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                self.problems.append(f"{where}: the context must be a literal")
                return
            context, args = first.value, node.args[1:]
            if name == "translate" and len(node.args) >= 4:
                self.problems.append(f"{where}: lupdate drops or mis-files a plural translate(); use self.tr (Translatable)")
        else:
            return
        if not args:
            return
        if isinstance(args[0], ast.JoinedStr):
            self.problems.append(f"{where}: an f-string cannot be translated (lupdate stores its raw text)")
            return
        if name != "QT_TRANSLATE_NOOP" and self.depth == 0:
            self.problems.append(f"{where}: translated at import time, before the language is installed")
        if isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
            self.found.append((where, context, args[0].value, len(args) >= 3))


def _ui_calls():
    """``(place, context, source, plural)`` of every literal translate/tr call in ui/, and
    the calls lupdate would misread."""
    found, problems = [], []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path.name == "i18n.py":  # the machinery itself translates in contexts it is given
            continue
        visitor = _Calls(lambda node, path=path: f"{path.relative_to(ROOT)}:{node.lineno}")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        found += visitor.found
        problems += visitor.problems
    return found, problems


def test_every_translate_call_is_understood_by_lupdate():
    _, problems = _ui_calls()
    assert not problems, "\n".join(problems)


#: Qt calls that put text in front of people; a literal with words given to one of them
#: directly has bypassed translation.
_TEXT_SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText", "showMessage",
    "setLabelText", "setTitle", "setItemText", "addItem", "addItems", "addAction", "addMenu", "addRow", "addTab",
    "setTabText", "setHeaderLabels", "setHorizontalHeaderLabels", "setInformativeText", "setDetailedText",
    "setCancelButtonText", "setIconText", "setSuffix", "setPrefix", "setSpecialValueText", "QAction", "QLabel",
    "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QMenu", "QToolBar", "QDockWidget", "QProgressDialog",
    "critical", "warning", "information", "question", "about", "getOpenFileName", "getSaveFileName", "emit",
}


def _literal_words(expr: ast.expr) -> str:
    """The literal text an expression passes on untranslated: string constants, f-string
    text, sums, and what ``.replace(...)``/``.format(...)`` are called on; a call to
    ``tr``/``translate`` (or anything else) hands over translated or computed text."""
    if isinstance(expr, ast.Constant):
        return expr.value if isinstance(expr.value, str) else ""
    if isinstance(expr, ast.JoinedStr):
        return "".join(part.value for part in expr.values if isinstance(part, ast.Constant))
    if isinstance(expr, ast.BinOp):
        return _literal_words(expr.left) + " " + _literal_words(expr.right)
    if isinstance(expr, ast.IfExp):
        return _literal_words(expr.body) + " " + _literal_words(expr.orelse)
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in ("replace", "format", "strip", "join"):
        return _literal_words(expr.func.value)
    return ""


def test_no_text_reaches_a_qt_widget_unwrapped():
    """The compiled-interface scans only see what a test opens; this sees every call."""
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if name not in _TEXT_SETTERS or getattr(getattr(node.func, "value", None), "id", None) in ("log", "logging"):
                continue
            for arg in node.args:
                words = _literal_words(arg)
                if re.search(r"(?<![.\w])[A-Za-z]{2,}", words.replace("OrgModel", "")):  # not ".png"
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}({ast.unparse(arg)[:70]})")
    assert not found, "text given to Qt without translation:\n" + "\n".join(found)


def test_every_wrapped_string_of_the_interface_is_in_the_catalogue():
    """lupdate's Python parser silently skips some call shapes; each literal the code
    translates must be in the catalogue under the context it is looked up in."""
    catalogue = {(context, message.findtext("source")): message.get("numerus") == "yes" for context, message in messages("orgmodel_tr")}
    calls, _ = _ui_calls()
    assert len(calls) > 200
    missing = [f"{where}: [{context}] {source!r}" for where, context, source, _ in calls if (context, source) not in catalogue]
    assert not missing, "\n".join(missing)
    singular = [f"{where}: {source!r}" for where, context, source, plural in calls if plural and not catalogue[(context, source)]]
    assert not singular, "plural strings filed without plural forms:\n" + "\n".join(singular)


# -- the compiled interface, scanned ---------------------------------------------------------


def _strip(text: str) -> str:
    """As Qt derives tool tips and icon texts: no mnemonic ampersands, no trailing ellipsis."""
    return re.sub(r"&(?=\S)", "", text).removesuffix("…").removesuffix("...").strip()


def _pattern(text: str) -> re.Pattern[str]:
    parts = re.split(r"(%L?(?:\d|n)|\{[^{}]*\})", _strip(text))
    regex = "".join(".+?" if i % 2 else re.escape(part) for i, part in enumerate(parts))
    return re.compile(regex, re.DOTALL)


def _catalogue_patterns(side: str) -> list[re.Pattern[str]]:
    patterns = []
    for _, message in messages("orgmodel_tr"):
        texts = [message.findtext("source")] if side == "source" else translations(message)
        # an entry that is only a placeholder ("{Esc}") would match any text at all
        patterns += [_pattern(text) for text in texts if re.sub(r"%L?(?:\d|n)|\{[^{}]*\}", "", text).strip()]
    return patterns


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every word a person can see or hover over in a widget tree (item views: 200 rows)."""
    found: list[tuple[str, str]] = []

    def add(kind: str, text: str) -> None:
        if text and any(ch.isalpha() for ch in text):
            found.append((kind, text))

    def walk_model(model, parent=None, depth=0):
        from PySide6.QtCore import QModelIndex

        parent = parent or QModelIndex()
        columns = model.columnCount(parent)
        for column in range(columns):
            add("header", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(columns):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str):
                        add("item", value)
            first = model.index(row, 0, parent)
            if depth < 3 and model.rowCount(first):
                walk_model(model, first, depth + 1)

    actions = set()
    for widget in [root, *root.findChildren(QWidget)]:
        actions.update(widget.actions())
        if isinstance(widget, (QDockWidget, QToolBar)) or widget is root:
            add("title", widget.windowTitle())
        add("tooltip", widget.toolTip())
        add("status tip", widget.statusTip())
        if isinstance(widget, QMenu):
            add("menu", widget.title())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(type(widget).__name__, widget.text())
        if isinstance(widget, QGroupBox):
            add("group", widget.title())
        if isinstance(widget, QLineEdit):
            add("placeholder", widget.placeholderText())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add("combo item", widget.itemText(i))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add("tab", widget.tabText(i))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            try:
                walk_model(widget.model())
            except TypeError:  # Qt-internal models with private methods (completer popups)
                pass
    for action in actions:
        for kind, text in (("action", action.text()), ("action tip", action.toolTip()), ("action status", action.statusTip()),
                           ("icon text", action.iconText())):
            add(kind, text)
    return found


def _open_everything(qtbot, monkeypatch):
    """The main window on the Turkish sample with a revenue unit selected, every analysis
    tab filled, plus the export and import dialogs: what a person sees."""
    from ui.dialogs.export_dialog import ExportDialog
    from orgmodel.i18n import tr as domain_tr
    from ui.dialogs.import_dialog import MappingDialog
    from ui.dialogs.import_summary import ImportSummaryDialog
    from ui.dialogs.sheet_dialog import SheetDialog
    from ui.window.main_window import MainWindow

    window = MainWindow()
    window.document.replace_model(load(SAMPLE), None)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.selection.select_unit("bireysel-satis", reveal=False)
    for index in range(window.analysis_dock.tabs.count()):
        window.analysis_dock.tabs.setCurrentIndex(index)
        QApplication.processEvents()
    QApplication.processEvents()
    dialogs = [
        ExportDialog(window.scene, "png", True, True, window),
        ExportDialog(window.scene, "pdf", True, True, window),
        MappingDialog("staff.csv", ["Name", "Office", ""], {"name": 0}, 3, True, window),
        SheetDialog("staff.xlsx", [("Old", True), ("Units", False)], 1, window),
        ImportSummaryDialog("staff.xlsx", [i18n.localize(domain_tr("{added} added, {updated} updated, {unchanged} unchanged, {rejected} rejected",
                                                                   added=2, updated=0, unchanged=0, rejected=0)),
                                           i18n.localize(domain_tr("read as {encoding}: the file is not UTF-8", encoding="Latin-1"))],
                            "Units", window),
    ]
    return window, dialogs


def _close(window, dialogs):
    for dialog in dialogs:
        dialog.deleteLater()
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def _data_words(window) -> set[str]:
    """Words that are data, not interface: unit names, file names, language names..."""
    names = {unit.name for unit in window.document.model.units()}
    return names | set(i18n.LANGUAGES.values()) | _qt_button_words() | {"OrgModel", "staff.csv", "Name", "Office", "staff.xlsx", "Old", "Units"}


def _qt_button_words() -> set[str]:
    """Qt's own words (OK, Cancel...) in the installed language: qtbase translates them."""
    box = QDialogButtonBox()
    words = set()
    for button in QDialogButtonBox.StandardButton:
        if button != QDialogButtonBox.StandardButton.NoButton:  # FirstButton, LastButton: aliases
            words.add(_strip(box.addButton(button).text()))
    details = QMessageBox()
    details.setDetailedText("…")  # adds Qt's "Show Details…" button
    words.update(_strip(button.text()) for button in details.buttons())
    return words


_SEPARATORS = re.compile(r"\s*(?:,|⇄|→|—|\[\*\]|<[^>]+>)\s*")


def _known(text: str, data: set[str], patterns: list[re.Pattern[str]]) -> bool:
    """Data (names, numbers), a catalogue entry, or pieces each of which is one: a list of
    names, "Untitled[*] — OrgModel"."""
    def one(piece: str) -> bool:
        piece = _strip(piece)
        return (not any(ch.isalpha() for ch in piece) or piece in data or piece.endswith(".orgmodel")
                or any(p.fullmatch(piece) for p in patterns))
    return one(text) or all(one(piece) for piece in _SEPARATORS.split(_strip(text)))


def _scan(qtbot, monkeypatch, side: str) -> tuple[set[str], list[tuple[str, str]]]:
    """Every visible string, and those that are neither data nor in the catalogue's
    ``side`` ("source": English; "translation": the installed Turkish)."""
    window, dialogs = _open_everything(qtbot, monkeypatch)
    try:
        patterns, data = _catalogue_patterns(side), _data_words(window)
        texts = {(kind, text) for widget in [window, *dialogs] for kind, text in _visible_texts(widget)}
        assert len(texts) > 150
        return {_strip(text) for _, text in texts}, sorted((k, t) for k, t in texts if not _known(t, data, patterns))
    finally:
        _close(window, dialogs)


def test_every_visible_string_of_the_english_interface_is_known_to_lupdate(qapp, qtbot, monkeypatch):
    _, unknown = _scan(qtbot, monkeypatch, "source")
    assert not unknown, "not wrapped for translation:\n" + "\n".join(f"{kind}: {text!r}" for kind, text in unknown)


def test_the_turkish_interface_shows_no_english(qapp, qtbot, monkeypatch, turkish):
    words, untranslated = _scan(qtbot, monkeypatch, "translation")
    assert not untranslated, "not in Turkish:\n" + "\n".join(f"{kind}: {text!r}" for kind, text in untranslated)
    assert {"Dosya", "Düzen", "Görünüm", "Ön Ofis", "Orta Ofis", "Arka Ofis", "Özellikler", "Analiz"} <= words


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
    labels = {_strip(label.text()) for label in files.findChildren(QLabel)}
    assert {"Konum:", "Dosya adı:", "Dosya türü:"} <= labels, labels
    assert {"Aç", "İptal"} <= {_strip(b.text()) for b in files.findChildren(QPushButton)}
    colours = QColorDialog()
    colours.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog, True)
    assert {"Temel renkler", "Kırmızı:"} <= {_strip(label.text()) for label in colours.findChildren(QLabel)}


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
    patterns = _catalogue_patterns("translation")
    data = {"a.orgmodel", "bozuk.orgmodel", "OrgModel", "ofis-pc", "RuntimeError: boom", "Adsız"} | _qt_button_words()
    english = [text for box in boxes for text in box if text and not _known(re.sub(r"<[^>]+>", " ", text), data, patterns)]
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
