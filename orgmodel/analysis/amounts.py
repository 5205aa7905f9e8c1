"""Sums of amounts (revenue, cost) that never print as ``inf``.

A valid model may hold whole revenues up to the largest float (about 1.8·10^308) and, read
from JSON, whole numbers as exact integers; a few of them summed as floats overflow to
``inf`` (and then ``nan``). :func:`total` adds whole amounts as Python integers, exactly and
of any size, and only the fractions as floats.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Beyond this a float has no cents left to keep: a sum this large is given as a whole number.
EXACT_FLOATS = 2**53


def total(amounts: Iterable[float | int | None]) -> float | int:
    """The sum of ``amounts`` (``None`` counts as 0), never ``inf``: a whole number (``int``)
    when every amount is whole, else a float; a sum of whole amounts beyond 2^53 keeps its
    whole part exact and rounds its fractions to a whole number (a float would have lost
    them anyway).

    >>> total([10**308, 10**308, 10**308]) == 3 * 10**308
    True
    >>> total([1e308, 1e308]) == 2 * int(1e308), total([100, 2.5, None])
    (True, 102.5)
    """
    whole = 0
    fractions = 0.0
    parts = False
    for amount in amounts:
        if amount is None:
            continue
        if isinstance(amount, int):
            whole += amount
        elif amount.is_integer():
            whole += int(amount)
        else:
            fractions += amount
            parts = True
    if not parts:
        return whole
    if abs(whole) < EXACT_FLOATS:
        return whole + fractions
    return whole + round(fractions)
