"""How a write moves a bucket's figures (core/tallies.py), against the bucket's works held
as a plain list and counted again after every write."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from core.tallies import BucketFigures, Extreme, Value, moved

values = st.none() | st.integers(0, 6)


def counted(works: Counter[Value]) -> BucketFigures:
    numbers = [value for value in works.elements() if value is not None]
    if not numbers:
        return BucketFigures(works=sum(works.values()))
    least, greatest = min(numbers), max(numbers)
    return BucketFigures(
        works=sum(works.values()),
        cited=len(numbers),
        cited_sum=sum(numbers),
        least=Extreme(least, numbers.count(least)),
        greatest=Extreme(greatest, numbers.count(greatest)),
    )


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[list[Value], list[int]]]:
    """Writes, each adding some works and removing some of those held (by position)."""
    return draw(
        st.lists(
            st.tuples(st.lists(values, max_size=4), st.lists(st.integers(0, 50), max_size=4)),
            max_size=12,
        )
    )


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(histories())
def test_moved_figures_are_those_counted_again(
    writes: list[tuple[list[Value], list[int]]],
) -> None:
    held: list[Value] = []
    figures = BucketFigures()
    for added, removing in writes:
        positions = {at % len(held) for at in removing} if held else set()
        removed = [held[at] for at in positions]
        held = [value for at, value in enumerate(held) if at not in positions]
        held.extend(added)
        changes: Counter[Value] = Counter(added)
        changes.subtract(removed)
        after = moved(figures, changes)
        expected = counted(Counter(held))
        if after is None:
            # counted again only when a held extreme left with nothing to take its place
            assert removed, (figures, changes)
            figures = expected
        else:
            assert after == expected, (figures, changes)
            figures = after


def test_the_bucket_is_counted_again_only_when_an_extreme_is_lost() -> None:
    figures = counted(Counter([1, 3, 3, 5]))
    assert moved(figures, {3: -1}) == counted(Counter([1, 3, 5]))
    assert moved(figures, {1: -1, 0: 1}) == counted(Counter([0, 3, 3, 5]))
    assert moved(figures, {1: -1}) is None  # the next least, 3, is not known from the change
    assert moved(counted(Counter([2])), {2: -1, None: 1}) == counted(Counter([None]))
    # the only work moved: what it holds now is all the bucket holds
    assert moved(counted(Counter([2])), {2: -1, 7: 1}) == counted(Counter([7]))
