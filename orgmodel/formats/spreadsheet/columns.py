"""Which column holds which field: headers in English or Turkish, compared loosely.

>>> guess_mapping(["Birim Adı", "OFİS", "Bağlı olduğu", "Extra", "Çalışan sayısı"])
{'name': 0, 'office': 1, 'reports_to': 2, 'headcount': 4}
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "office",
    "revenue_generating",
    "reports_to",
    "depends_on",
    "alternatives",
    "headcount",
    "cost",
    "revenue",
    "automation_potential",
    "automation_ease",
    "tags",
    "notes",
)


def _fold(text: str) -> str:
    """Lower case without accents, the Turkish dotted and dotless i both plain "i"."""
    text = text.replace("İ", "i").replace("I", "i").replace("ı", "i").casefold()
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def normalise_key(text: str) -> str:
    """Compare headers and names ignoring case, Turkish dotted/dotless i, accents and punctuation.

    >>> normalise_key("  BAĞLI  Olduğu: ") == normalise_key("bagli oldugu")
    True
    >>> normalise_key("İŞ") == normalise_key("is") == normalise_key("IŞ")
    True
    """
    return " ".join(re.sub(r"[\W_]+", " ", _fold(text)).split())


def name_key(text: str) -> str:
    """Like :func:`normalise_key` but keeping punctuation: "R&D" and "R D" stay different.

    >>> name_key(" Ar-Ge  İŞLERİ "), name_key("R&D") == name_key("R D")
    ('ar-ge isleri', False)
    """
    return " ".join(_fold(text).split())


_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "kod", "birim kodu", "unit id", "code", "employee id", "staff id", "person id", "sicil no",
           "sicil", "personel no"),
    "name": ("name", "unit", "unit name", "department", "ad", "adı", "birim", "birim adı", "departman",
             "full name", "employee", "employee name", "person", "ad soyad", "adı soyadı", "isim", "çalışan", "personel"),
    "office": ("office", "ofis", "büro"),
    "revenue_generating": ("revenue generating", "revenue-generating", "gelir getiren", "gelir getirici"),
    "reports_to": ("reports to", "parent", "manager", "bağlı olduğu", "bağlı", "yönetici", "üst birim",
                   "parentid", "parent id", "manager id", "managerid", "reports to id", "reportsto", "supervisor",
                   "line manager", "boss", "yöneticisi", "bağlı olduğu birim", "bağlı birim", "amir", "üst"),
    "depends_on": ("depends on", "dependencies", "bağımlılıklar", "bağımlı olduğu", "destek alır"),
    "alternatives": ("depends on one of", "alternative dependencies", "alternatifler", "alternatif bağımlılıklar"),
    "headcount": ("headcount", "employees", "çalışan sayısı", "personel sayısı"),
    "cost": ("cost", "maliyet", "gider"),
    "revenue": ("revenue", "gelir", "ciro"),
    "automation_potential": ("automation potential", "automation", "otomasyon potansiyeli", "otomasyon"),
    "automation_ease": ("automation ease", "ease of automation", "ease", "otomasyon kolaylığı", "kolaylık"),
    "tags": ("tags", "etiketler"),
    "notes": ("notes", "notlar", "açıklama"),
    # Not a unit field: a person's job title, kept in the notes of the unit the row becomes.
    "title": ("title", "job title", "position", "positionname", "position name", "role", "unvan", "ünvan", "görev",
              "pozisyon", "kadro"),
}
_HEADER_FIELD: dict[str, str] = {
    normalise_key(alias): name for name, aliases in _ALIASES.items() for alias in (name, *aliases)
}


#: Columns read besides :data:`FIELDS`: kept in the notes as "Header: value" lines.
NOTE_COLUMNS = ("title",)


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Field -> column index for the headers recognised; the first matching column wins."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = _HEADER_FIELD.get(normalise_key(str(header or "")))
        if name is not None and name not in mapping:
            mapping[name] = index
    return mapping


def column_map(headers: Sequence[str], columns: dict[str, str]) -> tuple[dict[str, int], str | None]:
    """The guessed mapping with the person's choices ``field -> header`` on top, or a
    problem naming the unknown field or header (a Text).

    >>> column_map(["Full Name", "Boss", "Where"], {"reports_to": "boss", "notes": "Where"})
    ({'name': 0, 'reports_to': 1, 'notes': 2}, None)
    >>> column_map(["A"], {"name": "B"})[1]
    'no column "B" for name (the columns are: A)'
    """
    from orgmodel.i18n import tr

    mapping = guess_mapping(headers)
    keys = [normalise_key(str(header or "")) for header in headers]
    for name, header in columns.items():
        if name not in FIELDS and name not in NOTE_COLUMNS:
            return mapping, tr('unknown field "{field}" (the fields are: {fields})', field=name,
                               fields=", ".join((*FIELDS, *NOTE_COLUMNS)))
        key = normalise_key(header)
        if key not in keys:
            return mapping, tr('no column "{column}" for {field} (the columns are: {columns})', column=header, field=name,
                               columns=", ".join(str(h) for h in headers))
        index = keys.index(key)
        mapping = {f: i for f, i in mapping.items() if i != index and f != name}
        mapping[name] = index
    return mapping, None
