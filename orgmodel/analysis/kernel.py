"""The one kernel both analyses stand on: ids as bitsets, strongly connected components, and
reachability propagated over the condensation.

A set of units is a Python integer, one bit per unit of a :class:`Roster` (bit i stands for
``roster.ids[i]``): union is ``|``, and one integer per unit is far smaller and faster than
one set per unit. Reachability over a dependency graph with cycles is found in one linear
pass: Tarjan's algorithm (:func:`strongly_connected`) numbers the components sinks first, and
:func:`reach_down` / :func:`reach_up` carry bits along the condensation in that order, taking
each cycle as one node. :class:`orgmodel.analysis.SupportAnalysis` and
:class:`orgmodel.analysis.LiveAnalysis` both build on these; nothing here knows about offices.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import compress, repeat

# Turns the text of ``format(bits, "b")`` into bytes 0/1 that ``itertools.compress`` reads in C.
_BITS = bytes.maketrans(b"01", b"\x00\x01")


def mask(bits: int) -> bytes:
    """One byte per bit, least significant first: 1 where the bit is set, else 0.

    >>> mask(0b101)
    b'\\x01\\x00\\x01'
    """
    return format(bits, "b").encode("ascii")[::-1].translate(_BITS)


class Roster:
    """The ids that the bits of a bitset stand for: bit i is ``ids[i]`` (``None``: unused).

    ``ordered`` says whether the ids read in bit order are sorted; decoding then needs no
    sort. Every answer is a sorted list either way.

    >>> roster = Roster(["fin", "hr", "it"])
    >>> roster.decode(0b101)
    ['fin', 'it']
    >>> roster.decode_map({"sales": 0b011, "pr": 0})
    {'pr': [], 'sales': ['fin', 'hr']}
    >>> roster.json_map({"sales": 0b011, "pr": 0})
    '{"pr": [], "sales": ["fin", "hr"]}'
    >>> Roster(["it", None, "fin"], ordered=False).decode(0b101)
    ['fin', 'it']
    """

    __slots__ = ("ids", "ordered")

    def __init__(self, ids: Iterable[str | None], ordered: bool = True) -> None:
        self.ids: list[str | None] = list(ids)
        self.ordered = ordered

    def decode(self, bits: int) -> list[str]:
        """The ids whose bit is set, sorted."""
        if not bits:
            return []
        found: list[str] = list(compress(self.ids, mask(bits)))  # type: ignore[arg-type]
        if not self.ordered:
            found.sort()
        return found

    def decode_map(self, bits_of: Mapping[str, int]) -> dict[str, list[str]]:
        """``{key: decode(bits)}`` in sorted key order."""
        # Units in one component, or fed by the same large cycle, share a set: decode it once
        # and hand out copies (copying a list is far cheaper than decoding it again).
        done: dict[int, list[str]] = {}
        result = {}
        for key in sorted(bits_of):
            bits = bits_of[key]
            members = done.get(bits)
            if members is None:
                members = done[bits] = self.decode(bits)
            result[key] = members.copy()
        return result

    def json_map(self, bits_of: Mapping[str, int]) -> str:
        """:meth:`decode_map` as JSON text, exactly as ``json.dumps(..., sort_keys=True,
        ensure_ascii=False)`` writes it, without building the lists: each id is encoded once,
        not once per occurrence (several times faster for large models)."""
        return "".join(self.json_pieces(bits_of))

    def json_pieces(self, bits_of: Mapping[str, int]) -> Iterator[str]:
        """:meth:`json_map` in pieces, one per key, to be written as they come: the text of
        a dense 50,000-unit model is gigabytes, its largest piece a few hundred kilobytes.

        >>> list(Roster(["fin", "hr"]).json_pieces({"sales": 0b011, "pr": 0b011, "ads": 0}))
        ['{', '"ads": []', ', "pr": ["fin", "hr"]', ', "sales": ["fin", "hr"]', '}']
        """
        if not self.ordered:  # bit order is not id order: the lists must be sorted first
            yield json.dumps(self.decode_map(bits_of), sort_keys=True, ensure_ascii=False)
            return
        encoded = [None if uid is None else json.dumps(uid, ensure_ascii=False) for uid in self.ids]
        # Units in one component, or fed by the same large cycle, share a set: encode it once,
        # and keep its text only while a later key still needs it.
        left = Counter(bits_of.values())
        done: dict[int, str] = {}
        yield "{"
        separator = ""
        for key in sorted(bits_of):
            bits = bits_of[key]
            members = done.get(bits)
            if members is None:
                members = ", ".join(compress(encoded, mask(bits))) if bits else ""  # type: ignore[arg-type]
            left[bits] -= 1
            if left[bits]:
                done[bits] = members
            else:
                done.pop(bits, None)
            yield f"{separator}{json.dumps(key, ensure_ascii=False)}: [{members}]"
            separator = ", "
        yield "}"


def strongly_connected(successors: list[list[int]]) -> tuple[list[int], int]:
    """Tarjan's algorithm without recursion over vertices ``0..n-1``.

    Returns ``(component_of_vertex, number_of_components)``. Components are numbered in
    reverse topological order: an edge between two components always goes from a higher
    number to a lower one, so sinks come first.

    >>> strongly_connected([[1], [2], [1, 3], []])
    ([2, 1, 1, 0], 3)
    """
    n = len(successors)
    index = [-1] * n
    low = [0] * n
    component = [-1] * n
    stack: list[int] = []
    counter = count = 0
    for root in range(n):
        if index[root] != -1:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        path = [root]
        edges = [iter(successors[root])]
        while path:
            v = path[-1]
            for w in edges[-1]:  # resumes where this vertex left off
                if index[w] == -1:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    path.append(w)
                    edges.append(iter(successors[w]))
                    break
                if component[w] == -1 and index[w] < low[v]:
                    low[v] = index[w]  # w is still on the stack: same component
            else:
                path.pop()
                edges.pop()
                if low[v] == index[v]:
                    while True:
                        w = stack.pop()
                        component[w] = count
                        if w == v:
                            break
                    count += 1
                if path and low[v] < low[path[-1]]:
                    low[path[-1]] = low[v]
    return component, count


class Condensation:
    """A directed graph over ids, numbered ``0..n-1`` in the order given, with its strongly
    connected components (numbered sinks first, as :func:`strongly_connected` does).

    >>> c = Condensation(["a", "b", "c"], {"a": {"b": None}, "b": {"a": None, "c": None}, "c": {}})
    >>> c.component, c.members, c.cycles()
    ([1, 1, 0], [[2], [0, 1]], [['a', 'b']])
    """

    __slots__ = ("order", "index", "successors", "component", "members")

    def __init__(self, order: list[str], adjacency: Mapping[str, Iterable[str]]) -> None:
        #: The ids, by vertex number, and the reverse.
        self.order = order
        self.index: dict[str, int] = dict(zip(order, range(len(order))))
        # Each vertex's successors by ``map`` in C, not a comprehension's loop (50,000 units).
        each = map(map, repeat(self.index.__getitem__), map(adjacency.__getitem__, order))
        #: The successors of each vertex, as vertex numbers.
        self.successors: list[list[int]] = list(map(list, each))
        component, count = strongly_connected(self.successors)
        members: list[list[int]] = [[] for _ in range(count)]
        for v, c in enumerate(component):
            members[c].append(v)
        #: The component of each vertex.
        self.component: list[int] = component
        #: The vertices of each component.
        self.members: list[list[int]] = members

    def cycles(self) -> list[list[str]]:
        """The ids of each component of more than one vertex, sinks first."""
        order = self.order
        return [[order[v] for v in group] for group in self.members if len(group) > 1]


def reach_down(graph: Condensation, own: list[int]) -> list[int]:
    """For every component, the OR of ``own[w]`` over the vertices ``w`` reachable from its
    members along one or more edges (a cycle's members reach each other, so a cycle's value
    holds its own members' bits; a single vertex's does not hold its own).

    >>> g = Condensation(["a", "b", "c"], {"a": ["b"], "b": ["a", "c"], "c": []})
    >>> reach_down(g, [0b001, 0b010, 0b100])  # components: [c], [a, b]
    [0, 7]
    """
    successors, component = graph.successors, graph.component
    closed = [0] * len(graph.members)  # the value plus the component's own bits
    down = closed.copy()
    # Equal values are one object: most units reach what one of their successors reaches,
    # and a value over 30,000 back-office units is 4 kB (at 50,000 units, 79 MB of copies
    # of 2,400 distinct values).
    same: dict[int, int] = {}
    share = same.setdefault
    for c, group in enumerate(graph.members):
        reach = 0
        if len(group) == 1:  # the common case; no self-loops, so every edge leaves c
            v = group[0]
            for w in successors[v]:
                r = closed[component[w]]
                if not reach:
                    reach = r
                elif r and r is not reach:
                    reach |= r
            mine = own[v]
            down[c] = reach = share(reach, reach) if reach else 0
            if mine:
                mine |= reach
                closed[c] = share(mine, mine)
            else:
                closed[c] = reach
            continue
        for v in group:
            reach |= own[v]  # in a cycle every member reaches every member
            for w in successors[v]:
                d = component[w]
                if d != c:
                    reach |= closed[d]
        down[c] = closed[c] = share(reach, reach) if reach else 0
    return down


def reach_up(graph: Condensation, own: list[int]) -> list[int]:
    """For every component, the OR of ``own[u]`` over the vertices ``u`` from which its
    members are reachable along one or more edges: :func:`reach_down` of the reversed graph,
    pushed along the same condensation sources first, so no second Tarjan pass is needed.

    >>> g = Condensation(["a", "b", "c"], {"a": ["b"], "b": ["a", "c"], "c": []})
    >>> reach_up(g, [0b001, 0b010, 0b100])  # components: [c], [a, b]
    [3, 3]
    """
    successors, component, members = graph.successors, graph.component, graph.members
    up = [0] * len(members)
    same: dict[int, int] = {}
    share = same.setdefault
    for c in range(len(members) - 1, -1, -1):
        group = members[c]
        mine = 0
        for v in group:
            mine |= own[v]
        if len(group) > 1 and mine:
            up[c] |= mine
        if up[c]:  # final now (every component above came first): equal values, one object
            up[c] = share(up[c], up[c])
        carried = up[c] | mine if mine else up[c]
        if carried:
            for v in group:
                for w in successors[v]:
                    d = component[w]
                    if d != c:
                        up[d] |= carried
    return up


class Bits(dict):
    """Each member's bit (``1 << position``), keeping only the position: a bit over 30,000
    members is a 4 kB integer, and one per member was 66 MB at 50,000 units. Reads as a
    ``dict[str, int]`` of bits (``[]``, ``get``, ``pop``, ``in``, iteration over the ids,
    ``items``, ``values``, ``dict(...)``); :meth:`position` and :meth:`place` work with
    positions.

    >>> bits = Bits({"fin": 0, "it": 2})
    >>> bits["it"], bits.get("hr", 0), "fin" in bits, dict(bits), bits.position("it")
    (4, 0, True, {'fin': 1, 'it': 4}, 2)
    >>> bits.copy() == bits, bits.copy()["it"]
    (True, 4)
    """

    __slots__ = ()

    def __getitem__(self, uid: str) -> int:
        return 1 << dict.__getitem__(self, uid)

    def get(self, uid: str, default: int | None = None) -> int | None:  # type: ignore[override]
        i = dict.get(self, uid)
        return default if i is None else 1 << i

    def pop(self, uid: str, *default: int) -> int:  # type: ignore[override]
        if default and uid not in self:
            return default[0]
        return 1 << dict.pop(self, uid)

    def __iter__(self):  # not dict's own: dict(bits) then reads the bits, not the positions
        return dict.__iter__(self)

    def items(self):  # type: ignore[override]
        return ((uid, 1 << i) for uid, i in dict.items(self))

    def values(self):  # type: ignore[override]
        return (1 << i for i in dict.values(self))

    def __setitem__(self, uid: str, bit: int) -> None:
        dict.__setitem__(self, uid, bit.bit_length() - 1)

    def copy(self) -> Bits:  # type: ignore[override]
        """A copy, positions and all."""
        return Bits(dict.items(self))

    def place(self, uid: str, position: int) -> None:
        """Give ``uid`` the bit at ``position``."""
        dict.__setitem__(self, uid, position)

    def position(self, uid: str, default: int = -1) -> int:
        """The position of ``uid``'s bit (``default`` when it has none)."""
        return dict.get(self, uid, default)


class OwnBits:
    """``own[v]``: the bit of the unit numbered ``v`` in ``order`` (0 when it has none),
    made when read: the own bits :func:`reach_down` and :func:`reach_up` take, without a
    list of tens of megabytes of them."""

    __slots__ = ("_positions",)

    def __init__(self, order: list[str], bits: Bits) -> None:
        self._positions = [bits.position(uid) for uid in order]

    def __getitem__(self, v: int) -> int:
        i = self._positions[v]
        return 1 << i if i >= 0 else 0


class Slots(Roster):
    """A :class:`Roster` for a set of ids that grows and shrinks: one bit per member.

    A freed position is reused by the next newcomer, so adding or removing an id renumbers
    nothing; the caller guarantees a position's bit is clear in every bitset before it is
    freed.

    >>> slots = Slots(["fin", "it"])
    >>> slots.remove("fin"); slots.add("hr"), slots.ordered, slots.decode(0b11)
    (1, True, ['hr', 'it'])
    >>> slots.add("ax"), slots.ordered, slots.decode(0b111), slots.sorted_ids()
    (4, False, ['ax', 'hr', 'it'], ['ax', 'hr', 'it'])
    """

    __slots__ = ("bit", "free", "_sorted")

    def __init__(self, sorted_ids: list[str]) -> None:
        super().__init__(sorted_ids)
        #: Each member's bit.
        self.bit = Bits(zip(sorted_ids, range(len(sorted_ids))))
        self.free: list[int] = []
        self._sorted: list[str] | None = list(sorted_ids)

    def add(self, uid: str) -> int:
        """Give ``uid`` a position (a freed one if any); returns its bit."""
        ids = self.ids
        if self.free:
            i = self.free.pop()
            ids[i] = uid
        else:
            i = len(ids)
            ids.append(uid)
        if self.ordered:
            j = i - 1
            while j >= 0 and ids[j] is None:
                j -= 1
            k, n = i + 1, len(ids)
            while k < n and ids[k] is None:
                k += 1
            self.ordered = (j < 0 or ids[j] < uid) and (k == n or uid < ids[k])  # type: ignore[operator]
        self.bit.place(uid, i)
        self._sorted = None
        return 1 << i

    def remove(self, uid: str) -> None:
        """Free the position of ``uid``."""
        i = self.bit.position(uid)
        dict.pop(self.bit, uid)
        self.ids[i] = None
        self.free.append(i)
        self._sorted = None

    def sorted_ids(self) -> list[str]:
        """The members, sorted (cached: do not change the list)."""
        if self._sorted is None:
            self._sorted = sorted(self.bit)
        return self._sorted

    def frozen(self) -> Roster:
        """A copy of the positions as they are now, unaffected by later changes."""
        return Roster(self.ids, self.ordered)
