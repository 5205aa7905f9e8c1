"""Which text encoding a CSV file is in, decided per file from its bytes.

UTF-8 when the bytes decode as UTF-8 (with or without a byte order mark), or when they are
mostly UTF-8 with a few stray bytes: one bad byte must not turn every name into
Windows-1254 mojibake. Otherwise Windows-1254 (Turkish Excel) or Latin-1: the two read
every byte alike but 0x80–0x9F (control characters in Latin-1, so Windows-1254) and six
letters: Ğ İ Ş ğ ı ş in Windows-1254 are Ð Ý Þ ð ý þ in Latin-1. When the file has those,
the letters around them decide: ç ö ü are Turkish, æ á í ó ú are not; a tie goes to
Windows-1254, the one Turkish Excel writes.

>>> decode("Müşteri".encode("utf-8") + b" \\xff")[1]
'UTF-8'
>>> decode("Müşteri Hizmetleri".encode("cp1254"))[1]
'Windows-1254'
>>> decode("Þórunn Guðmundsdóttir, Ásta".encode("latin-1"))[1]
'Latin-1'
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_SIX = re.compile(rb"[\xd0\xdd\xde\xf0\xfd\xfe]")
_TURKISH = re.compile(rb"[\xc7\xd6\xdc\xe7\xf6\xfc]")  # Ç Ö Ü ç ö ü, alike in both
_NOT_TURKISH = re.compile(rb"[\xc1\xc6\xcd\xd3\xda\xe1\xe6\xed\xf3\xfa]")  # Á Æ Í Ó Ú á æ í ó ú


def decode(data: bytes) -> tuple[str, str, bool]:
    """The text of ``data``, the name of the encoding it was read in and whether every byte
    decoded; bytes that did not are U+FFFD (the caller says where)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "UTF-8", True
    except UnicodeDecodeError:
        pass
    utf8 = data.decode("utf-8", errors="replace")
    sequences = len(_UTF8_SEQUENCE.findall(data))
    if sequences and utf8.count(REPLACEMENT) < sequences:
        return utf8, "UTF-8", False  # mostly UTF-8: a few stray bytes, not another encoding
    if _SIX.search(data) and len(_NOT_TURKISH.findall(data)) > len(_TURKISH.findall(data)):
        return data.decode("latin-1"), "Latin-1", True
    turkish = data.decode("cp1254", errors="replace")
    return turkish, "Windows-1254", REPLACEMENT not in turkish
