"""The name rule that identifies the authors two bylines of one work share."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seed.names import Entry, match_bylines, person_name, same_person


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Anirbit Mukherjee", "Mukherjee, A."),
        ("Anirbit Mukherjee", "A. Mukherjee"),
        ("anirbit mukherjee", "ANIRBIT MUKHERJEE"),
        ("René Vidal", "Rene Vidal"),
        ("Alejandro F Frangi", "Frangi, Alejandro F."),
        ("Alejandro F Frangi", "A. F. Frangi"),
        ("J. van der Berg", "van der Berg, Jan"),
        ("Mukherjee", "Anirbit Mukherjee"),
    ],
)
def test_spellings_of_one_name_agree(one: str, other: str) -> None:
    assert same_person(one, other)
    assert same_person(other, one)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Mingfei Sun", "Zhengkai Sun"),
        ("Sun, M.", "Zhengkai Sun"),
        ("Anirbit Mukherjee", "Anirbit Banerjee"),
        ("A. F. Frangi", "A. G. Frangi"),
        ("", "Anirbit Mukherjee"),
        ("12345", "12345"),
    ],
)
def test_different_people_do_not(one: str, other: str) -> None:
    assert not same_person(one, other)


def test_family_name_first_after_a_comma() -> None:
    name = person_name("Mukherjee, Anirbit")
    assert name is not None
    assert (name.family, name.given) == ("mukherjee", ("anirbit",))


names = st.text(st.characters(categories=["L", "Zs", "Pd"]), min_size=1, max_size=30)


@given(names, names)
def test_the_rule_is_symmetric(one: str, other: str) -> None:
    assert same_person(one, other) == same_person(other, one)


@given(names)
def test_a_name_with_a_letter_agrees_with_itself_and_its_reordering(name: str) -> None:
    parsed = person_name(name)
    if parsed is None:
        return
    assert same_person(name, name)
    assert same_person(name, f"{parsed.family}, {' '.join(parsed.given)}")


def test_the_same_place_matches_first() -> None:
    stored = [Entry(1, "karmakar", "Sayar Karmakar"), Entry(2, "mukherjee", "Anirbit Mukherjee")]
    incoming = [Entry(1, "A2", "Karmakar, S."), Entry(2, "A1", "Mukherjee, A.")]
    assert match_bylines(stored, incoming) == {"A2": "karmakar", "A1": "mukherjee"}


def test_a_moved_author_matches_by_a_name_unique_on_the_work() -> None:
    stored = [Entry(1, "karmakar", "Sayar Karmakar"), Entry(2, "mukherjee", "Anirbit Mukherjee")]
    incoming = [
        Entry(1, "A2", "Sayar Karmakar"),
        Entry(2, "A3", "Theodore Papamarkou"),
        Entry(3, "A1", "Anirbit Mukherjee"),
    ]
    assert match_bylines(stored, incoming) == {"A2": "karmakar", "A1": "mukherjee"}


def test_a_name_two_authors_could_have_matches_neither() -> None:
    stored = [Entry(1, "ms", "Mingfei Sun"), Entry(2, "zs", "Zhengkai Sun")]
    incoming = [Entry(3, "A9", "Sun")]  # a bare family name fits both
    assert match_bylines(stored, incoming) == {}
    rivals = [Entry(3, "A8", "M. Sun"), Entry(4, "A9", "Mingfei Sun")]
    assert match_bylines([Entry(1, "ms", "Mingfei Sun")], rivals) == {}
