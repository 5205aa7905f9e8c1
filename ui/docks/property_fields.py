"""Text into the properties panel: parsing what people type (refusing, never clamping), and
the searchable "reports to" list. (Numbers are written by ``ui.i18n.format_number``.)"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from typing import Any

from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCompleter
from typing_extensions import override

from orgmodel.collate import fold_turkish

from ui.i18n import name_key, translate

#: The folded name (``fold_turkish``) the reporting-line search compares against.
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 7


class Refused(ValueError):
    """Text that cannot be read as a value of its field; the message says what is expected."""


# -- reading and writing field text ---------------------------------------------------------


def _number(text: str) -> float | None:
    """A number as people type it here: the locale's own form ("1234,5", "1.234,5" in
    German) or the C form ("1234.5"); ``None`` for text that is not a number."""
    value, ok = QLocale().toDouble(text)
    if not ok:
        try:
            value = float(text)
        except ValueError:
            return None
    return value if math.isfinite(value) else None


def parse_headcount(text: str) -> int | None:
    """``""`` → ``None``; otherwise a whole number ≥ 0."""
    text = text.strip()
    if not text:
        return None
    value, ok = QLocale().toInt(text)
    if not ok:
        try:
            value = int(text)
        except ValueError:
            raise Refused(translate("PropertiesDock", "Headcount must be a whole number ≥ 0")) from None
    if value < 0:
        raise Refused(translate("PropertiesDock", "Headcount must be a whole number ≥ 0"))
    return value


def parse_amount(text: str, message: str) -> float | None:
    """Cost or revenue: ``""`` → ``None``; otherwise a number ≥ 0 (``message`` if not)."""
    text = text.strip()
    if not text:
        return None
    value = _number(text)
    if value is None or value < 0:
        raise Refused(message)
    return value


def parse_percent(text: str, message: str | None = None) -> float | None:
    """A share typed as 0–100 (a trailing "%" is fine), stored as 0..1; ``message`` says
    why a value is refused (by default, as for the automation potential)."""
    text = text.strip().removesuffix("%").strip()
    if not text:
        return None
    value = _number(text)
    if value is None or not 0 <= value <= 100:
        raise Refused(message or translate("PropertiesDock", "Automation potential must be between 0 and 100 %"))
    return value / 100


def parse_weight(text: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    value = _number(text)
    if value is None or value <= 0:
        raise Refused(translate("PropertiesDock", "Weight must be a number > 0"))
    return value


def parse_field(key: str, text: str) -> Any:
    """The value of field ``key`` ("headcount", "cost", "weight"...) that ``text`` says;
    raises :class:`Refused` with the reason."""
    if key == "name":
        return text
    if key == "id":
        return text.strip()
    if key == "headcount":
        return parse_headcount(text)
    if key == "cost":
        return parse_amount(text, translate("PropertiesDock", "Cost must be a number ≥ 0"))
    if key == "revenue":
        return parse_amount(text, translate("PropertiesDock", "Revenue must be a number ≥ 0"))
    if key == "automation_potential":
        return parse_percent(text)
    if key == "automation_ease":
        return parse_percent(text, translate("PropertiesDock", "Ease of automation must be between 0 and 100 %"))
    if key == "tags":
        return parse_tags(text)
    if key == "weight":
        return parse_weight(text)
    if key in ("label", "notes", "group"):
        return _optional_text(text)
    raise KeyError(key)


def default_revenue_text(office: str | None) -> str:
    """The "default" choice says what the default is for this unit's office."""
    if office == "front":
        return translate("PropertiesDock", "Default: Yes (front office)")
    if office == "middle":
        return translate("PropertiesDock", "Default: No (middle office)")
    if office is None:
        return translate("PropertiesDock", "Default: No (not classified)")
    return translate("PropertiesDock", "Default: No (back office)")


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags; blanks between commas are dropped, duplicates are the model's to refuse."""
    return tuple(tag.strip() for tag in text.split(",") if tag.strip())


def _optional_text(text: str) -> str | None:
    return text if text.strip() else None


# -- the reporting-line choices --------------------------------------------------------------


class ParentChoices(QAbstractListModel):
    """"— no one —" and every unit by name, leaving out the unit being edited.

    Built once per change of the unit list (not per selection): choosing another unit only
    moves the gap, so a 10,000-unit model costs nothing when the selection changes, and a
    renamed unit only moves its own entry (a binary search, no sort of 50,000 names).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: list[tuple[str, str]] = []  # (collation key of the name, id), in order
        self._key_of: dict[str, tuple[str, str]] = {}
        self._ids: list[str] = []
        self._plain: list[str] = []  # the names as the units have them
        self._count: Counter[str] = Counter()
        self._names: list[str] = []  # ... as shown: duplicates told apart by id
        self._folded: list[str] = []
        self._gap = -1  # position of the excluded unit in _ids, or -1

    def rebuild(self, units: list[tuple[str, str]], exclude: str | None) -> None:
        """``units``: ``(id, name)`` pairs; shown sorted by name, duplicates told apart by id."""
        self.beginResetModel()
        ordered = sorted(((name_key(name), uid), name) for uid, name in units)
        self._keys = [key for key, _ in ordered]
        self._key_of = {key[1]: key for key in self._keys}
        self._ids = [key[1] for key in self._keys]
        self._plain = [name for _, name in ordered]
        self._count = Counter(self._plain)
        twice = {name for name, n in self._count.items() if n > 1}
        self._names = [f"{name} ({uid})" if name in twice else name for uid, name in zip(self._ids, self._plain)]
        self._folded = [fold_turkish(name) for name in self._names]
        self._gap = self._position(exclude)
        self.endResetModel()

    def rename(self, unit_id: str, name: str, exclude: str | None) -> bool:
        """Move ``unit_id``'s entry to where ``name`` goes; False if it has no entry."""
        old_key = self._key_of.get(unit_id)
        if old_key is None:
            return False
        self.beginResetModel()
        i = bisect_left(self._keys, old_key)
        old = self._plain[i]
        for column in (self._keys, self._ids, self._plain, self._names, self._folded):
            del column[i]
        self._count[old] -= 1
        key = self._key_of[unit_id] = (name_key(name), unit_id)
        i = bisect_left(self._keys, key)
        for column, value in ((self._keys, key), (self._ids, unit_id), (self._plain, name), (self._names, name), (self._folded, "")):
            column.insert(i, value)
        self._count[name] += 1
        self._label(old)
        self._label(name)
        self._gap = self._position(exclude)
        self.endResetModel()
        return True

    def _label(self, name: str) -> None:
        """Show the entries called ``name`` (side by side in the order) with their ids if
        there is more than one."""
        i = bisect_left(self._keys, (name_key(name), ""))
        while i < len(self._plain) and self._plain[i] == name:
            self._names[i] = name if self._count[name] == 1 else f"{name} ({self._ids[i]})"
            self._folded[i] = fold_turkish(self._names[i])
            i += 1

    def _position(self, unit_id: str | None) -> int:
        key = self._key_of.get(unit_id) if unit_id is not None else None
        return bisect_left(self._keys, key) if key is not None else -1

    def set_excluded(self, unit_id: str | None) -> None:
        gap = self._position(unit_id)
        if gap != self._gap:
            self.beginResetModel()
            self._gap = gap
            self.endResetModel()

    def _index_of_row(self, row: int) -> int:
        i = row - 1
        if self._gap >= 0 and i >= self._gap:
            i += 1
        return i

    def unit_at(self, row: int) -> str | None:
        """The unit id shown in ``row``; ``None`` for the "no one" row."""
        if row <= 0:
            return None
        i = self._index_of_row(row)
        return self._ids[i] if 0 <= i < len(self._ids) else None

    def row_of(self, unit_id: str | None) -> int:
        if unit_id is None:
            return 0
        i = self._position(unit_id)
        if i < 0 or i == self._gap:
            return -1
        return i + 1 - (1 if 0 <= self._gap < i else 0)

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return 1 + len(self._ids) - (1 if self._gap >= 0 else 0)

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            names = self._names
        elif role == FOLDED_ROLE:
            names = self._folded
        else:
            return None
        row = index.row()
        if row == 0:
            text = translate("PropertiesDock", "— no one —")
            return text if names is self._names else fold_turkish(text)
        i = self._index_of_row(row)
        return names[i] if 0 <= i < len(names) else None


class TurkishCompleter(QCompleter):
    """Completes on any part of a name, ignoring case, accents and the four Turkish i's:
    what is typed is folded like the names in :data:`FOLDED_ROLE` before they are compared."""

    def __init__(self, model: QAbstractListModel, parent: QObject | None = None) -> None:
        super().__init__(model, parent)
        self.setCompletionRole(FOLDED_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    @override
    def splitPath(self, path: str) -> list[str]:
        try:
            return [fold_turkish(path)]
        except Exception:
            return [path]

    @override
    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        # The line edit gets the name as written, not its folded form.
        try:
            return str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        except Exception:
            return ""


# -- the dock ----------------------------------------------------------------------------------
