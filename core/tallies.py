"""The works of a topic or an institution counted by year and open access (a `WorkTally`
node per bucket, docs/metrics.md), and how a write moves one.

A write knows the works it removes from a bucket and those it adds, by their citedByCount,
so the count and the sum move by a difference. The least and the greatest move too, with
how many works hold them; only when every work holding one left and none took its place
is the bucket counted again from the graph.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

# a work with no citedByCount counts among the bucket's works and in none of its figures
Value = int | None


@dataclass(frozen=True)
class Extreme:
    """The least (or greatest) citedByCount in a bucket and how many works hold it."""

    value: int | None = None
    holders: int = 0


@dataclass(frozen=True)
class BucketFigures:
    works: int = 0
    cited: int = 0  # works with a citedByCount
    cited_sum: int = 0
    least: Extreme = Extreme()
    greatest: Extreme = Extreme()

    @classmethod
    def of_row(cls, row: Mapping[str, Any]) -> BucketFigures:
        """From a `WorkTally` node's properties."""
        return cls(
            works=row["works"],
            cited=row["cited"],
            cited_sum=row["citedSum"],
            least=Extreme(row.get("citedMin"), row["citedMinHolders"]),
            greatest=Extreme(row.get("citedMax"), row["citedMaxHolders"]),
        )

    def row(self) -> dict[str, int | None]:
        """The `WorkTally` node's properties."""
        return {
            "works": self.works,
            "cited": self.cited,
            "citedSum": self.cited_sum,
            "citedMin": self.least.value,
            "citedMinHolders": self.least.holders,
            "citedMax": self.greatest.value,
            "citedMaxHolders": self.greatest.holders,
        }


def moved(figures: BucketFigures, changes: Mapping[Value, int]) -> BucketFigures | None:
    """The bucket's figures once `changes` (each citedByCount with the works added, or
    removed when negative) apply; None when the graph must count them again."""
    numbers = {value: by for value, by in changes.items() if value is not None and by}
    cited = figures.cited + sum(numbers.values())
    kept_least, kept_greatest = figures.least, figures.greatest
    if figures.cited + sum(by for by in numbers.values() if by < 0) == 0:
        # none of the works that were there is left: the extremes are among those added
        kept_least = kept_greatest = Extreme()
    least = _extreme(kept_least, numbers, lambda a, b: a < b)
    greatest = _extreme(kept_greatest, numbers, lambda a, b: a > b)
    if cited and (least is None or greatest is None):
        return None
    return BucketFigures(
        works=figures.works + sum(changes.values()),
        cited=cited,
        cited_sum=figures.cited_sum + sum(value * by for value, by in numbers.items()),
        least=least or Extreme(),
        greatest=greatest or Extreme(),
    )


def _extreme(
    kept: Extreme, numbers: Mapping[int, int], beyond: Callable[[int, int], bool]
) -> Extreme | None:
    """The extreme after the changes; None when every holder left and no added value is
    at or beyond it, so the next one is not known here."""
    holders = kept.holders + numbers.get(kept.value, 0) if kept.value is not None else 0
    best = None
    for value, by in numbers.items():
        if by > 0 and (best is None or beyond(value, best)):
            best = value
    if best is not None and (kept.value is None or beyond(best, kept.value)):
        return Extreme(best, numbers[best])
    if holders > 0:
        return Extreme(kept.value, holders)
    return None
