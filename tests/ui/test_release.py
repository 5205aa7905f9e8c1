"""A big index let go of off the interface thread (``ui.canvas.items.release``): the long
runs' index of an Org Chart at 10,000 units took 1 s to free when the next routing replaced it."""

from __future__ import annotations

import threading
import time

from ui.canvas.items.release import ASIDE_FROM, release_aside


class Entry:
    """Notes the thread that frees it."""

    def __init__(self, freed: list[str]) -> None:
        self.freed = freed

    def __del__(self) -> None:
        self.freed.append(threading.current_thread().name)


class Holder:
    index: dict


def _wait_for(condition, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        time.sleep(0.01)


def test_a_big_index_replaced_is_freed_in_a_worker_thread_entry_by_entry() -> None:
    freed: list[str] = []
    holder = Holder()
    holder.index = {slot: {line: Entry(freed) for line in range(20)} for slot in range(ASIDE_FROM * 2)}
    handed = release_aside(holder.index)  # (not inside ``assert``: pytest would keep a reference)
    holder.index = {}
    assert handed
    _wait_for(lambda: len(freed) == ASIDE_FROM * 2 * 20)
    assert len(freed) == ASIDE_FROM * 2 * 20
    assert threading.main_thread().name not in freed


def test_an_index_someone_else_holds_or_a_small_one_is_left_alone() -> None:
    freed: list[str] = []
    holder = Holder()
    holder.index = {slot: Entry(freed) for slot in range(ASIDE_FROM * 2)}
    kept = holder.index
    handed = release_aside(holder.index)
    holder.index = {}
    time.sleep(0.1)
    assert not handed
    assert len(kept) == ASIDE_FROM * 2 and not freed
    small = {slot: Entry(freed) for slot in range(ASIDE_FROM - 1)}
    holder.index = small
    del small
    handed = release_aside(holder.index)
    holder.index = {}
    assert not handed and freed == [threading.main_thread().name] * (ASIDE_FROM - 1)  # at once, here
