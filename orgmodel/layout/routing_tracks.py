"""Tracks in the router's channels: parallel runs sharing a gap each get their own line.

A channel is a gap between cards (a row gap for horizontal runs, a column gap for
vertical ones) named by its orientation and bounds. Laid anew, its runs get tracks by
interval partitioning (as many tracks as the deepest overlap, O(n log n)), spread across
the gap as far apart as it allows. Afterwards a new run takes the first track free over its
extent, found by binary search in each track's runs sorted along the channel, so an edit
looks at the runs next to it and not at the thousands in a long row gap.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Hashable
from operator import itemgetter

ChannelKey = tuple[str, float, float]
Member = Hashable
Extent = tuple[float, float]


_extent_of = itemgetter(0, 1)  #: (start, end) of an entry (start, end, member)
_start_of = itemgetter(0)
_member_of = itemgetter(2)


class Tracks:
    """Which track every run of every channel is on, and where the tracks lie."""

    def __init__(self, clear: float, spacing: float) -> None:
        self.clear, self.spacing = clear, spacing
        self.groups: dict[ChannelKey, dict[Member, int]] = {}
        self._positions: dict[ChannelKey, list[float]] = {}
        #: each placed run's start in its track (to find it there)
        self._starts: dict[Member, float] = {}
        self._new: dict[ChannelKey, set[Member]] = {}  # runs without a track yet
        #: per channel, per track, its runs sorted by start: [starts], [ends], [members] (three
        #: lists rather than one of (start, end, member), and no (channel, track) key: 100 bytes
        #: less per run, 450,000 runs on 150,000 tracks at 50,000 units)
        self._laid: dict[ChannelKey, list[tuple[list[float], list[float], list[Member]]]] = {}

    def add(self, channel: ChannelKey, member: Member) -> None:
        """A run joins a channel without a track yet."""
        group = self.groups.get(channel)
        if group is None:
            group = self.groups[channel] = {}
        group[member] = -1
        new = self._new.get(channel)
        if new is None:
            self._new[channel] = {member}
        else:
            new.add(member)

    def remove(self, channel: ChannelKey, member: Member) -> bool:
        group = self.groups.get(channel)
        if group is None or member not in group:
            return False
        track = group.pop(member)
        self._new.get(channel, set()).discard(member)
        start = self._starts.pop(member, None)
        if start is not None and track >= 0:
            starts, ends, members = self._laid[channel][track]
            i = bisect_left(starts, start)
            while i < len(members) and members[i] != member:
                i += 1
            if i < len(members):
                del starts[i], ends[i], members[i]
        if not group:
            del self.groups[channel]
        return True

    def _put(self, channel: ChannelKey, member: Member, track: int, extent: Extent) -> None:
        self.groups[channel][member] = track
        self._new.get(channel, set()).discard(member)
        lo = self._starts[member] = extent[0]
        laid = self._laid.get(channel)
        if laid is None:
            laid = self._laid[channel] = []
        while len(laid) <= track:
            laid.append(([], [], []))
        starts, ends, members = laid[track]
        i = bisect_right(starts, lo)
        starts.insert(i, lo)
        ends.insert(i, extent[1])
        members.insert(i, member)

    def lay_every(self, channel: ChannelKey, entries: list[tuple[float, float, Member]]) -> list[int]:
        """A new channel's runs, given as (start, end, member) in the order they joined, each
        on a track: interval partitioning, lowest free track first (a whole routing: the
        runs need not have been added with :meth:`add`). Sorts ``entries`` along the
        channel; returns their tracks in that order."""
        self.groups[channel] = {}  # filled below, in the same order
        entries.sort(key=_extent_of)  # stable: equal extents keep the order they joined in
        busy: list[tuple[float, int]] = []  # (end, track) of runs still open
        free: list[int] = []
        laid: list[tuple[list[float], list[float], list[Member]]] = []  # per track, its runs in order
        spacing = self.spacing
        self._new.pop(channel, None)
        push, pop = heapq.heappush, heapq.heappop
        tracks: list[int] = []
        add_track = tracks.append
        for lo, hi, member in entries:
            while busy and busy[0][0] + spacing <= lo:
                push(free, pop(busy)[1])
            if free:
                track = pop(free)
            else:
                track = len(laid)
                laid.append(([], [], []))
            push(busy, (hi, track))
            add_track(track)
            lists = laid[track]
            lists[0].append(lo)
            lists[1].append(hi)
            lists[2].append(member)
        # The members' tracks and starts in bulk (as one at a time, in the same order).
        members = list(map(_member_of, entries))
        self.groups[channel] = dict(zip(members, tracks))
        self._starts.update(zip(members, map(_start_of, entries)))
        self._laid[channel] = laid
        self._positions[channel] = spread(channel, len(laid), self.clear, self.spacing)
        return tracks

    def place(self, channel: ChannelKey, member: Member, extent: Extent) -> None:
        """A new run takes the first track free over its extent (in a full channel, the
        last one)."""
        room = len(self.positions(channel))
        lo, hi = extent
        best = room - 1
        tracks = self._laid.get(channel, ())
        for track in range(room):
            laid = tracks[track] if track < len(tracks) else None
            if laid is None:
                best = track
                break
            starts, ends, _ = laid
            i = bisect_left(starts, hi + self.spacing) - 1
            if i < 0 or ends[i] + self.spacing <= lo:
                best = track
                break
        self._put(channel, member, best, extent)

    def unplaced(self, channel: ChannelKey) -> list[Member]:
        return sorted(self._new.pop(channel, ()))

    def positions(self, channel: ChannelKey) -> list[float]:
        positions = self._positions.get(channel)
        if positions is None:
            positions = self._positions[channel] = spread(channel, 1, self.clear, self.spacing)
        return positions

    def at(self, channel: ChannelKey, member: Member) -> float:
        positions = self._positions.get(channel) or self.positions(channel)
        group = self.groups.get(channel)
        track = 0 if group is None else group.get(member, 0)
        return positions[track % len(positions)] if track > 0 else positions[0]

    def at_each(self, key: Hashable, channels: tuple[tuple[ChannelKey, float], ...]) -> list[float]:
        """Where a line's runs lie in each of its channels (its plan's), as :meth:`at`."""
        out = []
        all_positions, groups = self._positions, self.groups
        index = 0
        for channel, _ in channels:
            positions = all_positions.get(channel) or self.positions(channel)
            group = groups.get(channel)
            track = 0 if group is None else group.get((key, index), 0)
            out.append(positions[track % len(positions)] if track > 0 else positions[0])
            index += 1
        return out


def spread(channel: ChannelKey, tracks: int, clear: float, spacing: float) -> list[float]:
    """Where a channel's tracks lie: alternating either side of a third of the gap for
    horizontal runs (its middle is for reporting lines), of its middle for vertical ones,
    ``clear`` from the cards, ``spacing`` apart or closer when many must fit (never under 2
    units; a channel fuller than that shares tracks).

    >>> spread(("v", 0.0, 40.0), 3, 6.0, 6.0)
    [20.0, 26.0, 14.0]
    """
    kind, lo, hi = channel
    middle = (lo + hi) / 2
    lo, hi = lo + clear, hi - clear
    if hi - lo < 2:
        return [middle]
    step = max(2.0, min(spacing, (hi - lo) / (tracks + 1)))
    base = lo + (hi - lo) / 3 if kind == "h" else middle
    positions = [base]
    k = 1
    while len(positions) < max(tracks, 1):
        inside = [p for p in (base + k * step, base - k * step) if lo <= p <= hi]
        if not inside:
            break
        positions += [p for p in inside if kind != "h" or abs(p - middle) > 1]
        k += 1
    return positions[: max(tracks, 1)]
