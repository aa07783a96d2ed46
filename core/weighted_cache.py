"""A least-recently-used cache bounded by the total weight of what it holds, not by how
many entries: a parsed document's memory grows with its text, so ten thousand large
documents must not cost what ten thousand small ones would."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class WeightedCache(Generic[K, V]):
    def __init__(self, max_weight: int) -> None:
        self.max_weight = max_weight
        self.weight = 0
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        # documents are validated on a worker thread while the event loop reads plans
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: K) -> bool:
        return key in self._entries

    def get(self, key: K) -> V | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def put(self, key: K, value: V, weight: int) -> None:
        """Keeps `value` unless it alone outweighs the cache, evicting the least recently
        used entries until the total fits."""
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.weight -= previous[1]
            if weight > self.max_weight:
                return
            self._entries[key] = (value, weight)
            self.weight += weight
            while self.weight > self.max_weight:
                _, (_, evicted) = self._entries.popitem(last=False)
                self.weight -= evicted
