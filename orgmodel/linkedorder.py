"""A sequence of distinct keys with O(1) append, insert-before and removal.

The model keeps its dependencies in file order with it: undo puts a dependency back before
the one that followed it, which a plain dict can only do by rebuilding itself (30,000 entries
per restored line made undoing a bulk delete take minutes).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class LinkedOrder(Generic[K]):
    """Keys in a stable order with O(1) append, insert-before and removal.

    >>> order = LinkedOrder(["a", "c"])
    >>> order.insert_before("b", "c"); order.insert_before("d", None)
    >>> list(order), order.previous(None), order.key_at(1)
    (['a', 'b', 'c', 'd'], 'd', 'b')
    >>> order.remove("a"); order.head, order.next("b")
    ('b', 'c')
    """

    def __init__(self, keys: list[K] | None = None) -> None:
        keys = keys or []
        self._next: dict[K, K | None] = dict(zip(keys, [*keys[1:], None]))
        self._prev: dict[K, K | None] = dict(zip(keys, [None, *keys[:-1]]))
        self.head: K | None = keys[0] if keys else None
        self.tail: K | None = keys[-1] if keys else None

    def __iter__(self) -> Iterator[K]:
        key, following = self.head, self._next
        while key is not None:
            yield key
            key = following[key]

    def __contains__(self, key: object) -> bool:
        return key in self._next

    def next(self, key: K) -> K | None:
        """The key after ``key`` (``None`` after the last)."""
        return self._next[key]

    def previous(self, key: K | None) -> K | None:
        """The key before ``key``; before ``None`` (the end) is the last key."""
        return self.tail if key is None else self._prev[key]

    def insert_before(self, key: K, successor: K | None) -> None:
        """Put ``key`` just before ``successor`` (at the end when it is ``None``)."""
        before = self.previous(successor)
        self._link(before, key)
        self._link(key, successor)

    def remove(self, key: K) -> None:
        """Take ``key`` out; its neighbours close the gap."""
        before, after = self._prev.pop(key), self._next.pop(key)
        self._link(before, after)

    def _link(self, before: K | None, after: K | None) -> None:
        """Make ``after`` follow ``before`` (``None``: the start, or the end)."""
        if before is None:
            self.head = after
        else:
            self._next[before] = after
        if after is None:
            self.tail = before
        else:
            self._prev[after] = before

    def key_at(self, index: int) -> K | None:
        """The key at position ``index`` (a walk from the head), ``None`` past the end."""
        for position, key in enumerate(self):
            if position == index:
                return key
        return None
