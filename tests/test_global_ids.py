"""Global ids, cursors and identifier spellings."""

from __future__ import annotations

import pytest

from core.errors import BadUserInput
from core.global_ids import (
    after_key,
    after_offset,
    decode_id,
    encode_id,
    encode_opaque,
    key_cursor,
    list_identity,
    offset_cursor,
)
from core.identifiers import normalize_arxiv_id, normalize_doi, normalize_orcid
from resolvers.compiler.connections import bounded


def test_ids_round_trip_and_are_opaque() -> None:
    value = encode_id("Work", "arxiv:2204.12554")
    assert "arxiv" not in value
    assert decode_id(value) == ("Work", "arxiv:2204.12554")
    assert decode_id(value, expected="Work") == ("Work", "arxiv:2204.12554")


@pytest.mark.parametrize("value", ["", "!!!", encode_id("Paper", "x"), encode_id("Work", "")])
def test_malformed_ids_are_bad_input(value: str) -> None:
    with pytest.raises(BadUserInput):
        decode_id(value)


WORKS = list_identity("Researcher", "works", None)


def test_page_requests_check_bounds_and_cursor_kind() -> None:
    assert bounded(None, 20, 100) == 20
    with pytest.raises(BadUserInput):
        bounded(101, 20, 100)
    with pytest.raises(BadUserInput):
        bounded(-1, 20, 100)
    assert after_offset(offset_cursor(7, WORKS, "r1"), WORKS, "r1") == 7
    assert after_key(key_cursor("w|1", WORKS), WORKS) == "w|1"
    with pytest.raises(BadUserInput):
        after_key(offset_cursor(7, WORKS, "r1"), WORKS)
    for odd in (
        "o|²",
        "o|9223372036854775807",
        "o|-1",
        "k|x",
        "o|7",
        "",
        "x|1|Researcher.works|default|r1",
    ):
        with pytest.raises(BadUserInput):
            after_offset(encode_opaque(odd), WORKS, "r1")


@pytest.mark.parametrize(
    ("cursor", "parent"),
    [
        (offset_cursor(7, WORKS, "r2"), "r1"),  # another parent
        (offset_cursor(7, list_identity("Topic", "works", None), "r1"), "r1"),  # another field
        (offset_cursor(7, list_identity("Researcher", "works", ("year", "asc")), "r1"), "r1"),
        (offset_cursor(7, WORKS, "r1"), None),  # a list under many parents takes no cursor
        (key_cursor("w1", WORKS), "r1"),  # paged by key, not by offset
    ],
)
def test_a_cursor_belongs_to_one_list(cursor: str, parent: str | None) -> None:
    with pytest.raises(BadUserInput):
        after_offset(cursor, WORKS, parent)


def test_cursors_are_opaque() -> None:
    cursor = offset_cursor(7, WORKS, "anirbit-mukherjee")
    assert "works" not in cursor and "anirbit" not in cursor


def test_identifier_spellings_normalise() -> None:
    assert normalize_orcid("https://orcid.org/0000-0002-1825-009x") == "0000-0002-1825-009X"
    assert normalize_doi("doi:10.1016/J.NEUNET.2022.03.040") == "10.1016/j.neunet.2022.03.040"
    assert normalize_arxiv_id("https://arxiv.org/abs/2005.04211v3") == "2005.04211"
    assert normalize_arxiv_id("hep-th/9901001") == "hep-th/9901001"
