"""How people compare names: the order they expect to read them in, and the loose match
they expect when they search.

Plain ``sorted()`` puts "Çağrı Merkezi" after "Zeytin" and "Sales 190" before "Sales 2".
:func:`sort_key` gives a string key that orders names as a reader expects: ignoring case,
numbers by value, and — for Turkish — by the Turkish alphabet,
a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z, where ç, ğ, ı, ö, ş and ü
are letters of their own (Ç after every C word) and I/ı is a different letter from İ/i.
In English, accents are ignored and ı is an i.

The key is a ``str``, so it can be a sort role of a Qt item model as well as a ``key=``.
Keys and folds are remembered (up to :data:`REMEMBERED` names, then forgotten all at once): a
window that sorts the same 50,000 names in three panels, and again after each edit, computes
each key once.

>>> names = ["Zeytin", "Çağrı Merkezi", "Cari Hesaplar", "İnsan Kaynakları", "Işıklandırma", "Ödeme", "Ortak"]
>>> sorted(names, key=lambda n: sort_key(n, turkish=True))
['Cari Hesaplar', 'Çağrı Merkezi', 'Işıklandırma', 'İnsan Kaynakları', 'Ortak', 'Ödeme', 'Zeytin']
>>> sorted(["Sales 190", "Sales 2", "sales 19"], key=lambda n: sort_key(n, turkish=False))
['Sales 2', 'sales 19', 'Sales 190']
>>> sorted(["Insurance", "IT", "ınvoice", "Invoicing"], key=lambda n: sort_key(n, turkish=False))
['Insurance', 'ınvoice', 'Invoicing', 'IT']
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_turkish", "sort_key"]

#: How many names' keys (and folds) are kept: a 50,000-unit model's names twice over, in a
#: few tens of megabytes. Plain ``str`` → ``str`` dictionaries, which the garbage collector
#: does not track (an ``lru_cache`` keeps a list per entry, rescanned by every collection).
REMEMBERED = 1 << 17
_KEYS: dict[bool, dict[str, str]] = {True: {}, False: {}}
_FOLDS: dict[str, str] = {}


def _remember(cache: dict[str, str], text: str, value: str) -> str:
    if len(cache) >= REMEMBERED:
        cache.clear()
    cache[text] = value
    return value


#: Turkish letters that sort right after a base letter: each letter becomes the base and a
#: rank (a → "a0", ç → "c1", ı → "h1"), so ç follows every c word and ı comes before i.
_TURKISH_LETTERS = {"ç": "c1", "ğ": "g1", "ı": "h1", "ö": "o1", "ş": "s1", "ü": "u1"}
_TURKISH_TABLE = {ord(c): c + "0" for c in "abcdefghijklmnopqrstuvwxyz"} | {ord(k): v for k, v in _TURKISH_LETTERS.items()}
_TURKISH_CASE = str.maketrans({"I": "ı", "İ": "i"})
_OTHER_ACCENTED = re.compile("[^\x00-\x7fçğıöşü]+")
_DIGITS = re.compile(r"\d+")
_DOTTED_I = str.maketrans({"İ": "i", "I": "i", "ı": "i"})


def _strip_marks(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _number(match: re.Match[str]) -> str:
    # Length first, so 19 < 190 < 1000; leading zeros do not count. Digits sort before letters.
    digits = match.group().lstrip("0") or "0"
    return f"{len(digits):02d}{digits}"


def sort_key(text: str, turkish: bool) -> str:
    """A key that sorts ``text`` as a reader of Turkish (``turkish=True``) or English expects.

    Names equal but for case or accents are told apart, so the order is stable and total:
    the original text follows the primary key after a NUL.
    """
    cache = _KEYS[bool(turkish)]
    key = cache.get(text)
    return key if key is not None else _remember(cache, text, _sort_key(text, turkish))


def _sort_key(text: str, turkish: bool) -> str:
    if turkish:
        lowered = text.translate(_TURKISH_CASE).lower()
        if not lowered.isascii():  # é → e, but ç, ğ, ı, ö, ş, ü are letters of their own
            lowered = _OTHER_ACCENTED.sub(lambda match: _strip_marks(match.group()), lowered)
        primary = _DIGITS.sub(_number, lowered).translate(_TURKISH_TABLE)
    else:
        primary = _DIGITS.sub(_number, _strip_marks(text.casefold().replace("ı", "i")))
    return f"{primary}\x00{text}"


def fold_turkish(text: str) -> str:
    """``text`` as a search compares it: case-, accent- and Turkish-i-insensitive.

    İ, I and ı all become i (Turkish and English readers type either), then the text is
    case-folded and stripped of combining marks, so a query typed without Turkish letters
    still finds the name.

    >>> fold_turkish("İstanbul"), fold_turkish("IŞIK"), fold_turkish("Işık")
    ('istanbul', 'isik', 'isik')
    >>> fold_turkish("Bilgi İşlem") == fold_turkish("BILGI ISLEM")
    True
    """
    if text.isascii():
        return text.lower()
    folded = _FOLDS.get(text)
    return folded if folded is not None else _remember(_FOLDS, text, _strip_marks(text.translate(_DOTTED_I).casefold()))
