"""The catalogues are complete and current, and every string of the code is wrapped so that
lupdate finds it (read from the source, no window opened)."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil

import pytest

from orgmodel.i18n import fields_of
from tests.system.catalogues import ROOT, TRANSLATIONS, messages, translations

CATALOGUES = ["orgmodel_tr", "orgmodel_en"]
COMPILED = [*CATALOGUES, "qt_extra_tr"]  # the last is kept by hand: no lupdate


def _update_module():
    spec = importlib.util.spec_from_file_location("translations_update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _update_module()


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
