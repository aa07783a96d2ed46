"""Search queries beyond a bound are refused before Lucene sees them (core/lucene.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import BadUserInput
from core.lucene import MAX_TERMS, bounded_search


@pytest.mark.parametrize(
    "query",
    [
        "relu gate",
        'title:"ReLU gate" AND abstract:poison*',
        "Sayar OR training",
        "(heavy tails) AND NOT gaussian",
        "/rel[uy]/",
        "gradi?nt~1",
        "input/output",
        " OR ".join(["term"] * MAX_TERMS),
    ],
)
def test_ordinary_queries_pass_as_given(query: str) -> None:
    assert bounded_search(query) == query


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("/[a-z]{1,60000}/", "regular expression"),
        ("/" + "(a|b)" * 10 + "/", "regular expression"),
        ("*a*", "wildcard"),
        ("title:?ow", "wildcard"),
        ("relu +*gate", "wildcard"),
        (" OR ".join(["a"] * (MAX_TERMS + 1)), "terms"),
        (" OR ".join(f"t{index}" for index in range(2_100)), "too long"),
        ("a" * 1_001, "too long"),
    ],
)
def test_costly_queries_are_bad_input(query: str, says: str) -> None:
    with pytest.raises(BadUserInput, match=says):
        bounded_search(query)


def test_a_phrase_is_one_term_whatever_it_holds() -> None:
    phrase = '"' + " ".join(["*word"] * 100) + '"'

    assert bounded_search(phrase) == phrase


@given(st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=2 * MAX_TERMS))
def test_plain_words_pass_up_to_the_term_bound(words: list[str]) -> None:
    query = " ".join(words)
    if len(words) <= MAX_TERMS:
        assert bounded_search(query) == query
    else:
        with pytest.raises(BadUserInput):
            bounded_search(query)
