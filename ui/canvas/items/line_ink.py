"""Thin solid lines in a big export, each stretch of ink drawn once.

A picture too small for dashes (a 10,000-unit grid as a 32-megapixel PNG) draws its lines
aliased, thinner than a pixel: Qt draws such a line one pixel wide, translucent (as opaque as
the line is wide), pixel by pixel. Where lines lie on one another (a crowded channel's lines
share its tracks) every line was blended over the others: 112 million pixels for a grid whose
lines cover 38 million. Here the runs on one coordinate are cut where their count changes,
and each stretch is drawn once, as opaque as that many lines blended one over another; the
picture is the same (to a level of rounding), at a third of the work.

The paths are handed to Qt whole, read from the bytes ``QDataStream`` writes for a path
(Qt's own format, stable since Qt 4), instead of two Python calls into Qt per segment.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream
from PySide6.QtGui import QPainterPath, QPen

Point = tuple[float, float]

#: One element of a path as QDataStream holds it: type (0 move to, 1 line to), x, y.
_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])


def segments_path(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray) -> QPainterPath:
    """The segments (x1, y1)-(x2, y2), each its own subpath, as one path made in one call.

    >>> path = segments_path(np.array([0.0]), np.array([1.0]), np.array([5.0]), np.array([1.0]))
    >>> [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]
    [(0.0, 1.0), (5.0, 1.0)]
    """
    n = len(x1)
    if not n:
        return QPainterPath()
    elements = np.empty(2 * n, dtype=_ELEMENT)
    elements["type"][0::2], elements["type"][1::2] = 0, 1
    elements["x"][0::2], elements["y"][0::2] = x1, y1
    elements["x"][1::2], elements["y"][1::2] = x2, y2
    data = np.array([2 * n], ">i4").tobytes() + elements.tobytes() + np.array([0, 0], ">i4").tobytes()  # start, fill rule
    path = QPainterPath()
    QDataStream(QByteArray(data)) >> path
    return path


def _segments(lines: Sequence[list[Point]]) -> tuple[np.ndarray, np.ndarray]:
    """Every segment of these polylines (each of two points or more): (starts, ends)."""
    counts = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines))
    total = int(counts.sum())
    points = np.fromiter(chain.from_iterable(chain.from_iterable(lines)), dtype=np.float64, count=2 * total).reshape(-1, 2)
    starts = np.ones(total, dtype=bool)
    starts[np.cumsum(counts) - 1] = False  # a polyline's last point starts no segment
    first = np.flatnonzero(starts)
    return points[first], points[first + 1]


def stacks(coord: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Runs (lo < hi) on coordinates cut where the number of runs on them changes:
    ``(coord, lo, hi, how many)`` of each stretch covered.

    >>> [a.tolist() for a in stacks(np.array([1.0, 1, 2]), np.array([0.0, 2, 0]), np.array([4.0, 6, 1]))]
    [[1.0, 1.0, 1.0, 2.0], [0.0, 2.0, 4.0, 0.0], [2.0, 4.0, 6.0, 1.0], [1, 2, 1, 1]]
    """
    where = np.concatenate((coord, coord))
    at = np.concatenate((lo, hi))
    step = np.concatenate((np.ones(len(lo), np.int64), -np.ones(len(hi), np.int64)))
    order = np.lexsort((step, at, where))
    where, at, step = where[order], at[order], step[order]
    count = np.cumsum(step)  # each coordinate's steps add up to nothing: it starts afresh at 0
    cut = np.flatnonzero((where[1:] == where[:-1]) & (at[1:] > at[:-1]) & (count[:-1] > 0))
    return where[cut], at[cut], at[cut + 1], count[cut]


def opacity_pen(pen: QPen, lines: int) -> QPen:
    """``pen`` (aliased, cosmetic, solid, under a pixel wide: Qt draws it as opaque as it is
    wide) as opaque as ``lines`` of it blended one over another."""
    alpha = int(256 * pen.widthF()) / 256  # as Qt's cosmetic stroker takes it
    stacked = 1 - (1 - alpha) ** lines
    thick = QPen(pen)
    thick.setWidthF(min(1.0, (round(256 * stacked) + 0.5) / 256))
    return thick


def stacked_paths(lines: Sequence[list[Point]], pen: QPen) -> Iterator[tuple[QPen, QPainterPath]]:
    """The pens and paths that draw these polylines (each of two points or more) with
    ``pen`` (aliased, cosmetic, solid, opaque colour) as drawing each line over the others
    does: axis-parallel runs cut into stretches, each drawn once, with the pen of its count."""
    a, b = _segments(lines)
    x1, y1, x2, y2 = a[:, 0], a[:, 1], b[:, 0], b[:, 1]
    across = (y1 == y2) & (x1 != x2)
    down = (x1 == x2) & (y1 != y2)
    other = ~(across | down)
    if other.any():  # the odd slanted line (a search that gave up), as it was
        yield pen, segments_path(x1[other], y1[other], x2[other], y2[other])
    ys, left, right, h_count = stacks(y1[across], np.minimum(x1, x2)[across], np.maximum(x1, x2)[across])
    xs, top, bottom, v_count = stacks(x1[down], np.minimum(y1, y2)[down], np.maximum(y1, y2)[down])
    opaque = pen.widthF() >= 1.0  # drawn opaque: once is as many times
    for lines_there in np.unique(np.concatenate((h_count, v_count))) if not opaque else (None,):
        h = slice(None) if lines_there is None else h_count == lines_there
        v = slice(None) if lines_there is None else v_count == lines_there
        path = segments_path(np.concatenate((left[h], xs[v])), np.concatenate((ys[h], top[v])),
                             np.concatenate((right[h], xs[v])), np.concatenate((ys[h], bottom[v])))
        yield (pen if lines_there is None else opacity_pen(pen, int(lines_there))), path
