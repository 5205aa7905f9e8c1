"""Every string a person can see in the window and its dialogs is wrapped for translation,
and the Turkish window shows no English."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDockWidget, QGroupBox, QLabel, QLineEdit, QMenu, QTabWidget, QToolBar, QWidget

from orgmodel.formats.native import load
from ui import i18n

from tests.system.catalogues import SAMPLE, catalogue_patterns, known, qt_button_words, strip


# -- the compiled interface, scanned ---------------------------------------------------------

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
    return names | set(i18n.LANGUAGES.values()) | qt_button_words() | {"OrgModel", "staff.csv", "Name", "Office", "staff.xlsx", "Old", "Units"}


def _scan(qtbot, monkeypatch, side: str) -> tuple[set[str], list[tuple[str, str]]]:
    """Every visible string, and those that are neither data nor in the catalogue's
    ``side`` ("source": English; "translation": the installed Turkish)."""
    window, dialogs = _open_everything(qtbot, monkeypatch)
    try:
        patterns, data = catalogue_patterns(side), _data_words(window)
        texts = {(kind, text) for widget in [window, *dialogs] for kind, text in _visible_texts(widget)}
        assert len(texts) > 150
        return {strip(text) for _, text in texts}, sorted((k, t) for k, t in texts if not known(t, data, patterns))
    finally:
        _close(window, dialogs)


def test_every_visible_string_of_the_english_interface_is_known_to_lupdate(qapp, qtbot, monkeypatch):
    _, unknown = _scan(qtbot, monkeypatch, "source")
    assert not unknown, "not wrapped for translation:\n" + "\n".join(f"{kind}: {text!r}" for kind, text in unknown)


def test_the_turkish_interface_shows_no_english(qapp, qtbot, monkeypatch, turkish):
    words, untranslated = _scan(qtbot, monkeypatch, "translation")
    assert not untranslated, "not in Turkish:\n" + "\n".join(f"{kind}: {text!r}" for kind, text in untranslated)
    assert {"Dosya", "Düzen", "Görünüm", "Ön Ofis", "Orta Ofis", "Arka Ofis", "Özellikler", "Analiz"} <= words
