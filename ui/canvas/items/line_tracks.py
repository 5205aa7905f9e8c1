"""A bucket's lines as the pieces inside it, and those pieces drawn once per track.

Routed lines share tracks: where channels meet, several lines run on one row or column of the
canvas over the same stretch (at 50,000 units, the lines in view were drawn about 6.7 times
over). A cached path holds each track's pieces merged, so every stretch of ink is drawn once
(and, dashed, as one dash pattern). The pieces of each line in a bucket are kept, so that when
one line changes, the bucket's paths are made again from the others' pieces without cutting
every line in it again.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QPainterPath

from ui.canvas.items.line_index import BUCKET, LONG, Point, slot_stretch
from ui.canvas.items.line_shapes import clip

#: A line's pieces in one bucket, flat: x1, y1, x2, y2, x1, y1, ...
Pieces = tuple[float, ...]


def cut_to(pts: list[Point], left: float, top: float, right: float, bottom: float) -> Pieces:
    """The pieces of a line's segments (those no longer than LONG: longer runs are kept by
    row or column) inside the rectangle."""
    out: list[float] = []
    add = out.extend
    for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
        if abs(x2 - x1) + abs(y2 - y1) > LONG:
            continue  # drawn from the long runs
        # Routed runs are axis-parallel: cut them with comparisons (as ``clip`` does).
        if y1 == y2 and x1 != x2:
            if top <= y1 <= bottom:
                a, b = (max(x1, left), min(x2, right)) if x1 < x2 else (min(x1, right), max(x2, left))
                if (a < b) if x1 < x2 else (a > b):
                    add((a, y1, b, y1))
            continue
        if x1 == x2 and y1 != y2:
            if left <= x1 <= right:
                a, b = (max(y1, top), min(y2, bottom)) if y1 < y2 else (min(y1, bottom), max(y2, top))
                if (a < b) if y1 < y2 else (a > b):
                    add((x1, a, x1, b))
            continue
        piece = clip(x1, y1, x2, y2, left, top, right, bottom)
        if piece is not None:
            add(piece)
    return tuple(out)


def stretch_pieces(runs: Iterable[tuple[float, float, float, float]], across: bool, first: float, last: float) -> Pieces:
    """Long runs along a row (``across``) or a column, cut to the stretch from ``first`` to
    ``last`` along it."""
    pieces: list[float] = []
    for x1, y1, x2, y2 in runs:
        if across:
            lo, hi = (x1, x2) if x1 < x2 else (x2, x1)
            pieces += (lo if lo > first else first, y1, hi if hi < last else last, y1)
        else:
            lo, hi = (y1, y2) if y1 < y2 else (y2, y1)
            pieces += (x1, lo if lo > first else first, x1, hi if hi < last else last)
    return tuple(pieces)


def track_path(lines: Iterable[Pieces]) -> QPainterPath:
    """One path of these pieces: on each row and each column, overlapping or touching pieces
    merged into one run, rows by height and columns from left to right (the same pieces make
    the same path, whatever order they came in); slanted pieces as they are, after them.

    Dashed, a merged run's dashes begin where its first piece does: a line changed on a
    shared track shifts the dashes after it, so the layer then repaints the track from the
    change to the end of its bucket or stretch (``line_index.track_span``)."""
    rows: dict[float, list[tuple[float, float]]] = {}
    columns: dict[float, list[tuple[float, float]]] = {}
    slanted: list[tuple[float, float, float, float]] = []
    row, column = rows.setdefault, columns.setdefault
    for pieces in lines:
        each = iter(pieces)
        for x1, y1, x2, y2 in zip(each, each, each, each):
            if y1 == y2:
                row(y1, []).append((x1, x2) if x1 < x2 else (x2, x1))
            elif x1 == x2:
                column(x1, []).append((y1, y2) if y1 < y2 else (y2, y1))
            else:
                slanted.append((x1, y1, x2, y2))
    path = QPainterPath()
    move, line = path.moveTo, path.lineTo
    for horizontal, tracks in ((True, rows), (False, columns)):
        for at in sorted(tracks):
            spans = sorted(tracks[at])
            lo, hi = spans[0]
            for a, b in spans[1:]:
                if a > hi:
                    if horizontal:
                        move(lo, at)
                        line(hi, at)
                    else:
                        move(at, lo)
                        line(at, hi)
                    lo, hi = a, b
                elif b > hi:
                    hi = b
            if horizontal:
                move(lo, at)
                line(hi, at)
            else:
                move(at, lo)
                line(at, hi)
    for x1, y1, x2, y2 in sorted(slanted):
        move(x1, y1)
        line(x2, y2)
    return path


#: A fine long-run slot's runs are cached in this many bands across its row or column, by
#: track: a slot holds up to 7,000 runs at 50,000 units, and a changed line makes again only
#: the band of its own run there. 64 bands (16 units each: a few tracks) rather than 16: a move
#: at 50,000 units remade some 40 bands of about 440 runs each in the repaint after it
#: (measured, paired: move -> idle 133 / 138 ms with 16 bands, 121 / 120 ms with 64). Runs on
#: one track share a band whatever their number, so merged runs come out as before.
BANDS = 64


class SlotBands:
    """The runs of one fine long-run slot (``("h"|"v", row or column, stretch)``) by band
    across it, cut to the slot's stretch, each band's paths by look made once and kept until
    a run in it changes."""

    def __init__(self, slot: tuple) -> None:
        self.slot = slot
        self._first, self._last = slot_stretch(slot)
        #: band -> key -> its runs in the band as pieces cut to the stretch (cut once: a band's
        #: paths are made again from every line in it when one changes, 8,000 lines cut again
        #: for each move at 50,000 units)
        self.runs: dict[int, dict] = {}
        self.bands_of: dict = {}  #: key -> its bands
        self.paths: dict[int, dict[int, QPainterPath]] = {}  #: band -> look -> path
        self.fresh = False  #: every key read from the index (else only ``stale`` need be)
        self.stale: set = set()  #: keys whose runs here changed: read them again

    def band(self, run: tuple[float, float, float, float]) -> int:
        along = run[1] if self.slot[0] == "h" else run[0]
        return min(BANDS - 1, max(0, int((along % BUCKET) * BANDS // BUCKET)))

    def forget(self, key, moved: bool) -> None:
        """This line changed look (its bands' paths go) or moved (its runs too: read again)."""
        for band in self.bands_of.get(key, ()):
            self.paths.pop(band, None)
        if moved:
            for band in self.bands_of.pop(key, ()):
                self.runs[band].pop(key, None)
            self.stale.add(key)

    def refresh(self, owners: dict) -> None:
        """Take in the runs of the keys that changed (all of them, the first time), from the
        slot's ``{key: runs}`` in the index."""
        keys = owners.keys() if not self.fresh else [key for key in self.stale if key in owners]
        self.fresh = True
        self.stale = set()
        across, first, last = self.slot[0] == "h", self._first, self._last
        for key in keys:
            for band in self.bands_of.pop(key, ()):
                self.runs[band].pop(key, None)
                self.paths.pop(band, None)
            by_band: dict[int, list] = {}
            for run in owners[key]:
                by_band.setdefault(self.band(run), []).append(run)
            self.bands_of[key] = tuple(by_band)
            for band, runs in by_band.items():
                self.runs.setdefault(band, {})[key] = stretch_pieces(runs, across, first, last)
                self.paths.pop(band, None)

    def band_paths(self, band: int, look_of) -> dict[int, QPainterPath]:
        """One band's paths by look; ``look_of(key)``: its look, or None to leave the line
        out."""
        paths = self.paths.get(band)
        if paths is None:
            groups: dict[int, list[Pieces]] = {}
            for key, pieces in self.runs.get(band, {}).items():
                look = look_of(key)
                if look is not None:
                    groups.setdefault(look, []).append(pieces)
            paths = self.paths[band] = {category: track_path(lines) for category, lines in groups.items()}
        return paths
