"""JSON objects of amounts in cents, written a block of rows at a time without a Python
object per amount: what ``cost --json`` and ``automation --json`` write for a 10,000-unit
attribution (tens of millions of amounts).

The text is exactly what ``json.dumps({key: number(cents / 100), ...}, ensure_ascii=False)``
gives, where ``number`` writes a whole amount as an integer (``118400``, not ``118400.0``) and
any other as Python's shortest float (``1184.5``, ``0.07``): for cents below 10**15 that float
is the cents written with a decimal point and the trailing zero dropped (a double has steps
finer than a cent up to 2**46 ≈ 7·10**13, so the shortest decimal that reads back as the
same double is the cent amount itself). Other amounts (negative ones, or 10**13 and more)
are written by ``json.dumps`` itself.

The trick: each amount becomes a fixed-width row of bytes (the key, the digits, the
fraction, ``", "``) with NUL bytes as padding; dropping the NULs leaves the text, in order.
JSON text never holds a NUL byte (``json.dumps`` escapes control characters), so none is lost.

>>> keys = CentKeys(["a", "b", "ç"])
>>> [bytes(body) for body in keys.bodies(np.array([[118400_00, 5, 0], [0, 0, -7]]))]
[b'"a": 118400, "b": 0.05', b'"\\xc3\\xa7": -0.07']
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np

#: Amounts from this many cents on (and below zero) are written by json.dumps.
LIMIT = 10**15
#: Entries formatted at once (memory: about this × 40 bytes).
ENTRIES = 1 << 20


def number(value: float | int) -> float | int:
    """A cent amount for JSON: an integer when it is whole (``118400``, not ``118400.0``); an
    integer of any size stays as it is (JSON numbers have no limit; a float would overflow).

    >>> number(118400.0), number(0.5), number(3 * 10**308) == 3 * 10**308
    (118400, 0.5, True)
    """
    if isinstance(value, int):
        return value
    return int(value) if value.is_integer() else value


def _table(texts: Sequence[bytes], width: int) -> np.ndarray:
    """``texts`` padded with NULs to ``width`` bytes, as a (len × width) uint8 array."""
    return np.frombuffer(b"".join(t.rjust(width, b"\0") for t in texts), dtype=np.uint8).reshape(len(texts), width)


#: Four digits, zero-padded ("0042"), and with the leading zeros dropped ("\0\0" "42"; 0 is
#: all NULs, or "0" when it is the whole integer part).
_PADDED = _table([b"%04d" % k for k in range(10_000)], 4).view(np.uint32).ravel()
_BARE = _table([b"%d" % k if k else b"" for k in range(10_000)], 4).view(np.uint32).ravel()
_UNITS = _table([b"%d" % k for k in range(10_000)], 4).view(np.uint32).ravel()
#: The cents: "", ".5", ".05" (left-aligned in four bytes).
_FRACTION = np.frombuffer(
    b"".join((b"" if not k else b".%d" % (k // 10) if not k % 10 else b".%02d" % k).ljust(4, b"\0") for k in range(100)),
    dtype=np.uint32,
)


class CentKeys:
    """The keys of one kind of row (e.g. every service unit id, in column order), encoded
    once as ``"key": `` for :meth:`bodies`."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = list(keys)
        encoded = [json.dumps(key, ensure_ascii=False).encode("utf-8") + b": " for key in self.keys]
        self._width = max((len(k) for k in encoded), default=1)
        self._keys = np.frombuffer(b"".join(k.ljust(self._width, b"\0") for k in encoded), dtype=f"V{self._width}")

    def bodies(self, cents: np.ndarray) -> list[memoryview]:
        """For each row of ``cents`` (int64, a column per key), the inside of the JSON object
        of its non-zero amounts, in column order (``"a": 1.5, "b": 2``; empty for none)."""
        if not cents.size:
            return [memoryview(b"")] * len(cents)
        if cents.min() < 0 or cents.max() >= LIMIT:
            return [memoryview(self._dumped(row)) for row in cents]
        rows, columns = np.nonzero(cents)
        ends = np.cumsum(np.bincount(rows, minlength=len(cents)))  # entries up to each row's end
        bodies: list[memoryview] = []
        first = 0  # the first row not written yet; a block is whole rows, about ENTRIES entries
        while first < len(cents):
            start = int(ends[first - 1]) if first else 0
            last = max(int(np.searchsorted(ends, start + ENTRIES, side="right")), first + 1)
            stop = int(ends[last - 1])
            text, offsets = self._text(cents[rows[start:stop], columns[start:stop]], columns[start:stop], ends[first:last] - start)
            view = memoryview(text)
            for k in range(last - first):  # each row without its last ", "
                bodies.append(view[offsets[k] : offsets[k + 1] - 2] if offsets[k + 1] > offsets[k] else view[0:0])
            first = last
        return bodies

    def _text(self, values: np.ndarray, columns: np.ndarray, ends: np.ndarray) -> tuple[bytes, list[int]]:
        """``"key": amount, `` for each entry, concatenated, and where each row begins and
        ends in it (``ends``: each row's end, in entries)."""
        whole, fraction = np.divmod(values, 100)
        digits = len(str(int(whole.max()))) if len(whole) else 1
        groups = (digits + 3) // 4
        entry = np.dtype([("key", f"V{self._width}"), ("number", np.uint32, (groups + 1,)), ("separator", "V2")])
        entries = np.empty(len(values), dtype=entry)
        entries["key"] = self._keys[columns]
        number = entries["number"]
        for g in range(groups):  # g = 0: the four lowest digits, in the last column
            part = (whole // 10 ** (4 * g)) % 10_000 if g else whole % 10_000
            higher = whole >= 10 ** (4 * (g + 1))
            number[:, groups - 1 - g] = np.where(higher, _PADDED[part], (_UNITS if g == 0 else _BARE)[part])
        number[:, groups] = _FRACTION[fraction]
        entries["separator"] = b", "
        flat = entries.view(np.uint8)
        keep = flat != 0
        per_entry = entry.itemsize
        offsets, at, done = [0], 0, 0
        for end in ends.tolist():
            at += int(np.count_nonzero(keep[done * per_entry : end * per_entry]))
            offsets.append(at)
            done = end
        return flat[keep].tobytes(), offsets

    def _dumped(self, row: np.ndarray) -> bytes:
        nonzero = np.flatnonzero(row)
        # Python's int / int is correctly rounded; numpy's would round the cents to a double
        # first (above 2**53 cents: a second rounding, and a different last digit).
        item = {self.keys[i]: number(c / 100) for i, c in zip(nonzero.tolist(), row[nonzero].tolist())}
        return json.dumps(item, ensure_ascii=False).encode("utf-8")[1:-1]
