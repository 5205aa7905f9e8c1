"""The last step of routing: no two lines share a stretch.

Ports and tracks keep most lines apart, but runs planned in different channels can still
fall on one coordinate (a line leaving a card above runs down past the track of a line
entering the card below at the same x). The :class:`RunIndex` knows every run by its exact
coordinate; a new route whose run lies on another line's run is shifted sideways by a
step or two, when the shifted route still clears every card and keeps its ports on their
card sides.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Hashable

Point = tuple[float, float]
Rect = tuple[float, float, float, float]
#: coordinate -> its runs (see :class:`Stretch`)
Runs = dict[float, "Stretch"]

SHIFTS = (1.5, -1.5, 3.0, -3.0, 4.5, -4.5)
CROWD = 6  #: more lines than this on one coordinate: a crowded channel, left as it is


def _runs(route: list[Point]):
    """(orientation "h"/"v", coordinate, (lo, hi)) of each axis-parallel run."""
    for (x0, y0), (x1, y1) in zip(route, route[1:]):
        if y0 == y1:
            yield "h", y0, (min(x0, x1), max(x0, x1))
        elif x0 == x1:
            yield "v", x0, (min(y0, y1), max(y0, y1))


def simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and points in the middle of a straight run.

    >>> simplify([(0, 0), (0, 5), (0, 5), (0, 9), (3, 9)])
    [(0, 0), (0, 9), (3, 9)]
    """
    out: list[Point] = []
    append = out.append
    # The last two points kept, unpacked once (every route is simplified: 30,000 at a time).
    x0 = y0 = x1 = y1 = 0.0
    n = 0
    for p in points:
        x, y = p
        if n:
            if x == x1 and y == y1:
                continue
            if n > 1 and (x0 == x1 == x or y0 == y1 == y):
                out[-1] = p
                x1, y1 = x, y
                continue
        append(p)
        x0, y0, x1, y1 = x1, y1, x, y
        n += 1
    return out


class Stretch:
    """The runs on one row (horizontal runs at one y) or one column: three parallel lists
    in the order the runs came, and how many lines they belong to (a line may have several
    runs there). No dict and no (lo, hi) pair per line: at 50,000 units the 740,000 runs
    took 84 MB as dicts of tuples; the floats are the routes' own. (Kept sorted by start,
    each run's bisection into its row cost more than the dict did: 1.8 s more a routing.)"""

    __slots__ = ("lines", "starts", "ends", "keys")

    def __init__(self) -> None:
        self.lines = 0
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.keys: list[Hashable] = []

    def take(self, key: Hashable, lo: float, hi: float) -> bool:
        """Take out the run (lo, hi) of line ``key``; whether it was there. (Found by its
        start: a search of floats, which compare faster than the lines' keys.)"""
        starts, ends, keys = self.starts, self.ends, self.keys
        i = 0
        while True:
            try:
                i = starts.index(lo, i)
            except ValueError:
                return False
            if ends[i] == hi and keys[i] == key:
                del starts[i], ends[i], keys[i]
                return True
            i += 1

    def meets(self, key: Hashable, lo: float, hi: float) -> bool:
        """Does a line other than ``key`` have a run overlapping (lo, hi)?"""
        for start, end, other in zip(self.starts, self.ends, self.keys):
            if start < hi and end > lo and other != key:
                return True
        return False


class RunIndex:
    """Every route's axis-parallel runs, by orientation and exact coordinate."""

    def __init__(self) -> None:
        #: by orientation: horizontal runs by their y, vertical ones by their x
        self._runs: dict[str, Runs] = {"h": {}, "v": {}}
        #: the coordinates in use, sorted, for crossing(); None: to be sorted at the next query
        self._coords: dict[str, list[float]] | None = {"h": [], "v": []}

    def defer_sorting(self) -> None:
        """Many routes are coming: sort their coordinates once, at the next query."""
        self._coords = None

    def add(self, key: Hashable, route: list[Point]) -> None:
        """Index a route's runs (a line not indexed yet: its old route removed first)."""
        rows, columns = self._runs["h"], self._runs["v"]
        found = []
        x0, y0 = route[0] if route else (0.0, 0.0)
        for x1, y1 in route[1:]:
            if y0 == y1:
                runs, coord = rows, y0
                lo, hi = (x0, x1) if x0 <= x1 else (x1, x0)
            elif x0 == x1:
                runs, coord = columns, x0
                lo, hi = (y0, y1) if y0 <= y1 else (y1, y0)
            else:
                x0, y0 = x1, y1
                continue
            x0, y0 = x1, y1
            found.append((runs, coord, runs.get(coord), lo, hi))
        self._enter(key, found)

    def _enter(self, key: Hashable, found: list[tuple[Runs, float, Stretch | None, float, float]]) -> None:
        """Index a route's runs: (runs of its orientation, coordinate, the Stretch there as
        it was before the first of them was entered, lo, hi) each."""
        rows = self._runs["h"]
        coords = self._coords
        joined: list[Stretch] = []  # the coordinates this route has a run on already
        for runs, coord, owners, lo, hi in found:
            if owners is None:
                owners = runs.get(coord)  # an earlier run of this route may have made it
                if owners is None:
                    owners = runs[coord] = Stretch()
                    if coords is not None:
                        insort(coords["h" if runs is rows else "v"], coord)
            if owners not in joined:  # by identity: a Stretch equals only itself
                owners.lines += 1
                joined.append(owners)
            owners.starts.append(lo)
            owners.ends.append(hi)
            owners.keys.append(key)

    def remove(self, key: Hashable, route: list[Point] | None) -> None:
        """Take out the runs of a line's route (as it was indexed)."""
        if not route:
            return
        left: list[Stretch] = []  # the coordinates the line has left
        for kind, coord, (lo, hi) in _runs(route):
            runs = self._runs[kind]
            owners = runs.get(coord)
            if owners is None or not owners.take(key, lo, hi):
                continue
            if owners not in left:
                left.append(owners)
                owners.lines -= 1
            if not owners.keys:
                del runs[coord]
                if self._coords is not None:
                    coords = self._coords[kind]
                    del coords[bisect_left(coords, coord)]

    def crossing(self, left: float, top: float, right: float, bottom: float) -> set[Hashable]:
        """The lines with a run through the open rectangle."""
        if self._coords is None:
            self._coords = {kind: sorted(runs) for kind, runs in self._runs.items()}
        found: set[Hashable] = set()
        add = found.add
        for kind, (lo, hi), (a, b) in (("h", (top, bottom), (left, right)), ("v", (left, right), (top, bottom))):
            coords, runs = self._coords[kind], self._runs[kind]
            for coord in coords[bisect_right(coords, lo):bisect_left(coords, hi)]:
                # A row's coordinate has the runs of a whole row of cards.
                owners = runs[coord]
                for start, end, key in zip(owners.starts, owners.ends, owners.keys):
                    if start < b and end > a:
                        add(key)
        return found

    def settle(self, key: Hashable, route: list[Point], free: Callable[[Point, Point], bool],
               ends: tuple[Rect, Rect], trusted_ends: bool = False) -> list[Point]:
        """As :meth:`separate`, and the separated route's runs added: one pass over the runs
        where nothing clashes (most routes)."""
        rows, columns = self._runs["h"], self._runs["v"]
        found = []
        slanted = False
        x0, y0 = route[0] if route else (0.0, 0.0)
        for x1, y1 in route[1:]:
            if y0 == y1:
                runs, coord = rows, y0
                lo, hi = (x0, x1) if x0 <= x1 else (x1, x0)
            elif x0 == x1:
                runs, coord = columns, x0
                lo, hi = (y0, y1) if y0 <= y1 else (y1, y0)
            else:
                x0, y0 = x1, y1
                slanted = True
                continue
            x0, y0 = x1, y1
            owners = runs.get(coord)
            if owners is not None and owners.lines <= CROWD:
                # As Stretch.meets, inlined: most runs have a line or two beside them, or none.
                for start, end, other in zip(owners.starts, owners.ends, owners.keys):
                    if start < hi and end > lo and other != key:
                        # The runs before this one were found clear: not asked again (unless
                        # a slanted run came first, which separate counts differently).
                        route = self._separate(key, route, free, ends, trusted_ends, 0 if slanted else len(found))
                        self.add(key, route)
                        return route
            found.append((runs, coord, owners, lo, hi))
        self._enter(key, found)
        return list(route)

    def separate(self, key: Hashable, route: list[Point], free: Callable[[Point, Point], bool],
                 ends: tuple[Rect, Rect], trusted_ends: bool = False) -> list[Point]:
        """``route`` with each run that lies on another line's run shifted off it, where a
        shift keeps it clear of cards (``free``) and its ends on the sides of the two cards
        ``ends`` (left, top, right, bottom), away from their corners. ``trusted_ends``:
        the first and last runs stay in the gaps beside their cards however they shift
        along the sides, so they need no check."""
        return self._separate(key, route, free, ends, trusted_ends, 0)

    def _separate(self, key: Hashable, route: list[Point], free: Callable[[Point, Point], bool],
                  ends: tuple[Rect, Rect], trusted_ends: bool, first: int) -> list[Point]:
        """As :meth:`separate`, the runs before the ``first`` known to lie on no other line's."""
        rows, columns = self._runs["h"], self._runs["v"]
        clashing = []
        x0, y0 = route[first] if route else (0.0, 0.0)
        i = first - 1
        for x1, y1 in route[first + 1:]:
            i += 1
            if y0 == y1:
                owners = rows.get(y0)
                lo, hi = (x0, x1) if x0 <= x1 else (x1, x0)
            elif x0 == x1:
                owners = columns.get(x0)
                lo, hi = (y0, y1) if y0 <= y1 else (y1, y0)
            else:
                x0, y0 = x1, y1
                continue
            if owners is not None and owners.lines <= CROWD:
                # As Stretch.meets, inlined.
                for start, end, other in zip(owners.starts, owners.ends, owners.keys):
                    if start < hi and end > lo and other != key:
                        clashing.append((i, y0 == y1, y0 if y0 == y1 else x0, lo, hi))
                        break
            x0, y0 = x1, y1
        route = list(route)
        if not clashing:
            return route
        last = len(route) - 2
        shifted = False
        for i, across, coord, lo, hi in clashing:
            runs, axis = (rows, 1) if across else (columns, 0)
            if trusted_ends:
                near = [j for j in (i - 1, i, i + 1) if 0 < j < last]
            else:
                near = [j for j in (i - 1, i, i + 1) if 0 <= j <= last]
            end_a = ends[0][axis] + 4, ends[0][axis + 2] - 4
            end_b = ends[1][axis] + 4, ends[1][axis + 2] - 4
            for shift in SHIFTS:
                # The cheap checks first (all must hold; none has effects).
                if i == 0 and not end_a[0] <= route[0][axis] + shift <= end_a[1]:
                    continue
                if i == last and not end_b[0] <= route[-1][axis] + shift <= end_b[1]:
                    continue
                owners = runs.get(coord + shift)
                if owners is not None and owners.lines <= CROWD and owners.meets(key, lo, hi):
                    continue  # the shifted run would lie on another line's run
                moved = list(route)
                x, y = moved[i]
                moved[i] = (x, y + shift) if axis else (x + shift, y)
                x, y = moved[i + 1]
                moved[i + 1] = (x, y + shift) if axis else (x + shift, y)
                for j in near:
                    if not free(moved[j], moved[j + 1]):
                        break
                else:
                    route = moved
                    shifted = True
                    break
        # A shifted run can end in line with its neighbour (a side line's first run moved
        # to the height of its last): its corners go, as simplify drops them.
        return simplify(route) if shifted else route
