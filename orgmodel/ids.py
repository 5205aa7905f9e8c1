"""Unit ids made from names: readable, stable, ASCII, and free in the model they join."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

_TURKISH_ASCII = str.maketrans({"ı": "i", "İ": "i", "ş": "s", "Ş": "s", "ğ": "g", "Ğ": "g", "ç": "c", "Ç": "c", "ö": "o", "Ö": "o", "ü": "u", "Ü": "u"})


def slugify(text: str) -> str:
    """A lower-case ASCII id from a name: stable, readable, and safe in any file.

    >>> slugify("Çağrı Merkezi")
    'cagri-merkezi'
    >>> slugify("R&D / Labs")
    'r-d-labs'
    """
    text = unicodedata.normalize("NFKD", text.translate(_TURKISH_ASCII))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def fresh_id(name: str, taken: Container[str]) -> str:
    """An id derived from ``name`` that is not in ``taken``: the slug, then ``-2``, ``-3``...

    >>> fresh_id("İnsan Kaynakları", set()), fresh_id("IT", {"it", "it-2"}), fresh_id("?", ())
    ('insan-kaynaklari', 'it-3', 'unit')
    """
    base = slugify(name) or "unit"
    candidate, counter = base, 2
    while candidate in taken:
        candidate = f"{base}-{counter}"
        counter += 1
    return candidate
