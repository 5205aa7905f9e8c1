"""The value of one cell: offices, yes/no, numbers written the English or the Turkish way.

>>> parse_number("1.234.567,89"), parse_number("1,234,567.89"), parse_number("12%")
(1234567.89, 1234567.89, 0.12)
"""

from __future__ import annotations

import math
import re
from typing import Any

from orgmodel.fields import OFFICE_WORDS, UNIT_FIELD_CHECKS, check_office
from orgmodel.formats.spreadsheet.columns import normalise_key
from orgmodel.i18n import tr

_OFFICE: dict[str, str] = {normalise_key(w): office for office, words in OFFICE_WORDS.items() for w in words}

_TRUE = {normalise_key(w) for w in ("yes", "true", "1", "evet", "e", "x", "y", "doğru")}
_FALSE = {normalise_key(w) for w in ("no", "false", "0", "hayır", "h", "n", "yanlış")}


class ValueProblem(ValueError):
    """A cell that cannot be read; the message (``args[0]``, a Text) says what was expected."""

    @property
    def message(self) -> str:
        return self.args[0] if self.args and isinstance(self.args[0], str) else str(self)


def parse_office(text: str) -> str:
    """The office a cell names ("Ön Ofis", "back office", "ARKA"...).

    >>> parse_office("Ön Ofis"), parse_office(" BACK ")
    ('front', 'back')
    """
    office = _OFFICE.get(normalise_key(text))
    if office is None:
        raise ValueProblem(check_office(text.strip()) or "")
    return office


def parse_bool(text: str) -> bool | None:
    """Yes or no in English or Turkish ("evet", "x", "0"...); an empty cell is ``None``."""
    key = normalise_key(text)
    if not key:
        return None
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueProblem(tr('expected yes or no, got "{value}"', value=text.strip()))


_PLAIN = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\Z")
_GROUPED = re.compile(r"[+-]?\d{1,3}(G\d{3})+(D\d+)?\Z")
_DECIMAL = re.compile(r"[+-]?\d*D\d+\Z|[+-]?\d+D?\Z")
_SPACES = re.compile(r"[\s\u00a0\u202f']+")


#: The longest number text read: the largest float has 309 digits, grouped and signed ~420.
_MOST_CHARACTERS = 500


def parse_number(text: str) -> int | float:
    """A number written the English or the Turkish/European way; "12%" is 0.12.

    >>> parse_number("1234"), parse_number("1 234,5"), parse_number("1,5"), parse_number("-2")
    (1234, 1234.5, 1.5, -2)
    """
    raw = text.strip()
    compact = _SPACES.sub("", raw)
    percent = compact.endswith("%")
    if percent:
        compact = compact[:-1]
    value: int | float | None = None
    if len(compact) > _MOST_CHARACTERS:  # no amount is this long; int() refuses 4,300 digits
        raise ValueProblem(tr("number too large"))
    if _PLAIN.match(compact):
        value = int(compact) if re.fullmatch(r"[+-]?\d+", compact) else float(compact)
    else:
        for group, decimal in ((".", ","), (",", ".")):
            shape = compact.replace(group, "G").replace(decimal, "D")
            if _GROUPED.match(shape) or (group not in compact and _DECIMAL.match(shape)):
                digits = compact.replace(group, "").replace(decimal, ".")
                value = float(digits) if "." in digits else int(digits)
                break
    if value is None:
        raise ValueProblem(tr('expected a number, got "{value}"', value=raw))
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueProblem(tr('must be a finite number, got "{value}"', value=raw))
    if percent:
        value = value / 100
    return value


def parse_field(name: str, text: str) -> Any:
    """The value of one non-empty cell for ``name``, checked with the model's rules."""
    if name == "office":
        value: Any = parse_office(text)
    elif name == "revenue_generating":
        value = parse_bool(text)
    elif name in ("headcount", "cost", "revenue", "automation_potential", "automation_ease"):
        written = text.strip()
        value = parse_number(written)
        if name == "headcount":
            if isinstance(value, float) and value.is_integer() and "%" not in written:
                value = int(value)
            if "%" in written:
                raise ValueProblem(tr('expected a whole number, got "{value}"', value=written))
        elif name in ("automation_potential", "automation_ease"):
            if written.endswith("%"):
                if not 0 <= value <= 1:
                    raise ValueProblem(tr("expected a percentage between 0% and 100%, got {value}", value=written))
            elif value > 1:
                raise ValueProblem(tr("expected a share between 0 and 1 or a percentage like 40%, got {value}", value=written))
            value = float(value)
        else:
            if "%" in written:
                raise ValueProblem(tr('expected an amount, got "{value}"', value=written))
            try:
                value = float(value)
            except OverflowError:
                raise ValueProblem(tr("number too large")) from None
    elif name == "tags":
        value = tuple(tag.strip() for tag in text.split(";") if tag.strip())
    elif name == "notes":
        value = text
    else:  # name
        value = text.strip()
    problem = UNIT_FIELD_CHECKS[name](value)
    if problem:
        raise ValueProblem(problem)
    return value


def cell_text(value: Any) -> str:
    """A cell of a workbook (None, bool, number, date, text) as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def number_text(value: int | float) -> str:
    """Numbers as text that reads back exactly: no ".0" on whole numbers, repr otherwise.

    >>> number_text(1500000.0), number_text(0.35), number_text(7), number_text(1e20)
    ('1500000', '0.35', '7', '1e+20')
    """
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)
