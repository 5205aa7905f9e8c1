"""The interface's languages: English (the source language) and Turkish.

Strings are wrapped where they are written, in forms ``pyside6-lupdate`` extracts:
``self.tr("...")`` in QObject classes (PySide looks the context up along the class's MRO,
so mixins work) and ``translate("Context", "...")`` elsewhere. The domain layer's messages
(:mod:`orgmodel.i18n`) come as ``Text`` and are shown with :func:`localize`.

``resources/translations/orgmodel_tr.ts`` is the translation source, kept by
``pyside6-lupdate`` and compiled by ``pyside6-lrelease`` (``resources/translations/update.py``);
``orgmodel_en.qm`` holds only English plural forms. Qt's own dialogs and buttons are
translated by the ``qtbase`` catalogue that ships with PySide6.

The language is chosen once per run (View › Language restarts OrgModel, or waits for the
next start): the ``ORGMODEL_LANGUAGE`` environment variable, else the remembered choice,
else the system locale. Numbers follow the locale of that language (``QLocale.setDefault``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from orgmodel import i18n as domain
from orgmodel.collate import sort_key
from orgmodel.errors import ModelFileError

log = logging.getLogger(__name__)

#: Each language by its code, named in itself (never translated: a person looks for their own).
LANGUAGES: dict[str, str] = {"en": "English", "tr": "Türkçe"}
SOURCE_LANGUAGE = "en"
SETTINGS_KEY = "language"
ENVIRONMENT_KEY = "ORGMODEL_LANGUAGE"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
_QT_LANGUAGE = {"en": QLocale.Language.English, "tr": QLocale.Language.Turkish}
_DEFAULT_TERRITORY = {"en": QLocale.Country.UnitedStates, "tr": QLocale.Country.Turkey}

#: ``QCoreApplication.translate(context, text, disambiguation=None, n=-1)``, by the name
#: ``pyside6-lupdate`` recognises outside classes.
translate = QCoreApplication.translate

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


class Translatable:
    """``self.tr`` for classes that are not QObjects (commands, canvas items): Qt's
    ``Q_DECLARE_TR_FUNCTIONS``. As with PySide's ``QObject.tr``, the context is the class a
    string is written in — ``pyside6-lupdate`` files ``self.tr`` strings under the enclosing
    class — so the contexts along the MRO are tried in turn.

    Use it for plural forms (``self.tr("%Ln units", "", count)``): lupdate marks a bare
    ``translate(...)`` as plural only when the count is a literal number.
    """

    __slots__ = ()

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        for cls in type(self).__mro__:
            context = cls.__name__
            if any(translator.translate(context, text, disambiguation, n) for translator in _installed):
                return QCoreApplication.translate(context, text, disambiguation, n)
        return QCoreApplication.translate(type(self).__name__, text, disambiguation, n)


def system_language() -> str:
    """The supported language of the system locale, English when it is none of them."""
    spoken = QLocale.system().language()
    return next((code for code, language in _QT_LANGUAGE.items() if language == spoken), SOURCE_LANGUAGE)


def chosen_language() -> str | None:
    """The language picked in View › Language, if any."""
    value = QSettings().value(SETTINGS_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None


def choose_language(code: str) -> None:
    """Remember ``code`` for the next start."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    QSettings().setValue(SETTINGS_KEY, code)


def startup_language() -> str:
    """The language to start in: environment, then the remembered choice, then the system."""
    forced = os.environ.get(ENVIRONMENT_KEY, "").strip().lower()
    if forced in LANGUAGES:
        return forced
    return chosen_language() or system_language()


def locale_for(code: str) -> QLocale:
    """The system locale when it speaks ``code`` (keeping its region's habits), else the
    language's usual one: Turkish numbers read 1.234.567,89 either way."""
    system = QLocale.system()
    if system.language() == _QT_LANGUAGE[code]:
        return system
    return QLocale(_QT_LANGUAGE[code], _DEFAULT_TERRITORY[code])


def catalogue_path(code: str) -> Path:
    return TRANSLATIONS / f"orgmodel_{code}.qm"


def install(code: str) -> None:
    """Make ``code`` the language of the interface from now on: OrgModel's catalogue, Qt's
    own (dialog buttons, file dialogs) and the default locale for numbers.

    Widgets built before keep their words: the editor changes language by starting again.
    """
    global _current
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    wanted = [catalogue_path(code)]
    if code != SOURCE_LANGUAGE:
        wanted.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{code}.qm")
        wanted.append(TRANSLATIONS / f"qt_extra_{code}.qm")  # what Qt's own catalogue lacks
    for path in wanted:
        translator = QTranslator()
        if translator.load(str(path)):
            if app is not None:
                app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("no translation catalogue at %s", path)
    QLocale.setDefault(locale_for(code))
    _current = code


def translator_for(code: str) -> QTranslator:
    """OrgModel's catalogue of ``code`` on its own, to say something in a language other
    than the installed one (an empty translator for English: the source is the text)."""
    translator = QTranslator()
    if code != SOURCE_LANGUAGE:
        translator.load(str(catalogue_path(code)))
    return translator


def current_language() -> str:
    """The language installed last (English until :func:`install` runs)."""
    return _current


def localize(text: object) -> str:
    """A domain message (``orgmodel.i18n.Text``) in the interface's language; anything else,
    such as a unit name, as it is."""
    return domain.localize(text, _lookup)


def describe(error: BaseException) -> str:
    """What went wrong, for people, in the interface's language: every problem of a model
    file on its own line, a domain error's message translated, anything else as it is."""
    if isinstance(error, ModelFileError):
        return "\n".join(localize(line) for line in error.lines())
    if error.args and isinstance(error.args[0], domain.Text):
        return localize(error.args[0])
    return str(error)


def _lookup(template: str) -> str:
    return QCoreApplication.translate("", template)


def name_key(name: str) -> str:
    """The sort key of a name in the interface's language (Turkish alphabet in Turkish)."""
    return sort_key(name, turkish=_current == "tr")


# -- numbers, written the locale's way ------------------------------------------------------


def format_number(value: float | int | None) -> str:
    """The shortest text that reads back as exactly ``value``, written the locale's way
    (digit grouping and decimal point) so that large amounts stay readable."""
    if value is None:
        return ""
    locale = QLocale()
    if isinstance(value, int):
        return locale.toString(value) if abs(value) < 2**63 else str(value)
    text = repr(float(value))
    if not text[-1].isdigit() or "e" in text:  # 1e+16 and beyond: no grouping to add
        return text.replace(".", locale.decimalPoint())
    whole, _, fraction = text.partition(".")
    grouped = ("-" if whole.startswith("-") else "") + locale.toString(abs(int(whole)))
    return grouped if fraction in ("", "0") else grouped + locale.decimalPoint() + fraction


def format_percent(value: float | None) -> str:
    # round() hides the binary noise of 0.07 * 100 without changing what the user typed.
    return "" if value is None else format_number(round(value * 100, 9))


def format_amount(value: float, decimals: int | None = None, locale: QLocale | None = None) -> str:
    """An amount with the locale's digit grouping and ``decimals`` digits after the point;
    by default cents only when there are any. A whole number too large for a float (a sum of
    exact whole revenues) is shown exactly, grouped as the locale groups."""
    locale = locale or QLocale()
    try:
        value = float(value)
    except OverflowError:
        return f"{value:,}".replace(",", locale.groupSeparator())
    if decimals is None:
        decimals = 0 if value.is_integer() else 2
    return locale.toString(value, "f", decimals)

