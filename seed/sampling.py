"""Fast draws from a random.Random: the generator makes millions of them.

random.choice, choices and randrange cost several times a bare random() call.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
Draw = Callable[[], float]  # a bound Random.random


def pick(random: Draw, items: Sequence[T]) -> T:
    return items[int(random() * len(items))]


def below(random: Draw, stop: int) -> int:
    return int(random() * stop)


def weighted(random: Draw, cumulative: Sequence[float]) -> int:
    """An index drawn in proportion to its weight, given the running totals of weights."""
    return bisect_right(cumulative, random() * cumulative[-1], 0, len(cumulative) - 1)
